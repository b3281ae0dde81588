/* ISC license. */
/* tests/fuzz/params.c: libFuzzer harness for the ESMTP parameter parser
   (cmd_params, cmd_param_get; RFC 5321 4.1.2 esmtp-param). The input is the
   text after a path; the first octet chooses whether the list starts empty or
   already holds octets that a failure must leave alone. The result is compared
   with a reference parser written from the grammar:
     esmtp-keyword = (ALPHA / DIGIT) *(ALPHA / DIGIT / "-")
     esmtp-value   = 1*(%d33-60 / %d62-126)
   parameters separated by one or more SP. */

#include <string.h>

#include <skalibs/stralloc.h>

#include "cmd.h"
#include "fuzz.h"

static int alnum (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ;
}

/* Reference: the expected "key\0value\0" list into want. 1 valid, 0 not. */
static int ref_params (char const *s, stralloc *want)
{
  for (;;)
  {
    size_t w, k, i ;
    char const *eq ;
    while (*s == ' ') s++ ;
    if (!*s) return 1 ;
    w = strcspn(s, " ") ;                 /* one parameter */
    eq = memchr(s, '=', w) ;
    k = eq ? (size_t)(eq - s) : w ;
    if (!k || !alnum(s[0])) return 0 ;
    for (i = 1 ; i < k ; i++) if (!alnum(s[i]) && s[i] != '-') return 0 ;
    for (i = 0 ; i < k ; i++)
    {
      char c = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i] ;
      if (!stralloc_catb(want, &c, 1)) abort() ;
    }
    if (!stralloc_0(want)) abort() ;
    if (eq)
    {
      size_t v = w - k - 1 ;
      if (!v) return 0 ;
      for (i = k + 1 ; i < w ; i++)
      {
        unsigned char c = s[i] ;
        if (c < 33 || c > 126 || c == '=') return 0 ;
      }
      if (!stralloc_catb(want, s + k + 1, v)) abort() ;
    }
    if (!stralloc_0(want)) abort() ;
    s += w ;
  }
}

/* The value of the first occurrence of key in a reference list, or 0. */
static char const *ref_get (stralloc const *l, char const *key)
{
  size_t i = 0 ;
  while (i < l->len)
  {
    char const *k = l->s + i ;
    char const *v = k + strlen(k) + 1 ;
    if (!strcmp(k, key)) return v ;
    i = (size_t)(v - l->s) + strlen(v) + 1 ;
  }
  return 0 ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  static char const prefix[] = "junk\0kept\0" ;
  stralloc got = STRALLOC_ZERO ;
  stralloc want = STRALLOC_ZERO ;
  size_t base, i ;
  int r, w, pre ;
  char *s ;
  if (!size) return 0 ;
  if (!stralloc_ready(&got, 16) || !stralloc_ready(&want, 16)) abort() ;
  pre = data[0] & 1 ;
  s = fuzz_strdup(data + 1, size - 1) ;
  if (pre && !stralloc_catb(&got, prefix, sizeof(prefix) - 1)) abort() ;
  base = got.len ;
  r = cmd_params(s, &got) ;
  w = ref_params(s, &want) ;
  FUZZ_CHECK(r == w, "cmd_params(\"%s\") = %d, reference says %d", fuzz_escs(s), r, w) ;
  FUZZ_CHECK(!pre || fuzz_memeq(got.s, prefix, base), "cmd_params(\"%s\") changed the octets before it", fuzz_escs(s)) ;
  if (!r)
  {
    FUZZ_CHECK(got.len == base, "cmd_params(\"%s\") failed but left %zu octets", fuzz_escs(s), got.len - base) ;
    goto end ;
  }
  FUZZ_CHECK(got.len - base == want.len && fuzz_memeq(got.s + base, want.s, want.len),
    "cmd_params(\"%s\") gave \"%s\", expected \"%s\"", fuzz_escs(s), fuzz_esc(got.s + base, got.len - base), fuzz_esc(want.s, want.len)) ;
  if (pre) goto end ;
  /* lookups: every key, and a few that may be absent */
  for (i = 0 ; i < want.len ; )
  {
    char const *k = want.s + i ;
    char const *v = k + strlen(k) + 1 ;
    char const *g = cmd_param_get(&got, k) ;
    char const *e = ref_get(&want, k) ;
    FUZZ_CHECK(g && !strcmp(g, e), "cmd_param_get(\"%s\") on \"%s\" = \"%s\", expected \"%s\"", fuzz_escs(k), fuzz_escs(s), fuzz_escs(g), fuzz_escs(e)) ;
    i = (size_t)(v - want.s) + strlen(v) + 1 ;
  }
  {
    static char const *const keys[] = { "size", "body", "auth", "ret", "envid", "x", "", 0 } ;
    for (i = 0 ; keys[i] ; i++)
    {
      char const *g = cmd_param_get(&got, keys[i]) ;
      char const *e = ref_get(&want, keys[i]) ;
      FUZZ_CHECK((!g && !e) || (g && e && !strcmp(g, e)), "cmd_param_get(\"%s\") on \"%s\" = \"%s\", expected \"%s\"", keys[i], fuzz_escs(s), fuzz_escs(g), fuzz_escs(e)) ;
    }
  }
 end:
  stralloc_free(&got) ;
  stralloc_free(&want) ;
  free(s) ;
  return 0 ;
}
