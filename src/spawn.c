/* ISC license. */
/* spawn.c: child processes for plugins (qp_spawn, qp_wait): fork and execve
   with an explicit path, no shell, no PATH search, nothing inherited but the
   mapped descriptors; every wait has a deadline. */

#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "limits.h"
#include "plugin.h"

extern char **environ ;

static void child (char const *const *argv, int const *fdmap, unsigned int n)
{
  int tmp[SPAWN_FDMAX] ;
  unsigned int i ;
  int null = -1 ;
  struct sigaction sa ;
  memset(&sa, 0, sizeof(sa)) ;
  sa.sa_handler = SIG_DFL ;
  for (i = 1 ; i < NSIG ; i++) sigaction(i, &sa, 0) ;
  /* move every source above the target range first, so no dup2 clobbers one */
  for (i = 0 ; i < n ; i++)
  {
    tmp[i] = -1 ;
    if (fdmap[i] >= 0 && (tmp[i] = fcntl(fdmap[i], F_DUPFD, 64)) < 0) _exit(120) ;
  }
  for (i = 0 ; i < n ; i++)
  {
    int src = tmp[i] ;
    if (src < 0)
    {
      if (i == 2) continue ;
      if (null < 0 && (null = open("/dev/null", O_RDWR)) < 0) _exit(120) ;
      src = null ;
    }
    if (dup2(src, i) < 0) _exit(120) ;
  }
#ifdef SYS_close_range
  if (syscall(SYS_close_range, (unsigned int)(n > 3 ? n : 3), ~0U, 0) < 0)
#endif
  {
    int fd = n > 3 ? n : 3 ;
    for (; fd < 1024 ; fd++) close(fd) ;
  }
  execve(argv[0], (char *const *)argv, environ) ;
  _exit(120) ;
}

pid_t qp_spawn (char const *const *argv, int const *fdmap, unsigned int n)
{
  pid_t pid ;
  if (!argv || !argv[0] || argv[0][0] != '/' || n > SPAWN_FDMAX) { errno = EINVAL ; return -1 ; }
  pid = fork() ;
  if (pid < 0) return -1 ;
  if (!pid) child(argv, fdmap, n) ;
  return pid ;
}

static long long now_ms (void)
{
  struct timespec ts ;
  clock_gettime(CLOCK_MONOTONIC, &ts) ;
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 ;
}

int qp_wait (pid_t pid, int *wstat, unsigned int timeout)
{
  long long deadline = now_ms() + (long long)timeout * 1000 ;
  int pfd = -1 ;
  unsigned int nap = 1 ;
#ifdef SYS_pidfd_open
  pfd = syscall(SYS_pidfd_open, pid, 0) ;
#endif
  for (;;)
  {
    long long left ;
    pid_t r = waitpid(pid, wstat, WNOHANG) ;
    if (r == pid) { if (pfd >= 0) close(pfd) ; return 1 ; }
    if (r < 0 && errno != EINTR) { int e = errno ; if (pfd >= 0) close(pfd) ; errno = e ; return -1 ; }
    left = deadline - now_ms() ;
    if (left <= 0) break ;
    if (pfd >= 0)
    {
      struct pollfd p = { .fd = pfd, .events = POLLIN } ;
      poll(&p, 1, left > 1000000 ? 1000000 : (int)left) ;
    }
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
