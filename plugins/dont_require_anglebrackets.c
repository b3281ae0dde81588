/* ISC license. */
/* dont_require_anglebrackets: accepts MAIL FROM:a@b and RCPT TO:a@b without
   the angle brackets RFC 5321 4.1.2 requires, by adding them before the core
   parses the path (qpsmtpd's plugin of that name). ESMTP parameters after the
   address stay parameters. It never refuses anything. */

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

/* Length of the bare address at the start of raw: up to the first blank
   outside a quoted string (RFC 5321 4.1.2 Quoted-string, with its
   backslash pairs), so "a b"@c stays one address. */
static size_t bare (char const *raw)
{
  size_t i = 0 ;
  int quoted = 0 ;
  for (; raw[i] ; i++)
  {
    if (quoted && raw[i] == '\\' && raw[i+1]) { i++ ; continue ; }
    if (raw[i] == '"') quoted = !quoted ;
    else if (raw[i] == ' ' && !quoted) break ;
  }
  return i ;
}

static int dra_pre (void *state, qp_hookarg const *a)
{
  static stralloc sa = STRALLOC_ZERO ;
  char const *raw = qp_arg(a, "raw") ;
  size_t n ;
  (void)state ;
  /* empty: the core's null sender (MAIL) or its 501 (RCPT) */
  if (!raw || !*raw || *raw == '<') return DECLINED ;
  n = bare(raw) ;
  sa.len = 0 ;
  if (!stralloc_catb(&sa, "<", 1) || !stralloc_catb(&sa, raw, n) || !stralloc_catb(&sa, ">", 1)
   || !stralloc_cats(&sa, raw + n) || !stralloc_0(&sa) || !qp_addr_set(sa.s))
  {
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("451 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  qp_log(LOGINFO, "added angle brackets: ", sa.s, (char *)0) ;
  qp_karma_adjust(-2) ;
  return DECLINED ;
}

qp_plugin const plugin_dont_require_anglebrackets =
{
  .name = "dont_require_anglebrackets",
  .hook = { [HOOK_MAIL_PRE] = &dra_pre, [HOOK_RCPT_PRE] = &dra_pre },
} ;
