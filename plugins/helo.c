/* ISC license. */
/* helo: checks the name a client gives in HELO/EHLO, qpsmtpd's helo (old
   name check_spamhelo). Three policies add checks to each other: lenient
   (control/badhelo, localhost from afar, a plain IP, a forged address
   literal), rfc (a fully qualified name that exists in DNS, and a reverse
   DNS name for the client), strict (no address literal, and the name must
   match the client's address). A refusal closes the connection, as in
   qpsmtpd. A DNS failure passes (logged): it is never a reason to refuse. */

#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <regex.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define BAD_MAX 256
#define TIMEOUT_MAX 60

enum { LENIENT, RFC, STRICT } ;
static char const *const policies[] = { "lenient", "rfc", "strict", 0 } ;

typedef struct bad_s bad ;
struct bad_s
{
  char const *text ;
  int negate ;           /* "!regex": the name must match it */
  int isregex ;
  regex_t re ;
} ;

typedef struct helo_s helo ;
struct helo_s
{
  int policy ;
  unsigned int timeout ;
  unsigned int dns_timeout ;
  stralloc lines ;
  bad b[BAD_MAX] ;
  unsigned int nb ;
  int broken ;
  stralloc host ;        /* the last name given, for X-HELO */
} ;

static qp_argdef const args[] =
{
  { .name = "policy", .type = QP_ARG_ENUM, .off = offsetof(helo, policy), .def = "lenient", .choices = policies, .meta = "lenient|rfc|strict" },
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(helo, timeout), .def = "5", .min = 1, .max = TIMEOUT_MAX, .meta = "SECONDS" },
  { .name = "dns_timeout", .type = QP_ARG_UINT, .off = offsetof(helo, dns_timeout), .def = "0", .min = 0, .max = TIMEOUT_MAX, .meta = "SECONDS" },
  { 0 }
} ;

/* qpsmtpd: an entry with any of these is a regular expression */
static int looks_regex (char const *s)
{
  return !!strpbrk(s, "{}[]()^$*+?\\!|") ;
}

static int helo_init (void *state)
{
  helo *st = state ;
  int r = qp_control_list("badhelo", &st->lines) ;
  if (st->dns_timeout) st->timeout = st->dns_timeout ;
  if (r < 0)
  {
    qp_log(LOGERROR, "error: control/badhelo is unreadable: HELO is deferred", (char *)0) ;
    st->broken = 1 ;
    return 1 ;
  }
  for (size_t i = 0 ; i < st->lines.len && st->nb < BAD_MAX ; i += strlen(st->lines.s + i) + 1)
  {
    bad *e = st->b + st->nb ;
    char const *s = st->lines.s + i ;
    e->negate = s[0] == '!' ;
    e->text = s + e->negate ;
    e->isregex = e->negate || looks_regex(s) ;
    if (e->isregex)
    {
      int k = regcomp(&e->re, e->text, REG_EXTENDED | REG_ICASE | REG_NOSUB) ;
      if (k)
      {
        char err[128] ;
        regerror(k, &e->re, err, sizeof err) ;
        qp_log(LOGERROR, "error: control/badhelo: bad regular expression ", s, ": ", err, "; HELO is deferred", (char *)0) ;
        st->broken = 1 ;
        continue ;
      }
    }
    st->nb++ ;
  }
  return 1 ;
}

/* the refusal: qpsmtpd forces reject_type disconnect */
static int refuse (char const *text)
{
  int r ;
  qp_log(LOGINFO, "fail: ", text, (char *)0) ;
  r = qp_reject(text) ;
  if (r == DENY) r = DENY_DISCONNECT ;
  else if (r == DENYSOFT) r = DENYSOFT_DISCONNECT ;
  return r ;
}

static int loopback (qp_ip const *ip)
{
  static unsigned char const v6[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } ;
  return (ip->family == 4 && ip->a[0] == 127) || (ip->family == 6 && !memcmp(ip->a, v6, 16)) ;
}

/* "[a.b.c.d]" or "[IPv6:...]" into ip: 1, else 0 */
static int literal (char const *h, qp_ip *ip)
{
  char buf[64] ;
  size_t n = strlen(h) ;
  if (n < 3 || h[0] != '[' || h[n - 1] != ']' || n - 2 >= sizeof buf) return 0 ;
  memcpy(buf, h + 1, n - 2) ;
  buf[n - 2] = 0 ;
  return qp_ip_parse(!strncasecmp(buf, "IPv6:", 5) ? buf + 5 : buf, ip) ;
}

static int lenient (helo const *st, char const *h)
{
  qp_ip ip ;
  qp_ip const *me = qp_remote_addr() ;
  stralloc t = STRALLOC_ZERO ;
  int r = DECLINED ;
  for (unsigned int i = 0 ; i < st->nb ; i++)
  {
    bad const *e = st->b + i ;
    if (!e->isregex)
    {
      if (strcasecmp(e->text, h)) continue ;
      if (!stralloc_cats(&t, "I do not believe you are ") || !stralloc_cats(&t, h) || !stralloc_catb(&t, ".", 1) || !stralloc_0(&t)) t.len = 0 ;
      r = refuse(t.len ? t.s : "I do not believe you") ;
      goto end ;
    }
    if ((regexec(&e->re, h, 0, 0, 0) == 0) != e->negate) { r = refuse("Your HELO hostname is not allowed") ; goto end ; }
  }
  if (!strcasecmp(h, "localhost") && !loopback(me)) { r = refuse("You are not localhost") ; goto end ; }
  if (literal(h, &ip) && me->family && (ip.family != me->family || memcmp(ip.a, me->a, ip.family == 4 ? 4 : 16)))
  {
    r = refuse("Forged IPs not accepted here") ;
    goto end ;
  }
  if (qp_ip_parse(h, &ip)) { r = refuse("Plain IP is invalid HELO hostname (RFC 2821)") ; goto end ; }
 end:
  stralloc_free(&t) ;
  return r ;
}

static int fqdn_ok (char const *h)
{
  return strchr(h, '.') && h[strlen(h) - 1] != '.' ;
}

/* 1 if an A/AAAA record of h is the client's address, or (strict's
   tolerance, as qpsmtpd) in its /24; -1 if DNS could not say */
static int forward_matches (helo const *st, char const *h, int *exists)
{
  qp_ip const *me = qp_remote_addr() ;
  int q[2] = { qp_dns_query(QP_DNS_A, h), qp_dns_query(QP_DNS_AAAA, h) } ;
  int temp = 0, match = 0 ;
  *exists = 0 ;
  qp_dns_wait(q, 2, st->timeout * 1000) ;
  for (unsigned int k = 0 ; k < 2 ; k++)
  {
    qp_dnsrr const *r ;
    int s = qp_dns_status(q[k]) ;
    if (s == QP_DNS_PENDING || s == QP_DNS_TEMPFAIL) temp = 1 ;
    for (unsigned int i = 0 ; (r = qp_dns_rr(q[k], i)) ; i++)
    {
      *exists = 1 ;
      if (r->type == QP_DNS_A && me->family == 4 && !memcmp(r->ip, me->a, 3)) match = 1 ;
      if (r->type == QP_DNS_AAAA && me->family == 6 && !memcmp(r->ip, me->a, 16)) match = 1 ;
    }
  }
  return match ? 1 : temp && !*exists ? -1 : 0 ;
}

/* the last two labels of a name */
static char const *tail2 (char const *h)
{
  char const *p = h + strlen(h) ;
  int dots = 0 ;
  while (p > h)
  {
    p-- ;
    if (*p == '.' && ++dots == 2) return p + 1 ;
  }
  return h ;
}

static int dnschecks (helo const *st, char const *h)
{
  stralloc name = STRALLOC_ZERO, t = STRALLOC_ZERO ;
  qp_ip const *me = qp_remote_addr() ;
  int ptr = -1, exists = 0, fw, r = DECLINED, s ;
  if (me->family && qp_dns_revname(qp_remote_ip(), me->family == 4 ? "in-addr.arpa" : "ip6.arpa", &name))
    ptr = qp_dns_query(QP_DNS_PTR, name.s) ;
  fw = forward_matches(st, h, &exists) ;
  if (fw < 0) qp_log(LOGINFO, "error: ", h, ": temporary DNS failure, not checked", (char *)0) ;
  else if (!exists) { r = refuse("HELO hostname does not exist") ; goto end ; }
  qp_dns_wait(&ptr, 1, st->timeout * 1000) ;
  s = qp_dns_status(ptr) ;
  if (ptr >= 0 && (s == QP_DNS_NXDOMAIN || s == QP_DNS_NODATA))
  {
    if (!stralloc_cats(&t, "no rDNS for ") || !stralloc_cats(&t, qp_remote_ip()) || !stralloc_0(&t)) t.len = 0 ;
    r = refuse(t.len ? t.s : "no rDNS") ;
    goto end ;
  }
  if (st->policy == STRICT && fw == 0)
  {
    qp_dnsrr const *p ;
    int same = 0 ;
    for (unsigned int i = 0 ; (p = qp_dns_rr(ptr, i)) ; i++)
      if (!strcasecmp(tail2(p->text), tail2(h))) same = 1 ;
    if (!same && s == QP_DNS_ANSWER) { r = refuse("That HELO hostname fails FCrDNS") ; goto end ; }
  }
  if (fw > 0 && s == QP_DNS_ANSWER)
  {
    /* forward and reverse DNS agree with the name: qpsmtpd's karma +1 */
    qp_dnsrr const *p ;
    for (unsigned int i = 0 ; (p = qp_dns_rr(ptr, i)) ; i++)
      if (!strcasecmp(tail2(p->text), tail2(h))) { qp_karma_adjust(1) ; break ; }
  }
 end:
  stralloc_free(&name) ;
  stralloc_free(&t) ;
  return r ;
}

static int helo_hook (void *state, qp_hookarg const *a)
{
  helo *st = state ;
  char const *h = qp_arg(a, "host") ;
  qp_ip ip ;
  int r ;
  if (!h) h = "" ;
  st->host.len = 0 ;
  if (!stralloc_cats(&st->host, h) || !stralloc_0(&st->host)) st->host.len = 0 ;
  if (qp_relay_client() || (qp_note_get(QP_CONN, "whitelisthost") && *qp_note_get(QP_CONN, "whitelisthost")))
  {
    qp_log(LOGINFO, "skip: relay client or whitelisted host", (char *)0) ;
    return DECLINED ;
  }
  if (st->broken)
  {
    qp_msg("4.3.0 HELO check configuration error; try again later") ;
    return DENYSOFT ;
  }
  r = lenient(st, h) ;
  if (r != DECLINED || st->policy == LENIENT) return r ;
  if (literal(h, &ip))
  {
    if (st->policy == STRICT) return refuse("RFC 2821 allows an address literal, but we do not") ;
    return DECLINED ;
  }
  if (!fqdn_ok(h)) return refuse("HELO name is not fully qualified. Read RFC 2821") ;
  if (!qp_dns_name_ok(h)) return refuse("HELO name contains invalid FQDN characters. Read RFC 1035") ;
  r = dnschecks(st, h) ;
  if (r == DECLINED) qp_log(LOGINFO, "pass: ", h, (char *)0) ;
  return r ;
}

/* qpsmtpd adds the name given as X-HELO */
static int helo_data_post (void *state, qp_hookarg const *a)
{
  helo *st = state ;
  (void)a ;
  if (st->host.len > 1 && !qp_header_add("X-HELO", st->host.s, 0)) qp_log(LOGERROR, "error: out of memory: no X-HELO", (char *)0) ;
  return DECLINED ;
}

static char const *const aliases[] = { "check_spamhelo", 0 } ;

qp_plugin const plugin_helo =
{
  .name = "helo",
  .aliases = aliases,
  .state_size = sizeof(helo),
  .args = args,
  .init = &helo_init,
  .hook = { [HOOK_HELO] = &helo_hook, [HOOK_EHLO] = &helo_hook, [HOOK_DATA_POST] = &helo_data_post },
  .flags = 0,
} ;
