/* ISC license. */
/* tests/fuzz/control.c: libFuzzer harness for the control-file parser
   (control_parse, src/control.h) and the plugins-file line splitter
   (plugins_split, src/plugins.h). The input is up to 8 "files" separated by
   two NUL octets; file 0 is parsed, and "$include X" reads file hash(X) mod
   the number of files (X starting with '!' is a missing file), recursing up
   to CONTROL_INCLUDE_DEPTH as include_one does, with a budget of includes per
   input. The result is compared with a reference parser written from the
   spec (trim SP/HT/CR, skip blank and '#' lines, NUL refused, "$include"
   then blanks then a name). Every value, and file 0 as one raw line, then
   goes through plugins_split, compared with a reference tokenizer. */

#include <string.h>
#include <errno.h>

#include <skalibs/stralloc.h>

#include "limits.h"
#include "control.h"
#include "plugins.h"
#include "fuzz.h"

#define NFILES_MAX 8
#define INCLUDE_BUDGET 200

static char const *file[NFILES_MAX] ;
static size_t flen[NFILES_MAX] ;
static unsigned int nfiles = 0 ;
static unsigned int budget = 0 ;

/* -1 missing, else the file index */
static int target_file (char const *target)
{
  uint32_t h = 2166136261u ;
  if (target[0] == '!') return -1 ;
  for (; *target ; target++) h = (h ^ (unsigned char)*target) * 16777619u ;
  return (int)(h % nfiles) ;
}

static int lib_include (char const *target, stralloc *sa, unsigned int depth)
{
  int f ;
  if (depth > CONTROL_INCLUDE_DEPTH) { errno = ELOOP ; return 0 ; }
  if (!budget) { errno = EMLINK ; return 0 ; }
  budget-- ;
  f = target_file(target) ;
  if (f < 0) { errno = ENOENT ; return 0 ; }
  return control_parse(file[f], flen[f], sa, &lib_include, depth) ;
}

static int isblank_ (char c) { return c == ' ' || c == '\t' || c == '\r' ; }

static int ref_parse (char const *s, size_t len, stralloc *sa, unsigned int depth) ;

static int ref_include (char const *target, stralloc *sa, unsigned int depth)
{
  int f ;
  if (depth > CONTROL_INCLUDE_DEPTH) return 0 ;
  if (!budget) return 0 ;
  budget-- ;
  f = target_file(target) ;
  if (f < 0) return 0 ;
  return ref_parse(file[f], flen[f], sa, depth) ;
}

static int ref_parse (char const *s, size_t len, stralloc *sa, unsigned int depth)
{
  char const *end = s + len ;
  while (s < end)
  {
    char const *lf = memchr(s, '\n', (size_t)(end - s)) ;
    char const *a = s, *e = lf ? lf : end ;
    s = lf ? lf + 1 : end ;
    while (a < e && isblank_(*a)) a++ ;
    while (e > a && isblank_(e[-1])) e-- ;
    if (a == e || *a == '#') continue ;
    if (memchr(a, 0, (size_t)(e - a))) return 0 ;
    if (e - a > 9 && fuzz_memeq(a, "$include", 8) && (a[8] == ' ' || a[8] == '\t'))
    {
      char target[4096] ;
      char const *t = a + 8 ;
      while (t < e && isblank_(*t)) t++ ;
      if (t == e || (size_t)(e - t) >= sizeof(target)) return 0 ;
      memcpy(target, t, (size_t)(e - t)) ;
      target[e - t] = 0 ;
      if (!ref_include(target, sa, depth + 1)) return 0 ;
      continue ;
    }
    if (!stralloc_catb(sa, a, (size_t)(e - a)) || !stralloc_0(sa)) abort() ;
  }
  return 1 ;
}

/* plugins_split against a tokenizer: -1 for an octet outside TAB and 32..126
   or more than max words. */
static void check_split (char const *orig, unsigned int max)
{
  char *line = fuzz_strdup((uint8_t const *)orig, strlen(orig)) ;
  char *words[70] ;
  char const *w[70] ;
  size_t wl[70] ;
  int r, want = 0 ;
  char const *p ;
  for (p = orig ; *p ; p++) if (*p != '\t' && ((unsigned char)*p < 32 || (unsigned char)*p > 126)) want = -1 ;
  for (p = orig ; !want || want > 0 ; )
  {
    p += strspn(p, " \t") ;
    if (!*p) break ;
    if (want == (int)max) { want = -1 ; break ; }
    w[want] = p ;
    wl[want] = strcspn(p, " \t") ;
    p += wl[want] ;
    want++ ;
  }
  r = plugins_split(line, words, max) ;
  FUZZ_CHECK(r == want, "plugins_split(\"%s\", %u) = %d, expected %d", fuzz_escs(orig), max, r, want) ;
  for (int i = 0 ; i < r ; i++)
  {
    FUZZ_CHECK(words[i] == line + (w[i] - orig), "word %d of \"%s\" at offset %td, expected %td", i, fuzz_escs(orig), words[i] - line, w[i] - orig) ;
    FUZZ_CHECK(strlen(words[i]) == wl[i] && fuzz_memeq(words[i], w[i], wl[i]), "word %d of \"%s\" is \"%s\"", i, fuzz_escs(orig), fuzz_escs(words[i])) ;
  }
  if (r > 0)
  {
    /* the plugin table lookup takes any word */
    qp_plugin const *pl = plugins_find(words[0]) ;
    if (pl)
    {
      int match = !strcmp(pl->name, words[0]) ;
      for (char const *const *a = pl->aliases ; a && *a && !match ; a++) match = !strcmp(*a, words[0]) ;
      FUZZ_CHECK(match, "plugins_find(\"%s\") gave %s", fuzz_escs(words[0]), pl->name) ;
    }
  }
  free(line) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  stralloc got = STRALLOC_ZERO ;
  stralloc want = STRALLOC_ZERO ;
  char *copy = fuzz_memdup(data, size) ;
  char *s = copy ;
  size_t left = size, i ;
  unsigned int max = 1 + (size ? data[0] % 70 : 0) ;
  int r, w ;
  if (max > 64) max = 64 ;
  if (!stralloc_ready(&got, 16) || !stralloc_ready(&want, 16)) abort() ;
  /* the files, each its own exact-size heap block */
  nfiles = 0 ;
  for (;;)
  {
    char const *sep = memmem(s, left, "\0\0", 2) ;
    size_t n = sep ? (size_t)(sep - s) : left ;
    file[nfiles] = fuzz_memdup((uint8_t const *)s, n) ;
    flen[nfiles++] = n ;
    if (!sep || nfiles == NFILES_MAX) break ;
    s += n + 2 ; left -= n + 2 ;
  }
  budget = INCLUDE_BUDGET ;
  r = control_parse(file[0], flen[0], &got, &lib_include, 0) ;
  budget = INCLUDE_BUDGET ;
  w = ref_parse(file[0], flen[0], &want, 0) ;
  FUZZ_CHECK(r == w, "control_parse(\"%s\") = %d, reference says %d", fuzz_esc(file[0], flen[0]), r, w) ;
  if (r)
  {
    FUZZ_CHECK(got.len == want.len && fuzz_memeq(got.s, want.s, got.len), "control_parse(\"%s\") gave \"%s\", expected \"%s\"",
      fuzz_esc(file[0], flen[0]), fuzz_esc(got.s, got.len), fuzz_esc(want.s, want.len)) ;
    for (i = 0 ; i < got.len ; i += strlen(got.s + i) + 1)
    {
      char const *v = got.s + i ;
      size_t n = strlen(v) ;
      FUZZ_CHECK(n && !isblank_(v[0]) && !isblank_(v[n-1]) && v[0] != '#' && !strchr(v, '\n'),
        "control_parse value \"%s\" is blank, untrimmed, a comment or holds LF", fuzz_escs(v)) ;
      FUZZ_CHECK(!(n > 9 && fuzz_memeq(v, "$include", 8) && (v[8] == ' ' || v[8] == '\t')), "an $include line came out as the value \"%s\"", fuzz_escs(v)) ;
      check_split(v, max) ;
    }
  }
  /* file 0 as one plugins line, up to its first NUL */
  {
    char *line = fuzz_strdup((uint8_t const *)file[0], flen[0]) ;
    check_split(line, max) ;
    free(line) ;
  }
  for (i = 0 ; i < nfiles ; i++) free((void *)file[i]) ;
  stralloc_free(&got) ;
  stralloc_free(&want) ;
  free(copy) ;
  return 0 ;
}
