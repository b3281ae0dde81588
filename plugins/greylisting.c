/* ISC license. */
/* greylisting: qpsmtpd's plugin of that name (RFC 6647) on the core's store
   (qp_store_*, control/store_dir). A triplet of the client's address (IPv6:
   its /64), and with the arguments the sender and the recipient, is
   deferred until it comes back after black_timeout; then it is white for
   white_timeout, renewed at each pass. An entry nobody retries is forgotten
   after grey_timeout. A store failure passes the mail (logged): greylisting
   only delays, it must never lose or wrongly refuse mail. */

#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct gl_s gl ;
struct gl_s
{
  int remote_ip ;
  int sender ;
  int recipient ;
  int per_recipient ;
  int deny_late ;
  unsigned int black ;
  unsigned int grey ;
  unsigned int white ;
  char const *db_dir ;
  char const *redis ;
  stralloc key ;         /* scratch */
  stralloc val ;         /* scratch */
} ;

static qp_argdef const args[] =
{
  { .name = "remote_ip", .type = QP_ARG_BOOL, .off = offsetof(gl, remote_ip), .def = "1", .meta = "0|1" },
  { .name = "sender", .type = QP_ARG_BOOL, .off = offsetof(gl, sender), .def = "0", .meta = "0|1" },
  { .name = "recipient", .type = QP_ARG_BOOL, .off = offsetof(gl, recipient), .def = "0", .meta = "0|1" },
  { .name = "per_recipient", .type = QP_ARG_BOOL, .off = offsetof(gl, per_recipient), .def = "0", .meta = "0|1" },
  { .name = "deny_late", .type = QP_ARG_BOOL, .off = offsetof(gl, deny_late), .def = "0", .meta = "0|1" },
  /* qpsmtpd's defaults: 50 minutes, 3 hours 20 minutes (0.94), 36 days */
  { .name = "black_timeout", .type = QP_ARG_UINT, .off = offsetof(gl, black), .def = "3000", .min = 1, .max = 31536000, .meta = "SECONDS" },
  { .name = "grey_timeout", .type = QP_ARG_UINT, .off = offsetof(gl, grey), .def = "12000", .min = 1, .max = 31536000, .meta = "SECONDS" },
  { .name = "white_timeout", .type = QP_ARG_UINT, .off = offsetof(gl, white), .def = "3110400", .min = 1, .max = 315360000, .meta = "SECONDS" },
  { .name = "db_dir", .type = QP_ARG_STRING, .off = offsetof(gl, db_dir), .meta = "DIR" },
  { .name = "redis", .type = QP_ARG_STRING, .off = offsetof(gl, redis), .meta = "HOST:PORT" },
  { 0 }
} ;

#define DEFER_MSG "4.7.1 This mail is temporarily denied"

static int gl_init (void *state)
{
  gl *st = state ;
  if (st->grey < st->black)
  {
    qp_log(LOGERROR, "grey_timeout is shorter than black_timeout: no retry could ever pass", (char *)0) ;
    return 0 ;
  }
  if (!st->remote_ip && !st->sender && !st->recipient && !st->per_recipient)
  {
    qp_log(LOGERROR, "remote_ip, sender and recipient are all 0: nothing to key the triplets on", (char *)0) ;
    return 0 ;
  }
  /* qpsmtpd's db_dir and redis: accepted when they name the core's store */
  return qp_store_args(st->db_dir, st->redis) ;
}

static int immune (void)
{
  char const *h = qp_note_get(QP_CONN, "whitelisthost") ;
  char const *s = qp_note_get(QP_TXN, "whitelistsender") ;
  if (qp_relay_client()) return qp_log(LOGINFO, "skip: relay client", (char *)0), 1 ;
  if (qp_auth_user()) return qp_log(LOGINFO, "skip: authenticated", (char *)0), 1 ;
  if (h && *h) return qp_log(LOGINFO, "skip: whitelisted host", (char *)0), 1 ;
  if (s && *s) return qp_log(LOGINFO, "skip: whitelisted sender", (char *)0), 1 ;
  return 0 ;
}

static int lowered (stralloc *sa, char const *s)
{
  size_t start = sa->len ;
  if (!stralloc_cats(sa, s)) return 0 ;
  for (size_t i = start ; i < sa->len ; i++)
    if (sa->s[i] >= 'A' && sa->s[i] <= 'Z') sa->s[i] += 'a' - 'A' ;
  return 1 ;
}

static int mkkey (gl *st, char const *from, char const *rcpt)
{
  st->key.len = 0 ;
  if (st->remote_ip && !qp_client_key(&st->key)) return 0 ;
  if (st->sender && (!stralloc_catb(&st->key, "\t", 1) || !lowered(&st->key, *from ? from : "<>"))) return 0 ;
  if (rcpt && (!stralloc_catb(&st->key, "\t", 1) || !lowered(&st->key, rcpt))) return 0 ;
  return 1 ;
}

/* The triplet's state: 1 pass, 0 defer, -1 store failure (pass, logged).
   Records: "g FIRST" (seen at FIRST, not yet retried late enough), "w". */
static int check (gl *st, char const *from, char const *rcpt)
{
  int64_t now = qp_now(), first = 0 ;
  char fmt[LONG_FMT] ;
  int r ;
  if (!mkkey(st, from, rcpt)) { qp_log(LOGERROR, "out of memory", (char *)0) ; return -1 ; }
  r = qp_store_get("greylisting", st->key.s, st->key.len, &st->val, 0) ;
  if (r < 0) return -1 ;
  if (!r || st->val.len < 3 || (st->val.s[0] != 'g' && st->val.s[0] != 'w'))
  {
    fmt[int64_fmt(fmt, now)] = 0 ;
    st->val.len = 0 ;
    if (!stralloc_cats(&st->val, "g ") || !stralloc_cats(&st->val, fmt)) return -1 ;
    if (qp_store_put("greylisting", st->key.s, st->key.len, st->val.s, st->val.len, st->grey) < 0) return -1 ;
    fmt[uint_fmt(fmt, st->black)] = 0 ;
    qp_log(LOGINFO, "fail: new triplet, deferred; it may pass from ", fmt, " seconds on", (char *)0) ;
    return 0 ;
  }
  if (st->val.s[0] == 'g')
  {
    if (!stralloc_0(&st->val) || !int64_scan(st->val.s + 2, &first)) first = now ;
    if (now < first + st->black)
    {
      fmt[int64_fmt(fmt, first + st->black - now)] = 0 ;
      qp_log(LOGINFO, "fail: retried too early, black for ", fmt, " more seconds", (char *)0) ;
      return 0 ;
    }
  }
  /* retried after black_timeout (within grey_timeout, or the record would
     have expired), or white already: white for white_timeout from now */
  if (qp_store_put("greylisting", st->key.s, st->key.len, "w 1", 3, st->white) < 0) return -1 ;
  qp_log(LOGINFO, st->val.s[0] == 'g' ? "pass: retried after the black timeout, now white" : "pass: white", (char *)0) ;
  return 1 ;
}

static int decide (gl *st, char const *from, char const *rcpt)
{
  int r = check(st, from, rcpt) ;
  if (r < 0)
  {
    qp_log(LOGWARN, "store failure: ", strerror(errno), "; mail passes ungreylisted", (char *)0) ;
    return DECLINED ;
  }
  if (r) return DECLINED ;
  if (st->deny_late)
  {
    /* the refusal waits for DATA: a client that gives up at the first 4xx
       of RCPT keeps its queue entry anyway */
    qp_note_set(QP_TXN_OWN, "defer", "1") ;
    return DECLINED ;
  }
  return qp_reject(DEFER_MSG) ;
}

static int gl_mail (void *state, qp_hookarg const *a)
{
  gl *st = state ;
  char const *from = qp_arg(a, "address") ;
  if (st->recipient || st->per_recipient || immune()) return DECLINED ;
  /* a bounce is deferred at DATA, where refusing it cannot be taken for a
     refusal of the sender (qpsmtpd does the same) */
  if (!*from) return DECLINED ;
  return decide(st, from, 0) ;
}

static int gl_rcpt (void *state, qp_hookarg const *a)
{
  gl *st = state ;
  if (!st->recipient && !st->per_recipient) return DECLINED ;
  if (immune()) return DECLINED ;
  return decide(st, qp_sender(), qp_arg(a, "address")) ;
}

static int gl_data (void *state, qp_hookarg const *a)
{
  gl *st = state ;
  char const *late = qp_note_get(QP_TXN_OWN, "defer") ;
  (void)a ;
  if (late && *late) return qp_reject(DEFER_MSG) ;
  if (st->recipient || st->per_recipient || *qp_sender() || immune()) return DECLINED ;
  /* a bounce: the triplet of the null sender and the first recipient */
  {
    int r = check(st, "", qp_rcpt(0)) ;
    if (r < 0) return DECLINED ;
    return r ? DECLINED : qp_reject(DEFER_MSG) ;
  }
}

qp_plugin const plugin_greylisting =
{
  .name = "greylisting",
  .state_size = sizeof(gl),
  .args = args,
  .init = &gl_init,
  .hook = { [HOOK_MAIL] = &gl_mail, [HOOK_RCPT] = &gl_rcpt, [HOOK_DATA] = &gl_data },
  .reject_type = DENYSOFT,
} ;
