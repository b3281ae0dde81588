/* ISC license. */
/* spool.c: owns the message body. The body stays in one fixed buffer while it
   fits; a longer one goes to a file that has no name (O_TMPFILE, or unlinked at
   once), so memory is constant whatever the size and nothing is ever left
   behind. Most messages never touch the disk here: qmail-queue writes them. */

#include "spool.h"

#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <skalibs/allreadwrite.h>

#include "limits.h"

static int fd = -1 ;
static char const *spooldir = 0 ;
static char buf[SPOOL_BUFSIZE] ;
static size_t blen = 0 ;        /* octets in buf not yet in the file */
static uint64_t total = 0 ;

void spool_replace_abort (void) ;

static int open_unnamed (char const *dir)
{
  size_t n = strlen(dir) ;
  char *tmpl ;
  int f ;
#ifdef O_TMPFILE
  f = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600) ;
  if (f >= 0) return f ;
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) return -1 ;
#endif
  tmpl = malloc(n + 24) ;
  if (!tmpl) return -1 ;
  memcpy(tmpl, dir, n) ;
  memcpy(tmpl + n, "/qcsmtpd.XXXXXX", 16) ;
  f = mkostemp(tmpl, O_CLOEXEC) ;
  if (f >= 0) unlink(tmpl) ;
  free(tmpl) ;
  return f ;
}

int spool_open (char const *dir)
{
  spool_close() ;
  /* the file itself is made only if the body outgrows the buffer; find out
     now, before the 354, whether it could be */
  if (access(dir, W_OK | X_OK) < 0) return 0 ;
  spooldir = dir ;
  return 1 ;
}

/* Moves the buffer to the file, creating the file the first time. */
static int spill (void)
{
  if (!blen) return 1 ;
  if (fd < 0 && (fd = open_unnamed(spooldir)) < 0) return 0 ;
  if (allwrite(fd, buf, blen) < blen) return 0 ;
  blen = 0 ;
  return 1 ;
}

int spool_flush (void)
{
  /* a body that fits in the buffer stays there */
  return fd < 0 ? 1 : spill() ;
}

int spool_write (char const *s, size_t len)
{
  if (!spooldir) { errno = EBADF ; return 0 ; }
  if (blen + len > sizeof(buf))
  {
    if (!spill()) return 0 ;
    if (len >= sizeof(buf))
    {
      if (fd < 0 && (fd = open_unnamed(spooldir)) < 0) return 0 ;
      if (allwrite(fd, s, len) < len) return 0 ;
      total += len ;
      return 1 ;
    }
  }
  memcpy(buf + blen, s, len) ;
  blen += len ;
  total += len ;
  return 1 ;
}

ssize_t spool_pread (uint64_t off, char *out, size_t len)
{
  ssize_t r ;
  if (off >= total) return 0 ;
  if (len > total - off) len = total - off ;
  if (fd < 0)
  {
    memcpy(out, buf + off, len) ;
    return len ;
  }
  do r = pread(fd, out, len, off) ;
  while (r < 0 && errno == EINTR) ;
  return r ;
}

uint64_t spool_size (void)
{
  return total ;
}

void spool_close (void)
{
  spool_replace_abort() ;
  if (fd >= 0) close(fd) ;
  fd = -1 ;
  spooldir = 0 ;
  blen = 0 ;
  total = 0 ;
}

 /* A replacement body (qp_body_*): always a file of its own until commit */

static int rfd = -1 ;
static uint64_t rtotal = 0 ;

int spool_replace_begin (void)
{
  spool_replace_abort() ;
  if (!spooldir) { errno = EBADF ; return 0 ; }
  rfd = open_unnamed(spooldir) ;
  rtotal = 0 ;
  return rfd >= 0 ;
}

int spool_replace_write (char const *s, size_t len)
{
  if (rfd < 0) { errno = EBADF ; return 0 ; }
  if (allwrite(rfd, s, len) < len) return 0 ;
  rtotal += len ;
  return 1 ;
}

int spool_replace_commit (void)
{
  if (rfd < 0) { errno = EBADF ; return 0 ; }
  if (fd >= 0) close(fd) ;
  fd = rfd ;
  rfd = -1 ;
  blen = 0 ;
  total = rtotal ;
  return 1 ;
}

void spool_replace_abort (void)
{
  if (rfd >= 0) close(rfd) ;
  rfd = -1 ;
  rtotal = 0 ;
}
