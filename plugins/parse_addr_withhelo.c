/* ISC license. */
/* parse_addr_withhelo: a client that said HELO, not EHLO, speaks plain SMTP
   and may send no ESMTP parameters with MAIL and RCPT (RFC 5321 4.1.1.2;
   qpsmtpd's plugin of that name). EHLO sessions are not touched. */

#include <string.h>

#include <qcsmtpd/plugin.h>

static int pah_pre (void *state, qp_hookarg const *a)
{
  char const *raw = qp_arg(a, "raw") ;
  char const *end ;
  (void)state ;
  if (qp_is_ehlo() || !raw) return DECLINED ;
  /* the path ends at its closing bracket; anything after it is a parameter */
  end = *raw == '<' ? strchr(raw, '>') : strchr(raw, ' ') ;
  if (!end) return DECLINED ;
  if (*end == '>') end++ ;
  while (*end == ' ') end++ ;
  if (!*end) return DECLINED ;
  qp_log(LOGINFO, "fail: ESMTP parameters after HELO: ", end, (char *)0) ;
  qp_msg("501 5.5.4 No parameters allowed in MAIL/RCPT after HELO (say EHLO)") ;
  return DENY ;
}

qp_plugin const plugin_parse_addr_withhelo =
{
  .name = "parse_addr_withhelo",
  .hook = { [HOOK_MAIL_PRE] = &pah_pre, [HOOK_RCPT_PRE] = &pah_pre },
} ;
