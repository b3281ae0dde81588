/* ISC license. */
/* tests/fuzz/rfc5322.c: libFuzzer harness for the RFC 5322 parsers
   (src/rfc5322.h), both run on the whole input as an exact-size heap copy
   (ASan sees any read past it). Invariants:
   - date: the same verdict and time twice; *t untouched on failure; a time
     that parses, formatted back as "D Mon YYYY HH:MM:SS +0000", parses to
     the same time (a leap second formats as :00 of the next minute, which
     is the same time).
   - address-list, appended after octets already in the stralloc: a refusal
     is -1 with errno EINVAL or ENOMEM and those octets alone left; a count
     of 0..RFC5322_ADDR_MAX equal to the number of NUL-terminated addr-specs
     appended, each at most RFC5322_ADDRSPEC_MAX octets, with an '@', only
     printable ASCII and blanks (no CR, LF, NUL, control or 8-bit octet),
     and each, parsed alone, gives exactly itself back. */

#include <errno.h>
#include <string.h>
#include <stdlib.h>
#include <time.h>

#include <skalibs/stralloc.h>

#include "rfc5322.h"
#include "fuzz.h"

int LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void)argc ; (void)argv ;
  fuzz_keep_stderr() ;
  return 0 ;
}

static void check_date (char const *s, size_t len)
{
  static char const *const mon[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" } ;
  int64_t t = -42, t2 = -42 ;
  char back[64] ;
  struct tm tm ;
  time_t tt ;
  int r = rfc5322_date_parse(s, len, &t), r2 = rfc5322_date_parse(s, len, &t2) ;
  FUZZ_CHECK(r == r2 && t == t2, "date parse is deterministic: %s", fuzz_esc(s, len)) ;
  if (!r)
  {
    FUZZ_CHECK(t == -42, "a refused date leaves *t untouched: %s: %lld", fuzz_esc(s, len), (long long)t) ;
    return ;
  }
  FUZZ_CHECK(r == 1, "date returns 0 or 1: %d", r) ;
  tt = (time_t)t ;
  FUZZ_CHECK(gmtime_r(&tt, &tm), "gmtime of %lld", (long long)t) ;
  if (tm.tm_year + 1900 > 9999 || tm.tm_year + 1900 < 1900) return ;   /* a zone moved it out of range */
  snprintf(back, sizeof back, "%d %s %04d %02d:%02d:%02d +0000", tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec) ;
  FUZZ_CHECK(rfc5322_date_parse(back, strlen(back), &t2) == 1 && t2 == t, "date %s -> %lld -> %s -> %lld", fuzz_esc(s, len), (long long)t, back, (long long)t2) ;
}

/* one addr-spec of the output: shape, then parsed alone it is itself */
static void check_addrspec (char const *a, size_t n)
{
  stralloc sa = STRALLOC_ZERO ;
  char *copy ;
  int r ;
  FUZZ_CHECK(n <= RFC5322_ADDRSPEC_MAX, "addr-spec of %zu octets", n) ;
  FUZZ_CHECK(memchr(a, '@', n), "addr-spec without @: %s", fuzz_esc(a, n)) ;
  for (size_t i = 0 ; i < n ; i++)
    FUZZ_CHECK(a[i] == ' ' || a[i] == '\t' || (a[i] > 32 && a[i] < 127), "octet %u in addr-spec %s", (unsigned char)a[i], fuzz_esc(a, n)) ;
  copy = fuzz_memdup((uint8_t const *)a, n) ;
  r = rfc5322_addrlist_parse(copy, n, &sa) ;
  FUZZ_CHECK(r == 1 && sa.len == n + 1 && !memcmp(sa.s, a, n) && !sa.s[n], "addr-spec %s parses to %d %s", fuzz_esc(a, n), r, fuzz_esc(sa.s, sa.len)) ;
  free(copy) ;
  stralloc_free(&sa) ;
}

static void check_list (char const *s, size_t len)
{
  stralloc sa = STRALLOC_ZERO ;
  size_t i, start, nuls = 0 ;
  int r ;
  if (!stralloc_cats(&sa, "prefix")) abort() ;
  errno = 0 ;
  r = rfc5322_addrlist_parse(s, len, &sa) ;
  if (r < 0)
  {
    FUZZ_CHECK(r == -1 && sa.len == 6 && !memcmp(sa.s, "prefix", 6), "a refused list leaves sa alone: %s", fuzz_esc(s, len)) ;
    FUZZ_CHECK(errno == EINVAL || errno == ENOMEM, "a refused list sets errno: %d", errno) ;
    stralloc_free(&sa) ;
    return ;
  }
  FUZZ_CHECK(r <= RFC5322_ADDR_MAX, "%d addresses", r) ;
  FUZZ_CHECK(!memcmp(sa.s, "prefix", 6), "octets before the list kept: %s", fuzz_esc(s, len)) ;
  for (i = 6, start = 6 ; i < sa.len ; i++)
  {
    if (sa.s[i]) continue ;
    check_addrspec(sa.s + start, i - start) ;
    nuls++ ;
    start = i + 1 ;
  }
  FUZZ_CHECK(start == sa.len && nuls == (size_t)r, "count %d, %zu NULs, tail %zu", r, nuls, sa.len - start) ;
  stralloc_free(&sa) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  char *s = fuzz_memdup(data, size) ;
  check_date(s, size) ;
  check_list(s, size) ;
  free(s) ;
  return 0 ;
}
