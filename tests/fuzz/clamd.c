/* ISC license. */
/* tests/fuzz/clamd.c: libFuzzer harness for the clamd reply parser of
   plugins/virus/clamdscan.c (reply_parse, a static function: the plugin is
   compiled into this file, its descriptor renamed so that it does not clash
   with the copy in libfuzzcore.a).
   Input: octet 0 chooses the size of the name buffer (1..256); the rest is
   the reply without its NUL, in an exact-size heap block (an overread is
   caught).
   Checked against a reference written from clamd(8)'s replies: R_CLEAN iff
   the reply is exactly "stream: OK"; R_FOUND iff it is "stream: " NAME
   " FOUND" with NAME 1..size-1 octets of 0x21..0x7e, and NAME is what was
   copied; R_ERROR iff it ends in " ERROR" (and is no longer than
   CLAMD_REPLY_MAX, without NUL), the name then holding its text before
   " ERROR", cut to size-1 octets, every octet outside printable ASCII made
   '?'; R_PROTO otherwise. The name is always NUL-terminated inside its
   buffer, and printable. */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define plugin_virus_clamdscan fuzz_clamdscan_descriptor
#include "../../plugins/virus/clamdscan.c"
#undef plugin_virus_clamdscan

#include "fuzz.h"

static int reference (char const *s, size_t len, size_t namemax)
{
  if (len > CLAMD_REPLY_MAX || memchr(s, 0, len)) return R_PROTO ;
  if (len >= 6 && !memcmp(s + len - 6, " ERROR", 6)) return R_ERROR ;
  if (len == 10 && !memcmp(s, "stream: OK", 10)) return R_CLEAN ;
  if (len >= 8 + 1 + 6 && !memcmp(s, "stream: ", 8) && !memcmp(s + len - 6, " FOUND", 6))
  {
    size_t n = len - 14 ;
    if (n >= namemax) return R_PROTO ;
    for (size_t i = 0 ; i < n ; i++)
      if ((unsigned char)s[8 + i] < 0x21 || (unsigned char)s[8 + i] > 0x7e) return R_PROTO ;
    return R_FOUND ;
  }
  return R_PROTO ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  size_t namemax, len, nlen ;
  char *s, *name ;
  int r, ref ;
  if (!size) return 0 ;
  namemax = (size_t)data[0] % 256 + 1 ;
  len = size - 1 ;
  s = malloc(len ? len : 1) ;
  name = malloc(namemax) ;
  if (!s || !name) abort() ;
  memcpy(s, data + 1, len) ;
  memset(name, 'Z', namemax) ;
  r = reply_parse(s, len, name, namemax) ;
  ref = reference(s, len, namemax) ;
  FUZZ_CHECK(r == ref, "reply \"%s\" (name buffer %zu): got %d, expected %d", fuzz_esc(s, len), namemax, r, ref) ;
  nlen = strnlen(name, namemax) ;
  FUZZ_CHECK(nlen < namemax, "name not NUL-terminated in %zu octets", namemax) ;
  for (size_t i = 0 ; i < nlen ; i++)
    FUZZ_CHECK(name[i] >= 32 && name[i] < 127, "octet %zu of the name is %d", i, name[i]) ;
  switch (r)
  {
    case R_CLEAN :
    case R_PROTO :
      break ;
    case R_FOUND :
      FUZZ_CHECK(nlen == len - 14 && !memcmp(name, s + 8, nlen), "name \"%s\" from \"%s\"", fuzz_esc(name, nlen), fuzz_esc(s, len)) ;
      break ;
    case R_ERROR :
    {
      size_t want = len - 6 < namemax - 1 ? len - 6 : namemax - 1 ;
      FUZZ_CHECK(nlen == want, "error text of %zu octets, expected %zu", nlen, want) ;
      for (size_t i = 0 ; i < nlen ; i++)
        FUZZ_CHECK(name[i] == s[i] || (name[i] == '?' && (s[i] < 32 || s[i] >= 127)),
          "error text \"%s\" from \"%s\"", fuzz_esc(name, nlen), fuzz_esc(s, len)) ;
      break ;
    }
    default :
      FUZZ_CHECK(0, "outcome %d", r) ;
  }
  free(name) ;
  free(s) ;
  return 0 ;
}
