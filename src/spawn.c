/* ISC license. */
/* spawn.c: child processes for plugins (qp_spawn, qp_wait): posix_spawn of an
   explicit path, no shell, no PATH search, default signal dispositions,
   nothing inherited but the mapped descriptors; every wait has a deadline. */

#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "limits.h"
#include "plugin.h"

extern char **environ ;

/* posix_spawn (clone with CLONE_VM|CLONE_VFORK in glibc) costs less than a
   fork of the whole process; that cost is paid for every queued message. */
pid_t qp_spawn (char const *const *argv, int const *fdmap, unsigned int n)
{
  posix_spawn_file_actions_t fa ;
  posix_spawnattr_t attr ;
  sigset_t all, none ;  /* all: the signals reset to default */
  int tmp[SPAWN_FDMAX] ;
  unsigned int i ;
  pid_t pid = -1 ;
  int e ;
  if (!argv || !argv[0] || argv[0][0] != '/' || n > SPAWN_FDMAX) { errno = EINVAL ; return -1 ; }
  for (i = 0 ; i < n ; i++) tmp[i] = -1 ;
  /* move every source above the target range first, so no dup2 clobbers one */
  for (i = 0 ; i < n ; i++)
    if (fdmap[i] >= 0 && (tmp[i] = fcntl(fdmap[i], F_DUPFD_CLOEXEC, 64)) < 0) goto closetmp ;
  if ((e = posix_spawn_file_actions_init(&fa))) { errno = e ; goto closetmp ; }
  if ((e = posix_spawnattr_init(&attr))) { errno = e ; goto destroyfa ; }
  /* caught signals revert at exec by themselves; the ignored one is reset */
  sigemptyset(&all) ;
  sigaddset(&all, SIGPIPE) ;
  sigemptyset(&none) ;
  e = posix_spawnattr_setsigdefault(&attr, &all) ;
  if (!e) e = posix_spawnattr_setsigmask(&attr, &none) ;
  if (!e) e = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK) ;
  /* fds 0 and 1 are the client's socket: never let a child inherit them */
  for (i = 0 ; !e && i < (n > 2 ? n : 2) ; i++)
  {
    if (i < n && tmp[i] >= 0) e = posix_spawn_file_actions_adddup2(&fa, tmp[i], i) ;
    else if (i < 2) e = posix_spawn_file_actions_addopen(&fa, i, "/dev/null", O_RDWR, 0) ;
    else if (i > 2) e = posix_spawn_file_actions_addclose(&fa, i) ;
  }
  if (!e) e = posix_spawn_file_actions_addclosefrom_np(&fa, n > 3 ? n : 3) ;
  if (!e) e = posix_spawn(&pid, argv[0], &fa, &attr, (char *const *)argv, environ) ;
  if (e) { errno = e ; pid = -1 ; }
  posix_spawnattr_destroy(&attr) ;
 destroyfa:
  posix_spawn_file_actions_destroy(&fa) ;
 closetmp:
  e = errno ;
  for (i = 0 ; i < n ; i++) if (tmp[i] >= 0) close(tmp[i]) ;
  errno = e ;
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
