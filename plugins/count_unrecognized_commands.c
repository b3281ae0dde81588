/* ISC license. */
/* count_unrecognized_commands: closes the connection of a client that sends
   too many commands the server does not know (qpsmtpd's plugin of that
   name). The count is the connection note unrec_cmd_count (doc/notes). */

#include <stddef.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct cuc_s cuc ;
struct cuc_s
{
  unsigned int max ;
} ;

static qp_argdef const args[] =
{
  { .name = "max", .type = QP_ARG_UINT | QP_ARG_POSITIONAL, .off = offsetof(cuc, max), .def = "4", .min = 1, .max = 1000, .meta = "MAX" },
  { 0 }
} ;

static int cuc_unrec (void *state, qp_hookarg const *a)
{
  cuc const *st = state ;
  char const *old = qp_note_get(QP_CONN, "unrec_cmd_count") ;
  char fmt[UINT_FMT] ;
  unsigned int n = 0 ;
  (void)a ;
  if (old && !uint_scan(old, &n)) n = 0 ;
  n++ ;
  fmt[uint_fmt(fmt, n)] = 0 ;
  /* a lost note only delays the close; the reply is the core's 500 */
  qp_note_set(QP_CONN, "unrec_cmd_count", fmt) ;
  if (n < st->max)
  {
    qp_log(LOGDEBUG, "pass: unrecognized command number ", fmt, (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: ", fmt, " unrecognized commands, closing", (char *)0) ;
  qp_msg("Closing connection, ") ;
  qp_msg(fmt) ;
  qp_msg(" unrecognized commands. Perhaps you should read RFC 5321?") ;
  return DENY_DISCONNECT ;
}

qp_plugin const plugin_count_unrecognized_commands =
{
  .name = "count_unrecognized_commands",
  .state_size = sizeof(cuc),
  .args = args,
  .hook = { [HOOK_UNRECOGNIZED_COMMAND] = &cuc_unrec },
} ;
