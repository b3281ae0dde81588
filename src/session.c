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
  .arresults = STRALLOC_ZERO,
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

static char const *hostname = 0 ;

void session_hostname (char const *name)
{
  hostname = name ;
}

/* The numeric control files: name, default, largest value taken. */
typedef struct setting_s setting ;
struct setting_s
{
  char const *name ;
  uint64_t def ;
  uint64_t max ;   /* larger values are taken as max; UINT64_MAX: no cap */
} ;

enum { S_TIMEOUT, S_DATABYTES, S_SESSION, S_DATARATE, S_MAXRCPT, S_LOGLEVEL, S_TLSAUTH, S_TLSREQ, S_BUDGET, S_N } ;

static setting const settings[S_N] =
{
  [S_TIMEOUT] = { "timeoutsmtpd", SMTP_TIMEOUT_DEFAULT, 86400 },
  [S_DATABYTES] = { "databytes", 0, UINT64_MAX },
  [S_SESSION] = { "timeoutsession", SMTP_SESSION_DEFAULT, 604800 },
  [S_DATARATE] = { "mindatarate", SMTP_DATARATE_DEFAULT, 100000000 },
  [S_MAXRCPT] = { "maxrcpt", SMTP_RCPT_MAX, 100000 },
  [S_LOGLEVEL] = { "loglevel", LOGWARN, UINT64_MAX },
  [S_TLSAUTH] = { "tls_before_auth", 1, 1 },
  [S_TLSREQ] = { "tls_required", 0, 1 },
  [S_BUDGET] = { "policy_budget", POLICY_BUDGET_DEFAULT, 86400 },
} ;

/* Every file is read, so that every problem is logged at once (qcsmtpd -t
   shows them all); 1 only when every one is usable. */
int session_config (void)
{
  uint64_t v[S_N] ;
  char const *x ;
  int ok = 1 ;
  int r = control_readline("me", &sess.me) ;
  if (r < 0) { bad("me", strerror(errno)) ; ok = 0 ; }
  /* qmail-smtpd's AUTH patch names the host on its command line */
  if (!r && hostname && stralloc_copys(&sess.me, hostname) && stralloc_0(&sess.me)) { sess.me.len-- ; r = 1 ; }
  if (r <= 0)
  {
    struct utsname u ;
    if (uname(&u) < 0 || !stralloc_copys(&sess.me, u.nodename) || !stralloc_0(&sess.me)) { bad("me", "no host name") ; ok = 0 ; }
    else sess.me.len-- ;
  }
  r = control_readline("smtpgreeting", &sess.greeting) ;
  if (r < 0) { bad("smtpgreeting", strerror(errno)) ; ok = 0 ; }
  for (unsigned int i = 0 ; i < S_N ; i++)
  {
    v[i] = settings[i].def ;
    if (!readuint(settings[i].name, &v[i])) { ok = 0 ; v[i] = settings[i].def ; }
    if (v[i] > settings[i].max) v[i] = settings[i].max ;
  }
  if (v[S_LOGLEVEL] > LOGDEBUG) { bad("loglevel", "must be 0 to 7") ; ok = 0 ; v[S_LOGLEVEL] = LOGWARN ; }
  sess.timeout = v[S_TIMEOUT] ? (unsigned int)v[S_TIMEOUT] : 1 ;
  sess.databytes = v[S_DATABYTES] ;
  x = getenv("DATABYTES") ;
  if (x) sess.databytes = databytes_env(x) ;
  sess.timeoutsession = (unsigned int)v[S_SESSION] ;
  sess.mindatarate = (unsigned int)v[S_DATARATE] ;
  sess.maxrcpt = v[S_MAXRCPT] ? (unsigned int)v[S_MAXRCPT] : 1 ;
  log_level = (int)v[S_LOGLEVEL] ;
  sess.tls_before_auth = !!v[S_TLSAUTH] ;
  if (v[S_TLSREQ]) sess.tls_required = 1 ;
  clock_budget((unsigned int)v[S_BUDGET]) ;
  return ok ;
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
