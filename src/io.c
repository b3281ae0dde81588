/* ISC license. */
/* io.c: owns fds 0 and 1. Every read and write waits at most the timeout
   (fd 0 and fd 1 often share one non-blocking socket, so writes handle EAGAIN
   too). Never reads beyond what it needs to answer in order. */

#include "io.h"

#include <string.h>
#include <errno.h>
#include <unistd.h>

#include <skalibs/djbunix.h>
#include <skalibs/tai.h>
#include <skalibs/iopause.h>

#include "limits.h"

static char ibuf[IO_INSIZE] ;
static size_t ipos = 0, ilen = 0 ;
static char obuf[IO_OUTSIZE] ;
static size_t olen = 0 ;
static unsigned int tmout = SMTP_TIMEOUT_DEFAULT ;
static tain session_end ;      /* control/timeoutsession: the whole connection */
static int session_armed = 0 ;
static int session_over = 0 ;  /* a wait ended on session_end */

static ssize_t fdread (char *s, size_t n) { return read(0, s, n) ; }
static ssize_t fdwrite (char const *s, size_t n) { return write(1, s, n) ; }
static io_read_fn *rd = &fdread ;
static io_write_fn *wr = &fdwrite ;
static int rfd = 0, wfd = 1 ;
static int werr = 0 ;   /* errno of a failed write: the session is over */

void io_transport (io_read_fn *r, io_write_fn *w, int rf, int wf)
{
  rd = r ; wr = w ; rfd = rf ; wfd = wf ;
}

void io_transport_fd (void)
{
  io_transport(&fdread, &fdwrite, 0, 1) ;
}

void io_reset (void)
{
  ipos = ilen = olen = 0 ;
  werr = 0 ;
}

int io_init (unsigned int timeout)
{
  tmout = timeout ;
  tain_now_set_stopwatch_g() ;
  if (ndelay_on(0) < 0) return 0 ;
  if (ndelay_on(1) < 0) return 0 ;
  return 1 ;
}

void io_set_timeout (unsigned int timeout)
{
  tmout = timeout ;
}

void io_session_limit (unsigned int secs)
{
  session_armed = !!secs ;
  session_over = 0 ;
  if (secs) io_deadline(&session_end, secs) ;
}

int io_session_over (void)
{
  return session_over ;
}

static tain ratestart ;

void io_rate_begin (void)
{
  tain_now_g() ;
  ratestart = STAMP ;
}

int io_rate_low (uint64_t bytes, unsigned int minrate, unsigned int grace)
{
  tain d ;
  uint64_t ms ;
  if (!minrate) return 0 ;
  tain_now_g() ;
  tain_sub(&d, &STAMP, &ratestart) ;
  ms = tain_to_millisecs(&d) < 0 ? 0 : (uint64_t)tain_to_millisecs(&d) ;
  if (ms < (uint64_t)grace * 1000) return 0 ;
  return bytes * 1000 < (uint64_t)minrate * ms ;
}

/* now + the per-operation timeout, but never past the end of the session */
static void opdeadline (tain *d)
{
  io_deadline(d, tmout) ;
  if (session_armed && tain_less(&session_end, d)) *d = session_end ;
}

/* A wait that timed out: was it the session's limit? */
static void timedout (tain const *d)
{
  if (session_armed && !tain_less(d, &session_end) && !tain_less(&session_end, d)) session_over = 1 ;
}

static io_extra const *extra = 0 ;

void io_extra_set (io_extra const *e)
{
  extra = e ;
}

int io_await (int fd, short events, tain const *deadline)
{
  iopause_fd x[1 + IO_EXTRA_MAX] ;
  for (;;)
  {
    tain until = *deadline ;
    unsigned int n = 1 ;
    int r ;
    x[0].fd = fd ; x[0].events = events ; x[0].revents = 0 ;
    tain_now_g() ;
    if (extra) n += (*extra->fill)(x + 1, IO_EXTRA_MAX, &until) ;
    r = iopause_g(x, n, &until) ;
    if (r < 0) { if (errno == EINTR) continue ; return -1 ; }
    if (n > 1) (*extra->done)(x + 1, n - 1) ;
    if (x[0].revents) return 1 ;
    if (!tain_less(&STAMP, deadline)) { errno = ETIMEDOUT ; return 0 ; }
  }
}

void io_deadline (tain *deadline, unsigned int secs)
{
  tain_now_g() ;
  tain_addsec_g(deadline, secs) ;
}

int io_flush (void)
{
  size_t done = 0 ;
  tain deadline ;
  int armed = 0 ;
  if (werr) { errno = werr ; return 0 ; }
  while (done < olen)
  {
    ssize_t w = (*wr)(obuf + done, olen - done) ;
    if (w >= 0) { done += w ; continue ; }
    if (errno == EINTR) continue ;
    if (errno != EAGAIN) goto err ;
    if (!armed) { opdeadline(&deadline) ; armed = 1 ; }
    if (io_await(wfd, IOPAUSE_WRITE, &deadline) <= 0) { if (errno == ETIMEDOUT) timedout(&deadline) ; goto err ; }
  }
  olen = 0 ;
  return 1 ;
 err:
  /* a reply that cannot be delivered ends the session: reads fail from now on */
  werr = errno ;
  olen = 0 ;
  return 0 ;
}

int io_put (char const *s, size_t len)
{
  while (len)
  {
    size_t n = sizeof(obuf) - olen ;
    if (!n) { if (!io_flush()) return 0 ; continue ; }
    if (n > len) n = len ;
    memcpy(obuf + olen, s, n) ;
    olen += n ; s += n ; len -= n ;
  }
  return 1 ;
}

int io_puts (char const *s)
{
  return io_put(s, strlen(s)) ;
}

/* Refills the empty input buffer; flushes pending replies first, since the
   client may be waiting for them before it sends more (RFC 2920 3.1). */
static ssize_t fill (void)
{
  tain deadline ;
  int armed = 0 ;
  ipos = ilen = 0 ;
  if (werr) { errno = werr ; return -1 ; }
  for (;;)
  {
    ssize_t r = (*rd)(ibuf, sizeof(ibuf)) ;
    if (r > 0 && session_armed)
    {
      /* a client that always has more to send ends at the limit too */
      tain_now_g() ;
      if (!tain_less(&STAMP, &session_end)) { session_over = 1 ; errno = ETIMEDOUT ; return -1 ; }
    }
    if (r >= 0) { ilen = r ; return r ; }
    if (errno == EINTR) continue ;
    if (errno != EAGAIN) return -1 ;
    if (olen && !io_flush()) return -1 ;
    if (!armed) { opdeadline(&deadline) ; armed = 1 ; }
    if (io_await(rfd, IOPAUSE_READ, &deadline) <= 0) { if (errno == ETIMEDOUT) timedout(&deadline) ; return -1 ; }
  }
}

int io_wait_input (tain const *deadline)
{
  if (ipos < ilen) return 1 ;
  if (werr) { errno = werr ; return -1 ; }
  for (;;)
  {
    int p ;
    ssize_t r = (*rd)(ibuf, sizeof(ibuf)) ;
    /* what arrives is kept for the command loop; an EOF will be seen again */
    if (r > 0) { ipos = 0 ; ilen = r ; return 1 ; }
    if (!r) return 1 ;
    if (errno == EINTR) continue ;
    if (errno != EAGAIN) return -1 ;
    /* the client may be waiting for replies before it sends more (RFC 2920
       3.1): as the command loop's reads, never wait with replies held back */
    if (olen && !io_flush()) return -1 ;
    p = io_await(rfd, IOPAUSE_READ, deadline) ;
    if (p <= 0) return p ;
  }
}

ssize_t io_peek (char const **p)
{
  if (ipos == ilen)
  {
    ssize_t r = fill() ;
    if (r <= 0) return r ;
  }
  *p = ibuf + ipos ;
  return ilen - ipos ;
}

void io_consume (size_t n)
{
  ipos += n ;
  if (ipos > ilen) ipos = ilen ;
}

size_t io_pending (void)
{
  return ilen - ipos ;
}

void io_discard_input (void)
{
  ipos = ilen = 0 ;
}

int io_getline (char *buf, size_t max, size_t *len)
{
  size_t n = 0 ;
  int toolong = 0 ;
  for (;;)
  {
    char const *p ;
    char const *lf ;
    size_t avail, take ;
    ssize_t r = io_peek(&p) ;
    if (r < 0) return -1 ;
    if (!r) return 0 ;
    avail = r ;
    lf = memchr(p, '\n', avail) ;
    take = lf ? (size_t)(lf - p) : avail ;
    if (!toolong)
    {
      if (n + take > max - 1) toolong = 1 ;
      else { memcpy(buf + n, p, take) ; n += take ; }
    }
    io_consume(take + !!lf) ;
    if (lf) break ;
  }
  if (toolong) { buf[0] = 0 ; *len = 0 ; return 2 ; }
  if (n && buf[n-1] == '\r') n-- ;
  buf[n] = 0 ;
  *len = n ;
  return 1 ;
}
