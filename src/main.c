/* ISC license. */
/* main.c: qcsmtpd, one SMTP session on fds 0 and 1 under tcpserver or
   s6-tcpserver. Reads the configuration, refuses to run with half of it.
   qcsmtpd -t reads it as a connection would and reports every problem. */

#include <signal.h>
#include <string.h>
#include <unistd.h>

#include <skalibs/stralloc.h>

#include "control.h"
#include "hook.h"
#include "io.h"
#include "log.h"
#include "qcsmtpd/plugin.h"
#include "plugins.h"
#include "session.h"
#include "smtp.h"

/* -t: every control file, the plugins file and every plugin's init, as at a
   connection; the problems are the log lines on fd 2, the verdict is on
   fd 1. Exit 0 when usable, 100 when every client would get 421 4.3.0. */
static void say (char const *s)
{
  size_t n = strlen(s) ;
  while (n)
  {
    ssize_t w = write(1, s, n) ;
    if (w <= 0) return ;
    s += w ; n -= (size_t)w ;
  }
}

static int check (void)
{
  int conf, plugs, table = 0 ;
  unsigned int i, n ;
  conf = session_config() ;
  plugs = plugins_load() ;
  if (plugs) table = smtp_config() ;
  n = hook_instances() ;
  if (conf && plugs && table)
  {
    say("qcsmtpd -t: the configuration is usable; plugins in order:") ;
    for (i = 0 ; i < n ; i++) { say(" ") ; say(hook_instance(i)->name) ; }
    say("\n") ;
    return 0 ;
  }
  say("qcsmtpd -t: the configuration is NOT usable (the lines above say why): every client would get 421 4.3.0\n") ;
  return 100 ;
}

/* The command line: nothing; "-t"; or qmail-smtpd's with the SMTP AUTH
   patch, "HOSTNAME CHECKPASSWORD TRUE" (qcsmtpd.8). 1 ok, 0 logged. */
static int args (int argc, char const *const *argv, int *checking)
{
  *checking = 0 ;
  if (argc <= 1) return 1 ;
  if (argc == 2 && !strcmp(argv[1], "-t")) { *checking = 1 ; return 1 ; }
  if (argc == 4 || (argc == 5 && !strcmp(argv[1], "-t")))
  {
    int k = argc == 5 ;
    *checking = k ;
    session_hostname(argv[1 + k]) ;
    plugins_argv_auth(argv[2 + k], argv[3 + k]) ;
    return 1 ;
  }
  log_core(LOGCRIT, "config error: unexpected command-line arguments (qcsmtpd [-t] [HOSTNAME CHECKPASSWORD TRUE]): ", argv[1], argc > 2 ? " ..." : "", (char *)0) ;
  return 0 ;
}

int main (int argc, char const *const *argv)
{
  int ok, checking ;
  signal(SIGPIPE, SIG_IGN) ;
  session_env() ;
  control_init() ;
  ok = args(argc, argv, &checking) ;
  if (checking) _exit(ok ? check() : 100) ;
  ok = session_config() && ok ;
  if (!io_init(sess.timeout)) _exit(111) ;
  io_session_limit(sess.timeoutsession) ;
  if (ok) ok = plugins_load() ;
  if (ok) ok = smtp_config() ;
  if (ok && log_wants(LOGNOTICE))
  {
    /* qpsmtpd's line, so that its log filters keep working (doc/notes/logs) */
    stralloc info = STRALLOC_ZERO ;
    session_remote_info(&info) ;
    if (stralloc_0(&info)) log_core(LOGNOTICE, "Connection from ", info.s, " [", sess.remoteip, "]", (char *)0) ;
    stralloc_free(&info) ;
  }
  smtp_run(ok) ;
}
