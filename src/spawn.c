/* ISC license. */
/* spawn.c: child processes for plugins (qp_spawn, qp_wait): posix_spawn of an
   explicit path (vfork and execve), no shell, no PATH search, default signal dispositions,
   nothing inherited but the mapped descriptors; every wait has a deadline. */

#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <skalibs/tai.h>
#include <skalibs/iopause.h>


#include "io.h"
#include "limits.h"
#include "qcsmtpd/plugin.h"

extern char **environ ;

/* close_range(2) through the system call: musl (1.2.3, Debian 12) has no
   wrapper, and glibc's is only a wrapper. Where the kernel or its headers lack
   it, -1 sends the caller to its loop of close(). */
static int sys_close_range (unsigned int first, unsigned int last)
{
#ifdef SYS_close_range
  return (int)syscall(SYS_close_range, first, last, 0U) ;
#else
  (void)first ; (void)last ;
  errno = ENOSYS ;
  return -1 ;
#endif
}

/* The child is made with vfork: it borrows our memory until execve, so no
   copy of the process is made, and it does only system calls (descriptors,
   SIGPIPE, execve) before it is gone. That is safe here because qcsmtpd
   installs no signal handler (SIGPIPE ignored, the rest default), and it
   spares the ~130 sigaction calls per child that glibc's posix_spawn makes
   to reset every signal: this runs for every queued message. An execve
   failure comes back as the child's errno on a close-on-exec pipe (not
   through the shared memory: valgrind, for one, turns vfork into fork). */
pid_t qp_spawn (char const *const *argv, int const *fdmap, unsigned int n)
{
  int tmp[SPAWN_FDMAX] ;
  int p[2] = { -1, -1 } ;
  unsigned int i, top = n > 3 ? n : 3 ;
  pid_t pid = -1 ;
  int e ;
  if (!argv || !argv[0] || argv[0][0] != '/' || n > SPAWN_FDMAX) { errno = EINVAL ; return -1 ; }
  for (i = 0 ; i < n ; i++) tmp[i] = -1 ;
  /* move every source above the target range first, so no dup2 clobbers one */
  for (i = 0 ; i < n ; i++)
    if (fdmap[i] >= 0 && (tmp[i] = fcntl(fdmap[i], F_DUPFD_CLOEXEC, 64)) < 0) goto closetmp ;
  if (pipe2(p, O_CLOEXEC) < 0) goto closetmp ;
  if (p[1] < 64)
  {
    /* keep the report pipe out of the range the child rearranges */
    int hi = fcntl(p[1], F_DUPFD_CLOEXEC, 64) ;
    if (hi < 0) goto closetmp ;
    close(p[1]) ;
    p[1] = hi ;
  }
  pid = vfork() ;
  if (!pid)
  {
    /* fds 0 and 1 are the client's socket: never let a child inherit them */
    for (i = 0 ; i < top ; i++)
    {
      if (i < n && tmp[i] >= 0) { if (dup2(tmp[i], (int)i) < 0) goto childfail ; }
      else if (i < 2)
      {
        int fd = open("/dev/null", O_RDWR) ;
        if (fd < 0) goto childfail ;
        if (fd != (int)i && (dup2(fd, (int)i) < 0 || close(fd) < 0)) goto childfail ;
      }
      else if (i > 2) close((int)i) ;
    }
    /* nothing else of ours (descriptors inherited from the parent of
       qcsmtpd, a UCSPI-TLS helper's, ...) reaches the program, but the
       report pipe, close-on-exec; the ignored SIGPIPE would be inherited
       through execve: reset it (caught signals revert by themselves, and
       there are none) */
    if (sys_close_range(top, (unsigned int)p[1] - 1) < 0 || sys_close_range((unsigned int)p[1] + 1, ~0U) < 0)
      for (i = top ; i < 1024 ; i++) if ((int)i != p[1]) close((int)i) ;
    signal(SIGPIPE, SIG_DFL) ;
    execve(argv[0], (char *const *)argv, environ) ;
   childfail:
    e = errno ? errno : EINVAL ;
    if (write(p[1], &e, sizeof(e)) < 0) _exit(127) ;
    _exit(127) ;
  }
  if (pid > 0)
  {
    /* the child is gone into execve or out: EOF, or its errno */
    ssize_t r ;
    close(p[1]) ; p[1] = -1 ;
    while ((r = read(p[0], &e, sizeof(e))) < 0 && errno == EINTR) ;
    if (r == (ssize_t)sizeof(e))
    {
      int ws ;
      while (waitpid(pid, &ws, 0) < 0 && errno == EINTR) ;
      errno = e ;
      pid = -1 ;
    }
  }
 closetmp:
  e = errno ;
  if (p[0] >= 0) close(p[0]) ;
  if (p[1] >= 0) close(p[1]) ;
  for (i = 0 ; i < n ; i++) if (tmp[i] >= 0) close(tmp[i]) ;
  errno = e ;
  return pid ;
}

/* The process's one clock (io.c's stopwatch, as every other wait). */
int qp_wait (pid_t pid, int *wstat, unsigned int timeout)
{
  tain deadline ;
  int pfd = -1 ;
  unsigned int nap = 1 ;
  io_deadline(&deadline, timeout) ;
#ifdef SYS_pidfd_open
  pfd = syscall(SYS_pidfd_open, pid, 0) ;
#endif
  for (;;)
  {
    pid_t r = waitpid(pid, wstat, WNOHANG) ;
    if (r == pid) { if (pfd >= 0) close(pfd) ; return 1 ; }
    if (r < 0 && errno != EINTR) { int e = errno ; if (pfd >= 0) close(pfd) ; errno = e ; return -1 ; }
    tain_now_g() ;
    if (!tain_less(&STAMP, &deadline)) break ;
    if (pfd >= 0) io_await(pfd, IOPAUSE_READ, &deadline) ;
    else
    {
      /* no pidfd: poll the child with a growing nap */
      struct timespec ts = { .tv_sec = 0, .tv_nsec = (long)nap * 1000000 } ;
      nanosleep(&ts, 0) ;
      if (nap < 50) nap *= 2 ;
    }
  }
  if (pfd >= 0) close(pfd) ;
  kill(pid, SIGKILL) ;
  while (waitpid(pid, wstat, 0) < 0 && errno == EINTR) ;
  return 0 ;
}
