/* ISC license. */
/* tests/checkpassword-test: a checkpassword program (DJB's interface) for
   the auth/auth_checkpassword tests. Reads up to 512 octets from fd 3:
   user NUL password NUL timestamp NUL. Then, by the password:
     "good_pass" (for user good@example.com): execs argv[1], argv[2], ...
     "tempfail": exits 111       "hang": sleeps until killed
     "misuse": exits 2           "signal": dies of SIGTERM
     anything else: exits 1.
   With CHECKPW_RECORD=file it appends "user=<u> stamp=<t> fd0=<ok|bad>
   fd1=<...>" to that file (never the password) for the test to inspect. */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

static int devnull (int fd)
{
  struct stat a, b ;
  return fstat(fd, &a) == 0 && stat("/dev/null", &b) == 0 && a.st_rdev == b.st_rdev && S_ISCHR(a.st_mode) ;
}

int main (int argc, char **argv)
{
  char buf[513] ;
  size_t len = 0 ;
  char const *user, *pass, *stamp ;
  char const *rec = getenv("CHECKPW_RECORD") ;
  if (argc < 2) return 2 ;
  for (;;)
  {
    ssize_t r = read(3, buf + len, 512 - len) ;
    if (r < 0 && errno == EINTR) continue ;
    if (r < 0) return 111 ;
    if (!r || (len += (size_t)r) >= 512) break ;
  }
  close(3) ;
  buf[len] = 0 ;
  user = buf ;
  if (strlen(user) + 1 >= len) return 2 ;
  pass = user + strlen(user) + 1 ;
  if ((size_t)(pass - buf) + strlen(pass) + 1 >= len) return 2 ;
  stamp = pass + strlen(pass) + 1 ;
  if (rec)
  {
    FILE *f = fopen(rec, "a") ;
    if (f)
    {
      fprintf(f, "user=%s stamp=%s fd0=%s fd1=%s\n", user, stamp, devnull(0) ? "null" : "other", devnull(1) ? "null" : "other") ;
      fclose(f) ;
    }
  }
  if (!strcmp(pass, "tempfail")) return 111 ;
  if (!strcmp(pass, "misuse")) return 2 ;
  if (!strcmp(pass, "signal")) { raise(SIGTERM) ; return 1 ; }
  if (!strcmp(pass, "hang")) for (;;) pause() ;
  if (strcmp(user, "good@example.com") || strcmp(pass, "good_pass")) return 1 ;
  memset(buf, 0, sizeof(buf)) ;
  execv(argv[1], argv + 1) ;
  return 111 ;
}
