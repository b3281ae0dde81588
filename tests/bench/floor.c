/* ISC license. */
/* floor.c: the physical floor of the per-connection process model, for
   make bench: greets, answers 250 to every line, and per message spawns
   $QMAILQUEUE with the message on fd 0 (after the dot, or as soon as the
   body outgrows a 64 KB buffer, the rest then streamed: memory does not grow
   with the message) and a fixed envelope on fd 1. No plugins, no control
   files, no checks. Not an SMTP server: a yardstick. */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* pipe2, environ */
#endif

#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static void flush (void) ;

static char in[65536] ;
static size_t ilen = 0, ipos = 0 ;

static int getline_ (char *buf, size_t max)
{
  size_t n = 0 ;
  for (;;)
  {
    if (ipos == ilen)
    {
      ssize_t r ;
      flush() ;
      r = read(0, in, sizeof(in)) ;
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

/* Replies wait in out[] while more input is already buffered, as in any
   server that does PIPELINING (RFC 2920 3.1): one write per group. */
static char out[4096] ;
static size_t olen = 0 ;

static void flush (void)
{
  if (olen) (void)!write(1, out, olen) ;
  olen = 0 ;
}

static void say (char const *s)
{
  size_t n = strlen(s) ;
  if (olen + n > sizeof(out)) flush() ;
  memcpy(out + olen, s, n) ; olen += n ;
}

static pid_t pid = 0 ;
static int p0, p1 ;   /* message and envelope pipes to the queue program */

/* starts the queue program, when the body has been read or when it outgrows
   the buffer (the rest then streams to it); posix_spawn, as qcsmtpd does,
   since glibc's is a vfork+exec: the cheapest way this process model has */
static int spawn (char const *qq)
{
  int a[2], b[2] ;
  char *argv[2] = { (char *)qq, 0 } ;
  posix_spawn_file_actions_t fa ;
  posix_spawnattr_t at ;
  sigset_t pipe ;
  sigemptyset(&pipe) ; sigaddset(&pipe, SIGPIPE) ;
  if (pipe2(a, O_CLOEXEC) < 0 || pipe2(b, O_CLOEXEC) < 0) return 0 ;
  if (posix_spawn_file_actions_init(&fa)
   || posix_spawn_file_actions_adddup2(&fa, a[0], 0)
   || posix_spawn_file_actions_adddup2(&fa, b[0], 1)
   || posix_spawnattr_init(&at)
   || posix_spawnattr_setsigdefault(&at, &pipe)
   || posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF)
   || posix_spawn(&pid, qq, &fa, &at, argv, environ)) return 0 ;
  posix_spawn_file_actions_destroy(&fa) ;
  posix_spawnattr_destroy(&at) ;
  close(a[0]) ; close(b[0]) ;
  p0 = a[1] ; p1 = b[1] ;
  return 1 ;
}

int main (void)
{
  char line[1024] ;
  static char msg[65536] ;
  char const *qq = getenv("QMAILQUEUE") ;
  signal(SIGPIPE, SIG_IGN) ;
  say("220 floor ESMTP\r\n") ;
  for (;;)
  {
    int n = getline_(line, sizeof(line)) ;
    if (!n) return 0 ;
    if (!strncasecmp(line, "QUIT", 4)) { say("221 bye\r\n") ; flush() ; return 0 ; }
    if (!strncasecmp(line, "DATA", 4))
    {
      size_t mlen = 0 ;
      int st ;
      say("354 go\r\n") ;
      while ((n = getline_(line, sizeof(line))) > 0 && strcmp(line, ".\r\n"))
      {
        if (mlen + n > sizeof(msg))
        {
          if (!pid && !spawn(qq)) return 111 ;
          (void)!write(p0, msg, mlen) ; mlen = 0 ;
        }
        memcpy(msg + mlen, line, n) ; mlen += n ;
      }
      if (!pid && !spawn(qq)) return 111 ;
      (void)!write(p0, msg, mlen) ; close(p0) ;
      (void)!write(p1, "Fa@b\0Tc@d\0\0", 12) ; close(p1) ;
      waitpid(pid, &st, 0) ;
      pid = 0 ;
      say(WIFEXITED(st) && !WEXITSTATUS(st) ? "250 ok\r\n" : "451 failed\r\n") ;
      continue ;
    }
    say("250 ok\r\n") ;
  }
}
