/* ISC license. */
/* auth.c: SMTP AUTH (RFC 4954). */

#include "auth.h"

#include "hook.h"
#include "plugin.h"
#include "reply.h"

/* AUTH exists only when a plugin can verify credentials */
static int offered (void)
{
  return hook_registered(HOOK_AUTH) || hook_registered(HOOK_AUTH_PLAIN)
      || hook_registered(HOOK_AUTH_LOGIN) || hook_registered(HOOK_AUTH_CRAM_MD5) ;
}

int auth_ehlo (stralloc *sa)
{
  (void)sa ;
  return 1 ;
}

void smtp_auth (char *arg)
{
  (void)arg ;
  if (!offered()) { reply_send(500, "5.5.1", "Unrecognized command") ; return ; }
  reply_send(504, "5.5.4", "Unrecognized authentication type") ;
}

void auth_reset (void)
{
}

char const *auth_mech (void)
{
  return "" ;
}
