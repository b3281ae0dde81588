/* ISC license. */
/* smtpload.c: the load generator of make bench. Speaks SMTP to
   127.0.0.1:PORT, reads and checks every reply, and prints one line of
   key=value figures. Not a general client: it sends what the bench needs.

   smtpload sessions PORT N C [SIZE]
       N sessions of one SIZE-octet message each (default 1024), C at once
       (C processes, each running its share in sequence);
       prints ok= secs= rate= (sessions/s) p50= p99= (session latency, ms);
       with $SMTPLOAD_LATENCIES, also appends every latency (ms) to that file
   smtpload pipeline PORT M [SIZE]
       one session, M messages pipelined as RFC 2920 allows (MAIL, RCPT and
       DATA in one write; the body, its dot and the next MAIL, RCPT, DATA in
       the next); prints ok= secs= rate= (messages/s)
   smtpload big PORT OCTETS
       one session, one message of about OCTETS; prints "port=P" once
       connected, then after the 250 ok= secs= mbps= (body octets from the
       first one sent to the 250, in MB/s, MB = 2^20), then waits for a line
       (or EOF) on stdin before QUIT, so the caller can look at the server
   smtpload hold PORT
       EHLO, MAIL, RCPT, then prints "port=P" (our local port) and waits for
       a line (or EOF) on stdin, then QUIT
   Exit 0 if every reply was the expected one, 1 if not, 100 on bad usage. */

#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>

static char rbuf[65536] ;
static size_t rlen, rpos ;
static char const *verb = "" ;

static double now (void)
{
  struct timespec t ;
  clock_gettime(CLOCK_MONOTONIC, &t) ;
  return t.tv_sec + t.tv_nsec / 1e9 ;
}

static int sendall (int fd, char const *s, size_t len)
{
  while (len)
  {
    ssize_t r = write(fd, s, len) ;
    if (r < 0) { if (errno == EINTR) continue ; return 0 ; }
    s += r ; len -= r ;
  }
  return 1 ;
}

/* reads one whole reply (multi-line aware); returns its code or -1 */
static int reply (int fd)
{
  char line[1024] ;
  for (;;)
  {
    size_t n = 0 ;
    for (;;)
    {
      char c ;
      if (rpos == rlen)
      {
        ssize_t r = read(fd, rbuf, sizeof(rbuf)) ;
        if (r < 0 && errno == EINTR) continue ;
        if (r <= 0) return -1 ;
        rlen = r ; rpos = 0 ;
      }
      c = rbuf[rpos++] ;
      if (n < sizeof(line) - 1) line[n++] = c ;
      if (c == '\n') break ;
    }
    line[n] = 0 ;
    if (n >= 4 && line[3] == ' ') return atoi(line) ;
    if (n < 4 || line[3] != '-') return -1 ;
  }
}

static int expect (int fd, int code, char const *what)
{
  int r = reply(fd) ;
  if (r == code) return 1 ;
  fprintf(stderr, "smtpload %s: %s: got %d, expected %d\n", verb, what, r, code) ;
  return 0 ;
}

static int dial (int port)
{
  struct sockaddr_in sa ;
  int one = 1, fd = socket(AF_INET, SOCK_STREAM, 0) ;
  if (fd < 0) return -1 ;
  memset(&sa, 0, sizeof(sa)) ;
  sa.sin_family = AF_INET ;
  sa.sin_port = htons(port) ;
  sa.sin_addr.s_addr = htonl(0x7f000001) ;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) ;
  if (connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
  {
    fprintf(stderr, "smtpload %s: connect: %s\n", verb, strerror(errno)) ;
    close(fd) ;
    return -1 ;
  }
  rlen = rpos = 0 ;
  return fd ;
}

static int localport (int fd)
{
  struct sockaddr_in sa ;
  socklen_t l = sizeof(sa) ;
  if (getsockname(fd, (struct sockaddr *)&sa, &l) < 0) return 0 ;
  return ntohs(sa.sin_port) ;
}

/* greeting and EHLO */
static int hello (int fd)
{
  return expect(fd, 220, "greeting")
    && sendall(fd, "EHLO bench.example\r\n", 20) && expect(fd, 250, "EHLO") ;
}

#define ENVELOPE "MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n"

static int envelope_replies (int fd)
{
  return expect(fd, 250, "MAIL") && expect(fd, 250, "RCPT") && expect(fd, 354, "DATA") ;
}

static int quit (int fd)
{
  return sendall(fd, "QUIT\r\n", 6) && expect(fd, 221, "QUIT") ;
}

/* The message: From, Date (now, RFC 5322 3.3) and Subject fields, an empty
   line, and lines of 62 characters plus CRLF up to about size octets, then
   the dot. No line starts with a dot. The fields are what qpsmtpd's headers
   plugin requires, so the larger plugin set accepts it. */
static char *message (size_t size, size_t *len)
{
  static char const line[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n" ;
  char hdr[256] ;
  char date[64] ;
  time_t now = time(0) ;
  size_t n = (size + sizeof(line) - 2) / (sizeof(line) - 1), i, hlen ;
  char *m, *p ;
  strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", gmtime(&now)) ;
  hlen = (size_t)snprintf(hdr, sizeof hdr, "From: <a@example.com>\r\nDate: %s\r\nSubject: bench\r\n\r\n", date) ;
  m = malloc(hlen + n * (sizeof(line) - 1) + 4) ;
  if (!m) { perror("smtpload: malloc") ; exit(111) ; }
  memcpy(m, hdr, hlen) ; p = m + hlen ;
  for (i = 0 ; i < n ; i++) { memcpy(p, line, sizeof(line) - 1) ; p += sizeof(line) - 1 ; }
  memcpy(p, ".\r\n", 3) ; p += 3 ;
  *len = p - m ;
  return m ;
}

static int session (int port, char const *msg, size_t mlen)
{
  int fd = dial(port), ok ;
  if (fd < 0) return 0 ;
  ok = hello(fd)
    && sendall(fd, "MAIL FROM:<a@example.com>\r\n", 27) && expect(fd, 250, "MAIL")
    && sendall(fd, "RCPT TO:<b@example.com>\r\n", 25) && expect(fd, 250, "RCPT")
    && sendall(fd, "DATA\r\n", 6) && expect(fd, 354, "DATA")
    && sendall(fd, msg, mlen) && expect(fd, 250, "end of data")
    && quit(fd) ;
  close(fd) ;
  return ok ;
}

static int cmpd (void const *a, void const *b)
{
  double x = *(double const *)a, y = *(double const *)b ;
  return x < y ? -1 : x > y ;
}

/* nearest-rank percentile of sorted v[0..n-1] */
static double pct (double const *v, int n, int p)
{
  int k = (n * p + 99) / 100 ;
  return n ? v[k < 1 ? 0 : k - 1] : 0 ;
}

static int do_sessions (int port, int n, int c, size_t size)
{
  char const *latfile = getenv("SMTPLOAD_LATENCIES") ;
  size_t mlen ;
  char *msg = message(size, &mlen) ;
  double *lat = mmap(0, (n + 1) * sizeof(double), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0) ;
  double a, b ;
  int i, k, bad = 0 ;
  if (lat == MAP_FAILED) { perror("smtpload: mmap") ; return 111 ; }
  if (c < 1) c = 1 ;
  a = now() ;
  for (k = 0 ; k < c ; k++)
  {
    pid_t pid = c == 1 ? 0 : fork() ;
    if (pid < 0) { perror("smtpload: fork") ; return 111 ; }
    if (pid) continue ;
    for (i = k ; i < n ; i += c)
    {
      double t = now() ;
      if (!session(port, msg, mlen)) { if (c == 1) { bad = 1 ; break ; } _exit(1) ; }
      lat[i] = (now() - t) * 1e3 ;
    }
    if (c > 1) _exit(0) ;
  }
  for (k = 0 ; c > 1 && k < c ; k++)
  {
    int st ;
    if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) bad = 1 ;
  }
  b = now() ;
  if (bad) { printf("ok=0\n") ; return 1 ; }
  qsort(lat, n, sizeof(double), &cmpd) ;
  if (latfile)
  {
    FILE *f = fopen(latfile, "a") ;
    if (!f) { perror("smtpload: SMTPLOAD_LATENCIES") ; return 111 ; }
    for (i = 0 ; i < n ; i++) fprintf(f, "%.3f\n", lat[i]) ;
    if (fclose(f)) { perror("smtpload: SMTPLOAD_LATENCIES") ; return 111 ; }
  }
  printf("ok=%d secs=%.4f rate=%.2f p50=%.3f p99=%.3f\n", n, b - a, n / (b - a), pct(lat, n, 50), pct(lat, n, 99)) ;
  return 0 ;
}

static int do_pipeline (int port, int m, size_t size)
{
  size_t mlen ;
  char *msg = message(size, &mlen), *batch ;
  double a, b ;
  int fd, i ;
  batch = malloc(mlen + sizeof(ENVELOPE)) ;
  if (!batch) return 111 ;
  memcpy(batch, msg, mlen) ;
  memcpy(batch + mlen, ENVELOPE, sizeof(ENVELOPE) - 1) ;
  a = now() ;
  fd = dial(port) ;
  if (fd < 0 || !hello(fd)) goto bad ;
  if (!sendall(fd, ENVELOPE, sizeof(ENVELOPE) - 1) || !envelope_replies(fd)) goto bad ;
  for (i = 0 ; i < m ; i++)
  {
    int last = i == m - 1 ;
    if (!sendall(fd, batch, last ? mlen : mlen + sizeof(ENVELOPE) - 1)) goto bad ;
    if (!expect(fd, 250, "end of data")) goto bad ;
    if (!last && !envelope_replies(fd)) goto bad ;
  }
  if (!quit(fd)) goto bad ;
  b = now() ;
  close(fd) ;
  printf("ok=%d secs=%.4f rate=%.2f\n", m, b - a, m / (b - a)) ;
  return 0 ;
 bad:
  printf("ok=0\n") ;
  return 1 ;
}

static void wait_stdin (void)
{
  char line[256] ;
  fflush(stdout) ;
  if (!fgets(line, sizeof(line), stdin)) return ;
}

static int do_big (int port, size_t size)
{
  size_t mlen ;
  char *msg = message(size, &mlen) ;
  double a, b ;
  int fd = dial(port) ;
  if (fd < 0) goto bad ;
  printf("port=%d\n", localport(fd)) ;
  fflush(stdout) ;
  if (!hello(fd) || !sendall(fd, ENVELOPE, sizeof(ENVELOPE) - 1) || !envelope_replies(fd)) goto bad ;
  a = now() ;
  if (!sendall(fd, msg, mlen) || !expect(fd, 250, "end of data")) goto bad ;
  b = now() ;
  printf("ok=1 secs=%.4f mbps=%.2f octets=%zu\n", b - a, mlen / 1048576.0 / (b - a), mlen) ;
  wait_stdin() ;
  if (!quit(fd)) return 1 ;
  close(fd) ;
  return 0 ;
 bad:
  printf("ok=0\n") ;
  return 1 ;
}

static int do_hold (int port)
{
  int fd = dial(port) ;
  if (fd < 0 || !hello(fd)) goto bad ;
  if (!sendall(fd, "MAIL FROM:<a@example.com>\r\n", 27) || !expect(fd, 250, "MAIL")) goto bad ;
  if (!sendall(fd, "RCPT TO:<b@example.com>\r\n", 25) || !expect(fd, 250, "RCPT")) goto bad ;
  printf("port=%d\n", localport(fd)) ;
  wait_stdin() ;
  if (!quit(fd)) return 1 ;
  close(fd) ;
  return 0 ;
 bad:
  printf("ok=0\n") ;
  return 1 ;
}

static void usage (void)
{
  fprintf(stderr, "usage: smtpload sessions PORT N C [SIZE] | pipeline PORT M [SIZE] | big PORT OCTETS | hold PORT\n") ;
  exit(100) ;
}

int main (int argc, char **argv)
{
  int port ;
  if (argc < 3) usage() ;
  verb = argv[1] ;
  port = atoi(argv[2]) ;
  signal(SIGPIPE, SIG_IGN) ;
  if (!strcmp(verb, "sessions") && argc >= 5)
    return do_sessions(port, atoi(argv[3]), atoi(argv[4]), argc > 5 ? strtoul(argv[5], 0, 10) : 1024) ;
  if (!strcmp(verb, "pipeline") && argc >= 4)
    return do_pipeline(port, atoi(argv[3]), argc > 4 ? strtoul(argv[4], 0, 10) : 1024) ;
  if (!strcmp(verb, "big") && argc >= 4) return do_big(port, strtoull(argv[3], 0, 10)) ;
  if (!strcmp(verb, "hold")) return do_hold(port) ;
  usage() ;
  return 100 ;
}
