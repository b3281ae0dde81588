/* ISC license. */
/* badmailfrom: refuses MAIL from senders listed in control/badmailfrom, as whole
   addresses, @host entries (qmail's rules) or POSIX extended regexes (qpsmtpd's
   pattern entries): the core's address lists (qp_addrlist), read and
   compiled at init. */

#include <stddef.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct bmf_s bmf ;
struct bmf_s
{
  qp_addrlist list ;
  int patterns ;        /* the argument: pattern-looking badmailfrom entries are patterns */
} ;

static qp_argdef const bmf_args[] =
{
  { .name = "patterns", .type = QP_ARG_BOOL, .off = offsetof(bmf, patterns), .def = "0", .meta = "0|1" },
  { 0 }
} ;

#define DEFAULT_REASON "Your envelope sender is in my badmailfrom list"

static int bmf_mail (void *state, qp_hookarg const *a)
{
  bmf *st = state ;
  char const *from = qp_arg(a, "address") ;
  qp_addrmatch m ;
  if (!st->list.n) return DECLINED ;
  if (!qp_addrlist_match(&st->list, from, &m))
  {
    qp_log(LOGDEBUG, *from ? "pass" : "skip: null sender", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: <", from, "> matches ", m.key, (char *)0) ;
  qp_karma_adjust(-1) ;
  /* reject and reject_type as qpsmtpd's (the common arguments) */
  return qp_reject(m.reason ? m.reason : DEFAULT_REASON) ;
}

/* qmail's badmailfrom is literal unless the argument says otherwise;
   qpsmtpd 0.94's check_badmailfrom_patterns file holds only patterns */
static int bmf_init (void *state)
{
  bmf *st = state ;
  return qp_addrlist_load(&st->list, "badmailfrom", st->patterns ? QP_ADDRLIST_AUTO : QP_ADDRLIST_LITERAL,
                          "badmailfrom_patterns, or the argument patterns 1")
      && qp_addrlist_load(&st->list, "badmailfrom_patterns", QP_ADDRLIST_PATTERN, 0) ;
}

static char const *const bmf_aliases[] = { "check_badmailfrom", "check_badmailfrom_patterns", 0 } ;

qp_plugin const plugin_badmailfrom =
{
  .name = "badmailfrom",
  .aliases = bmf_aliases,
  .state_size = sizeof(bmf),
  .args = bmf_args,
  .init = &bmf_init,
  .hook = { [HOOK_MAIL] = &bmf_mail },
  .flags = 0,
} ;
