/* ISC license. */
/* ucspitls.c: TLS done outside the process (reference/qmail.md 3.4, 3.5,
   3.7): the client side of UCSPI-TLS, and the SSL_* environment of a
   session started inside TLS. Links no TLS code; reads at most
   UCSPITLS_ENV_MAX octets of the helper's environment block. */

#include "tls.h"

#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <skalibs/types.h>
#include <skalibs/djbunix.h>
#include <skalibs/tai.h>
#include <skalibs/iopause.h>

#include "io.h"
#include "log.h"
#include "qcsmtpd/plugin.h"

#define UCSPITLS_ENV_MAX 4096

 /* UCSPI-TLS client */

static int ctlfd = -1, rdfd = -1, wrfd = -1 ;

/* var names an open descriptor above 2. 1 yes (in *fd), 0 no. */
static int getfd (char const *var, int *fd)
{
  char const *s = getenv(var) ;
  unsigned int u ;
  size_t n ;
  if (!s) return 0 ;
  n = uint_scan(s, &u) ;
  if (!n || s[n] || u < 3 || u > 0x7fffffffU) return 0 ;
  if (fcntl((int)u, F_GETFD) < 0) return 0 ;
  *fd = (int)u ;
  return 1 ;
}

int tls_ucspi_available (void)
{
  int c, r, w ;
  if (!getfd("SSLCTLFD", &c) || !getfd("SSLREADFD", &r) || !getfd("SSLWRITEFD", &w)) return 0 ;
  /* nothing we spawn (qmail-queue, plugins' helpers) may hold them */
  if (coe(c) < 0 || coe(r) < 0 || coe(w) < 0) return 0 ;
  ctlfd = c ; rdfd = r ; wrfd = w ;
  return 1 ;
}

static int ucspi_prepare (void)
{
  if (ctlfd < 0 || fcntl(ctlfd, F_GETFD) < 0 || fcntl(rdfd, F_GETFD) < 0 || fcntl(wrfd, F_GETFD) < 0)
  {
    log_core(LOGERROR, "TLS not available: the UCSPI-TLS descriptors are gone", (char *)0) ;
    return 0 ;
  }
  return 1 ;
}

/* The helper's pipes become fds 0 and 1 (it keeps its own copies of the
   socket). Returns where the control descriptor is now, -1 on error. */
static int switch_fds (void)
{
  int c = ctlfd == rdfd ? 0 : ctlfd == wrfd ? 1 : ctlfd ;
  if (rdfd == wrfd)
  {
    if (fd_move(0, rdfd) < 0 || fd_copy(1, 0) < 0) return -1 ;
  }
  else if (fd_move(0, rdfd) < 0 || fd_move(1, wrfd) < 0) return -1 ;
  if (ctlfd == rdfd && ctlfd == wrfd) c = 0 ;
  if (ndelay_on(0) < 0 || ndelay_on(1) < 0) return -1 ;
  io_transport_fd() ;
  return c ;
}

/* Reads the environment block ("VAR=val\0...\0") into buf. Returns its
   length up to the empty entry that ends it, or -1 (logged). */
static ssize_t read_env (int fd, char *buf, size_t max, unsigned int timeout)
{
  size_t len = 0 ;
  tain deadline ;
  io_deadline(&deadline, timeout) ;
  for (;;)
  {
    ssize_t r ;
    size_t i ;
    int p ;
    for (i = 0 ; i < len ; i++)
      if (!buf[i] && (!i || !buf[i-1])) return i ;
    if (len == max) { log_core(LOGNOTICE, "TLS handshake failed: UCSPI-TLS environment over 4096 octets", (char *)0) ; return -1 ; }
    p = io_await(fd, IOPAUSE_READ, &deadline) ;
    if (p < 0) break ;
    if (!p) { log_core(LOGNOTICE, "TLS handshake failed: UCSPI-TLS helper timed out", (char *)0) ; return -1 ; }
    r = read(fd, buf + len, max - len) ;
    if (r < 0) { if (errno == EINTR || errno == EAGAIN) continue ; break ; }
    if (!r)
    {
      log_core(LOGNOTICE, "TLS handshake failed: the UCSPI-TLS helper closed the control socket before \\0\\0", (char *)0) ;
      return -1 ;
    }
    len += r ;
  }
  log_core(LOGNOTICE, "TLS handshake failed: reading the UCSPI-TLS control socket: ", strerror(errno), (char *)0) ;
  return -1 ;
}

static int ucspi_handshake (unsigned int timeout)
{
  static char env[UCSPITLS_ENV_MAX] ;
  ssize_t len ;
  int c ;
  for (;;)
  {
    ssize_t w = write(ctlfd, "Y", 1) ;
    if (w == 1) break ;
    if (w < 0 && errno == EINTR) continue ;
    log_core(LOGNOTICE, "TLS handshake failed: writing to the UCSPI-TLS control socket: ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  c = switch_fds() ;
  if (c < 0)
  {
    log_core(LOGNOTICE, "TLS handshake failed: switching to the UCSPI-TLS pipes: ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  ctlfd = rdfd = wrfd = -1 ;
  ndelay_on(c) ;
  len = read_env(c, env, sizeof(env), timeout) ;
  if (c > 1) close(c) ;
  if (len < 0) return 0 ;
  tls_info_from_block(env, len) ;
  return 1 ;
}

static void ucspi_close (void)
{
  /* the helper sees EOF on SSLWRITEFD and ends the TLS session */
  close(1) ;
}

tls_engine const tls_ucspi = { .prepare = &ucspi_prepare, .handshake = &ucspi_handshake, .close = &ucspi_close } ;
