/* ISC license. */
/* tests/fuzz/cmd.c: libFuzzer harness for the command-line splitter
   (src/cmd.h): cmd_split on a NUL-terminated copy of the input, checked
   against a reference written from the header's contract; cmd_keyword with
   "from:" and "to:"; cmd_params and cmd_param_get on what follows the path. */

#include <string.h>

#include <skalibs/stralloc.h>

#include "cmd.h"
#include "fuzz.h"

static int verbchar (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ;
}

static int lower (int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c ; }

/* The contract of cmd_split, spelled out on a pristine copy of the line. */
static void check_split (char const *orig, char *line)
{
  char verb[CMD_VERB_MAX + 1 + 8] ;
  char *arg = 0 ;
  size_t w = strcspn(orig, " "), i, a, e ;
  int want = w >= 1 && w <= CMD_VERB_MAX ;
  int r ;
  for (i = 0 ; want && i < w ; i++) if (!verbchar(orig[i])) want = 0 ;
  memset(verb, 0x5a, sizeof(verb)) ;
  r = cmd_split(line, verb, &arg) ;
  for (i = CMD_VERB_MAX + 1 ; i < sizeof(verb) ; i++)
    FUZZ_CHECK(verb[i] == 0x5a, "cmd_split wrote past verb[%d] on \"%s\"", CMD_VERB_MAX, fuzz_escs(orig)) ;
  FUZZ_CHECK(r == want, "cmd_split(\"%s\") = %d, expected %d", fuzz_escs(orig), r, want) ;
  if (!r) return ;
  FUZZ_CHECK(strlen(verb) == w, "verb \"%s\" of \"%s\" has the wrong length", fuzz_escs(verb), fuzz_escs(orig)) ;
  for (i = 0 ; i < w ; i++)
    FUZZ_CHECK(verb[i] == lower(orig[i]), "verb \"%s\" is not the lower-cased first word of \"%s\"", fuzz_escs(verb), fuzz_escs(orig)) ;
  a = w ;
  while (orig[a] == ' ') a++ ;
  e = strlen(orig) ;
  while (e > a && (orig[e-1] == ' ' || orig[e-1] == '\t')) e-- ;
  FUZZ_CHECK(arg == line + a, "arg of \"%s\" at offset %td, expected %zu", fuzz_escs(orig), arg - line, a) ;
  FUZZ_CHECK(strlen(arg) == e - a && fuzz_memeq(arg, orig + a, e - a),
    "arg \"%s\" of \"%s\", expected \"%s\"", fuzz_escs(arg), fuzz_escs(orig), fuzz_esc(orig + a, e - a)) ;
}

static void check_keyword (char const *s, char const *kw)
{
  size_t n = strlen(kw), want = 0, i ;
  size_t k = cmd_keyword(s, kw) ;
  if (strlen(s) >= n)
  {
    for (i = 0 ; i < n && lower((unsigned char)s[i]) == kw[i] ; i++) ;
    if (i == n) { want = n ; while (s[want] == ' ') want++ ; }
  }
  FUZZ_CHECK(k == want, "cmd_keyword(\"%s\", \"%s\") = %zu, expected %zu", fuzz_escs(s), kw, k, want) ;
}

/* Parameters after the path, as smtp.c takes them; every key the list holds
   must be found by cmd_param_get, with the value of its first occurrence. */
static void check_params (char const *arg)
{
  stralloc sa = STRALLOC_ZERO ;
  char const *gt = strchr(arg, '>') ;
  size_t i ;
  if (!gt) return ;
  if (cmd_params(gt + 1, &sa))
  {
    for (i = 0 ; i < sa.len ; )
    {
      char const *k = sa.s + i ;
      char const *v = k + strlen(k) + 1 ;
      char const *got = cmd_param_get(&sa, k) ;
      FUZZ_CHECK(v < sa.s + sa.len, "cmd_params list of \"%s\" is cut", fuzz_escs(gt + 1)) ;
      FUZZ_CHECK(got && got <= v, "cmd_param_get(\"%s\") missed a key of \"%s\"", fuzz_escs(k), fuzz_escs(gt + 1)) ;
      i = (size_t)(v - sa.s) + strlen(v) + 1 ;
    }
    FUZZ_CHECK(i == sa.len, "cmd_params list of \"%s\" does not end on a pair", fuzz_escs(gt + 1)) ;
    (void)cmd_param_get(&sa, "size") ;
    (void)cmd_param_get(&sa, "body") ;
  }
  else FUZZ_CHECK(!sa.len, "cmd_params failed on \"%s\" but left %zu octets", fuzz_escs(gt + 1), sa.len) ;
  stralloc_free(&sa) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  char *orig = fuzz_strdup(data, size) ;
  char *line = fuzz_strdup(data, size) ;
  char verb[CMD_VERB_MAX + 1] ;
  char *arg ;
  check_split(orig, line) ;
  /* the handlers' view: after a successful split, the keyword and the params */
  memcpy(line, orig, size + 1) ;
  if (cmd_split(line, verb, &arg))
  {
    check_keyword(arg, "from:") ;
    check_keyword(arg, "to:") ;
    check_params(arg) ;
  }
  free(line) ;
  free(orig) ;
  return 0 ;
}
