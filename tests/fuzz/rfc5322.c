/* ISC license. */
/* tests/fuzz/rfc5322.c: libFuzzer harness for the RFC 5322 parsers
   (src/rfc5322.h) on an exact-length copy of the input (ASan sees any read
   past it). Invariants: a date that parses formats back (as "D Mon YYYY
   HH:MM:SS +0000") to the same time; an address-list's count is the number of
   NULs appended, each addr-spec has an '@', no CR, LF or NUL inside and at
   most 998 octets; a refused list leaves sa as it was. */

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
  int64_t t = 0, t2 = 0 ;
  char back[64] ;
  struct tm tm ;
  time_t tt ;
  int r = rfc5322_date_parse(s, len, &t), r2 = rfc5322_date_parse(s, len, &t2) ;
  FUZZ_CHECK(r == r2 && (!r || t == t2), "date parse is deterministic: %s", fuzz_esc(s, len)) ;
  if (!r) return ;
  /* leap seconds format as :00 of the next minute: compare modulo that */
  tt = (time_t)t ;
  FUZZ_CHECK(gmtime_r(&tt, &tm), "gmtime of %lld", (long long)t) ;
  snprintf(back, sizeof back, "%d %s %04d %02d:%02d:%02d +0000", tm.tm_mday, mon[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec) ;
  if (tm.tm_year + 1900 > 9999 || tm.tm_year + 1900 < 1900) return ;   /* a zone moved it out of range */
  FUZZ_CHECK(rfc5322_date_parse(back, strlen(back), &t2) && t2 == t, "date %s -> %lld -> %s -> %lld", fuzz_esc(s, len), (long long)t, back, (long long)t2) ;
}

static void check_list (char const *s, size_t len)
{
  stralloc sa = STRALLOC_ZERO ;
  size_t i, start, nuls = 0 ;
  int r ;
  stralloc_cats(&sa, "prefix") ;
  r = rfc5322_addrlist_parse(s, len, &sa) ;
  if (r < 0)
  {
    FUZZ_CHECK(r == -1 && sa.len == 6 && !memcmp(sa.s, "prefix", 6), "a refused list leaves sa alone: %s", fuzz_esc(s, len)) ;
    stralloc_free(&sa) ;
    return ;
  }
  FUZZ_CHECK(r <= RFC5322_ADDR_MAX, "%d addresses", r) ;
  for (i = 6, start = 6 ; i < sa.len ; i++)
  {
    if (sa.s[i]) continue ;
    FUZZ_CHECK(memchr(sa.s + start, '@', i - start), "addr-spec without @: %s", fuzz_esc(sa.s + start, i - start)) ;
    FUZZ_CHECK(!memchr(sa.s + start, '\r', i - start) && !memchr(sa.s + start, '\n', i - start), "CR/LF in %s", fuzz_esc(sa.s + start, i - start)) ;
    FUZZ_CHECK(i - start <= RFC5322_ADDRSPEC_MAX, "addr-spec of %zu octets", i - start) ;
    nuls++ ;
    start = i + 1 ;
  }
  FUZZ_CHECK(start == sa.len && nuls == (size_t)r, "count %d, %zu NULs, tail %zu", r, nuls, sa.len - start) ;
  stralloc_free(&sa) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  char *s = malloc(size ? size : 1) ;
  if (!s) return 0 ;
  memcpy(s, data, size) ;
  check_date(s, size) ;
  check_list(s, size) ;
  free(s) ;
  return 0 ;
}
