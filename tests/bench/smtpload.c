/* ISC license. */
/* smtpload.c: load generator for make bench: N sequential (or C concurrent)
   SMTP sessions of one small message each against 127.0.0.1:PORT; prints
   sessions per second. Every reply is read and checked. */

#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>
#include <time.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/wait.h>

static char rbuf[8192] ;
static size_t rlen, rpos ;

/* reads one whole reply (multi-line aware); returns its code or -1 */
static int reply (int fd)
{
  char line[1024] ;
  for (;;)
  {
    size_t n = 0 ;
    for (;;)
    {
      if (rpos == rlen)
      {
        ssize_t r = read(fd, rbuf, sizeof(rbuf)) ;
        if (r <= 0) return -1 ;
        rlen = r ; rpos = 0 ;
      }
      char c = rbuf[rpos++] ;
      if (n < sizeof(line) - 1) line[n++] = c ;
      if (c == '\n') break ;
    }
    line[n] = 0 ;
    if (n >= 4 && line[3] == ' ') return atoi(line) ;
  }
}

static int session (int port, char const *body)
{
  struct sockaddr_in sa ;
  int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1 ;
  char cmd[2048] ;
  memset(&sa, 0, sizeof(sa)) ;
  sa.sin_family = AF_INET ;
  sa.sin_port = htons(port) ;
  sa.sin_addr.s_addr = htonl(0x7f000001) ;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) ;
  if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) { close(fd) ; return 0 ; }
  rlen = rpos = 0 ;
  if (reply(fd) != 220) goto bad ;
  (void)!write(fd, "EHLO bench.example\r\n", 20) ; if (reply(fd) != 250) goto bad ;
  (void)!write(fd, "MAIL FROM:<a@example.com>\r\n", 27) ; if (reply(fd) != 250) goto bad ;
  (void)!write(fd, "RCPT TO:<b@example.com>\r\n", 25) ; if (reply(fd) != 250) goto bad ;
  (void)!write(fd, "DATA\r\n", 6) ; if (reply(fd) != 354) goto bad ;
  snprintf(cmd, sizeof(cmd), "Subject: bench\r\n\r\n%s.\r\n", body) ;
  (void)!write(fd, cmd, strlen(cmd)) ; if (reply(fd) != 250) goto bad ;
  (void)!write(fd, "QUIT\r\n", 6) ; if (reply(fd) != 221) goto bad ;
  close(fd) ;
  return 1 ;
 bad:
  close(fd) ;
  return 0 ;
}

int main (int argc, char **argv)
{
  int port, n, c, i, ok = 0 ;
  char body[1100] ;
  struct timespec a, b ;
  double secs ;
  if (argc < 3) { fprintf(stderr, "usage: smtpload port sessions [concurrency]\n") ; return 100 ; }
  port = atoi(argv[1]) ; n = atoi(argv[2]) ; c = argc > 3 ? atoi(argv[3]) : 1 ;
  for (i = 0 ; i < 16 ; i++) memcpy(body + i * 64, "0123456789012345678901234567890123456789012345678901234567890\r\n", 64) ;
  body[1024] = 0 ;
  clock_gettime(CLOCK_MONOTONIC, &a) ;
  if (c <= 1) for (i = 0 ; i < n ; i++) ok += session(port, body) ;
  else
  {
    int k ;
    for (k = 0 ; k < c ; k++)
      if (!fork())
      {
        int mine = 0 ;
        for (i = k ; i < n ; i += c) mine += session(port, body) ;
        _exit(mine > 255 ? 255 : mine == (n - k + c - 1) / c ? 0 : 1) ;
      }
    for (k = 0 ; k < c ; k++) { int st ; wait(&st) ; if (WIFEXITED(st) && !WEXITSTATUS(st)) ok++ ; }
    ok = ok == c ? n : 0 ;
  }
  clock_gettime(CLOCK_MONOTONIC, &b) ;
  secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9 ;
  printf("%d/%d sessions ok in %.3f s: %.1f sessions/s\n", ok, n, secs, n / secs) ;
  return ok == n ? 0 : 1 ;
}
