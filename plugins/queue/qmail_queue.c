/* ISC license. */
/* queue/qmail-queue: hands the message to qmail-queue (or $QMAILQUEUE) over the
   fd 0 / fd 1 / fd 6 protocol and maps its exit code exactly as qmail-smtpd does.
   250 only after exit 0 with every byte written; every wait has a deadline. */

#include <stddef.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <skalibs/stralloc.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct qq_s qq ;
struct qq_s
{
  char *path ;
  char const *arg ;    /* the argument, NULL if none */
} ;

/* qmail_close()'s table (reference/qmail.md 1.10), the "(#x.y.z)" suffix
   turned into a leading enhanced status code. */
typedef struct qqcode_s qqcode ;
struct qqcode_s
{
  unsigned char code ;
  unsigned char verdict ;
  char const *ecode ;
  char const *text ;
} ;

static qqcode const qqcodes[] =
{
  { 11, DENY, "5.1.3", "envelope address too long for qq" },
  { 115, DENY, "5.1.3", "envelope address too long for qq" },
  { 31, DENY, "5.3.0", "mail server permanently rejected message" },
  { 51, DENYSOFT, "4.3.0", "qq out of memory" },
  { 52, DENYSOFT, "4.3.0", "qq timeout" },
  { 53, DENYSOFT, "4.3.0", "qq write error or disk full" },
  { 54, DENYSOFT, "4.3.0", "qq read error" },
  { 55, DENYSOFT, "4.3.0", "qq unable to read configuration" },
  { 56, DENYSOFT, "4.3.0", "qq trouble making network connection" },
  { 61, DENYSOFT, "4.3.0", "qq trouble in home directory" },
  { 62, DENYSOFT, "4.3.0", "qq trouble creating files in queue" },
  { 63, DENYSOFT, "4.3.0", "qq trouble creating files in queue" },
  { 64, DENYSOFT, "4.3.0", "qq trouble creating files in queue" },
  { 65, DENYSOFT, "4.3.0", "qq trouble creating files in queue" },
  { 66, DENYSOFT, "4.3.0", "qq trouble creating files in queue" },
  { 71, DENYSOFT, "4.3.0", "mail server temporarily rejected message" },
  { 72, DENYSOFT, "4.4.1", "connection to mail server timed out" },
  { 73, DENYSOFT, "4.4.1", "connection to mail server rejected" },
  { 74, DENYSOFT, "4.4.2", "communication with mail server failed" },
  { 81, DENYSOFT, "4.3.0", "qq internal bug" },
  { 91, DENYSOFT, "4.3.0", "qq internal bug" },
  { 120, DENYSOFT, "4.3.0", "unable to exec qq" },
  { 0, 0, 0, 0 }
} ;

static qqcode const qq_perm = { 0, DENY, "5.3.0", "qq permanent problem" } ;
static qqcode const qq_temp = { 0, DENYSOFT, "4.3.0", "qq temporary problem" } ;
static qqcode const qq_readerr = { 54, DENYSOFT, "4.3.0", "qq read error" } ;
static qqcode const qq_crashed = { 0, DENYSOFT, "4.3.0", "qq crashed" } ;
static qqcode const qq_timeout = { 0, DENYSOFT, "4.3.0", "qq timeout" } ;
static qqcode const qq_noexec = { 0, DENYSOFT, "4.3.0", "unable to exec qq" } ;
static qqcode const qq_nopipe = { 0, DENYSOFT, "4.3.0", "unable to start qq" } ;
static qqcode const qq_surprise = { 0, DENYSOFT, "4.3.0", "qq waitpid surprise" } ;
static qqcode const qq_spool = { 0, DENYSOFT, "4.3.0", "unable to read the spooled message" } ;
static qqcode const qq_nomem = { 0, DENYSOFT, "4.3.0", "out of memory" } ;

static qqcode const *code_lookup (int code)
{
  for (unsigned int i = 0 ; qqcodes[i].text ; i++)
    if (qqcodes[i].code == code) return qqcodes + i ;
  return code >= 11 && code <= 40 ? &qq_perm : &qq_temp ;
}

/* Sets the reply for a table row and logs it; returns its verdict. */
static int answer (qqcode const *c, pid_t pid, int code)
{
  char num[64] ;
  snprintf(num, sizeof num, " pid=%ld code=%d", (long)pid, code) ;
  qp_msg(c->verdict == DENY ? "554 " : "451 ") ;
  qp_msg(c->ecode) ;
  qp_msg(" ") ;
  qp_msg(c->text) ;
  qp_log(LOGERROR, "error: qmail-queue failed:", num, " reply=", c->text, (char *)0) ;
  return c->verdict ;
}

 /* Timed I/O on our non-blocking pipe ends: t seconds without progress is a timeout. */

static int wait_fd (int fd, int ev, unsigned int t)
{
  int r = qp_await(fd, ev, t > 2000000u ? 2000000000u : t * 1000) ;
  if (r < 0) return 0 ;
  if (!r) { errno = ETIMEDOUT ; return -1 ; }
  return 1 ;
}

/* 1 all written, 0 write error (errno; EPIPE when qmail-queue went away), -1 timeout */
static int put (int fd, char const *s, size_t len, unsigned int t)
{
  while (len)
  {
    ssize_t w = write(fd, s, len) ;
    if (w > 0) { s += w ; len -= (size_t)w ; continue ; }
    if (w < 0 && errno == EINTR) continue ;
    if (w < 0 && errno == EAGAIN)
    {
      int r = wait_fd(fd, QP_WRITE, t) ;
      if (r <= 0) return r ;
      continue ;
    }
    return 0 ;
  }
  return 1 ;
}

/* 1 ok, 0 write error, -1 timeout, -2 spool unreadable */
static int send_message (int fd, unsigned int t)
{
  char buf[16384] ;
  uint64_t off = 0 ;
  for (;;)
  {
    ssize_t r = qp_message_read(off, buf, sizeof buf) ;
    int w ;
    if (r < 0) return -2 ;
    if (!r) return 1 ;
    w = put(fd, buf, (size_t)r, t) ;
    if (w <= 0) return w ;
    off += (uint64_t)r ;
  }
}

/* F<sender>\0 T<rcpt>\0 ... \0 (reference/qmail.md 2.1). Same returns, -3 no memory. */
static int send_envelope (int fd, unsigned int t)
{
  stralloc sa = STRALLOC_ZERO ;
  char const *sender = qp_sender() ;
  unsigned int n = qp_rcpt_count() ;
  int ok = stralloc_catb(&sa, "F", 1) && stralloc_cats(&sa, sender ? sender : "") && stralloc_0(&sa) ;
  int r ;
  for (unsigned int i = 0 ; ok && i < n ; i++)
  {
    char const *rcpt = qp_rcpt(i) ;
    if (!rcpt) continue ;
    ok = stralloc_catb(&sa, "T", 1) && stralloc_cats(&sa, rcpt) && stralloc_0(&sa) ;
  }
  if (!ok || !stralloc_0(&sa))
  {
    stralloc_free(&sa) ;
    return -3 ;
  }
  r = put(fd, sa.s, sa.len, t) ;
  stralloc_free(&sa) ;
  return r ;
}

/* fd 6: at most 255 bytes, to EOF. 1 done, -1 timeout. */
static int read_errtext (int fd, char *buf, size_t *len, unsigned int t)
{
  *len = 0 ;
  while (*len < 255)
  {
    ssize_t r = read(fd, buf + *len, 255 - *len) ;
    if (r > 0) { *len += (size_t)r ; continue ; }
    if (!r) break ;
    if (errno == EINTR) continue ;
    if (errno == EAGAIN)
    {
      int w = wait_fd(fd, QP_READ, t) ;
      if (w < 0) return -1 ;
      if (!w) break ;
      continue ;
    }
    break ;
  }
  buf[*len] = 0 ;
  return 1 ;
}

/* Exit 82: "D<text>" → 554, anything else → 451, the text's own "(#x.y.z)"
   suffix becoming the enhanced code when its class agrees. */

/* "(#X.Y.Z)" at the end of qmail-queue's fd 6 text, X the class digit, Y and
   Z 1 to 3 digits each (RFC 3463): copies "X.Y.Z" into ec (8 octets). 1 if so. */
static int esc_tail (char const *p, char cls, char *ec)
{
  size_t n = 0 ;
  unsigned int part ;
  if (p[0] != '(' || p[1] != '#' || p[2] != cls || p[3] != '.') return 0 ;
  ec[n++] = cls ;
  p += 3 ;
  for (part = 0 ; part < 2 ; part++)
  {
    size_t d = 0 ;
    if (*p++ != '.') return 0 ;
    ec[n++] = '.' ;
    while (*p >= '0' && *p <= '9' && d < 3) { ec[n++] = *p++ ; d++ ; }
    if (!d) return 0 ;
  }
  if (p[0] != ')' || p[1]) return 0 ;
  ec[n] = 0 ;
  return 1 ;
}

static int answer82 (char *text, size_t len, pid_t pid)
{
  int perm = text[0] == 'D' ;
  char const *ecode = perm ? "5.3.0" : "4.3.0" ;
  char ec[8] = "" ;
  char *s = text + 1 ;
  char num[64] ;
  size_t n ;
  for (size_t i = 1 ; i < len ; i++)
    if ((unsigned char)text[i] < 32 || text[i] == 127) text[i] = ' ' ;
  n = strlen(s) ;
  while (n && s[n-1] == ' ') s[--n] = 0 ;
  if (n >= 8 && s[n-1] == ')')
  {
    char *p = strrchr(s, '(') ;
    if (p && esc_tail(p, perm ? '5' : '4', ec))
    {
      ecode = ec ;
      while (p > s && p[-1] == ' ') p-- ;
      *p = 0 ;
    }
  }
  snprintf(num, sizeof num, " pid=%ld code=82", (long)pid) ;
  qp_msg(perm ? "554 " : "451 ") ;
  qp_msg(ecode) ;
  qp_msg(" ") ;
  qp_msg(s) ;
  qp_log(LOGERROR, "error: qmail-queue failed:", num, " reply=", s, (char *)0) ;
  return perm ? DENY : DENYSOFT ;
}

static int answer_ok (pid_t pid)
{
  char t[UINT64_FMT] ;
  char p[PID_FMT] ;
  t[uint64_fmt(t, (uint64_t)qp_now())] = 0 ;
  p[pid_fmt(p, pid)] = 0 ;
  qp_msg("Queued! ") ; qp_msg(t) ; qp_msg(" qp ") ; qp_msg(p) ;
  qp_log(LOGINFO, "queued: pid=", p, " code=0", (char *)0) ;
  return OK ;
}

static void close3 (int a, int b, int c)
{
  if (a >= 0) close(a) ;
  if (b >= 0) close(b) ;
  if (c >= 0) close(c) ;
}

static int pipe_cloexec (int *p)
{
  return pipe2(p, O_CLOEXEC) == 0 ;
}

/* message (child reads), envelope (child reads), fd 6 text (child writes) */
static int pipes (int *m, int *e, int *x)
{
  if (!pipe_cloexec(m)) return 0 ;
  if (!pipe_cloexec(e)) { close3(m[0], m[1], -1) ; return 0 ; }
  if (!pipe_cloexec(x)) { close3(m[0], m[1], -1) ; close3(e[0], e[1], -1) ; return 0 ; }
  return 1 ;
}

/* After the exchange: collect the status and turn it into the verdict. */
static int finish (pid_t pid, int fderr, int werr, unsigned int t)
{
  char text[256] ;
  size_t len = 0 ;
  int ws, r, code ;
  if (read_errtext(fderr, text, &len, t) < 0)
  {
    kill(pid, SIGKILL) ;
    close(fderr) ;
    qp_wait(pid, &ws, t) ;
    return answer(&qq_timeout, pid, -1) ;
  }
  close(fderr) ;
  r = qp_wait(pid, &ws, t) ;
  if (!r) return answer(&qq_timeout, pid, -1) ;
  if (r < 0) return answer(&qq_surprise, pid, -1) ;
  if (WIFSIGNALED(ws)) return answer(&qq_crashed, pid, -WTERMSIG(ws)) ;
  code = WIFEXITED(ws) ? WEXITSTATUS(ws) : -1 ;
  if (!code) return werr ? answer(&qq_readerr, pid, 0) : answer_ok(pid) ;
  if (code == 82 && len > 2) return answer82(text, len, pid) ;
  return answer(code_lookup(code), pid, code) ;
}

static int qq_queue (void *state, qp_hookarg const *a)
{
  qq *st = state ;
  char const *argv[2] = { st->path, 0 } ;
  unsigned int t = qp_timeout() ;
  int m[2], e[2], x[2] ;
  int fdmap[7] ;
  int werr = 0, r ;
  pid_t pid ;
  (void)a ;
  if (!pipes(m, e, x))
  {
    qp_log(LOGERROR, "error: unable to create pipes: ", strerror(errno), (char *)0) ;
    return answer(&qq_nopipe, 0, -1) ;
  }
  fdmap[0] = m[0] ; fdmap[1] = e[0] ; fdmap[2] = -1 ;  /* -1: fd 2 stays the log */
  fdmap[3] = fdmap[4] = fdmap[5] = -1 ; fdmap[6] = x[1] ;
  pid = qp_spawn(argv, fdmap, 7) ;
  close3(m[0], e[0], x[1]) ;
  if (pid < 0)
  {
    qp_log(LOGERROR, "error: unable to run ", st->path, ": ", strerror(errno), (char *)0) ;
    close3(m[1], e[1], x[0]) ;
    return answer(&qq_noexec, 0, -1) ;
  }
  fcntl(m[1], F_SETFL, fcntl(m[1], F_GETFL) | O_NONBLOCK) ;
  fcntl(e[1], F_SETFL, fcntl(e[1], F_GETFL) | O_NONBLOCK) ;
  fcntl(x[0], F_SETFL, fcntl(x[0], F_GETFL) | O_NONBLOCK) ;
  r = send_message(m[1], t) ;
  if (r > 0) { close(m[1]) ; m[1] = -1 ; r = send_envelope(e[1], t) ; }
  if (r < 0)
  {
    /* timeout, spool or memory trouble: make sure nothing gets queued */
    int ws ;
    kill(pid, SIGKILL) ;
    close3(m[1], e[1], x[0]) ;
    qp_wait(pid, &ws, t) ;
    if (r == -2) qp_log(LOGERROR, "error: unable to read the spooled message: ", strerror(errno), (char *)0) ;
    return answer(r == -1 ? &qq_timeout : r == -2 ? &qq_spool : &qq_nomem, pid, -1) ;
  }
  if (!r)
  {
    werr = 1 ;
    qp_log(LOGWARN, "warning: writing to qmail-queue: ", strerror(errno), (char *)0) ;
  }
  close3(m[1], e[1], -1) ;
  return finish(pid, x[0], werr, t) ;
}

/* The program: $QMAILQUEUE, else the argument, else $QMAIL/bin/qmail-queue.
   As qmail, which runs it from the qmail home, a relative name is taken
   relative to $QMAIL. */
static qp_argdef const qq_args[] =
{
  { .name = "path", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(qq, arg), .meta = "PATH" },
  { 0 }
} ;

static int qq_init (void *state)
{
  qq *st = state ;
  char const *qmail = getenv("QMAIL") ;
  char const *p = getenv("QMAILQUEUE") ;
  stralloc sa = STRALLOC_ZERO ;
  if (!p || !*p) p = st->arg ? st->arg : "bin/qmail-queue" ;
  if (!qmail || !*qmail) qmail = "/var/qmail" ;
  if ((p[0] != '/' && !(stralloc_cats(&sa, qmail) && stralloc_catb(&sa, "/", 1)))
   || !stralloc_cats(&sa, p) || !stralloc_0(&sa))
  {
    stralloc_free(&sa) ;
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  st->path = sa.s ;
  return 1 ;
}

qp_plugin const plugin_queue_qmail_queue =
{
  .name = "queue/qmail-queue",
  .aliases = 0,
  .state_size = sizeof(qq),
  .args = qq_args,
  .init = &qq_init,
  .hook = { [HOOK_QUEUE] = &qq_queue },
  .flags = 0,
} ;
