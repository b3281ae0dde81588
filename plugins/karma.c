/* ISC license. */
/* karma: qpsmtpd's plugin of that name on the core's store. Other plugins
   add to the connection note "karma" (qp_karma_adjust); at disconnect this
   plugin counts the connection as naughty, nice or neutral per client
   address, and a client whose naughty connections outweigh its nice ones is
   put in the penalty box for penalty_days. Counters are separate store keys
   updated with qp_store_incr, so concurrent sessions never lose a count. A
   store failure lets the client in (logged): karma is a convenience. */

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

#define NS "karma"
#define KARMA_TTL 31536000U     /* counters live a year from their first count */
#define PENALTY_MAX_DAYS 3650
#define TLD_MAX 1000            /* karma_tlds: each adjustment within +-TLD_MAX */

enum { R_NO, R_YES, R_CONNECT, R_NAUGHTY } ;

typedef struct karma_s karma ;
struct karma_s
{
  unsigned int negative ;
  unsigned int strikes ;
  char const *penalty_days ;
  int reject ;
  char const *db_dir ;
  char const *redis ;
  int64_t penalty ;      /* penalty_days in seconds */
  stralloc tlds ;        /* control/karma_tlds: "tld\0score\0" pairs */
  stralloc key ;         /* scratch */
  stralloc val ;         /* scratch */
} ;

static char const *const rejects[] = { "0", "1", "connect", "naughty", 0 } ;

static qp_argdef const args[] =
{
  { .name = "negative", .type = QP_ARG_UINT, .off = offsetof(karma, negative), .def = "1", .min = 1, .max = 1000000, .meta = "N" },
  { .name = "strikes", .type = QP_ARG_UINT, .off = offsetof(karma, strikes), .def = "3", .min = 1, .max = 1000000, .meta = "N" },
  { .name = "penalty_days", .type = QP_ARG_STRING, .off = offsetof(karma, penalty_days), .def = "1", .meta = "DAYS" },
  /* qpsmtpd's karma: reject names 0, 1, connect (= 1) or naughty (default) */
  { .name = "reject", .type = QP_ARG_ENUM, .off = offsetof(karma, reject), .def = "naughty", .choices = rejects },
  { .name = "db_dir", .type = QP_ARG_STRING, .off = offsetof(karma, db_dir), .meta = "DIR" },
  { .name = "redis", .type = QP_ARG_STRING, .off = offsetof(karma, redis), .meta = "HOST:PORT" },
  { 0 }
} ;

 /* Configuration */

/* "D" or "D.FFF" days to seconds; 1 ok, 0 not a positive number of days
   up to PENALTY_MAX_DAYS. */
static int days_scan (char const *s, int64_t *secs)
{
  uint64_t whole = 0, frac = 0, scale = 1 ;
  size_t n = uint64_scan(s, &whole) ;
  if (!n || whole > PENALTY_MAX_DAYS) return 0 ;
  s += n ;
  if (*s == '.')
    for (s++ ; *s >= '0' && *s <= '9' ; s++)
      if (scale < 1000000) { frac = frac * 10 + (uint64_t)(*s - '0') ; scale *= 10 ; }
  if (*s) return 0 ;
  *secs = (int64_t)(whole * 86400 + frac * 86400 / scale) ;
  return *secs > 0 && *secs <= (int64_t)PENALTY_MAX_DAYS * 86400 ;
}

/* One "tld:+-n" line, appended as "tld\0n\0" lower-cased; 1, 0 malformed,
   -1 out of memory. */
static int tld_add (stralloc *sa, char const *line)
{
  char const *colon = strchr(line, ':') ;
  char const *t = line ;
  int n ;
  size_t len, start = sa->len ;
  char fmt[INT_FMT] ;
  if (*t == '.') t++ ;
  if (!colon || colon == t) return 0 ;
  len = (size_t)(colon - t) ;
  for (size_t i = 0 ; i < len ; i++)
    if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.", t[i])) return 0 ;
  colon++ ;
  {
    size_t m = int_scan(colon + (*colon == '+'), &n) ;
    if (!m || colon[m + (*colon == '+')] || (*colon == '+' && colon[1] == '-') || n > TLD_MAX || n < -TLD_MAX) return 0 ;
  }
  fmt[int_fmt(fmt, n)] = 0 ;
  if (!stralloc_catb(sa, t, len) || !stralloc_0(sa) || !stralloc_cats(sa, fmt) || !stralloc_0(sa))
  {
    sa->len = start ;
    return -1 ;
  }
  for (size_t i = start ; i < start + len ; i++)
    if (sa->s[i] >= 'A' && sa->s[i] <= 'Z') sa->s[i] += 'a' - 'A' ;
  return 1 ;
}

/* control/karma_tlds: a malformed line is skipped with a warning (it only
   weighs a sender; refusing to start over it would stop all mail). */
static int tlds_load (karma *st)
{
  stralloc raw = STRALLOC_ZERO ;
  int r = qp_control_list("karma_tlds", &raw) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "unable to read control/karma_tlds: ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  for (size_t i = 0 ; i < raw.len ; i += strlen(raw.s + i) + 1)
  {
    int ok = tld_add(&st->tlds, raw.s + i) ;
    if (ok < 0) { stralloc_free(&raw) ; qp_log(LOGERROR, "out of memory", (char *)0) ; return 0 ; }
    if (!ok)
      qp_log(LOGWARN, "warning: control/karma_tlds: malformed line '", raw.s + i,
        "' (want tld:+N or tld:-N, N up to 1000): skipped", (char *)0) ;
  }
  stralloc_free(&raw) ;
  return 1 ;
}

static int karma_init (void *state)
{
  karma *st = state ;
  if (!days_scan(st->penalty_days, &st->penalty))
  {
    qp_log(LOGERROR, "penalty_days ", st->penalty_days, ": want a number of days above 0 and up to 3650 (decimals allowed: 0.5)", (char *)0) ;
    return 0 ;
  }
  /* qpsmtpd's db_dir and redis: accepted when they name the core's store */
  if (!qp_store_args(st->db_dir, st->redis)) return 0 ;
  return tlds_load(st) ;
}

 /* The store: "<client>\t<what>" keys, the client as qp_client_key gives it (IPv6 by its /64) */

static int mkkey (karma *st, char const *what)
{
  st->key.len = 0 ;
  return qp_remote_addr()->family && qp_client_key(&st->key)
      && stralloc_catb(&st->key, "\t", 1) && stralloc_cats(&st->key, what) ;
}

/* The value of a key as a number: 1 and *n, 0 missing (*n = 0), -1 failure. */
static int get (karma *st, char const *what, int64_t *n)
{
  int r ;
  *n = 0 ;
  if (!mkkey(st, what)) return (errno = ENOMEM), -1 ;
  r = qp_store_get(NS, st->key.s, st->key.len, &st->val, 0) ;
  if (r <= 0) return r ;
  if (!stralloc_0(&st->val) || !int64_scan(st->val.s, n)) *n = 0 ;
  return 1 ;
}

static int incr (karma *st, char const *what, int64_t *n)
{
  if (!mkkey(st, what)) return (errno = ENOMEM), -1 ;
  return qp_store_incr(NS, st->key.s, st->key.len, 1, KARMA_TTL, n) ;
}

static void store_failed (char const *then)
{
  qp_log(LOGWARN, "store failure: ", strerror(errno), "; ", then, (char *)0) ;
}

 /* Verdicts */

static int immune (void)
{
  char const *h = qp_note_get(QP_CONN, "whitelisthost") ;
  char const *s = qp_note_get(QP_TXN, "whitelistsender") ;
  if (qp_relay_client()) return qp_log(LOGDEBUG, "skip: relay client", (char *)0), 1 ;
  if (h && *h) return qp_log(LOGDEBUG, "skip: whitelisted host", (char *)0), 1 ;
  if (s && *s) return qp_log(LOGDEBUG, "skip: whitelisted sender", (char *)0), 1 ;
  return 0 ;
}

/* qpsmtpd's get_reject with karma's own reject words (connect is 1). */
static int refuse (karma const *st, char const *msg)
{
  switch (st->reject)
  {
    case R_NO :
      qp_log(LOGINFO, "fail, tolerated: ", msg, (char *)0) ;
      return DECLINED ;
    case R_NAUGHTY :
      if (!qp_naughty_store(qp_reject_verdict(), msg))
      {
        qp_log(LOGERROR, "out of memory", (char *)0) ;
        return DENYSOFT ;
      }
      qp_log(LOGINFO, "fail, deferred to naughty: ", msg, (char *)0) ;
      return DECLINED ;
    default :
      qp_log(LOGINFO, "fail: ", msg, (char *)0) ;
      qp_msg(msg) ;
      return qp_reject_verdict() ;
  }
}

static void setnote (char const *key, int64_t v)
{
  char fmt[LONG_FMT] ;
  fmt[int64_fmt(fmt, v)] = 0 ;
  if (!qp_note_set(QP_CONN, key, fmt)) qp_log(LOGERROR, "out of memory", (char *)0) ;
}

/* "N.NN" days, rounded as qpsmtpd's sprintf "%.2f". */
static void days_fmt (char *buf, int64_t secs)
{
  uint64_t centi = (uint64_t)((secs * 100 + 43200) / 86400) ;
  size_t n = uint64_fmt(buf, centi / 100) ;
  buf[n++] = '.' ;
  buf[n++] = '0' + (char)(centi % 100 / 10) ;
  buf[n++] = '0' + (char)(centi % 10) ;
  buf[n] = 0 ;
}

 /* Hooks */

/* The penalty box, and karma_history for the plugins that follow. */
static int karma_connect (void *state, qp_hookarg const *a)
{
  karma *st = state ;
  int64_t naughty, nice, connects, start, n ;
  char fmt[3][LONG_FMT] ;
  char msg[80] ;
  (void)a ;
  /* qpsmtpd zeroes the note here; a plugin listed earlier may have
     adjusted it already, and that must count */
  if (!qp_note_get(QP_CONN, "karma")) setnote("karma", 0) ;
  setnote("karma_history", 0) ;
  if (get(st, "naughty", &naughty) < 0 || get(st, "nice", &nice) < 0
   || get(st, "connects", &connects) < 0)
  {
    store_failed("the client is let in") ;
    return DECLINED ;
  }
  if (naughty || nice)
  {
    setnote("karma_history", nice - naughty) ;
    if (nice - naughty > 10) qp_karma_adjust(1) ;
  }
  if (immune()) return DECLINED ;
  fmt[0][int64_fmt(fmt[0], naughty)] = 0 ;
  fmt[1][int64_fmt(fmt[1], nice)] = 0 ;
  fmt[2][int64_fmt(fmt[2], connects)] = 0 ;
  n = get(st, "penalty", &start) ;
  if (n < 0) { store_failed("the client is let in") ; return DECLINED ; }
  if (!n || qp_now() - start >= st->penalty)
  {
    qp_log(LOGINFO, n ? "pass, penalty expired (" : "pass, no penalty (", fmt[0], " naughty, ", fmt[1], " nice, ",
      fmt[2], " connects)", (char *)0) ;
    return DECLINED ;
  }
  if (incr(st, "connects", &n) < 0) store_failed("the connection is not counted") ;
  memcpy(msg, "You were naughty. You cannot connect for ", 41) ;
  days_fmt(msg + 41, start + st->penalty - qp_now()) ;
  strcat(msg, " more days.") ;
  qp_log(LOGINFO, "fail, in the penalty box (", fmt[0], " naughty, ", fmt[1], " nice, ", fmt[2], " connects)", (char *)0) ;
  return refuse(st, msg) ;
}

/* karma_tlds: the sender's domain weighs on the connection's karma. */
static int karma_mail (void *state, qp_hookarg const *a)
{
  karma *st = state ;
  char const *from = qp_arg(a, "address") ;
  char const *host = from ? strrchr(from, '@') : 0 ;
  size_t hlen ;
  if (!host) return DECLINED ;
  host++ ;
  hlen = strlen(host) ;
  for (size_t i = 0 ; i < st->tlds.len ; )
  {
    char const *tld = st->tlds.s + i ;
    size_t tlen = strlen(tld) ;
    char const *score = tld + tlen + 1 ;
    int n = 0 ;
    i += tlen + 1 + strlen(score) + 1 ;
    if (hlen <= tlen || host[hlen - tlen - 1] != '.' || strcasecmp(host + hlen - tlen, tld)) continue ;
    int_scan(score, &n) ;
    qp_log(LOGINFO, "adjusting karma by ", score, " for .", tld, " envelope sender", (char *)0) ;
    qp_karma_adjust(n) ;
  }
  return DECLINED ;
}

/* One recipient per transaction for a client without good history or a
   good connection so far. */
static int karma_rcpt (void *state, qp_hookarg const *a)
{
  char const *h = qp_note_get(QP_CONN, "karma_history") ;
  int history = 0, k = qp_karma() ;
  char fmt[2][INT_FMT] ;
  (void)state ; (void)a ;
  if (immune() || !qp_rcpt_count()) return DECLINED ;
  if (h) int_scan(h, &history) ;
  if (history > 0) return qp_log(LOGDEBUG, "pass, good history", (char *)0), DECLINED ;
  if (k > 0) return qp_log(LOGDEBUG, "pass, good connection", (char *)0), DECLINED ;
  fmt[0][int_fmt(fmt[0], k)] = 0 ;
  fmt[1][int_fmt(fmt[1], history)] = 0 ;
  qp_log(LOGINFO, "fail, too many recipients for karma ", fmt[0], " (h: ", fmt[1], ")", (char *)0) ;
  /* RFC 5321 4.5.3.1.10: a recipient limit is answered 452, so that the
     client sends the others in another transaction; qpsmtpd's 550 bounced
     them */
  qp_msg("452 4.5.3 too many recipients for karma ") ;
  qp_msg(fmt[0]) ; qp_msg(" (h: ") ; qp_msg(fmt[1]) ; qp_msg(")") ;
  return DENYSOFT ;
}

/* Cutting a very bad connection off at DATA spares receiving the message. */
static int karma_data (void *state, qp_hookarg const *a)
{
  karma *st = state ;
  int k = qp_karma() ;
  char msg[40] ;
  (void)a ;
  if (immune() || qp_naughty(0, DENY) != DECLINED) return DECLINED ;
  if (k >= -4) return DECLINED ;
  memcpy(msg, "very bad karma: ", 16) ;
  msg[16 + int_fmt(msg + 16, k)] = 0 ;
  return refuse(st, msg) ;
}

/* The connection's karma into the client's record. */
static int karma_disconnect (void *state, qp_hookarg const *a)
{
  karma *st = state ;
  int k = qp_karma() ;
  int64_t naughty = 0, nice = 0, connects = 0 ;
  char fmt[2][LONG_FMT] ;
  char const *what = "neutral" ;
  (void)a ;
  if (!k) return qp_log(LOGDEBUG, "skip, no karma", (char *)0), DECLINED ;
  if (k <= -(int)st->strikes)
  {
    if (incr(st, "naughty", &naughty) < 0 || get(st, "nice", &nice) < 0)
      return store_failed("the connection is not counted"), DECLINED ;
    what = "negative" ;
    if (nice - naughty <= -(int64_t)st->negative)
    {
      /* a client that never sent anything good and keeps coming: one more
         day in the box per naughty connection (qpsmtpd's bonus) */
      int64_t start = qp_now() ;
      int bonus = !nice && nice - naughty < -5 ;
      char v[LONG_FMT] ;
      if (bonus) start += (naughty < PENALTY_MAX_DAYS ? naughty : PENALTY_MAX_DAYS) * 86400 ;
      v[int64_fmt(v, start)] = 0 ;
      if (!mkkey(st, "penalty")
       || qp_store_put(NS, st->key.s, st->key.len, v, strlen(v), (unsigned int)(start + st->penalty - qp_now())) < 0)
        store_failed("the client is not put in the penalty box") ;
      else what = bonus ? "negative, sent to penalty box, penalty box bonus!" : "negative, sent to penalty box" ;
    }
  }
  else if (k >= (int)st->strikes)
  {
    if (incr(st, "nice", &nice) < 0 || get(st, "naughty", &naughty) < 0)
      return store_failed("the connection is not counted"), DECLINED ;
    what = "positive" ;
  }
  else if (get(st, "naughty", &naughty) < 0 || get(st, "nice", &nice) < 0)
    return store_failed("the connection is not counted"), DECLINED ;
  if (incr(st, "connects", &connects) < 0) store_failed("the connection is not counted") ;
  fmt[0][int_fmt(fmt[0], k)] = 0 ;
  fmt[1][int64_fmt(fmt[1], nice - naughty)] = 0 ;
  qp_log(LOGINFO, what, ", (msg: ", fmt[0], ", his: ", fmt[1], ")", (char *)0) ;
  return DECLINED ;
}

qp_plugin const plugin_karma =
{
  .name = "karma",
  .state_size = sizeof(karma),
  .args = args,
  .init = &karma_init,
  .hook =
  {
    [HOOK_CONNECT] = &karma_connect,
    [HOOK_MAIL] = &karma_mail,
    [HOOK_RCPT] = &karma_rcpt,
    [HOOK_DATA] = &karma_data,
    [HOOK_DATA_POST] = &karma_data,
    [HOOK_DISCONNECT] = &karma_disconnect,
  },
  .reject_type = DENY_DISCONNECT,
} ;
