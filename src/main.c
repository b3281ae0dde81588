/* ISC license. */
/* main.c: qcsmtpd, one SMTP session on fds 0 and 1 under tcpserver or
   s6-tcpserver. Reads the configuration, refuses to run with half of it. */

#include <signal.h>
#include <unistd.h>

#include "control.h"
#include "io.h"
#include "log.h"
#include "qcsmtpd/plugin.h"
#include "plugins.h"
#include "session.h"
#include "smtp.h"

int main (void)
{
  int ok ;
  signal(SIGPIPE, SIG_IGN) ;
  session_env() ;
  control_init() ;
  ok = session_config() ;
  if (!io_init(sess.timeout)) _exit(111) ;
  io_session_limit(sess.timeoutsession) ;
  if (ok) ok = plugins_load() ;
  if (ok) ok = smtp_config() ;
  if (ok) log_core(LOGINFO, "connect from ", sess.remoteip, (char *)0) ;
  smtp_run(ok) ;
}
