/* ISC license. */
/* auth/auth_checkpassword: verifies PLAIN and LOGIN credentials with a DJB
   checkpassword program (user, password and timestamp on its fd 3), run
   without a shell, with a deadline. Wipes the credentials it copied. */

#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

#define CONTROL_FILE "smtpauth-checkpassword"
#define CHECKPW_INPUT_MAX 512     /* what checkpassword reads from fd 3 */
#define CHECKPW_TIMEOUT_MAX 30    /* seconds, at most timeoutsmtpd */

typedef struct checkpw_s checkpw ;
struct checkpw_s
{
  char const *argv[3] ;   /* prog, true, NULL */
  char const *prog ;      /* the arguments, if given */
  char const *truep ;
} ;

/* user\0password\0<pid.time@me>\0 into buf; its length, 0 if too long. */
static size_t input (char *buf, char const *user, char const *pass)
{
  char stamp[UINT64_FMT * 2 + 8] ;
  size_t ul = strlen(user), pl = strlen(pass), sl = 0, ml = strlen(qp_me()) ;
  stamp[sl++] = '<' ;
  sl += uint64_fmt(stamp + sl, (uint64_t)getpid()) ;
  stamp[sl++] = '.' ;
  sl += uint64_fmt(stamp + sl, (uint64_t)qp_now()) ;
  stamp[sl++] = '@' ;
  if (ul + pl + sl + ml + 4 > CHECKPW_INPUT_MAX) return 0 ;
  memcpy(buf, user, ul + 1) ;
  memcpy(buf + ul + 1, pass, pl + 1) ;
  memcpy(buf + ul + pl + 2, stamp, sl) ;
  memcpy(buf + ul + pl + 2 + sl, qp_me(), ml) ;
  memcpy(buf + ul + pl + 2 + sl + ml, ">", 2) ;
  return ul + pl + sl + ml + 4 ;
}

/* Runs the program with buf on its fd 3; 1 and the wait status, 0 timeout,
   -1 could not run it (errno set). */
static int run (checkpw const *st, char const *buf, size_t len, int *wstat)
{
  unsigned int t = qp_timeout() ;
  int p[2] ;
  int fdmap[4] = { -1, -1, -1, -1 } ;
  pid_t pid ;
  int r, e ;
  if (pipe2(p, O_CLOEXEC) < 0) return -1 ;
  /* far below the pipe's capacity: written whole before the child starts */
  if (write(p[1], buf, len) != (ssize_t)len) { e = errno ; close(p[0]) ; close(p[1]) ; errno = e ; return -1 ; }
  close(p[1]) ;
  fdmap[3] = p[0] ;
  pid = qp_spawn(st->argv, fdmap, 4) ;
  e = errno ;
  close(p[0]) ;
  if (pid < 0) { errno = e ; return -1 ; }
  r = qp_wait(pid, wstat, t < CHECKPW_TIMEOUT_MAX ? t : CHECKPW_TIMEOUT_MAX) ;
  return r ;
}

/* The verdict for the program's wait status (DJB's checkpassword interface:
   0 ok, 1 bad password, 2 misuse, 111 temporary problem). */
static int verdict (int wstat)
{
  char fmt[INT_FMT] ;
  if (WIFSIGNALED(wstat))
  {
    fmt[int_fmt(fmt, WTERMSIG(wstat))] = 0 ;
    qp_log(LOGERROR, "error: checkpassword killed by signal ", fmt, (char *)0) ;
    qp_msg("auth_checkpassword - temporary failure") ;
    return DENYSOFT ;
  }
  switch (WEXITSTATUS(wstat))
  {
    case 0 :
      qp_msg("auth_checkpassword") ;
      return OK ;
    case 111 :
      qp_log(LOGWARN, "checkpassword: temporary failure (exit 111)", (char *)0) ;
      qp_msg("auth_checkpassword - temporary failure") ;
      return DENYSOFT ;
    case 1 :
      qp_log(LOGINFO, "fail: checkpassword refused the credentials", (char *)0) ;
      break ;
    default :
      fmt[int_fmt(fmt, WEXITSTATUS(wstat))] = 0 ;
      qp_log(LOGWARN, "checkpassword exited ", fmt, " (1 expected for a bad password, 2 means misuse)", (char *)0) ;
      break ;
  }
  qp_msg("auth_checkpassword - bad password") ;
  return DENY ;
}

static int checkpw_auth (void *state, qp_hookarg const *a)
{
  checkpw const *st = state ;
  char buf[CHECKPW_INPUT_MAX] ;
  size_t len ;
  int wstat = 0, r ;
  char const *user = qp_arg(a, "user"), *pass = qp_arg(a, "password") ;
  if (!user || !pass) return DECLINED ;
  len = input(buf, user, pass) ;
  if (!len)
  {
    qp_log(LOGINFO, "fail: user name and password longer than checkpassword reads", (char *)0) ;
    qp_msg("auth_checkpassword - credentials too long") ;
    return DENY ;
  }
  r = run(st, buf, len, &wstat) ;
  qp_wipe(buf, sizeof(buf)) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "error: unable to run ", st->argv[0], ": ", strerror(errno), (char *)0) ;
    qp_msg("auth_checkpassword - temporary failure") ;
    return DENYSOFT ;
  }
  if (!r)
  {
    qp_log(LOGERROR, "error: ", st->argv[0], " did not answer in time, killed", (char *)0) ;
    qp_msg("auth_checkpassword - temporary failure") ;
    return DENYSOFT ;
  }
  return verdict(wstat) ;
}

/* "prog true" from the control file (two words); 1 ok, 0 after logging. */
static int from_control (checkpw *st)
{
  static stralloc sa = STRALLOC_ZERO ;
  char *sp ;
  int r = qp_control_line(CONTROL_FILE, &sa) ;
  if (r <= 0)
  {
    qp_log(LOGERROR, "usage: auth/auth_checkpassword checkpw /path/prog true /path/true, or control/" CONTROL_FILE,
      r ? " unreadable: " : " (missing): \"prog true\"", r ? strerror(errno) : "", (char *)0) ;
    return 0 ;
  }
  sp = strpbrk(sa.s, " \t") ;
  if (!sp) { qp_log(LOGERROR, "control/" CONTROL_FILE ": expected \"prog true\"", (char *)0) ; return 0 ; }
  *sp++ = 0 ;
  sp += strspn(sp, " \t") ;
  if (!*sp || strpbrk(sp, " \t")) { qp_log(LOGERROR, "control/" CONTROL_FILE ": expected \"prog true\"", (char *)0) ; return 0 ; }
  st->argv[0] = sa.s ;
  st->argv[1] = sp ;
  return 1 ;
}

static qp_argdef const checkpw_args[] =
{
  { .name = "checkpw", .type = QP_ARG_STRING, .off = offsetof(checkpw, prog), .meta = "/path/prog" },
  { .name = "true", .type = QP_ARG_STRING, .off = offsetof(checkpw, truep), .meta = "/path/true" },
  { 0 }
} ;

static int checkpw_init (void *state)
{
  checkpw *st = state ;
  unsigned int i = 0 ;
  if (!st->prog && !st->truep) { if (!from_control(st)) return 0 ; }
  else if (!st->prog || !st->truep)
  {
    qp_log(LOGERROR, "usage: auth/auth_checkpassword checkpw /path/prog true /path/true", (char *)0) ;
    return 0 ;
  }
  else { st->argv[0] = st->prog ; st->argv[1] = st->truep ; }
  /* no shell and no PATH search, here or in qp_spawn */
  for (; i < 2 ; i++)
    if (st->argv[i][0] != '/')
    {
      qp_log(LOGERROR, "not an absolute path: ", st->argv[i], " (auth/auth_checkpassword runs no shell and searches no PATH)", (char *)0) ;
      return 0 ;
    }
  return 1 ;
}

qp_plugin const plugin_auth_auth_checkpassword =
{
  .name = "auth/auth_checkpassword",
  .aliases = 0,
  .state_size = sizeof(checkpw),
  .args = checkpw_args,
  .init = &checkpw_init,
  .hook =
  {
    [HOOK_AUTH_PLAIN] = &checkpw_auth,
    [HOOK_AUTH_LOGIN] = &checkpw_auth,
  },
  .flags = 0,
} ;
