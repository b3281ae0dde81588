/* ISC license. */
/* tests/ucspi-tlsd.c: a UCSPI-TLS server of our own for tests (s6-ucspitlsd
   and sslserver are not in Debian), on the BearSSL server of src/tls.c and
   the PEM loader of src/pem.c (reference/qmail.md 3.4, 3.5).

     ucspi-tlsd [-i] [-K ms] prog args...     under tcpserver: fds 0/1 = socket

   CERTFILE (and KEYFILE, default CERTFILE) name the chain and the key; both
   are removed from prog's environment. prog is run with execve, no shell.

   Delayed (default, as s6-ucspitlsd): 2 pipes and a socketpair, then fork.
   The parent execs prog with SSLCTLFD, SSLREADFD, SSLWRITEFD set and fds 0/1
   still the socket. The child waits on the control socket: EOF first ->
   exit 0; a byte other than y/Y -> exit 100; y/Y -> handshake on fds 0/1,
   then for Y the environment block "VAR=val\0...\0" on the control socket,
   which is closed; then it relays until the app closes its write pipe
   (close_notify sent) or the socket ends (the app's read pipe closed).
   Implicit (-i, as s6-tlsd/sslserver): handshake first, then fork: the
   parent execs prog with fds 0/1 pipes to the relaying child and
   SSL_PROTOCOL, SSL_CIPHER, SSL_TLS_SNI_SERVERNAME in its environment.

   -K: handshake timeout in milliseconds (default 30000; rounded up to whole
   seconds). Exit codes: 100 usage or bad command byte, 111 system error or
   unusable key, 1 handshake or TLS failure, 0 otherwise. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>
#include <sys/socket.h>

#include <skalibs/djbunix.h>

#include "tls.h"

extern char **environ ;

tls_info tls_state ;   /* also in src/session.c, which this program does not link */
tls_engine const *tls_engine_cur = 0 ;

static void die (int code, char const *a, char const *b)
{
  fprintf(stderr, "ucspi-tlsd: %s%s%s\n", a, b ? ": " : "", b ? b : "") ;
  _exit(code) ;
}

static void usage (void)
{
  die(100, "usage: ucspi-tlsd [-i] [-K ms] prog args... (CERTFILE, KEYFILE in the environment)", 0) ;
}

 /* prog's environment: ours without CERTFILE and KEYFILE, plus extras */

static char **newenv ;
static size_t nenv = 0 ;

static void env_init (void)
{
  size_t n = 0 ;
  while (environ[n]) n++ ;
  newenv = calloc(n + 8, sizeof(char *)) ;
  if (!newenv) die(111, "out of memory", 0) ;
  for (size_t i = 0 ; i < n ; i++)
    if (strncmp(environ[i], "CERTFILE=", 9) && strncmp(environ[i], "KEYFILE=", 8)) newenv[nenv++] = environ[i] ;
}

/* adds or replaces name=value (at most 7 extras, each at most 320 octets) */
static void env_add (char const *name, char const *value)
{
  static char store[7][320] ;
  static unsigned int nstore = 0 ;
  char *s ;
  if (nstore >= 7) die(111, "too many variables", name) ;
  s = store[nstore++] ;
  snprintf(s, sizeof(store[0]), "%s=%s", name, value) ;
  for (size_t i = 0 ; i < nenv ; i++)
    if (!strncmp(newenv[i], name, strlen(name)) && newenv[i][strlen(name)] == '=') { newenv[i] = s ; return ; }
  newenv[nenv++] = s ;
}

static void env_addfd (char const *name, int fd)
{
  char num[16] ;
  snprintf(num, sizeof(num), "%d", fd) ;
  env_add(name, num) ;
}

static void run_prog (char **argv)
{
  signal(SIGPIPE, SIG_DFL) ;
  tls_server_wipe() ;
  execve(argv[0], argv, newenv) ;
  die(111, "cannot exec", strerror(errno)) ;
}

 /* TLS */

static unsigned int timeout = 30 ;

static void handshake (void)
{
  if (ndelay_on(0) < 0 || ndelay_on(1) < 0) die(111, "cannot set the socket non-blocking", strerror(errno)) ;
  if (!tls_server_handshake(0, 1, timeout)) die(1, "TLS", tls_server_why()) ;
  tls_server_info(&tls_state) ;
}

static int writeall (int fd, char const *s, size_t n)
{
  while (n)
  {
    ssize_t w = write(fd, s, n) ;
    if (w < 0) { if (errno == EINTR) continue ; return 0 ; }
    s += w ; n -= w ;
  }
  return 1 ;
}

/* "SSL_PROTOCOL=...\0SSL_CIPHER=...\0SSL_TLS_SNI_SERVERNAME[=name]\0\0" */
static int send_env (int fd)
{
  char buf[1024] ;
  size_t n = 0 ;
  n += snprintf(buf + n, sizeof(buf) - n, "SSL_PROTOCOL=%s", tls_state.protocol) + 1 ;
  n += snprintf(buf + n, sizeof(buf) - n, "SSL_CIPHER=%s", tls_state.cipher) + 1 ;
  if (tls_state.sni[0]) n += snprintf(buf + n, sizeof(buf) - n, "SSL_TLS_SNI_SERVERNAME=%s", tls_state.sni) + 1 ;
  else n += snprintf(buf + n, sizeof(buf) - n, "SSL_TLS_SNI_SERVERNAME") + 1 ;
  buf[n++] = 0 ;
  return writeall(fd, buf, n) ;
}

/* Plaintext between the app (from_app, to_app) and TLS on fds 0/1, until
   either side ends. Never returns. */
static void relay (int from_app, int to_app)
{
  static char tobuf[16384] ;
  static char frombuf[16384] ;
  size_t tolen = 0, topos = 0 ;
  int sock_eof = 0 ;
  if (ndelay_on(to_app) < 0) die(111, "cannot set a pipe non-blocking", strerror(errno)) ;
  for (;;)
  {
    struct pollfd x[3] ;
    nfds_t n = 0 ;
    if (!tolen && !sock_eof)
    {
      ssize_t r = tls_server_read(0, 1, tobuf, sizeof(tobuf)) ;
      if (r > 0) { tolen = r ; topos = 0 ; }
      else if (!r) sock_eof = 1 ;
      else if (errno != EAGAIN && errno != EINTR)
        die(1, "TLS read", errno == EPROTO ? tls_server_why() : strerror(errno)) ;
    }
    if (tolen)
    {
      ssize_t w = write(to_app, tobuf + topos, tolen - topos) ;
      if (w > 0) { topos += w ; if (topos == tolen) tolen = 0 ; continue ; }
      if (w < 0 && errno == EPIPE) { tls_server_close(1, 5) ; _exit(0) ; }
      if (w < 0 && errno != EAGAIN && errno != EINTR) die(111, "write to the app", strerror(errno)) ;
    }
    else if (sock_eof) { close(to_app) ; _exit(0) ; }
    if (tolen) x[n++] = (struct pollfd){ .fd = to_app, .events = POLLOUT } ;
    else x[n++] = (struct pollfd){ .fd = 0, .events = POLLIN } ;
    x[n++] = (struct pollfd){ .fd = from_app, .events = POLLIN } ;
    if (poll(x, n, -1) < 0)
    {
      if (errno == EINTR) continue ;
      die(111, "poll", strerror(errno)) ;
    }
    if (x[n-1].revents)
    {
      ssize_t r = read(from_app, frombuf, sizeof(frombuf)) ;
      size_t done = 0 ;
      if (r < 0 && errno != EINTR && errno != EAGAIN) die(111, "read from the app", strerror(errno)) ;
      if (!r) { tls_server_close(1, 5) ; _exit(0) ; }
      while (r > 0 && done < (size_t)r)
      {
        ssize_t w = tls_server_write(1, frombuf + done, r - done) ;
        if (w < 0) die(1, "TLS write", errno == EPROTO ? tls_server_why() : strerror(errno)) ;
        done += w ;
      }
    }
  }
}

 /* the two modes */

static void delayed (char **argv)
{
  int rp[2], wp[2], cs[2] ;
  pid_t pid ;
  char c ;
  ssize_t r ;
  if (pipe(rp) < 0 || pipe(wp) < 0 || socketpair(AF_UNIX, SOCK_STREAM, 0, cs) < 0)
    die(111, "cannot make pipes", strerror(errno)) ;
  pid = fork() ;
  if (pid < 0) die(111, "cannot fork", strerror(errno)) ;
  if (pid)
  {
    close(rp[1]) ; close(wp[0]) ; close(cs[1]) ;
    env_addfd("SSLCTLFD", cs[0]) ;
    env_addfd("SSLREADFD", rp[0]) ;
    env_addfd("SSLWRITEFD", wp[1]) ;
    run_prog(argv) ;
  }
  close(rp[0]) ; close(wp[1]) ; close(cs[0]) ;
  do r = read(cs[1], &c, 1) ; while (r < 0 && errno == EINTR) ;
  if (r < 0) die(111, "read from the control socket", strerror(errno)) ;
  if (!r) _exit(0) ;   /* the app declined TLS */
  if (c != 'y' && c != 'Y') die(100, "bad command on the control socket", 0) ;
  handshake() ;
  if (c == 'Y' && !send_env(cs[1])) die(111, "write to the control socket", strerror(errno)) ;
  close(cs[1]) ;
  relay(wp[0], rp[1]) ;
}

static void implicit (char **argv)
{
  int rp[2], wp[2] ;
  pid_t pid ;
  handshake() ;
  if (pipe(rp) < 0 || pipe(wp) < 0) die(111, "cannot make pipes", strerror(errno)) ;
  pid = fork() ;
  if (pid < 0) die(111, "cannot fork", strerror(errno)) ;
  if (pid)
  {
    if (fd_move(0, rp[0]) < 0 || fd_move(1, wp[1]) < 0) die(111, "cannot move descriptors", strerror(errno)) ;
    close(rp[1]) ; close(wp[0]) ;
    env_add("SSL_PROTOCOL", tls_state.protocol) ;
    env_add("SSL_CIPHER", tls_state.cipher) ;
    if (tls_state.sni[0]) env_add("SSL_TLS_SNI_SERVERNAME", tls_state.sni) ;
    run_prog(argv) ;
  }
  close(rp[0]) ; close(wp[1]) ;
  relay(wp[0], rp[1]) ;
}

int main (int argc, char **argv)
{
  char const *certfile = getenv("CERTFILE") ;
  char const *keyfile = getenv("KEYFILE") ;
  int imp = 0 ;
  int i = 1 ;
  for (; i < argc && argv[i][0] == '-' ; i++)
  {
    char const *a = argv[i] ;
    if (!strcmp(a, "--")) { i++ ; break ; }
    if (!strcmp(a, "-i")) imp = 1 ;
    else if (!strncmp(a, "-K", 2))
    {
      char const *v = a[2] ? a + 2 : (++i < argc ? argv[i] : 0) ;
      char *end ;
      unsigned long ms ;
      if (!v) usage() ;
      ms = strtoul(v, &end, 10) ;
      if (!*v || *end || ms > 86400000UL) usage() ;
      timeout = ms ? (unsigned int)((ms + 999) / 1000) : 1 ;
    }
    else usage() ;
  }
  if (i >= argc) usage() ;
  if (!certfile || !*certfile) die(100, "CERTFILE is not set", 0) ;
  if (keyfile && !*keyfile) keyfile = 0 ;
  env_init() ;
  if (!tls_server_load(certfile, keyfile)) die(111, tls_server_why(), 0) ;
  signal(SIGPIPE, SIG_IGN) ;
  if (imp) implicit(argv + i) ;
  else delayed(argv + i) ;
  return 0 ;
}
