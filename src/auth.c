/* ISC license. */
/* auth.c: SMTP AUTH (RFC 4954): the command, the SASL exchanges of PLAIN,
   LOGIN and CRAM-MD5, the auth hooks and their replies. Never logs a
   password or an AUTH payload (STYLE, Logging), and wipes every buffer that
   held one before returning. */

#include "auth.h"

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>
#include <skalibs/random.h>

#include <bearssl.h>

#include "limits.h"
#include "qcsmtpd/plugin.h"
#include "base64.h"
#include "cmd.h"
#include "hook.h"
#include "io.h"
#include "log.h"
#include "registry.h"
#include "reply.h"
#include "session.h"
#include "txn.h"

/* One line of the exchange (CRLF removed), its decoded form, and LOGIN's
   user name kept while the password is asked for. Static: bounded, and
   wiped after every exchange. */
static char line[AUTH_LINE_MAX + 1] ;
static char dec[BASE64_DECLEN(AUTH_LINE_MAX) + 1] ;
static char loginuser[BASE64_DECLEN(AUTH_LINE_MAX) + 1] ;

static unsigned int failures = 0 ;
/* how the command ends (QP_CMD_*): set where the exchange cannot go on */
static int ending = QP_CMD_OK ;

static int fail (int outcome) { if (outcome > ending) ending = outcome ; return 0 ; }
static int oom (void) { reply_closing("4.3.0", "out of memory") ; return fail(QP_CMD_FAIL) ; }
static char mechused[16] = "" ;

int qp_secret_equal (char const *a, size_t alen, char const *b, size_t blen)
{
  /* the time depends on the longer length only, never on the contents */
  size_t n = alen > blen ? alen : blen, i = 0 ;
  unsigned char d = alen != blen ;
  for (; i < n ; i++)
    d |= (unsigned char)((i < alen ? a[i] : 0) ^ (i < blen ? b[i] : 0)) ;
  return !d ;
}

int qp_cram_md5_verify (char const *ticket, char const *secret, char const *hexdigest)
{
  static char const hex[16] = "0123456789abcdef" ;
  br_hmac_key_context kc ;
  br_hmac_context hc ;
  unsigned char mac[16] ;
  char want[32], got[32] ;
  unsigned int i = 0 ;
  int r ;
  if (!ticket || !secret || !hexdigest || strlen(hexdigest) != 32) return 0 ;
  for (; i < 32 ; i++)
  {
    char c = hexdigest[i] ;
    if (c >= 'A' && c <= 'F') c += 32 ;
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return 0 ;
    got[i] = c ;
  }
  /* RFC 2195 2: HMAC-MD5 (RFC 2104) keyed with the secret over the challenge */
  br_hmac_key_init(&kc, &br_md5_vtable, secret, strlen(secret)) ;
  br_hmac_init(&hc, &kc, 0) ;
  br_hmac_update(&hc, ticket, strlen(ticket)) ;
  br_hmac_out(&hc, mac) ;
  for (i = 0 ; i < 16 ; i++)
  {
    want[2*i] = hex[mac[i] >> 4] ;
    want[2*i+1] = hex[mac[i] & 15] ;
  }
  r = qp_secret_equal(want, 32, got, 32) ;
  qp_wipe(&kc, sizeof kc) ;
  qp_wipe(&hc, sizeof hc) ;
  qp_wipe(mac, sizeof mac) ;
  qp_wipe(want, sizeof want) ;
  return r ;
}

char const *qp_auth_mech (void)
{
  return sess.authuser.len ? mechused : 0 ;
}


 /* Pure parsers */

int auth_plain_split (char *buf, size_t len, char const **authzid, char const **authcid, char const **passwd)
{
  char *a = memchr(buf, 0, len), *b ;
  buf[len] = 0 ;
  if (!a) return 0 ;
  b = memchr(a + 1, 0, len - (size_t)(a + 1 - buf)) ;
  if (!b || memchr(b + 1, 0, len - (size_t)(b + 1 - buf))) return 0 ;
  if (b == a + 1 || b + 1 == buf + len) return 0 ;
  *authzid = buf ;
  *authcid = a + 1 ;
  *passwd = b + 1 ;
  return 1 ;
}

int auth_cram_split (char *buf, size_t len, char const **user, char const **digest)
{
  size_t i = len, k ;
  buf[len] = 0 ;
  if (memchr(buf, 0, len)) return 0 ;
  while (i && buf[i-1] != ' ') i-- ;
  if (i < 2 || len - i != 32) return 0 ;
  for (k = i ; k < len ; k++)
  {
    char c = buf[k] ;
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return 0 ;
  }
  buf[i-1] = 0 ;
  *user = buf ;
  *digest = buf + i ;
  return 1 ;
}

int auth_login_ok (char *buf, size_t len)
{
  buf[len] = 0 ;
  return len && !memchr(buf, 0, len) ;
}

static int hexval (char c)
{
  if (c >= '0' && c <= '9') return c - '0' ;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10 ;
  return -1 ;
}

int auth_xtext_decode (char *out, char const *in, size_t len)
{
  size_t i = 0, o = 0 ;
  for (; i < len ; i++)
  {
    unsigned char c = in[i] ;
    if (c == '+')
    {
      /* RFC 3461 4: "+" and two upper-case hexadecimal digits */
      int h, l ;
      if (i + 2 >= len) return 0 ;
      h = hexval(in[i+1]) ; l = hexval(in[i+2]) ;
      /* what decodes to a control character is no address */
      if (h < 0 || l < 0 || (h << 4 | l) < 32 || (h << 4 | l) > 126) return 0 ;
      out[o++] = (char)(h << 4 | l) ;
      i += 2 ;
    }
    else if (c < 33 || c > 126 || c == '=') return 0 ;
    else out[o++] = (char)c ;
  }
  out[o] = 0 ;
  return 1 ;
}


 /* The exchange */

typedef struct mechanism_s mechanism ;
struct mechanism_s
{
  char const *name ;       /* as advertised and in replies */
  char const *lname ;      /* as hooks and notes get it */
  int hook ;
  void (*run) (mechanism const *, char *) ;
} ;

static int generic (void)
{
  return hook_registered(HOOK_AUTH) || hook_registered(HOOK_AUTH_PLAIN) || hook_registered(HOOK_AUTH_LOGIN) ;
}

/* CRAM-MD5 only when a plugin can verify it: the generic auth hook gets
   clear-text passwords, which a CRAM-MD5 exchange never carries */
static int mech_offered (mechanism const *m)
{
  return m->hook == HOOK_AUTH_CRAM_MD5 ? hook_registered(HOOK_AUTH_CRAM_MD5) : generic() ;
}

static int offered (void)
{
  return generic() || hook_registered(HOOK_AUTH_CRAM_MD5) ;
}

/* RFC 4954 4: "*" cancels; else base64 ("=" is the empty initial response). */
#define RESP_OK 1
#define RESP_FAILED 0

/* Decodes s (len octets) into dec; replies and returns RESP_FAILED if it
   does not decode. */
static int decode (char const *s, size_t len, size_t *n)
{
  if (len == 1 && s[0] == '=') { *n = 0 ; dec[0] = 0 ; return RESP_OK ; }
  if (len > AUTH_LINE_MAX || !base64_decode(dec, n, s, len))
  {
    reply_send(501, "5.5.2", "Cannot decode the AUTH response (base64 expected)") ;
    return RESP_FAILED ;
  }
  dec[*n] = 0 ;
  return RESP_OK ;
}

/* Sends 334 with the base64 challenge, reads the client's line (with the io
   deadline) and decodes it into dec. RESP_FAILED after replying. */
static int response (char const *challenge, size_t *n)
{
  size_t len ;
  int r ;
  if (!reply_send(334, 0, challenge) || !io_flush()) return fail(QP_CMD_FAIL) ;
  r = io_getline(line, sizeof(line), &len) ;
  if (r < 0) return fail(QP_CMD_FAIL) ;
  if (!r) { qp_wipe(line, sizeof(line)) ; return fail(QP_CMD_CLOSE) ; }
  if (r == 2)
  {
    qp_wipe(line, sizeof(line)) ;
    reply_send(500, "5.5.6", "Authentication Exchange line is too long") ;
    return RESP_FAILED ;
  }
  if (len == 1 && line[0] == '*')
  {
    reply_send(501, "5.7.0", "Authentication canceled") ;
    return RESP_FAILED ;
  }
  /* an empty line is an empty response here; "=" is only for initial ones */
  if (strlen(line) != len || (len == 1 && line[0] == '='))
  {
    reply_send(501, "5.5.2", "Cannot decode the AUTH response (base64 expected)") ;
    return RESP_FAILED ;
  }
  r = decode(line, len, n) ;
  qp_wipe(line, len) ;
  return r ;
}

static void syntax (mechanism const *m)
{
  char text[80] = "Malformed " ;
  strcat(text, m->name) ;
  strcat(text, " response") ;
  reply_send(501, "5.5.2", text) ;
}

/* The reply to each verdict of the auth hooks; "%m" the mechanism, "%u" the
   user, "%i" the client's address, then " - <message>" when there is one. */
typedef struct outcome_s outcome ;
struct outcome_s
{
  unsigned char verdict ;
  unsigned char close ;
  unsigned char fail ;      /* counts towards AUTH_FAILURES_MAX */
  unsigned short code ;
  char const *esc ;
  char const *text ;
} ;

static outcome const outcomes[] =
{
  { OK, 0, 0, 235, "2.7.0", "%m authentication successful for %u" },
  { DENYSOFT, 0, 0, 454, "4.7.0", "%m authentication temporarily failed for %u from %i" },
  { DENYSOFT_DISCONNECT, 1, 0, 421, "4.7.0", "%m authentication temporarily failed for %u from %i, closing connection" },
  { DENY_DISCONNECT, 1, 1, 535, "5.7.8", "%m authentication failed for %u from %i" },
  /* DENY, DECLINED, DONE without a reply, anything else (RFC 4954 6) */
  { DENY, 0, 1, 535, "5.7.8", "%m authentication failed for %u from %i" },
} ;

static outcome const *outcome_of (int v)
{
  size_t i = 0 ;
  for (; i < sizeof(outcomes) / sizeof(outcome) - 1 ; i++)
    if (outcomes[i].verdict == v) return outcomes + i ;
  return outcomes + i ;
}

static void expand (stralloc *sa, char const *t, mechanism const *m, char const *user, char const *msg)
{
  for (; *t ; t++)
  {
    if (t[0] == '%' && t[1])
    {
      char const *s = t[1] == 'm' ? m->name : t[1] == 'u' ? user : t[1] == 'i' ? sess.remoteip : "" ;
      stralloc_cats(sa, s) ;
      t++ ;
    }
    else stralloc_catb(sa, t, 1) ;
  }
  if (msg && *msg) { stralloc_cats(sa, " - ") ; stralloc_cats(sa, msg) ; }
}

static int succeed (mechanism const *m, char const *user)
{
  if (!stralloc_copys(&sess.authuser, user) || !stralloc_0(&sess.authuser)) return oom() ;
  sess.authuser.len-- ;
  sess.relay = 1 ;
  strcpy(mechused, m->lname) ;
  /* qpsmtpd: an authenticated client is no longer naughty */
  qp_naughty_clear() ;
  if (!qp_note_set(QP_CONN, "auth_user", user) || !qp_note_set(QP_CONN, "auth_mechanism", m->lname))
    return oom() ;
  log_core(LOGINFO, "AUTH ", m->name, " succeeded for ", user, " from ", sess.remoteip, (char *)0) ;
  return 1 ;
}

 /* Failures across connections (control/auth_fail_limit): counters in the
    store per client address (IPv6: its /64) and per user name, each
    lasting its window from the first failure counted. At the limit, AUTH
    gets 454 without the credentials being checked: guessing passwords
    from one address, or for one user from many, stops paying. A store
    that fails leaves AUTH unthrottled (logged once): it is a brake, and
    must never keep users out. */

#define THROTTLE_NS "auth_fail"

typedef struct throttle_s throttle ;
struct throttle_s
{
  unsigned int ipmax, ipsecs ;       /* 0: no limit per address */
  unsigned int usermax, usersecs ;   /* 0: no limit per user */
} ;

static throttle thr = { 0, 0, 0, 0 } ;
static int thr_off = 0 ;   /* the store failed in this connection */

/* "F SECONDS [UF USECONDS]" */
static int throttle_parse (char const *s)
{
  unsigned int v[4] ;
  unsigned int n = 0 ;
  while (n < 4)
  {
    size_t k ;
    while (*s == ' ' || *s == '\t') s++ ;
    if (!*s) break ;
    k = uint_scan(s, v + n) ;
    if (!k || (s[k] && s[k] != ' ' && s[k] != '\t')) return 0 ;
    s += k ;
    n++ ;
  }
  while (*s == ' ' || *s == '\t') s++ ;
  if (*s || (n != 2 && n != 4)) return 0 ;
  if (n == 2) { v[2] = v[0] ; v[3] = v[1] ; }
  for (unsigned int i = 0 ; i < 4 ; i += 2)
    if (v[i] > AUTH_THROTTLE_MAX || v[i+1] < 1 || v[i+1] > AUTH_THROTTLE_SECS_MAX) return 0 ;
  thr.ipmax = v[0] ; thr.ipsecs = v[1] ;
  thr.usermax = v[2] ; thr.usersecs = v[3] ;
  return 1 ;
}

int auth_config (void)
{
  stralloc sa = STRALLOC_ZERO ;
  int r ;
  if (!offered()) return 1 ;
  r = qp_control_line("auth_fail_limit", &sa) ;
  if (r < 0) log_core(LOGERROR, "config error: control/auth_fail_limit: ", strerror(errno), (char *)0) ;
  else if (r && !throttle_parse(sa.s))
  {
    log_core(LOGERROR, "config error: control/auth_fail_limit: expected \"FAILURES SECONDS [USER_FAILURES USER_SECONDS]\" (failures 0 to " AUTH_THROTTLE_MAX_S ", seconds 1 to " AUTH_THROTTLE_SECS_MAX_S "), got \"", sa.s, "\"", (char *)0) ;
    r = -1 ;
  }
  stralloc_free(&sa) ;
  return r >= 0 ;
}

/* The counter keys: "ip:" and qp_client_key (an IPv6 address by its /64) and
   "user:<name in lower case>". 1, or 0 (no address known, no memory). */
static int key_ip (stralloc *sa)
{
  sa->len = 0 ;
  return qp_remote_addr()->family && stralloc_cats(sa, "ip:") && qp_client_key(sa) ;
}

static int key_user (stralloc *sa, char const *user)
{
  size_t i ;
  sa->len = 0 ;
  if (!stralloc_cats(sa, "user:")) return 0 ;
  i = sa->len ;
  if (!stralloc_cats(sa, user)) return 0 ;
  /* "Bob" and "bob" are one target for a guesser */
  for (; i < sa->len ; i++) if (sa->s[i] >= 'A' && sa->s[i] <= 'Z') sa->s[i] += 'a' - 'A' ;
  return 1 ;
}

static void store_failed (void)
{
  if (thr_off) return ;
  thr_off = 1 ;
  log_core(LOGWARN, "AUTH failure throttling is off for this connection: store failure: ", strerror(errno), (char *)0) ;
}

/* 1 if the counter under key has reached max; 0 not, or unknown. */
static int over (stralloc *k, unsigned int max)
{
  stralloc v = STRALLOC_ZERO ;
  uint64_t n = 0 ;
  int r = qp_store_get(THROTTLE_NS, k->s, k->len, &v, 0) ;
  if (r < 0) store_failed() ;
  else if (r && (!stralloc_0(&v) || !uint64_scan(v.s, &n))) n = 0 ;
  stralloc_free(&v) ;
  return r > 0 && n >= max ;
}

/* Which limit the client or the user has reached: "address", "user", or NULL. */
static char const *throttled (char const *user)
{
  stralloc k = STRALLOC_ZERO ;
  char const *why = 0 ;
  if (thr.ipmax && !thr_off && key_ip(&k) && over(&k, thr.ipmax)) why = "address" ;
  else if (thr.usermax && !thr_off && key_user(&k, user) && over(&k, thr.usermax)) why = "user" ;
  stralloc_free(&k) ;
  return why ;
}

static void count_failure (char const *user)
{
  stralloc k = STRALLOC_ZERO ;
  int64_t total ;
  if (thr.ipmax && !thr_off && key_ip(&k) && qp_store_incr(THROTTLE_NS, k.s, k.len, 1, thr.ipsecs, &total) < 0) store_failed() ;
  if (thr.usermax && !thr_off && key_user(&k, user) && qp_store_incr(THROTTLE_NS, k.s, k.len, 1, thr.usersecs, &total) < 0) store_failed() ;
  stralloc_free(&k) ;
}

/* RFC 4954 6: "454 4.7.0 Temporary authentication failure", the
   credentials unchecked; it counts towards AUTH_FAILURES_MAX. */
static void refuse_throttled (mechanism const *m, char const *user, char const *why)
{
  log_core(LOGNOTICE, "AUTH ", m->name, " throttled for ", user, " from ", sess.remoteip,
    ": too many failures for the ", why, " (auth_fail_limit)", (char *)0) ;
  if (++failures >= AUTH_FAILURES_MAX)
  {
    reply_closing("4.7.0", "Too many failed AUTH attempts, closing connection") ;
    fail(QP_CMD_CLOSE) ;
    return ;
  }
  if (!reply_send(454, "4.7.0", "Temporary authentication failure")) fail(QP_CMD_FAIL) ;
}

/* Turns the verdict into the reply (and the session's state). */
static void conclude (mechanism const *m, char const *user, int v, char const *msg, int replied)
{
  static stralloc text = STRALLOC_ZERO ;
  outcome const *o = outcome_of(v) ;
  /* the plugin answered itself (reply_verdict closes after its 421 or 221) */
  if (v == DONE && replied) { fail(reply_outcome(reply_verdict(m->hook, DONE, 0, 0))) ; return ; }
  if (v == OK) { if (!succeed(m, user)) return ; }
  else
  {
    /* one line per failure, with the address, for fail2ban and the like */
    log_core(LOGNOTICE, "AUTH ", m->name, o->code == 535 ? " failed for " : " temporarily failed for ", user,
      " from ", sess.remoteip, (char *)0) ;
    if (o->fail) count_failure(user) ;
    if (o->fail && ++failures >= AUTH_FAILURES_MAX)
    {
      reply_closing("4.7.0", "Too many failed AUTH attempts, closing connection") ;
      fail(QP_CMD_CLOSE) ;
      return ;
    }
  }
  text.len = 0 ;
  if (o->code == 421) { stralloc_cats(&text, sess.me.s) ; stralloc_catb(&text, " ", 1) ; }
  expand(&text, o->text, m, user, msg) ;
  if (!stralloc_0(&text)) { oom() ; return ; }
  if (!reply_send(o->code, o->esc, text.s)) { fail(QP_CMD_FAIL) ; return ; }
  if (o->close) fail(QP_CMD_CLOSE) ;
}


/* Runs auth-<mech>, then auth if that declined, and answers. */
static void check (mechanism const *m, char const *user, char const *pass, char const *ticket)
{
  qp_hookarg a = { .hook = m->hook, .v = { m->lname, user, pass, ticket } } ;
  unsigned int before = reply_count() ;
  char const *why ;
  int v ;
  if (strlen(user) > AUTH_USER_MAX) { conclude(m, user, DENY, "user name too long", 0) ; return ; }
  why = throttled(user) ;
  if (why) { refuse_throttled(m, user, why) ; return ; }
  v = hook_run(m->hook, &a) ;
  if (v == DECLINED) v = hook_run(HOOK_AUTH, &a) ;
  conclude(m, user, v, hook_message(), reply_count() != before) ;
}

static void wipe_all (size_t n)
{
  qp_wipe(dec, n < sizeof(dec) ? n + 1 : sizeof(dec)) ;
}

/* RFC 4616 */
static void run_plain (mechanism const *m, char *initial)
{
  char const *authzid, *authcid, *passwd ;
  size_t n = 0 ;
  int r = initial ? decode(initial, strlen(initial), &n) : response("", &n) ;
  if (!r) { wipe_all(sizeof(dec)) ; return ; }
  if (!auth_plain_split(dec, n, &authzid, &authcid, &passwd)) { wipe_all(n) ; syntax(m) ; return ; }
  if (*authzid && strcmp(authzid, authcid))
  {
    /* RFC 4954 4, RFC 4616 2: nobody may act as somebody else here */
    conclude(m, authcid, DENY, "authorization identity differs from authentication identity", 0) ;
    wipe_all(n) ;
    return ;
  }
  check(m, authcid, passwd, 0) ;
  wipe_all(n) ;
}

/* draft-murchison-sasl-login: two challenges, "Username:" and "Password:" */
static void run_login (mechanism const *m, char *initial)
{
  size_t n = 0, un ;
  int r = initial ? decode(initial, strlen(initial), &n) : response("VXNlcm5hbWU6", &n) ;
  if (!r) { wipe_all(sizeof(dec)) ; return ; }
  if (!auth_login_ok(dec, n)) { wipe_all(n) ; syntax(m) ; return ; }
  memcpy(loginuser, dec, n + 1) ;
  un = n ;
  wipe_all(n) ;
  if (!response("UGFzc3dvcmQ6", &n)) { qp_wipe(loginuser, un) ; wipe_all(sizeof(dec)) ; return ; }
  if (!auth_login_ok(dec, n)) { qp_wipe(loginuser, un) ; wipe_all(n) ; syntax(m) ; return ; }
  check(m, loginuser, dec, 0) ;
  qp_wipe(loginuser, un) ;
  wipe_all(n) ;
}

/* RFC 2195: a challenge in the form of a message id, "<random.time@me>" */
static void run_cram (mechanism const *m, char *initial)
{
  static stralloc ticket = STRALLOC_ZERO ;
  static stralloc b64 = STRALLOC_ZERO ;
  char fmt[UINT64_FMT] ;
  char const *user, *digest ;
  uint64_t rnd ;
  size_t n = 0 ;
  if (initial)
  {
    reply_send(501, "5.5.2", "CRAM-MD5 takes no initial response") ;
    return ;
  }
  random_buf((char *)&rnd, sizeof(rnd)) ;
  ticket.len = 0 ;
  stralloc_catb(&ticket, "<", 1) ;
  stralloc_catb(&ticket, fmt, uint64_fmt(fmt, rnd)) ;
  stralloc_catb(&ticket, ".", 1) ;
  stralloc_catb(&ticket, fmt, uint64_fmt(fmt, (uint64_t)qp_now())) ;
  stralloc_catb(&ticket, "@", 1) ;
  stralloc_cats(&ticket, sess.me.s) ;
  stralloc_catb(&ticket, ">", 1) ;
  if (!stralloc_0(&ticket) || !stralloc_ready(&b64, BASE64_ENCLEN(ticket.len) + 1)) { oom() ; return ; }
  b64.len = base64_encode(b64.s, ticket.s, ticket.len - 1) ;
  b64.s[b64.len] = 0 ;
  if (!response(b64.s, &n)) { wipe_all(sizeof(dec)) ; return ; }
  if (!auth_cram_split(dec, n, &user, &digest)) { wipe_all(n) ; syntax(m) ; return ; }
  check(m, user, digest, ticket.s) ;
  wipe_all(n) ;
}

static mechanism const mechanisms[] =
{
  { "PLAIN", "plain", HOOK_AUTH_PLAIN, &run_plain },
  { "LOGIN", "login", HOOK_AUTH_LOGIN, &run_login },
  { "CRAM-MD5", "cram-md5", HOOK_AUTH_CRAM_MD5, &run_cram },
} ;

#define NMECH (sizeof(mechanisms) / sizeof(mechanism))

/* RFC 4954 4: AUTH only where it was (or would be) advertised */
static int usable (void)
{
  return offered() && sess.ehlo && !sess.authuser.len
      && (sess.tls || !(sess.tls_before_auth || sess.tls_required)) ;
}

int auth_keyword (void *state, stralloc *sa)
{
  size_t i = 0 ;
  instance const *owner ;
  (void)state ;
  /* AUTH waits for TLS, and nothing can start TLS: say so, or the
     administrator only sees AUTH gone (a qmail host's AUTH patch, issue 9) */
  if (offered() && sess.ehlo && !sess.authuser.len && !sess.tls && (sess.tls_before_auth || sess.tls_required)
   && !registry_command("starttls", &owner))
    log_core(LOGWARN, "AUTH is not offered: it needs TLS first (tls_before_auth, tls_required), and no tls plugin is listed to start it", (char *)0) ;
  if (!usable()) return 0 ;
  /* a fixed order (qpsmtpd's was random) */
  for (; i < NMECH ; i++)
    if (mech_offered(mechanisms + i) && !(stralloc_catb(sa, " ", 1) && stralloc_cats(sa, mechanisms[i].name))) return 0 ;
  return 1 ;
}

int auth_available (void)
{
  return offered() ;
}

/* Which reply refuses AUTH here, if one does; 1 after replying. */
static int refused (void)
{
  if (!sess.helo_seen || !sess.ehlo) reply_send(503, "5.5.1", "AUTH is only valid after EHLO") ;
  else if (sess.authuser.len) reply_send(503, "5.5.1", "Already authenticated") ;
  /* RFC 4954 6 */
  else if ((sess.tls_required || sess.tls_before_auth) && !sess.tls)
    reply_send(538, "5.7.11", "Encryption required for requested authentication mechanism") ;
  else if (txn_cur.active) reply_send(503, "5.5.1", "AUTH is not allowed during a mail transaction") ;
  else return 0 ;
  return 1 ;
}

static void auth (char *arg)
{
  char *initial = strchr(arg, ' ') ;
  size_t i = 0 ;
  if (refused()) return ;
  if (initial)
  {
    *initial++ = 0 ;
    if (strchr(initial, ' ') || !*initial) { reply_send(501, "5.5.4", "Syntax error: AUTH mechanism [initial-response]") ; return ; }
  }
  if (!*arg) { reply_send(501, "5.5.4", "Syntax error: AUTH mechanism [initial-response]") ; return ; }
  for (; i < NMECH ; i++)
    if (!strcasecmp(arg, mechanisms[i].name) && mech_offered(mechanisms + i)) break ;
  if (i >= NMECH) { reply_send(504, "5.5.4", "Unrecognized authentication type") ; return ; }
  (*mechanisms[i].run)(mechanisms + i, initial) ;
}

int auth_command (void *state, char *arg)
{
  size_t len = strlen(arg) ;
  (void)state ;
  ending = QP_CMD_OK ;
  auth(arg) ;
  /* the command line held the initial response */
  qp_wipe(arg, len) ;
  return ending ;
}

void auth_reset (void)
{
  failures = 0 ;
  mechused[0] = 0 ;
}

int auth_param (void *state, char const *p)
{
  static stralloc v = STRALLOC_ZERO ;
  size_t len ;
  (void)state ;
  if (!sess.authuser.len) return 1 ;
  len = strlen(p) ;
  /* RFC 4954 5: a value we cannot use is taken as AUTH=<> */
  if (!stralloc_ready(&v, len + 1)) return 1 ;
  if (!strcmp(p, "<>") || !auth_xtext_decode(v.s, p, len)) strcpy(v.s, "<>") ;
  qp_note_set(QP_TXN, "auth_param", v.s) ;
  return 1 ;
}

char const *auth_log_line (char const *s, char *buf, size_t max)
{
  char const *p = s ;
  size_t n ;
  while (*p == ' ' || *p == '\t') p++ ;
  if (strncasecmp(p, "auth", 4) || (p[4] && p[4] != ' ' && p[4] != '\t')) return s ;
  p += 4 ;
  while (*p == ' ' || *p == '\t') p++ ;
  n = strcspn(p, " \t") ;
  if (n > 20) n = 20 ;
  if (max < 32) return "AUTH ..." ;
  memcpy(buf, "AUTH ", 5) ;
  memcpy(buf + 5, p, n) ;
  memcpy(buf + 5 + n, " ...", 5) ;
  return buf ;
}
