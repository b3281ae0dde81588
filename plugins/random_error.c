/* ISC license. */
/* random_error: a testing aid that fails clients at random, for now
   (DENYSOFT, or DENYSOFT_DISCONNECT two times in five), at connect, helo,
   ehlo, mail, rcpt, data and data_post, so that PERCENT percent of the
   sessions that go through all six stages meet one failure. qpsmtpd's
   random_error. Never list it on a server that must deliver mail. */

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

/* the stages a message passes (connect, helo or ehlo, mail, rcpt, data,
   data_post): the per-hook chance is chosen so that all six together fail
   PERCENT percent of the time */
#define RE_STAGES 6

typedef struct re_s re ;
struct re_s
{
  char const *percent ;   /* the argument, as given */
  unsigned int seed ;     /* 0: from the clock and the pid */
  uint64_t x ;            /* the generator's state */
  double pass ;           /* the argument's chance that one hook passes */
} ;

static qp_argdef const re_args[] =
{
  { .name = "percent", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(re, percent), .def = "1", .meta = "PERCENT" },
  { .name = "seed", .type = QP_ARG_UINT, .off = offsetof(re, seed), .def = "0", .meta = "N" },
  { 0 }
} ;

/* splitmix64: small, and the same sequence for a seed on every system,
   which is what the tests need (rand() differs between C libraries) */
static uint64_t next (re *st)
{
  uint64_t z = (st->x += 0x9e3779b97f4a7c15ULL) ;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL ;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL ;
  return z ^ (z >> 31) ;
}

/* x^(1/6) for x in [0, 1], by Newton's method (no libm in a static build
   that does not otherwise need it): the cube root, then the square root */
static double root6 (double x)
{
  double c = 1, s = 1 ;
  if (x <= 0) return 0 ;
  for (int i = 0 ; i < 100 ; i++) c = (2 * c + x / (c * c)) / 3 ;
  for (int i = 0 ; i < 100 ; i++) s = (s + c / s) / 2 ;
  return s ;
}

/* PERCENT: a whole number; negative disables (qpsmtpd's rule), over 100
   is refused. 1 and *pct set (-1 disabled), 0 syntax error. */
static int percent_scan (char const *s, int *pct)
{
  unsigned int n ;
  size_t len = uint_scan(s + (*s == '-'), &n) ;
  if (!len || s[len + (*s == '-')]) return 0 ;
  if (*s == '-') { *pct = -1 ; return 1 ; }
  if (n > 100) return 0 ;
  *pct = (int)n ;
  return 1 ;
}

/* The chance that one hook passes: the note random_fail_% when another
   plugin set a valid one (qpsmtpd's way to change the rate during a
   session), else the argument's. */
static double pass_chance (re const *st)
{
  char const *v = qp_note_get(QP_CONN, "random_fail_%") ;
  int pct ;
  if (!v) return st->pass ;
  if (!percent_scan(v, &pct))
  {
    qp_log(LOGWARN, "warning: note random_fail_% is not a percentage: ", v, (char *)0) ;
    return st->pass ;
  }
  return pct < 0 ? 1 : root6(1 - pct / 100.0) ;
}

static char const *hookname (int h)
{
  switch (h)
  {
    case HOOK_CONNECT : return "connect" ;
    case HOOK_HELO : return "helo" ;
    case HOOK_EHLO : return "ehlo" ;
    case HOOK_MAIL : return "mail" ;
    case HOOK_RCPT : return "rcpt" ;
    case HOOK_DATA : return "data" ;
    default : return "data_post" ;
  }
}

static int re_hook (void *state, qp_hookarg const *a)
{
  re *st = state ;
  double r = (double)(next(st) >> 11) / 9007199254740992.0 ;   /* [0, 1) */
  int disconnect ;
  if (r < pass_chance(st))
  {
    qp_log(LOGDEBUG, "pass: ", hookname(qp_arg_hook(a)), (char *)0) ;
    return DECLINED ;
  }
  disconnect = next(st) % 5 < 2 ;
  qp_log(LOGINFO, "fail: random failure at ", hookname(qp_arg_hook(a)),
         disconnect ? " (DENYSOFT_DISCONNECT)" : " (DENYSOFT)", (char *)0) ;
  qp_msg("random failure") ;
  return disconnect ? DENYSOFT_DISCONNECT : DENYSOFT ;
}

static int re_init (void *state)
{
  re *st = state ;
  int pct ;
  if (!percent_scan(st->percent, &pct))
  {
    qp_log(LOGERROR, "config error: PERCENT: '", st->percent, "' is not a whole number up to 100 (negative: off)", (char *)0) ;
    return 0 ;
  }
  st->pass = pct < 0 ? 1 : root6(1 - pct / 100.0) ;
  if (st->seed) st->x = st->seed ;
  else
  {
    struct timespec ts ;
    clock_gettime(CLOCK_REALTIME, &ts) ;
    st->x = ((uint64_t)getpid() << 32) ^ (uint64_t)ts.tv_sec ^ ((uint64_t)ts.tv_nsec << 20) ;
  }
  return 1 ;
}

qp_plugin const plugin_random_error =
{
  .name = "random_error",
  .state_size = sizeof(re),
  .args = re_args,
  .init = &re_init,
  .hook =
  {
    [HOOK_CONNECT] = &re_hook, [HOOK_HELO] = &re_hook, [HOOK_EHLO] = &re_hook,
    [HOOK_MAIL] = &re_hook, [HOOK_RCPT] = &re_hook, [HOOK_DATA] = &re_hook,
    [HOOK_DATA_POST] = &re_hook,
  },
} ;
