/* ISC license. */
/* floor.c: the physical floor of the per-connection process model, for
   make bench: greets, answers 250 to every line, and per message fork+execs
   $QMAILQUEUE with the message on fd 0 and a fixed envelope on fd 1. No
   plugins, no control files, no checks. Not an SMTP server: a yardstick. */

#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static char in[65536] ;
static size_t ilen = 0, ipos = 0 ;

static int getline_ (char *buf, size_t max)
{
  size_t n = 0 ;
  for (;;)
  {
    if (ipos == ilen)
    {
      ssize_t r = read(0, in, sizeof(in)) ;
      if (r <= 0) return 0 ;
      ilen = r ; ipos = 0 ;
    }
    while (ipos < ilen)
    {
      char c = in[ipos++] ;
      if (n < max - 1) buf[n++] = c ;
      if (c == '\n') { buf[n] = 0 ; return (int)n ; }
    }
  }
}

static void say (char const *s) { (void)!write(1, s, strlen(s)) ; }

int main (void)
{
  char line[1024] ;
  static char msg[1 << 20] ;
  char const *qq = getenv("QMAILQUEUE") ;
  signal(SIGPIPE, SIG_IGN) ;
  say("220 floor ESMTP\r\n") ;
  for (;;)
  {
    int n = getline_(line, sizeof(line)) ;
    if (!n) return 0 ;
    if (!strncasecmp(line, "QUIT", 4)) { say("221 bye\r\n") ; return 0 ; }
    if (!strncasecmp(line, "DATA", 4))
    {
      size_t mlen = 0 ;
      int p0[2], p1[2], st ;
      pid_t pid ;
      say("354 go\r\n") ;
      while ((n = getline_(line, sizeof(line))) > 0 && strcmp(line, ".\r\n"))
        if (mlen + n < sizeof(msg)) { memcpy(msg + mlen, line, n) ; mlen += n ; }
      if (pipe(p0) < 0 || pipe(p1) < 0) return 111 ;
      pid = fork() ;
      if (!pid)
      {
        dup2(p0[0], 0) ; dup2(p1[0], 1) ;
        close(p0[0]) ; close(p0[1]) ; close(p1[0]) ; close(p1[1]) ;
        execl(qq, qq, (char *)0) ;
        _exit(120) ;
      }
      close(p0[0]) ; close(p1[0]) ;
      (void)!write(p0[1], msg, mlen) ; close(p0[1]) ;
      (void)!write(p1[1], "Fa@b\0Tc@d\0\0", 12) ; close(p1[1]) ;
      waitpid(pid, &st, 0) ;
      say(WIFEXITED(st) && !WEXITSTATUS(st) ? "250 ok\r\n" : "451 failed\r\n") ;
      continue ;
    }
    say("250 ok\r\n") ;
  }
}
