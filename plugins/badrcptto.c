/* ISC license. */
/* badrcptto: refuses RCPT to recipients listed in control/badrcptto (whole
   addresses and @host entries, literal as qmail-style files are) or matching a
   POSIX extended regex (control/badrcptto_patterns, or qpsmtpd master's
   pattern-looking entries with "patterns 1"): the core's address lists
   (qp_addrlist), read and compiled at init. */

#include <stddef.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct brt_s brt ;
struct brt_s
{
  qp_addrlist list ;
  int patterns ;        /* the argument: pattern-looking badrcptto entries are patterns */
} ;

static qp_argdef const brt_args[] =
{
  { .name = "patterns", .type = QP_ARG_BOOL, .off = offsetof(brt, patterns), .def = "0", .meta = "0|1" },
  { 0 }
} ;

/* The refusal's text: the entry's reason, else qpsmtpd's "mail to X not
   accepted here" with RFC 3463's X.1.1 (bad destination mailbox) in the
   class of the reply reject_type gives; no code when the text is only logged
   or stored for naughty (which prefixes it). 1, or 0 out of memory. */
static int refusal (stralloc *sa, qp_addrmatch const *m, char const *to)
{
  int v = qp_reject_verdict() ;
  char const *what = m->pattern ? to : m->key ;
  char const *esc = qp_reject_mode() != QP_REJECT_YES ? "" : v == DENY || v == DENY_DISCONNECT ? "5.1.1 " : "4.1.1 " ;
  if (m->reason) return stralloc_copys(sa, m->reason) && stralloc_0(sa) ;
  return stralloc_copys(sa, esc) && stralloc_cats(sa, "mail to ")
   && stralloc_cats(sa, what) && stralloc_cats(sa, " not accepted here") && stralloc_0(sa) ;
}

static int brt_rcpt (void *state, qp_hookarg const *a)
{
  brt *st = state ;
  char const *to = qp_arg(a, "address") ;
  stralloc msg = STRALLOC_ZERO ;
  qp_addrmatch m ;
  int r ;
  if (!st->list.n) return DECLINED ;
  if (!qp_addrlist_match(&st->list, to, &m))
  {
    qp_log(LOGDEBUG, "pass", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: <", to, "> matches ", m.key, (char *)0) ;
  qp_karma_adjust(-2) ;
  if (!refusal(&msg, &m, to))
  {
    stralloc_free(&msg) ;
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("451 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  r = qp_reject(msg.s) ;
  stralloc_free(&msg) ;
  return r ;
}

/* a qmail-style list is literal (list+owner@x refuses exactly that) unless
   the argument says otherwise; badrcptto_patterns holds only patterns */
static int brt_init (void *state)
{
  brt *st = state ;
  return qp_addrlist_load(&st->list, "badrcptto", st->patterns ? QP_ADDRLIST_AUTO : QP_ADDRLIST_LITERAL,
                          "badrcptto_patterns, or the argument patterns 1")
      && qp_addrlist_load(&st->list, "badrcptto_patterns", QP_ADDRLIST_PATTERN, 0) ;
}

static char const *const brt_aliases[] = { "check_badrcptto", "check_badrcptto_patterns", 0 } ;

qp_plugin const plugin_badrcptto =
{
  .name = "badrcptto",
  .aliases = brt_aliases,
  .state_size = sizeof(brt),
  .args = brt_args,
  .init = &brt_init,
  .hook = { [HOOK_RCPT] = &brt_rcpt },
  .flags = 0,
} ;
