/* ISC license. */
/* dont_require_anglebrackets: accepts MAIL FROM:a@b and RCPT TO:a@b without
   the angle brackets RFC 5321 4.1.2 requires, by adding them before the core
   parses the path (qpsmtpd's plugin of that name). ESMTP parameters after the
   address stay parameters. */

#include <string.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

static int dra_pre (void *state, qp_hookarg const *a)
{
  static stralloc sa = STRALLOC_ZERO ;
  char const *raw = qp_arg(a, "raw") ;
  size_t n ;
  (void)state ;
  if (!raw || !*raw || *raw == '<') return DECLINED ;
  n = strcspn(raw, " ") ;
  sa.len = 0 ;
  if (!stralloc_catb(&sa, "<", 1) || !stralloc_catb(&sa, raw, n) || !stralloc_catb(&sa, ">", 1)
   || !stralloc_cats(&sa, raw + n) || !stralloc_0(&sa) || !qp_addr_set(sa.s))
  {
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("451 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  qp_log(LOGINFO, "fail, tolerated: address without angle brackets: ", sa.s, (char *)0) ;
  return DECLINED ;
}

qp_plugin const plugin_dont_require_anglebrackets =
{
  .name = "dont_require_anglebrackets",
  .hook = { [HOOK_MAIL_PRE] = &dra_pre, [HOOK_RCPT_PRE] = &dra_pre },
} ;
