/* ISC license. */
/* auth/authdeny: the last word of an auth chain: declines every attempt with
   a message that ends up in the 535 reply (qpsmtpd's authdeny). Never
   accepts anything, never sees a password it keeps. */

#include <qcsmtpd/plugin.h>

static int authdeny_auth (void *state, qp_hookarg const *a)
{
  (void)state ;
  char const *user = qp_arg(a, "user") ;
  qp_msg(user ? user : "") ;
  qp_msg(" is not free to abuse my relay") ;
  return DECLINED ;
}

qp_plugin const plugin_auth_authdeny =
{
  .name = "auth/authdeny",
  .aliases = 0,
  .hook = { [HOOK_AUTH] = &authdeny_auth },
  .flags = 0,
} ;
