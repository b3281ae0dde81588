/* ISC license. */
/* parse_addr_withhelo: a client that said HELO, not EHLO, speaks plain SMTP
   and may send no ESMTP parameters with MAIL and RCPT (RFC 5321 4.1.1.2,
   4.1.1.3: parameters are for a client that received them in the EHLO
   reply; RFC 1869 4.4); qpsmtpd's plugin of that name. EHLO sessions are
   not touched. The refusal follows reject and reject_type. */

#include <qcsmtpd/plugin.h>

#define PAH_TEXT "No parameters allowed in MAIL/RCPT"

/* Length of the path at the start of raw: "<...>" up to the closing bracket,
   or a bare address (dont_require_anglebrackets) up to the first blank;
   a quoted string (RFC 5321 4.1.2), backslash pairs included, may hold
   either. */
static size_t path_len (char const *raw)
{
  size_t i = 0 ;
  int quoted = 0 ;
  int bracket = *raw == '<' ;
  for (; raw[i] ; i++)
  {
    if (quoted && raw[i] == '\\' && raw[i+1]) { i++ ; continue ; }
    if (raw[i] == '"') quoted = !quoted ;
    else if (quoted) continue ;
    else if (bracket && raw[i] == '>') return i + 1 ;
    else if (!bracket && raw[i] == ' ') return i ;
  }
  return i ;
}

static int pah_pre (void *state, qp_hookarg const *a)
{
  char const *raw = qp_arg(a, "raw") ;
  char const *rest ;
  (void)state ;
  if (qp_is_ehlo() || !raw) return DECLINED ;
  rest = raw + path_len(raw) ;
  while (*rest == ' ') rest++ ;
  if (!*rest) return DECLINED ;
  qp_log(LOGINFO, "fail: ESMTP parameters after HELO: ", rest, (char *)0) ;
  /* a permanent refusal is a syntax error (501 5.5.4); a temporary one or
     a deferred one keeps the codes of the hook that gives it */
  if (qp_reject_mode() == QP_REJECT_YES && (qp_reject_verdict() == DENY || qp_reject_verdict() == DENY_DISCONNECT))
    return qp_reject("501 5.5.4 " PAH_TEXT) ;
  return qp_reject(PAH_TEXT) ;
}

qp_plugin const plugin_parse_addr_withhelo =
{
  .name = "parse_addr_withhelo",
  .hook = { [HOOK_MAIL_PRE] = &pah_pre, [HOOK_RCPT_PRE] = &pah_pre },
} ;
