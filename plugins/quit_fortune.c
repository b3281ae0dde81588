/* ISC license. */
/* quit_fortune: says goodbye to plain-SMTP (HELO) clients with a fortune
   cookie (qpsmtpd's quit_fortune): runs fortune(6) without a shell, reads at
   most QF_MAX octets within QF_SECONDS, and answers QUIT itself. Any failure
   leaves the core's usual 221. */

#include <stddef.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define QF_MAX 2048
#define QF_SECONDS 3

typedef struct qf_s qf ;
struct qf_s
{
  char const *prog ;
  int usable ;     /* prog is executable: checked once, at start */
} ;

static qp_argdef const args[] =
{
  { .name = "fortune", .type = QP_ARG_STRING, .off = offsetof(qf, prog), .def = "/usr/games/fortune", .meta = "PATH" },
  { 0 }
} ;

/* fortune's output, at most QF_MAX octets, read within QF_SECONDS. 1 ok, 0 failure (logged). */
static int cookie (qf const *st, stralloc *out)
{
  char buf[QF_MAX] ;
  size_t len = 0 ;
  int p[2], fdmap[3], wstat = 0, ok = 1 ;
  char const *argv[3] = { st->prog, "-s", 0 } ;
  pid_t pid ;
  if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0) return 0 ;
  fdmap[0] = -1 ; fdmap[1] = p[1] ; fdmap[2] = -1 ;
  pid = qp_spawn(argv, fdmap, 3) ;
  close(p[1]) ;
  if (pid < 0) { close(p[0]) ; qp_log(LOGERROR, "error: cannot run ", st->prog, ": ", strerror(errno), (char *)0) ; return 0 ; }
  while (len < sizeof(buf))
  {
    ssize_t r = read(p[0], buf + len, sizeof(buf) - len) ;
    if (r > 0) { len += (size_t)r ; continue ; }
    if (!r) break ;
    if (errno == EINTR) continue ;
    if (errno != EAGAIN || qp_await(p[0], QP_READ, QF_SECONDS * 1000) <= 0) { ok = 0 ; break ; }
  }
  close(p[0]) ;
  if (qp_wait(pid, &wstat, ok ? QF_SECONDS : 0) <= 0 || !WIFEXITED(wstat) || WEXITSTATUS(wstat)) ok = 0 ;
  if (!ok || !len) { qp_log(LOGINFO, "skip: ", st->prog, " gave no fortune", (char *)0) ; return 0 ; }
  /* each line of the cookie as "  / line", as qpsmtpd prints it */
  out->len = 0 ;
  for (size_t i = 0 ; i < len ; )
  {
    char const *nl = memchr(buf + i, '\n', len - i) ;
    size_t n = nl ? (size_t)(nl - (buf + i)) : len - i ;
    if ((out->len && !stralloc_catb(out, "\n", 1)) || !stralloc_cats(out, "  / ") || !stralloc_catb(out, buf + i, n)) return 0 ;
    i += n + 1 ;
  }
  return 1 ;
}

static int qf_quit (void *state, qp_hookarg const *a)
{
  static stralloc text = STRALLOC_ZERO ;
  static stralloc fortune = STRALLOC_ZERO ;
  qf const *st = state ;
  (void)a ;
  /* qpsmtpd: HELO clients only; an EHLO client is a program, not a person */
  if (!st->usable || qp_is_ehlo() || !cookie(st, &fortune)) return DECLINED ;
  text.len = 0 ;
  if (!stralloc_cats(&text, qp_me()) || !stralloc_cats(&text, " closing connection.\n")
   || !stralloc_catb(&text, fortune.s, fortune.len) || !stralloc_cats(&text, "\nHave a wonderful day.") || !stralloc_0(&text))
    return DECLINED ;
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
