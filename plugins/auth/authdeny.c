/* ISC license. */
/* auth/authdeny: the last word of an auth chain: declines every attempt with
   a message that ends up in the 535 reply (qpsmtpd's authdeny). Never
   accepts anything, never sees a password it keeps. */

#include "plugin.h"

static int authdeny_auth (void *state, qp_hookarg const *a)
{
  (void)state ;
  qp_msg(a->arg2 ? a->arg2 : "") ;
  qp_msg(" is not free to abuse my relay") ;
  return DECLINED ;
}

static int authdeny_init (void **state, unsigned int argc, char const *const *argv)
{
  (void)state ; (void)argv ;
  if (argc)
  {
    qp_log(LOGERROR, "usage: auth/authdeny (no arguments)", (char *)0) ;
    return 0 ;
  }
  return 1 ;
}

qp_plugin const plugin_auth_authdeny =
{
  .name = "auth/authdeny",
  .aliases = 0,
  .init = &authdeny_init,
  .hook = { [HOOK_AUTH] = &authdeny_auth },
  .flags = 0,
} ;
