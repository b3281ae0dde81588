/* ISC license. */
/* tests/fuzz/resp.c: libFuzzer harness for the RESP2 reply parser and the
   command encoder of the Redis store (src/resp.h).
   Input: the bytes of a server's reply stream, in an exact-size heap block.
   Checked: resp_parse returns -1, 0 or a length 1..size; for a reply: the
   type is a status, error, integer, bulk or nil, and the first octet says
   which; a status or error text lies inside the input, holds no CR or LF,
   is at most RESP_LINE_MAX + 1 octets and ends at the reply's CRLF; a bulk's
   data lies inside the input, is at most RESP_BULK_MAX octets and is
   followed by the CRLF that ends the reply; an integer is the decimal of
   its line; every proper prefix of the reply parses as incomplete (0),
   never as another reply or an error; the same bytes parsed again give the
   same result. Then the input cut in up to four arguments at its NUL
   octets is encoded as a command, and a reference decoder finds exactly
   those arguments in the encoding. */

#include <stdlib.h>
#include <string.h>

#include <skalibs/stralloc.h>

#include "limits.h"
#include "resp.h"
#include "fuzz.h"

static void check_reply (char const *buf, size_t size, long n, resp_reply const *r)
{
  char const *end = buf + n ;
  FUZZ_CHECK(n >= 3 && (size_t)n <= size, "a reply of %ld octets in %zu", n, size) ;
  FUZZ_CHECK(end[-2] == '\r' && end[-1] == '\n', "the reply does not end in CRLF: \"%s\"", fuzz_esc(buf, (size_t)n)) ;
  switch (r->type)
  {
    case RESP_STATUS :
    case RESP_ERROR :
      FUZZ_CHECK(buf[0] == r->type && r->s == buf + 1 && r->s + r->len + 2 == end, "text span of \"%s\"", fuzz_esc(buf, (size_t)n)) ;
      FUZZ_CHECK(!memchr(r->s, '\r', r->len) && !memchr(r->s, '\n', r->len), "CR or LF in \"%s\"", fuzz_esc(r->s, r->len)) ;
      FUZZ_CHECK(r->len <= RESP_LINE_MAX + 1, "a line of %zu octets", r->len) ;
      break ;
    case RESP_INTEGER :
    {
      char tmp[32] ;
      size_t l = (size_t)n - 3 ;
      FUZZ_CHECK(buf[0] == ':' && l < sizeof tmp, "integer reply \"%s\"", fuzz_esc(buf, (size_t)n)) ;
      memcpy(tmp, buf + 1, l) ;
      tmp[l] = 0 ;
      FUZZ_CHECK(strtoll(tmp, 0, 10) == r->n, "\"%s\" read as %lld", tmp, (long long)r->n) ;
      break ;
    }
    case RESP_BULK :
      FUZZ_CHECK(buf[0] == '$' && r->s > buf && r->s + r->len + 2 == end, "bulk span of \"%s\"", fuzz_esc(buf, (size_t)n)) ;
      FUZZ_CHECK(r->len <= RESP_BULK_MAX, "a bulk of %zu octets", r->len) ;
      FUZZ_CHECK(strtol(buf + 1, 0, 10) == (long)r->len, "bulk length %zu for \"%s\"", r->len, fuzz_esc(buf, 16)) ;
      break ;
    case RESP_NIL :
      FUZZ_CHECK(buf[0] == '$' && strtol(buf + 1, 0, 10) == -1, "nil from \"%s\"", fuzz_esc(buf, (size_t)n)) ;
      break ;
    default :
      FUZZ_CHECK(0, "type %d", r->type) ;
  }
}

/* the reference: "*N\r\n" then N times "$L\r\n" L octets "\r\n" */
static void check_command (stralloc const *sa, unsigned int argc, char const *const *argv, size_t const *lens)
{
  char const *p = sa->s, *end = sa->s + sa->len ;
  char *e ;
  FUZZ_CHECK(sa->len > 3 && p[0] == '*', "command head") ;
  FUZZ_CHECK(strtoul(p + 1, &e, 10) == argc && e[0] == '\r' && e[1] == '\n', "argument count") ;
  p = e + 2 ;
  for (unsigned int i = 0 ; i < argc ; i++)
  {
    FUZZ_CHECK(p < end && p[0] == '$', "argument %u head", i) ;
    FUZZ_CHECK(strtoul(p + 1, &e, 10) == lens[i] && e[0] == '\r' && e[1] == '\n', "argument %u length", i) ;
    p = e + 2 ;
    FUZZ_CHECK((size_t)(end - p) >= lens[i] + 2 && !memcmp(p, argv[i], lens[i]) && p[lens[i]] == '\r' && p[lens[i] + 1] == '\n',
               "argument %u data", i) ;
    p += lens[i] + 2 ;
  }
  FUZZ_CHECK(p == end, "%zu octets after the last argument", (size_t)(end - p)) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  static stralloc cmd = STRALLOC_ZERO ;
  char *buf = malloc(size ? size : 1) ;
  resp_reply r, r2 ;
  long n, n2 ;
  char const *argv[4] ;
  size_t lens[4] ;
  unsigned int argc = 0 ;
  size_t start = 0 ;
  if (!buf) return 0 ;
  memcpy(buf, data, size) ;
  n = resp_parse(buf, size, &r) ;
  FUZZ_CHECK(n >= -1 && n <= (long)size, "resp_parse returned %ld for %zu octets", n, size) ;
  FUZZ_CHECK(n || size < RESP_LINE_MAX + 3 + RESP_BULK_MAX + 2, "%zu octets still incomplete", size) ;
  n2 = resp_parse(buf, size, &r2) ;
  FUZZ_CHECK(n2 == n, "a second parse gave %ld, not %ld", n2, n) ;
  if (n > 0)
  {
    check_reply(buf, size, n, &r) ;
    FUZZ_CHECK(r2.type == r.type && r2.len == r.len && r2.n == r.n, "a second parse differs") ;
    for (long cut = 0 ; cut < n ; cut += cut < 8 || n - cut < 8 ? 1 : (n - cut) / 2)
    {
      long m = resp_parse(buf, (size_t)cut, &r2) ;
      FUZZ_CHECK(!m, "the first %ld of %ld octets parse as %ld", cut, n, m) ;
    }
  }
  for (size_t i = 0 ; i <= size && argc < 4 ; i++)
    if (i == size || !buf[i])
    {
      argv[argc] = buf + start ;
      lens[argc++] = i - start ;
      start = i + 1 ;
    }
  cmd.len = 0 ;
  if (resp_command(&cmd, argc, argv, lens)) check_command(&cmd, argc, argv, lens) ;
  free(buf) ;
  return 0 ;
}

int LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void)argc ; (void)argv ;
  fuzz_keep_stderr() ;
  return 0 ;
}
