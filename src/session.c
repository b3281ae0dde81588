/* ISC license. */
/* session.c: connection facts and session-wide settings; reads control files
   only at start (and the spool directory when DATA needs it). */

#include "session.h"

#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <unistd.h>
#include <sys/utsname.h>

#include <skalibs/types.h>

#include "limits.h"
#include "clock.h"
#include "control.h"
#include "qcsmtpd/plugin.h"
#include "log.h"
#include "io.h"
#include "tls.h"


session sess =
{
  .me = STRALLOC_ZERO, .greeting = STRALLOC_ZERO, .helo = STRALLOC_ZERO,
  .spooldir = STRALLOC_ZERO, .notes = STRALLOC_ZERO,
  .authuser = STRALLOC_ZERO,
  .timeout = SMTP_TIMEOUT_DEFAULT, .maxrcpt = SMTP_RCPT_MAX, .tls_before_auth = 1,
  .timeoutsession = SMTP_SESSION_DEFAULT, .mindatarate = SMTP_DATARATE_DEFAULT
} ;

/* TCPX, else ${PROTO}X, else TCP6X (reference/qmail.md 3.6). */
static char const *ucspi (char const *x)
{
  char name[64] ;
  char const *proto = getenv("PROTO") ;
  char const *v ;
  size_t n = strlen(x) ;
  memcpy(name, "TCP", 3) ; memcpy(name + 3, x, n + 1) ;
  v = getenv(name) ;
  if (v) return v ;
  if (proto && strlen(proto) < 16 && strcmp(proto, "TCP"))
  {
    size_t p = strlen(proto) ;
    memcpy(name, proto, p) ; memcpy(name + p, x, n + 1) ;
    v = getenv(name) ;
    if (v) return v ;
  }
  memcpy(name, "TCP6", 4) ; memcpy(name + 4, x, n + 1) ;
  return getenv(name) ;
}

void session_env (void)
{
  char const *x ;
  char const *ip = ucspi("REMOTEIP") ;
  if (!ip || !*ip) ip = "unknown" ;
  /* an IPv4-mapped address compares as the IPv4 address */
  if (!strncasecmp(ip, "::ffff:", 7) && strchr(ip + 7, '.') && strlen(ip + 7) < sizeof(sess.ipbuf))
  {
    strcpy(sess.ipbuf, ip + 7) ;
    ip = sess.ipbuf ;
  }
  sess.remoteip = ip ;
  sess.remotehost = ucspi("REMOTEHOST") ;
  sess.remoteinfo = ucspi("REMOTEINFO") ;
  sess.remoteport = ucspi("REMOTEPORT") ;
  sess.localip = ucspi("LOCALIP") ;
  sess.localhost = ucspi("LOCALHOST") ;
  sess.localport = ucspi("LOCALPORT") ;
  /* started inside TLS by sslserver or s6-tlsd (reference/qmail.md 3.4) */
  if (getenv("SSL_PROTOCOL")) { sess.tls = 1 ; tls_info_from_env() ; }
  x = getenv("UCSPITLS") ;
  if (x && !strcmp(x, "!")) sess.tls_required = 1 ;
}

static void bad (char const *file, char const *what)
{
  log_core(LOGCRIT, "config error: control/", file, ": ", what, (char *)0) ;
}

static int readuint (char const *file, uint64_t *n)
{
  int r = control_readuint(file, n) ;
  if (r < 0) bad(file, errno == EINVAL ? "not a number" : strerror(errno)) ;
  return r >= 0 ;
}

/* qmail-smtpd's DATABYTES: the leading digits; anything else means 0. */
static uint64_t databytes_env (char const *s)
{
  uint64_t v = 0 ;
  for (; *s >= '0' && *s <= '9' ; s++)
  {
    if (v > (UINT64_MAX - 9) / 10) return UINT64_MAX ;
    v = v * 10 + (*s - '0') ;
  }
  return v ;
}

int session_config (void)
{
  uint64_t n ;
  char const *x ;
  int r = control_readline("me", &sess.me) ;
  if (r < 0) { bad("me", strerror(errno)) ; return 0 ; }
  if (!r)
  {
    struct utsname u ;
    if (uname(&u) < 0 || !stralloc_copys(&sess.me, u.nodename) || !stralloc_0(&sess.me)) { bad("me", "no host name") ; return 0 ; }
    sess.me.len-- ;
  }
  r = control_readline("smtpgreeting", &sess.greeting) ;
  if (r < 0) { bad("smtpgreeting", strerror(errno)) ; return 0 ; }
  n = SMTP_TIMEOUT_DEFAULT ;
  if (!readuint("timeoutsmtpd", &n)) return 0 ;
  sess.timeout = !n ? 1 : n > 86400 ? 86400 : (unsigned int)n ;
  n = 0 ;
  if (!readuint("databytes", &n)) return 0 ;
  sess.databytes = n ;
  x = getenv("DATABYTES") ;
  if (x) sess.databytes = databytes_env(x) ;
  n = SMTP_SESSION_DEFAULT ;
  if (!readuint("timeoutsession", &n)) return 0 ;
  sess.timeoutsession = n > 604800 ? 604800 : (unsigned int)n ;
  n = SMTP_DATARATE_DEFAULT ;
  if (!readuint("mindatarate", &n)) return 0 ;
  sess.mindatarate = n > 100000000 ? 100000000 : (unsigned int)n ;
  n = SMTP_RCPT_MAX ;
  if (!readuint("maxrcpt", &n)) return 0 ;
  sess.maxrcpt = !n ? 1 : n > 100000 ? 100000 : (unsigned int)n ;
  n = LOGWARN ;
  if (!readuint("loglevel", &n)) return 0 ;
  if (n > LOGDEBUG) { bad("loglevel", "must be 0 to 7") ; return 0 ; }
  log_level = n ;
  n = 1 ;
  if (!readuint("tls_before_auth", &n)) return 0 ;
  sess.tls_before_auth = !!n ;
  n = 0 ;
  if (!readuint("tls_required", &n)) return 0 ;
  if (n) sess.tls_required = 1 ;
  n = POLICY_BUDGET_DEFAULT ;
  if (!readuint("policy_budget", &n)) return 0 ;
  clock_budget(n > 86400 ? 86400 : (unsigned int)n) ;
  return 1 ;
}

char const *session_spooldir (void)
{
  if (!sess.spooldir.len)
  {
    int r = control_readline("spool_dir", &sess.spooldir) ;
    if (r <= 0)
    {
      char const *t = getenv("TMPDIR") ;
      if (r < 0) log_core(LOGERROR, "control/spool_dir: ", strerror(errno), ", using the default", (char *)0) ;
      if (!stralloc_copys(&sess.spooldir, t && *t == '/' ? t : "/tmp") || !stralloc_0(&sess.spooldir)) return "/tmp" ;
      sess.spooldir.len-- ;
    }
  }
  return sess.spooldir.s ;
}

void session_remote_info (stralloc *sa)
{
  if (sess.remoteinfo && *sess.remoteinfo)
  {
    stralloc_cats(sa, sess.remoteinfo) ;
    stralloc_catb(sa, "@", 1) ;
    stralloc_cats(sa, sess.remotehost && *sess.remotehost ? sess.remotehost : sess.remoteip) ;
  }
  else if (sess.remotehost && *sess.remotehost) stralloc_cats(sa, sess.remotehost) ;
  else
  {
    stralloc_catb(sa, "[", 1) ;
    stralloc_cats(sa, sess.remoteip) ;
    stralloc_catb(sa, "]", 1) ;
  }
}
