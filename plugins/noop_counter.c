/* ISC license. */
/* noop_counter: closes the connection at the MAXth NOOP in a row (qpsmtpd's
   plugin of that name). "In a row" is read off the core's command count, so
   any other command, known or not, starts the count again, wherever the
   plugin is listed. The count is the instance's own. */

#include <stddef.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct nc_s nc ;
struct nc_s
{
  unsigned int max ;
  unsigned int count ;   /* NOOPs in a row; one process is one connection */
  unsigned int last ;    /* qp_command_count() of the last NOOP counted */
} ;

static qp_argdef const args[] =
{
  { .name = "max", .type = QP_ARG_UINT | QP_ARG_POSITIONAL, .off = offsetof(nc, max), .def = "3", .min = 1, .max = 1000, .meta = "MAX" },
  { 0 }
} ;

static int nc_noop (void *state, qp_hookarg const *a)
{
  nc *st = state ;
  unsigned int now = qp_command_count() ;
  char fmt[UINT_FMT] ;
  (void)a ;
  /* RFC 5321 4.1.1.9 lets a client send NOOP at any time; qpsmtpd's limit
     is on NOOPs with nothing else in between */
  st->count = st->count && now == st->last + 1 ? st->count + 1 : 1 ;
  st->last = now ;
  fmt[uint_fmt(fmt, st->count)] = 0 ;
  if (st->count < st->max)
  {
    qp_log(LOGDEBUG, "pass: NOOP number ", fmt, " in a row", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: ", fmt, " NOOPs in a row", (char *)0) ;
  /* reject_type defaults to disconnect: the core's noop reply, 500 and close */
  return qp_reject("Stop wasting my time, too many consecutive NOOPs") ;
}

qp_plugin const plugin_noop_counter =
{
  .name = "noop_counter",
  .state_size = sizeof(nc),
  .args = args,
  .hook = { [HOOK_NOOP] = &nc_noop },
  .reject_type = DENY_DISCONNECT,
} ;
