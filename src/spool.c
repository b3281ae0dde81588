/* ISC license. */
/* spool.c: owns the spool fd; memory use is one fixed buffer whatever the
   message size. Never leaves a named file behind. */

#include "spool.h"

#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <skalibs/allreadwrite.h>

#include "limits.h"

static int fd = -1 ;
static char buf[SPOOL_BUFSIZE] ;
static size_t blen = 0 ;
static uint64_t total = 0 ;

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
  fd = open_unnamed(dir) ;
  if (fd < 0) return 0 ;
  blen = 0 ;
  total = 0 ;
  return 1 ;
}

int spool_flush (void)
{
  if (blen && allwrite(fd, buf, blen) < blen) return 0 ;
  blen = 0 ;
  return 1 ;
}

int spool_write (char const *s, size_t len)
{
  if (fd < 0) { errno = EBADF ; return 0 ; }
  total += len ;
  if (len >= sizeof(buf))
  {
    if (!spool_flush()) return 0 ;
    return allwrite(fd, s, len) == len ;
  }
  if (blen + len > sizeof(buf) && !spool_flush()) return 0 ;
  memcpy(buf + blen, s, len) ;
  blen += len ;
  return 1 ;
}

ssize_t spool_pread (uint64_t off, char *out, size_t len)
{
  ssize_t r ;
  if (fd < 0) return 0 ;
  if (off >= total) return 0 ;
  if (len > total - off) len = total - off ;
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
  if (fd >= 0) close(fd) ;
  fd = -1 ;
  blen = 0 ;
  total = 0 ;
}
