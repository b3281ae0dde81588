/* ISC license. */
/* io.h: the client connection: buffered, deadline-bound reads from fd 0 and
   writes to fd 1. Replies are buffered and flushed before a read would block
   (RFC 2920 pipelining). Returns follow STYLE: 1 ok, 0 EOF/failure, -1 error. */

#ifndef QCSMTPD_IO_H
#define QCSMTPD_IO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <skalibs/tai.h>
#include <skalibs/iopause.h>

typedef ssize_t io_read_fn (char *, size_t) ;
typedef ssize_t io_write_fn (char const *, size_t) ;

/* The transport under the buffers: read(2)/write(2) on fds 0 and 1 unless
   replaced (TLS, tests). A replacement returns like read/write; -1 with
   EAGAIN makes the caller wait on rfd/wfd, at most the timeout. */
extern void io_transport (io_read_fn *r, io_write_fn *w, int rfd, int wfd) ;

/* Back to read(2)/write(2) on fds 0 and 1 (after a UCSPI-TLS helper's
   pipes were moved there). */
extern void io_transport_fd (void) ;

/* For the transports: *deadline = now + secs; io_await waits until fd is
   ready for events (IOPAUSE_READ, IOPAUSE_WRITE) or the deadline passes.
   1 ready, 0 timeout (errno ETIMEDOUT), -1 error. */
extern void io_deadline (tain *deadline, unsigned int secs) ;
extern int io_await (int fd, short events, tain const *deadline) ;

/* Another source of events that every io_await carries while it has work:
   the resolver's sockets, so that answers are read and retries sent while
   the session waits for the client. fill puts at most max descriptors in x
   and may bring *until earlier (its own timer); done gets them back after
   the wait, with their revents. */
#define IO_EXTRA_MAX 16
typedef struct io_extra_s io_extra ;
struct io_extra_s
{
  unsigned int (*fill) (iopause_fd *x, unsigned int max, tain *until) ;
  void (*done) (iopause_fd const *x, unsigned int n) ;
} ;
extern void io_extra_set (io_extra const *e) ;

/* control/timeoutsession: no read or write waits past secs from now (0: no
   limit); io_session_over() tells whether a timeout was that limit. */
extern void io_session_limit (unsigned int secs) ;
extern int io_session_over (void) ;

/* control/mindatarate: io_rate_begin marks the start of DATA; io_rate_low
   is 1 once grace seconds have passed and the average rate of bytes since
   then is below minrate per second (0: no minimum). */
extern void io_rate_begin (void) ;
extern int io_rate_low (uint64_t bytes, unsigned int minrate, unsigned int grace) ;

/* Forgets buffered input and output (a new session in the same process). */
extern void io_reset (void) ;

/* Sets fd 0 non-blocking and the per-operation timeout in seconds. 1 ok, 0 error. */
extern int io_init (unsigned int timeout) ;
extern void io_set_timeout (unsigned int timeout) ;

/* Reads one command line into buf (at most max-1 octets, NUL-terminated, LF and
   one CR before it removed). 1 line, 2 line too long (rest discarded),
   0 EOF, -1 error (errno ETIMEDOUT on timeout). */
extern int io_getline (char *buf, size_t max, size_t *len) ;

/* Makes input available: *p points into the input buffer. Returns the number
   of octets available (consume them with io_consume), 0 on EOF, -1 on error. */
extern ssize_t io_peek (char const **p) ;
extern void io_consume (size_t n) ;
/* Octets already buffered from the client and not yet consumed. */
extern size_t io_pending (void) ;
/* Waits until input is buffered (or the client closed) or the deadline
   passes, without consuming anything; pending replies are flushed before
   it blocks, as for any read. Under TLS, what counts is decrypted data. 1 input or EOF, 0 timeout
   (ETIMEDOUT), -1 error. */
extern int io_wait_input (tain const *deadline) ;
/* Throws away buffered input (after STARTTLS's 220). */
extern void io_discard_input (void) ;

/* Buffers output; flushes with the deadline when the buffer fills. 1 ok, 0 error. */
extern int io_put (char const *s, size_t len) ;
extern int io_puts (char const *s) ;
extern int io_flush (void) ;

#endif
