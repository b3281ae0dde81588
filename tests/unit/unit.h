/* ISC license. */
/* unit.h: shared helpers for the unit test programs (static inline only: each
   tests/unit/<name>.c is its own program). Output is one line per case,
   "ok - <module>: <case>" or "FAIL - <module>: <case>: <why>", as tests/run
   expects; unit_end() gives the exit status. */

#ifndef QCSMTPD_UNIT_H
#define QCSMTPD_UNIT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <unistd.h>
#include <sys/stat.h>

static char const *unit_module = "unit" ;
static unsigned int unit_npass = 0 ;
static unsigned int unit_nfail = 0 ;

/* Line-buffered stdout, so a crash loses no result already decided. */
static inline void unit_init (char const *module)
{
  unit_module = module ;
  setvbuf(stdout, 0, _IOLBF, 0) ;
}

static inline void unit_vresult (int ok, char const *name, char const *fmt, va_list ap)
{
  if (ok)
  {
    printf("ok - %s: %s\n", unit_module, name) ;
    unit_npass++ ;
    return ;
  }
  printf("FAIL - %s: %s: ", unit_module, name) ;
  if (fmt) vprintf(fmt, ap) ; else fputs("failed", stdout) ;
  putchar('\n') ;
  unit_nfail++ ;
}

/* Prints one result line; the reason (printf format) is used only on failure.
   Returns ok. */
static inline int unit_check (int ok, char const *name, char const *fmt, ...)
{
  va_list ap ;
  va_start(ap, fmt) ;
  unit_vresult(ok, name, fmt, ap) ;
  va_end(ap) ;
  return ok ;
}

/* memcmp that takes n == 0 with null pointers (an empty stralloc has s == 0;
   memcmp(0, x, 0) is undefined behaviour, which make check-sanitize reports). */
static inline int unit_memcmp (void const *a, void const *b, size_t n)
{
  return n ? memcmp(a, b, n) : 0 ;
}

static inline void unit_skip (char const *name, char const *why)
{
  printf("ok - %s: %s # skip %s\n", unit_module, name, why) ;
  unit_npass++ ;
}

static inline int unit_end (void)
{
  printf("# %u passed, %u failed\n", unit_npass, unit_nfail) ;
  fflush(stdout) ;
  return unit_nfail ? 1 : 0 ;
}

/* C-escaped, printable rendering of len octets, truncated; 8 rotating static
   buffers so several can appear in one printf. */
static inline char const *unit_esc (char const *s, size_t len)
{
  static char bufs[8][256] ;
  static unsigned int k = 0 ;
  char *b = bufs[k++ & 7] ;
  size_t o = 0, i = 0 ;
  if (!s) return "(null)" ;
  for (; i < len && o < sizeof(bufs[0]) - 8 ; i++)
  {
    unsigned char c = s[i] ;
    if (c == '\n') { b[o++] = '\\' ; b[o++] = 'n' ; }
    else if (c == '\r') { b[o++] = '\\' ; b[o++] = 'r' ; }
    else if (c == '\t') { b[o++] = '\\' ; b[o++] = 't' ; }
    else if (c == '\\' || c == '"') { b[o++] = '\\' ; b[o++] = c ; }
    else if (c < 32 || c > 126) o += (size_t)sprintf(b + o, "\\x%02x", c) ;
    else b[o++] = c ;
  }
  if (i < len) { memcpy(b + o, "...", 3) ; o += 3 ; }
  b[o] = 0 ;
  return b ;
}

static inline char const *unit_escs (char const *s)
{
  return s ? unit_esc(s, strlen(s)) : "(null)" ;
}

/* Deterministic generator (xorshift64*), so a failure can be replayed. */
static inline uint64_t unit_rand (uint64_t *st)
{
  uint64_t x = *st ;
  x ^= x >> 12 ; x ^= x << 25 ; x ^= x >> 27 ;
  *st = x ;
  return x * 2685821657736338717ULL ;
}

/* A fresh directory under $TEST_TMPDIR (set by tests/run) or /tmp, into buf
   (at least 4096 octets). 1 ok, 0 error. */
static inline int unit_tmpdir (char *buf, size_t size, char const *tag)
{
  char const *base = getenv("TEST_TMPDIR") ;
  if (!base || !*base) base = "/tmp" ;
  if ((size_t)snprintf(buf, size, "%s/qcsmtpd-unit-%s.XXXXXX", base, tag) >= size) return 0 ;
  return mkdtemp(buf) != 0 ;
}

static inline int unit_rm1 (char const *path, struct stat const *st, int flag, struct FTW *f)
{
  (void)st ; (void)flag ; (void)f ;
  return remove(path) ;
}

static inline void unit_rmrf (char const *dir)
{
  nftw(dir, &unit_rm1, 16, FTW_DEPTH | FTW_PHYS) ;
}

/* Writes len octets to dir/name (created or truncated). 1 ok, 0 error. */
static inline int unit_writefile (char const *dir, char const *name, char const *s, size_t len)
{
  char path[8192] ;
  int fd ;
  size_t w = 0 ;
  if ((size_t)snprintf(path, sizeof(path), "%s%s%s", dir ? dir : "", dir ? "/" : "", name) >= sizeof(path)) return 0 ;
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644) ;
  if (fd < 0) return 0 ;
  while (w < len)
  {
    ssize_t r = write(fd, s + w, len - w) ;
    if (r < 0) { if (errno == EINTR) continue ; close(fd) ; return 0 ; }
    w += (size_t)r ;
  }
  return close(fd) == 0 ;
}

static inline int unit_writes (char const *dir, char const *name, char const *s)
{
  return unit_writefile(dir, name, s, strlen(s)) ;
}

/* Literal string and its length, for tables whose inputs hold NUL octets. */
#define UNIT_S(x) (x), (sizeof(x) - 1)

#endif
