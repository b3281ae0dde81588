/* ISC license. */
/* quit_fortune: says goodbye to plain-SMTP (HELO) clients with a fortune
   cookie (qpsmtpd's quit_fortune): runs fortune(6) without a shell, reads at
   most QF_MAX octets before a deadline, and answers QUIT itself. Any failure
   leaves the core's usual 221; it never delays QUIT past the deadline. */

#include <stddef.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define QF_MAX 2048       /* octets of output accepted (the log line says 2048) */
#define QF_LINES 18       /* lines of it sent: with the first and the last, the core's 20 */
#define QF_TAB 8

typedef struct qf_s qf ;
struct qf_s
{
  char const *prog ;
  unsigned int timeout ;  /* seconds for the whole run */
  int usable ;            /* prog is executable: checked once, at start */
} ;

static qp_argdef const args[] =
{
  { .name = "fortune", .type = QP_ARG_STRING, .off = offsetof(qf, prog), .def = "/usr/games/fortune", .meta = "PATH" },
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(qf, timeout), .def = "3", .min = 1, .max = 30, .meta = "SECONDS" },
  { 0 }
} ;

/* XXX: qp_now() is the wall clock in seconds (and tests may fix it): the
   deadline needs milliseconds of a clock that only goes forward. */
static long long now_ms (void)
{
  struct timespec ts ;
  clock_gettime(CLOCK_MONOTONIC, &ts) ;
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 ;
}

/* Reads fd until EOF, more than QF_MAX octets or the deadline. The
   length, or -1 with *why set. */
static ssize_t drain (int fd, char *buf, long long deadline, char const **why)
{
  size_t len = 0 ;
  while (len <= QF_MAX)
  {
    long long left = deadline - now_ms() ;
    ssize_t r = read(fd, buf + len, QF_MAX + 1 - len) ;
    if (r > 0) { len += (size_t)r ; continue ; }
    if (!r) return (ssize_t)len ;
    if (errno == EINTR) continue ;
    if (errno != EAGAIN) { *why = "read error" ; return -1 ; }
    if (left <= 0 || qp_await(fd, QP_READ, (unsigned int)left) <= 0) { *why = "timed out" ; return -1 ; }
  }
  *why = "more than 2048 octets" ;
  return -1 ;
}

/* Runs the program with fd 1 a pipe (buf: QF_MAX + 1 octets). The length
   of its output, or -1, logged: it could not run, took too long, said too
   much or nothing, or failed. */
static ssize_t run (qf const *st, char *buf)
{
  long long deadline = now_ms() + (long long)st->timeout * 1000 ;
  char const *argv[3] = { st->prog, "-s", 0 } ;
  char const *why = "no output" ;
  int p[2], fdmap[3], wstat = 0 ;
  ssize_t len ;
  pid_t pid ;
  if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0) return -1 ;
  fdmap[0] = -1 ; fdmap[1] = p[1] ; fdmap[2] = -1 ;
  pid = qp_spawn(argv, fdmap, 3) ;
  close(p[1]) ;
  if (pid < 0)
  {
    close(p[0]) ;
    qp_log(LOGERROR, "error: cannot run ", st->prog, ": ", strerror(errno), (char *)0) ;
    return -1 ;
  }
  len = drain(p[0], buf, deadline, &why) ;
  close(p[0]) ;
  /* what is left of the deadline, rounded up; 0 kills it at once */
  if (qp_wait(pid, &wstat, len < 0 ? 0 : (unsigned int)((deadline - now_ms() + 999) / 1000)) <= 0)
  {
    if (len >= 0) why = "timed out" ;
    len = -1 ;
  }
  else if (len >= 0 && (!WIFEXITED(wstat) || WEXITSTATUS(wstat)))
  {
    why = WIFEXITED(wstat) ? "non-zero exit status" : "killed by a signal" ;
    len = -1 ;
  }
  if (len <= 0) qp_log(LOGINFO, "skip: ", st->prog, " gave no fortune: ", why, (char *)0) ;
  return len ;
}

/* The closing reply: "<me> closing connection.", each line of the cookie as
   "  / line" (qpsmtpd's shape) with its tabs expanded, then our goodbye.
   1 ok, 0 no memory. */
static int compose (char const *buf, size_t len, stralloc *sa)
{
  unsigned int lines = 0 ;
  size_t i = 0 ;
  sa->len = 0 ;
  if (!stralloc_cats(sa, qp_me()) || !stralloc_cats(sa, " closing connection.")) return 0 ;
  while (i < len && lines++ < QF_LINES)
  {
    size_t col = 0 ;
    if (!stralloc_cats(sa, "\n  / ")) return 0 ;
    for (; i < len && buf[i] != '\n' ; i++)
    {
      char c = buf[i] ;
      if (c == '\t') { do { if (!stralloc_catb(sa, " ", 1)) return 0 ; } while (++col % QF_TAB) ; continue ; }
      if (c == '\r') continue ;
      /* the reply writer turns the other control characters into '?'; a NUL would end the text */
      if (!c) c = '?' ;
      if (!stralloc_catb(sa, &c, 1)) return 0 ;
      col++ ;
    }
    i++ ;
  }
  return stralloc_cats(sa, "\nHave a wonderful day.") && stralloc_0(sa) ;
}

static int qf_quit (void *state, qp_hookarg const *a)
{
  static stralloc text = STRALLOC_ZERO ;
  char buf[QF_MAX + 1] ;
  qf const *st = state ;
  ssize_t len ;
  (void)a ;
  /* qpsmtpd: HELO clients only; an EHLO client is a program, not a person */
  if (!st->usable || qp_is_ehlo()) return DECLINED ;
  len = run(st, buf) ;
  if (len <= 0 || !compose(buf, (size_t)len, &text)) return DECLINED ;
  /* if the client is gone, the core's 221 fails the same way and ends the session */
  return qp_reply(221, text.s) ? DONE : DECLINED ;
}

static int qf_init (void *state)
{
  qf *st = state ;
  if (st->prog[0] != '/')
  {
    qp_log(LOGERROR, "fortune ", st->prog, ": not an absolute path (no shell, no PATH search)", (char *)0) ;
    return 0 ;
  }
  /* qpsmtpd does not register the hook without the program: no error */
  st->usable = !access(st->prog, X_OK) ;
  if (!st->usable) qp_log(LOGINFO, "skip: ", st->prog, " is not executable: QUIT gets the usual reply", (char *)0) ;
  return 1 ;
}

qp_plugin const plugin_quit_fortune =
{
  .name = "quit_fortune",
  .state_size = sizeof(qf),
  .args = args,
  .init = &qf_init,
  .hook = { [HOOK_QUIT] = &qf_quit },
} ;
