/* ISC license. */
/* logging/devnull: takes every log event and writes it nowhere. Listed
   alone, it silences qcsmtpd: the core's built-in logger stays quiet as
   soon as any logging plugin is registered. It must never write anything. */

#include <qcsmtpd/plugin.h>

/* DECLINED, not OK: a logging plugin listed after this one still gets the
   event, as in qpsmtpd */
static int devnull_logging (void *state, qp_hookarg const *a)
{
  (void)state ;
  (void)a ;
  return DECLINED ;
}

qp_plugin const plugin_logging_devnull =
{
  .name = "logging/devnull",
  .aliases = 0,
  .state_size = 0,
  .args = 0,
  .init = 0,
  .hook = { [HOOK_LOGGING] = &devnull_logging },
  .flags = 0,
} ;
