/* ISC license. */
/* loop: refuses a message whose header carries max or more Received and
   Delivered-To fields (qpsmtpd's loop, old name check_loop): it has been
   round a mail loop. The core itself refuses at 100, as qmail-smtpd does
   (RFC 5321 6.3); this plugin lowers the limit. Counted at data_post, where
   the core's own Received field is in the header too, as qpsmtpd counted. */

#include <stddef.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct lp_s lp ;
struct lp_s
{
  unsigned int max ;
} ;

static qp_argdef const args[] =
{
  { .name = "max", .type = QP_ARG_UINT | QP_ARG_POSITIONAL, .off = offsetof(lp, max), .def = "100", .min = 1, .max = 100, .meta = "MAX" },
  { 0 }
} ;

static int lp_data_post (void *state, qp_hookarg const *a)
{
  lp *st = state ;
  unsigned int hops = qp_header_count("Received") + qp_header_count("Delivered-To") ;
  char fmt[UINT_FMT] ;
  (void)a ;
  fmt[uint_fmt(fmt, hops)] = 0 ;
  if (hops < st->max)
  {
    qp_log(LOGDEBUG, "pass: ", fmt, " hops", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: ", fmt, " hops", (char *)0) ;
  return qp_reject("5.4.6 Too many hops") ;
}

static char const *const aliases[] = { "check_loop", 0 } ;

qp_plugin const plugin_loop =
{
  .name = "loop",
  .aliases = aliases,
  .state_size = sizeof(lp),
  .args = args,
  .hook = { [HOOK_DATA_POST] = &lp_data_post },
} ;
