/* ISC license. */
/* tests/fuzz/addr.c: libFuzzer harness for the path parser (src/addr.h).
   The input, as an exact-size buffer without terminator, goes through
   addr_parse_path with each flag combination; a path accepted must end at a
   '>' inside the input, give a NUL-terminated mailbox, and the same mailbox
   again when addr_format's rendering of it is parsed (with the same flags).
   addr_domain_ok is compared with a reference written from RFC 5321 4.1.2
   (labels of letters, digits and inner hyphens, 1..63 octets, 255 in all). */

#include <string.h>

#include <skalibs/stralloc.h>

#include "addr.h"
#include "fuzz.h"

static int letdig (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ;
}

static int ref_domain_ok (char const *s, size_t len)
{
  size_t i = 0 ;
  if (!len || len > 255) return 0 ;
  for (;;)
  {
    size_t n = 0 ;
    while (i + n < len && s[i+n] != '.') n++ ;
    if (!n || n > 63 || !letdig(s[i]) || !letdig(s[i+n-1])) return 0 ;
    for (size_t j = i ; j < i + n ; j++) if (!letdig(s[j]) && s[j] != '-') return 0 ;
    i += n ;
    if (i == len) return 1 ;
    i++ ;   /* the dot; a trailing one leaves an empty label */
    if (i == len) return 0 ;
  }
}

static void check_path (char const *s, size_t len, unsigned int flags)
{
  static char const junk[] = "prefix" ;
  stralloc out = STRALLOC_ZERO ;
  stralloc fmt = STRALLOC_ZERO ;
  stralloc again = STRALLOC_ZERO ;
  size_t end = (size_t)-1, end2 = (size_t)-1, base = 0 ;
  int pre = flags & 4 ;
  flags &= 3 ;
  if (!stralloc_ready(&out, 16)) abort() ;
  if (pre && !stralloc_catb(&out, junk, sizeof(junk) - 1)) abort() ;
  base = out.len ;
  if (!addr_parse_path(s, len, &out, &end, flags))
  {
    FUZZ_CHECK(out.len == base, "addr_parse_path(\"%s\", %u) failed but left \"%s\"", fuzz_esc(s, len), flags, fuzz_esc(out.s + base, out.len - base)) ;
    goto end ;
  }
  FUZZ_CHECK(end >= 2 && end <= len && s[end-1] == '>', "addr_parse_path(\"%s\", %u): end %zu", fuzz_esc(s, len), flags, end) ;
  FUZZ_CHECK(!pre || fuzz_memeq(out.s, junk, base), "addr_parse_path(\"%s\") changed what the stralloc held", fuzz_esc(s, len)) ;
  FUZZ_CHECK(out.s && out.s[out.len] == 0 && strlen(out.s + base) == out.len - base,
    "mailbox of \"%s\" is not one NUL-terminated string", fuzz_esc(s, len)) ;
  FUZZ_CHECK(out.len > base || (flags & ADDR_NULL_OK), "empty mailbox from \"%s\" without ADDR_NULL_OK", fuzz_esc(s, len)) ;
  if (!addr_format(out.s + base, &fmt)) abort() ;
  end2 = (size_t)-1 ;
  FUZZ_CHECK(addr_parse_path(fmt.s, fmt.len, &again, &end2, flags),
    "\"%s\" parsed to mailbox \"%s\", formatted as \"%s\", which does not parse",
    fuzz_esc(s, len), fuzz_escs(out.s + base), fuzz_esc(fmt.s, fmt.len)) ;
  FUZZ_CHECK(end2 == fmt.len, "formatted \"%s\" parsed only to %zu", fuzz_esc(fmt.s, fmt.len), end2) ;
  FUZZ_CHECK(again.len == out.len - base && fuzz_memeq(again.s, out.s + base, again.len),
    "\"%s\" gave mailbox \"%s\", formatted \"%s\", which gives \"%s\"",
    fuzz_esc(s, len), fuzz_escs(out.s + base), fuzz_esc(fmt.s, fmt.len), fuzz_escs(again.s)) ;
  {
    /* the domain part the parser accepted is a domain or a literal */
    char const *at = strrchr(out.s + base, '@') ;
    if (at && at[1] != '[' && !strchr(at, ']'))
      FUZZ_CHECK(addr_domain_ok(at + 1, strlen(at + 1)), "mailbox \"%s\" of \"%s\" has a bad domain", fuzz_escs(out.s + base), fuzz_esc(s, len)) ;
  }
 end:
  stralloc_free(&out) ;
  stralloc_free(&fmt) ;
  stralloc_free(&again) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  char *s = fuzz_memdup(data, size) ;
  unsigned int flags ;
  for (flags = 0 ; flags < 8 ; flags++) check_path(s, size, flags) ;
  /* the same bytes as a domain */
  {
    int r = addr_domain_ok(s, size), w = ref_domain_ok(s, size) ;
    FUZZ_CHECK(r == w, "addr_domain_ok(\"%s\") = %d, reference says %d", fuzz_esc(s, size), r, w) ;
  }
  (void)addr_isascii(s, size) ;
  free(s) ;
  return 0 ;
}
