/* ISC license. */
/* qmail-queue.c: a test double for qmail-queue, faithful to its fd protocol
   (reference/qmail.md 2.1, 2.6): message on fd 0 read to EOF first, then the
   envelope on fd 1 parsed exactly as qmail-queue does. It never writes to
   stdout (fd 1 is a read pipe). Plain libc so it builds with a bare `cc`.

   Environment:
     QQ_DIR          record <QQ_DIR>/<unique>.msg (fd 0 bytes) and .env (envelope
                     bytes); written to *.tmp names, renamed only when exiting 0
     QQ_EXIT         exit code after reading everything (default 0); non-zero:
                     nothing recorded
     QQ_FD6          text written to fd 6 before exiting (for exit 82)
     QQ_SLEEP        seconds (may be fractional) to sleep after reading, before exiting
     QQ_HANG         sleep forever after reading (until the parent dies, 1 h at most)
     QQ_KILL         SIGKILL itself after reading
     QQ_CLOSE_EARLY  N: close fd 0 after reading N bytes, exit 53
     QQ_ENVLOG       write <QQ_DIR>/<unique>.info: RELAYCLIENT, TCPREMOTEIP (and
                     the names listed in QQ_ENVLOG, comma/space separated, other
                     than "1"), cwd, fds >= 3 open at start (except 6) with
                     "fd N -> target" lines, leaks= (those not on /dev/null),
                     whether fd 6 is open, exit code
   Exit codes as qmail-queue: 91 bad envelope format, 11 address too long,
   54 read error or EOF in the envelope, 53 write error. */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* strtok_r, O_CLOEXEC, nanosleep under -std=c99 */
#endif

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define ADDR 1003   /* as qmail-queue: at most 1002 bytes before the NUL */
#define BUFSZ 65536

static char unique[128] ;
static char const *qqdir = 0 ;
static char msgtmp[4096], envtmp[4096] ;
static int msgfd = -1, envfd = -1 ;
static char fdlist[4096] ;
static char fdwhat[8192] ;   /* "fd N -> target" lines, for diagnostics */
static char leaks[4096] ;    /* the fds of fdlist not open on /dev/null */
static int fd6open = 0 ;

static void cleanup (void)
{
  if (msgfd >= 0) { close(msgfd) ; msgfd = -1 ; unlink(msgtmp) ; }
  if (envfd >= 0) { close(envfd) ; envfd = -1 ; unlink(envtmp) ; }
}

static void writeall (int fd, char const *s, size_t len)
{
  while (len)
  {
    ssize_t r = write(fd, s, len) ;
    if (r < 0)
    {
      if (errno == EINTR) continue ;
      return ;
    }
    s += r ; len -= (size_t)r ;
  }
}

static void envlog (int code)
{
  char path[4096] ;
  char cwd[4096] ;
  char const *list = getenv("QQ_ENVLOG") ;
  char const *names[2] = { "RELAYCLIENT", "TCPREMOTEIP" } ;
  FILE *f ;
  if (!list || !qqdir) return ;
  snprintf(path, sizeof path, "%s/%s.info", qqdir, unique) ;
  f = fopen(path, "a") ;
  if (!f) return ;
  for (int i = 0 ; i < 2 ; i++)
  {
    char const *v = getenv(names[i]) ;
    if (v) fprintf(f, "%s=%s\n", names[i], v) ;
    else fprintf(f, "%s unset\n", names[i]) ;
  }
  /* extra names from QQ_ENVLOG itself */
  {
    char buf[1024] ;
    char *tok, *save ;
    snprintf(buf, sizeof buf, "%s", list) ;
    for (tok = strtok_r(buf, ", \t", &save) ; tok ; tok = strtok_r(0, ", \t", &save))
    {
      char const *v ;
      if (!strcmp(tok, "1") || !strcmp(tok, "RELAYCLIENT") || !strcmp(tok, "TCPREMOTEIP")) continue ;
      v = getenv(tok) ;
      if (v) fprintf(f, "%s=%s\n", tok, v) ;
      else fprintf(f, "%s unset\n", tok) ;
    }
  }
  if (!getcwd(cwd, sizeof cwd)) snprintf(cwd, sizeof cwd, "?") ;
  fprintf(f, "cwd=%s\n", cwd) ;
  fprintf(f, "fds=%s\n", fdlist) ;
  fprintf(f, "leaks=%s\n", leaks) ;
  fputs(fdwhat, f) ;
  fprintf(f, "fd6=%s\n", fd6open ? "open" : "closed") ;
  fprintf(f, "exit=%d\n", code) ;
  fclose(f) ;
}

/* Every exit goes through here: fd 6 text, .info, recording or cleanup. */
static void finish (int code)
{
  char const *fd6 = getenv("QQ_FD6") ;
  if (fd6 && fd6open) writeall(6, fd6, strlen(fd6)) ;
  envlog(code) ;
  if (!code && msgfd >= 0 && envfd >= 0)
  {
    char msgpath[4096], envpath[4096] ;
    if (fsync(msgfd) < 0 || fsync(envfd) < 0 || close(msgfd) < 0 || close(envfd) < 0)
    {
      msgfd = envfd = -1 ; unlink(msgtmp) ; unlink(envtmp) ;
      _exit(53) ;
    }
    msgfd = envfd = -1 ;
    snprintf(msgpath, sizeof msgpath, "%s/%s.msg", qqdir, unique) ;
    snprintf(envpath, sizeof envpath, "%s/%s.env", qqdir, unique) ;
    /* .env first: a .msg only ever appears with its .env beside it */
    if (rename(envtmp, envpath) < 0) { unlink(envtmp) ; unlink(msgtmp) ; _exit(53) ; }
    if (rename(msgtmp, msgpath) < 0) { unlink(envpath) ; unlink(msgtmp) ; _exit(53) ; }
  }
  else cleanup() ;
  _exit(code) ;
}

static void die (int code)
{
  /* errors before the end: nothing recorded, no fd 6 text from QQ_FD6 */
  cleanup() ;
  envlog(code) ;
  _exit(code) ;
}

static void record_fds (void)
{
  size_t len = 0 ;
  fdlist[0] = 0 ;
  for (int fd = 3 ; fd < 1024 ; fd++)
  {
    if (fcntl(fd, F_GETFD) < 0) continue ;
    if (fd == 6) { fd6open = 1 ; continue ; }
    if (len + 8 < sizeof fdlist)
      len += (size_t)snprintf(fdlist + len, sizeof fdlist - len, "%s%d", len ? " " : "", fd) ;
    {
      char link[64], target[1024] ;
      size_t wl = strlen(fdwhat) ;
      ssize_t r ;
      snprintf(link, sizeof link, "/proc/self/fd/%d", fd) ;
      r = readlink(link, target, sizeof target - 1) ;
      target[r < 0 ? 0 : r] = 0 ;
      if (wl + strlen(target) + 32 < sizeof fdwhat)
        snprintf(fdwhat + wl, sizeof fdwhat - wl, "fd %d -> %s\n", fd, r < 0 ? "?" : target) ;
      if (r < 0 || strcmp(target, "/dev/null"))
      {
        size_t ll = strlen(leaks) ;
        if (ll + 8 < sizeof leaks) snprintf(leaks + ll, sizeof leaks - ll, "%s%d", ll ? " " : "", fd) ;
      }
    }
  }
}

static void make_unique (void)
{
  struct timespec ts ;
  clock_gettime(CLOCK_REALTIME, &ts) ;
  snprintf(unique, sizeof unique, "%010ld.%09ld.%ld", (long)ts.tv_sec, (long)ts.tv_nsec, (long)getpid()) ;
}

static int opentmp (char *path, size_t size, char const *ext)
{
  int fd ;
  snprintf(path, size, "%s/%s.%s.tmp", qqdir, unique, ext) ;
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644) ;
  if (fd < 0) die(53) ;
  return fd ;
}

static void read_message (void)
{
  static char buf[BUFSZ] ;
  char const *ce = getenv("QQ_CLOSE_EARLY") ;
  long long limit = ce ? atoll(ce) : -1 ;
  long long total = 0 ;
  for (;;)
  {
    size_t want = sizeof buf ;
    ssize_t r ;
    if (limit >= 0)
    {
      if (total >= limit) { close(0) ; die(53) ; }
      if ((long long)want > limit - total) want = (size_t)(limit - total) ;
    }
    r = read(0, buf, want) ;
    if (r < 0)
    {
      if (errno == EINTR) continue ;
      die(54) ;
    }
    if (!r) break ;
    total += r ;
    if (msgfd >= 0)
    {
      char *s = buf ; size_t n = (size_t)r ;
      while (n)
      {
        ssize_t w = write(msgfd, s, n) ;
        if (w < 0) { if (errno == EINTR) continue ; die(53) ; }
        s += w ; n -= (size_t)w ;
      }
    }
  }
  if (limit >= 0) { close(0) ; die(53) ; }   /* EOF before N bytes: still the chosen failure */
}

/* buffered byte reader on fd 1, as qmail-queue's substdio on its envelope */
static char envbuf[BUFSZ] ;
static size_t envpos = 0, envlen = 0 ;
static char outbuf[BUFSZ] ;
static size_t outlen = 0 ;

static void out_flush (void)
{
  size_t off = 0 ;
  if (envfd < 0) { outlen = 0 ; return ; }
  while (off < outlen)
  {
    ssize_t w = write(envfd, outbuf + off, outlen - off) ;
    if (w < 0) { if (errno == EINTR) continue ; die(53) ; }
    off += (size_t)w ;
  }
  outlen = 0 ;
}

static void out_put (char c)
{
  if (outlen == sizeof outbuf) out_flush() ;
  outbuf[outlen++] = c ;
}

static char env_get (void)
{
  if (envpos == envlen)
  {
    ssize_t r ;
    do r = read(1, envbuf, sizeof envbuf) ;
    while (r < 0 && errno == EINTR) ;
    if (r <= 0) die(54) ;   /* EOF anywhere in the envelope: 54, nothing queued */
    envlen = (size_t)r ; envpos = 0 ;
  }
  return envbuf[envpos++] ;
}

static void read_address (void)
{
  unsigned int len ;
  for (len = 0 ; len < ADDR ; len++)
  {
    char c = env_get() ;
    out_put(c) ;
    if (!c) break ;
  }
  if (len >= ADDR) die(11) ;
}

static void read_envelope (void)
{
  char c = env_get() ;
  if (c != 'F') die(91) ;
  out_put(c) ;
  read_address() ;
  for (;;)
  {
    c = env_get() ;
    out_put(c) ;
    if (!c) break ;
    if (c != 'T') die(91) ;
    read_address() ;
  }
  out_flush() ;
}

int main (void)
{
  char const *x ;
  int code = 0 ;
  pid_t ppid = getppid() ;
  signal(SIGPIPE, SIG_IGN) ;
  fd6open = fcntl(6, F_GETFD) >= 0 ;
  if (getenv("QQ_ENVLOG")) record_fds() ;  /* the scan costs ~1000 system calls */
  make_unique() ;
  qqdir = getenv("QQ_DIR") ;
  if (qqdir && !*qqdir) qqdir = 0 ;
  if (qqdir)
  {
    msgfd = opentmp(msgtmp, sizeof msgtmp, "msg") ;
    envfd = opentmp(envtmp, sizeof envtmp, "env") ;
  }
  read_message() ;
  read_envelope() ;
  x = getenv("QQ_EXIT") ;
  if (x && *x) code = atoi(x) ;
  if (getenv("QQ_KILL")) { cleanup() ; envlog(-9) ; kill(getpid(), SIGKILL) ; }
  x = getenv("QQ_SLEEP") ;
  if (x && *x)
  {
    double d = strtod(x, 0) ;
    struct timespec ts, rem ;
    if (d < 0) d = 0 ;
    ts.tv_sec = (time_t)d ;
    ts.tv_nsec = (long)((d - (double)ts.tv_sec) * 1e9) ;
    while (nanosleep(&ts, &rem) < 0 && errno == EINTR) ts = rem ;
  }
  if (getenv("QQ_HANG"))
  {
    /* "forever" = while the caller lives (at most an hour): a test that kills the
       server must not leave this process behind */
    cleanup() ; envlog(-1) ;
    for (int i = 0 ; i < 3600 && getppid() == ppid ; i++) sleep(1) ;
    _exit(111) ;
  }
  finish(code) ;
  return 0 ;
}
