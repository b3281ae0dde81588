/* ISC license. */
/* noop_counter: closes the connection after too many NOOPs in a row
   (qpsmtpd's plugin of that name); any other command starts the count
   again. The count is the instance's own. */

#include <stddef.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct nc_s nc ;
struct nc_s
{
  unsigned int max ;
  unsigned int count ;   /* consecutive NOOPs; one process is one connection */
} ;

static qp_argdef const args[] =
{
  { .name = "max", .type = QP_ARG_UINT | QP_ARG_POSITIONAL, .off = offsetof(nc, max), .def = "3", .min = 1, .max = 1000, .meta = "MAX" },
  { 0 }
} ;

static int nc_noop (void *state, qp_hookarg const *a)
{
  nc *st = state ;
  char fmt[UINT_FMT] ;
  (void)a ;
  if (++st->count <= st->max) return DECLINED ;
  fmt[uint_fmt(fmt, st->count)] = 0 ;
  qp_log(LOGINFO, "fail: ", fmt, " consecutive NOOPs, closing", (char *)0) ;
  qp_msg("Stop wasting my time, too many consecutive NOOPs") ;
  return DENY_DISCONNECT ;
}

/* any other command the client sends */
static int nc_other (void *state, qp_hookarg const *a)
{
  nc *st = state ;
  (void)a ;
  st->count = 0 ;
  return DECLINED ;
}

qp_plugin const plugin_noop_counter =
{
  .name = "noop_counter",
  .state_size = sizeof(nc),
  .args = args,
  .hook =
  {
    [HOOK_NOOP] = &nc_noop,
    [HOOK_HELO] = &nc_other,
    [HOOK_EHLO] = &nc_other,
    [HOOK_MAIL] = &nc_other,
    [HOOK_RCPT] = &nc_other,
    [HOOK_DATA] = &nc_other,
    [HOOK_VRFY] = &nc_other,
    [HOOK_HELP] = &nc_other,
    [HOOK_RESET_TRANSACTION] = &nc_other,
  },
} ;
