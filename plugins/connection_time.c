/* ISC license. */
/* connection_time: logs how long each connection lasted, with the client's
   address, when the session ends (qpsmtpd's connection_time). The clock
   starts when the plugin is set up, at process start: one process is one
   connection. It only logs. */

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <qcsmtpd/plugin.h>

typedef struct ct_s ct ;
struct ct_s
{
  char const *level_arg ;   /* LEVEL, as given */
  int level ;
  struct timespec start ;
} ;

static qp_argdef const ct_args[] =
{
  { .name = "LEVEL", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(ct, level_arg), .def = "LOGINFO", .meta = "LEVEL" },
  { 0 }
} ;

static int ct_post (void *state, qp_hookarg const *a)
{
  ct const *st = state ;
  struct timespec now ;
  long long ms ;
  char fmt[48] ;
  (void)a ;
  clock_gettime(CLOCK_MONOTONIC, &now) ;
  /* the monotonic clock: a change of the wall clock during the session
     does not give a negative or huge duration */
  ms = (long long)(now.tv_sec - st->start.tv_sec) * 1000
     + (now.tv_nsec - st->start.tv_nsec) / 1000000 ;
  if (ms < 0) ms = 0 ;
  snprintf(fmt, sizeof fmt, "%lld.%03lld", ms / 1000, ms % 1000) ;
  qp_log(st->level, "Connection time from ", qp_remote_ip(), ": ", fmt, " s.", (char *)0) ;
  return DECLINED ;
}

static int ct_init (void *state)
{
  ct *st = state ;
  if (!qp_loglevel_scan(st->level_arg, &st->level))
  {
    qp_log(LOGERROR, "config error: LEVEL: '", st->level_arg, "' is not a log level (0 to 7, LOGEMERG ... LOGDEBUG)", (char *)0) ;
    return 0 ;
  }
  clock_gettime(CLOCK_MONOTONIC, &st->start) ;
  return 1 ;
}

qp_plugin const plugin_connection_time =
{
  .name = "connection_time",
  .state_size = sizeof(ct),
  .args = ct_args,
  .init = &ct_init,
  .hook = { [HOOK_POST_CONNECTION] = &ct_post },
} ;
