/* ISC license. */
/* tarpit: holds back the reply to each command of a client that earlier
   plugins found suspicious (Haraka's tarpit; qpsmtpd has none): the
   connection note "tarpit" (seconds), a delay for clients with a
   "naughty" note, or a fixed delay. It only waits, with the core's clock,
   so the policy budget bounds the total; it never decides a reply. */

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

/* no single delay beyond this: RFC 5321 4.5.3.2 gives clients 5 minutes
   for most replies, and a tarpit must not make an honest client time out */
#define TARPIT_MAX 300

typedef struct tp_s tp ;
struct tp_s
{
  unsigned int delay ;     /* every client */
  unsigned int naughty ;   /* clients with a naughty note */
  unsigned int max ;       /* bound on one delay */
  int fd[2] ;              /* a pipe nobody writes to: a wait that only times out */
} ;

static qp_argdef const tp_args[] =
{
  { .name = "delay", .type = QP_ARG_UINT, .off = offsetof(tp, delay), .def = "0", .max = TARPIT_MAX, .meta = "SECONDS" },
  { .name = "naughty", .type = QP_ARG_UINT, .off = offsetof(tp, naughty), .def = "0", .max = TARPIT_MAX, .meta = "SECONDS" },
  { .name = "max", .type = QP_ARG_UINT, .off = offsetof(tp, max), .def = "60", .min = 1, .max = TARPIT_MAX, .meta = "SECONDS" },
  { 0 }
} ;

/* The note's seconds, or 0 (none, or not a number: logged). */
static unsigned int note_seconds (void)
{
  char const *v = qp_note_get(QP_CONN, "tarpit") ;
  unsigned int n ;
  size_t len ;
  if (!v || !*v) return 0 ;
  len = uint_scan(v, &n) ;
  if (len && !v[len]) return n ;
  qp_log(LOGWARN, "warning: note tarpit is not a number of seconds: ", v, (char *)0) ;
  return 0 ;
}

static unsigned int wanted (tp const *st)
{
  unsigned int s = st->delay, n = note_seconds() ;
  char const *naughty = qp_note_get(QP_CONN, "naughty") ;
  if (naughty && *naughty && st->naughty > s) s = st->naughty ;
  if (n > s) s = n ;
  if (s > st->max) s = st->max ;
  /* the client's own wait for our reply is bounded by the same timeout
     we give it for its commands */
  if (s >= qp_timeout()) s = qp_timeout() ? qp_timeout() - 1 : 0 ;
  return s ;
}

static int tp_hook (void *state, qp_hookarg const *a)
{
  tp const *st = state ;
  unsigned int s = wanted(st), left ;
  char fmt[UINT_FMT] ;
  (void)a ;
  if (!s) return DECLINED ;
  left = qp_budget_left() ;
  if (!left)
  {
    qp_log(LOGDEBUG, "skip: the policy budget is spent", (char *)0) ;
    return DECLINED ;
  }
  fmt[uint_fmt(fmt, s)] = 0 ;
  qp_log(LOGINFO, "delaying ", qp_remote_ip(), " by ", fmt, " s", (char *)0) ;
  /* nothing is ever written to the pipe: this returns when the time or
     the policy budget is over */
  if (qp_await(st->fd[0], QP_READ, s * 1000) < 0)
    qp_log(LOGERROR, "error: wait failed: ", strerror(errno), (char *)0) ;
  return DECLINED ;
}

static int tp_init (void *state)
{
  tp *st = state ;
  if (pipe2(st->fd, O_CLOEXEC) < 0)
  {
    qp_log(LOGERROR, "unable to create a pipe: ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  return 1 ;
}

qp_plugin const plugin_tarpit =
{
  .name = "tarpit",
  .state_size = sizeof(tp),
  .args = tp_args,
  .init = &tp_init,
  .hook =
  {
    [HOOK_CONNECT] = &tp_hook, [HOOK_HELO] = &tp_hook, [HOOK_EHLO] = &tp_hook,
    [HOOK_MAIL] = &tp_hook, [HOOK_RCPT] = &tp_hook, [HOOK_DATA] = &tp_hook,
    [HOOK_DATA_POST] = &tp_hook, [HOOK_VRFY] = &tp_hook, [HOOK_NOOP] = &tp_hook,
    [HOOK_HELP] = &tp_hook, [HOOK_UNRECOGNIZED_COMMAND] = &tp_hook,
  },
} ;
