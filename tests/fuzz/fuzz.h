/* ISC license. */
/* fuzz.h: shared helpers for the libFuzzer harnesses in tests/fuzz (static
   inline only: each tests/fuzz/<name>.c is its own program). An invariant that
   fails prints what was expected and what came out, then aborts, which
   libFuzzer reports as a crash and saves the input. */

#ifndef QCSMTPD_FUZZ_H
#define QCSMTPD_FUZZ_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size) ;
int LLVMFuzzerInitialize (int *argc, char ***argv) ;

/* Where failure reports go: stderr, or the copy of it that fuzz_keep_stderr()
   made before libFuzzer's -close_fd_mask=2 sent fd 2 to /dev/null. */
static FILE *fuzz_err = 0 ;

static inline void fuzz_keep_stderr (void)
{
  int fd = dup(2) ;
  if (fd >= 0) fuzz_err = fdopen(fd, "w") ;
}

static inline void fuzz_fail (char const *file, int line, char const *what, char const *fmt, ...)
{
  va_list ap ;
  FILE *f = fuzz_err ? fuzz_err : stderr ;
  fprintf(f, "\nfuzz invariant failed at %s:%d: %s\n  ", file, line, what) ;
  va_start(ap, fmt) ;
  vfprintf(f, fmt, ap) ;
  va_end(ap) ;
  fputc('\n', f) ;
  fflush(f) ;
  abort() ;
}

/* FUZZ_CHECK(cond, printf-format, ...): the format explains a failure. */
#define FUZZ_CHECK(cond, ...) \
  do { if (!(cond)) fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__) ; } while (0)

/* C-escaped rendering of len octets (truncated), 8 rotating static buffers. */
static inline char const *fuzz_esc (char const *s, size_t len)
{
  static char bufs[8][600] ;
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
    else if (c < 32 || c > 126) o += (size_t)snprintf(b + o, 5, "\\x%02x", c) ;
    else b[o++] = c ;
  }
  if (i < len) { memcpy(b + o, "...", 3) ; o += 3 ; }
  b[o] = 0 ;
  return b ;
}

static inline char const *fuzz_escs (char const *s)
{
  return s ? fuzz_esc(s, strlen(s)) : "(null)" ;
}

/* memcmp that also takes null pointers when n is 0; 1 if equal. */
static inline int fuzz_memeq (void const *a, void const *b, size_t n)
{
  return !n || !memcmp(a, b, n) ;
}

/* A NUL-terminated heap copy of len octets (so ASan sees every overread). */
static inline char *fuzz_strdup (uint8_t const *data, size_t len)
{
  char *s = malloc(len + 1) ;
  if (!s) abort() ;
  memcpy(s, data, len) ;
  s[len] = 0 ;
  return s ;
}

/* An exact-size heap copy, no terminator. */
static inline char *fuzz_memdup (uint8_t const *data, size_t len)
{
  char *s = malloc(len ? len : 1) ;
  if (!s) abort() ;
  memcpy(s, data, len) ;
  return s ;
}

/* A new directory $TMPDIR/<tag>.XXXXXX (TMPDIR default /tmp) into buf. */
static inline void fuzz_tmpdir (char *buf, size_t size, char const *tag)
{
  char const *t = getenv("TMPDIR") ;
  if ((size_t)snprintf(buf, size, "%s/%s.XXXXXX", t && *t == '/' ? t : "/tmp", tag) >= size || !mkdtemp(buf))
  {
    perror("qcsmtpd fuzz: mkdtemp") ;
    abort() ;
  }
}

/* Deterministic generator (xorshift64*), seeded from the input. */
static inline uint64_t fuzz_rand (uint64_t *st)
{
  uint64_t x = *st ? *st : 0x9e3779b97f4a7c15ULL ;
  x ^= x >> 12 ; x ^= x << 25 ; x ^= x >> 27 ;
  *st = x ;
  return x * 2685821657736338717ULL ;
}

/* A byte reader over the input: returns 0 when exhausted. */
typedef struct fuzz_in_s fuzz_in ;
struct fuzz_in_s { uint8_t const *p ; size_t n ; } ;

static inline unsigned int fuzz_byte (fuzz_in *in)
{
  if (!in->n) return 0 ;
  in->n-- ;
  return *in->p++ ;
}

/* Takes up to max octets (a length byte first) as a NUL-terminated heap
   string; the string stops at the first NUL octet. */
static inline char *fuzz_str (fuzz_in *in, size_t max)
{
  size_t n = fuzz_byte(in) ;
  char *s ;
  if (n > max) n = max ;
  if (n > in->n) n = in->n ;
  s = fuzz_strdup(in->p, n) ;
  in->p += n ; in->n -= n ;
  return s ;
}

#endif
