/* ISC license. */
/* tests/fuzz/args.c: libFuzzer harness for the plugin argument parser
   (src/args.h): the input split on blanks and NULs into at most 70 words,
   parsed against a table with every type and flag. Invariants: on success,
   every value within its type's range and every list item non-empty and
   without ','; the common settings in range; on failure, a printable,
   NUL-terminated reason of bounded length; args_free leaves nothing (LSan). */

#include <stddef.h>
#include <string.h>
#include <stdlib.h>

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"
#include "args.h"
#include "fuzz.h"

typedef struct st_s st ;
struct st_s
{
  int b ;
  unsigned int u ;
  int e ;
  char const *s ;
  stralloc list ;
  stralloc kv ;
  char const *pos1 ;
  char const *rest ;
} ;

static char const *const choices[] = { "connect", "mail", "rcpt", "data", 0 } ;

static qp_argdef const defs[] =
{
  { .name = "flag", .type = QP_ARG_BOOL, .off = offsetof(st, b), .def = "1" },
  { .name = "wait", .type = QP_ARG_UINT, .off = offsetof(st, u), .def = "5", .min = 1, .max = 3600 },
  { .name = "check-at", .type = QP_ARG_ENUM, .off = offsetof(st, e), .def = "rcpt", .choices = choices },
  { .name = "file", .type = QP_ARG_STRING, .off = offsetof(st, s) },
  { .name = "require", .type = QP_ARG_LIST, .off = offsetof(st, list) },
  { .name = "*", .type = QP_ARG_KV, .off = offsetof(st, kv) },
  { .name = "PATH", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(st, pos1) },
  { .name = "message", .type = QP_ARG_REST | QP_ARG_POSITIONAL, .off = offsetof(st, rest) },
  { 0 }
} ;

int LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void)argc ; (void)argv ;
  fuzz_keep_stderr() ;
  return 0 ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  char *buf = malloc(size + 1) ;
  char const *words[72] ;
  unsigned int n = 0 ;
  stralloc err = STRALLOC_ZERO ;
  st s ;
  args_common c = { .loglevel = -1, .reject = QP_REJECT_YES, .reject_type = DENY } ;
  size_t i = 0 ;
  int r ;
  if (!buf) return 0 ;
  memcpy(buf, data, size) ;
  buf[size] = 0 ;
  while (i < size && n < 70)
  {
    while (i < size && (!buf[i] || buf[i] == ' ' || buf[i] == '\t')) buf[i++] = 0 ;
    if (i >= size) break ;
    words[n++] = buf + i ;
    while (i < size && buf[i] && buf[i] != ' ' && buf[i] != '\t') i++ ;
  }
  memset(&s, 0, sizeof s) ;
  r = args_parse(defs, &s, &c, n, words, &err) ;
  if (r)
  {
    FUZZ_CHECK(s.b == 0 || s.b == 1, "bool %d", s.b) ;
    FUZZ_CHECK(s.u >= 1 && s.u <= 3600, "uint %u", s.u) ;
    FUZZ_CHECK(s.e >= 0 && s.e < 4, "enum %d", s.e) ;
    for (size_t k = 0 ; k < s.list.len ; k += strlen(s.list.s + k) + 1)
      FUZZ_CHECK(s.list.s[k] && !strchr(s.list.s + k, ','), "list item %s", fuzz_esc(s.list.s + k, strlen(s.list.s + k))) ;
    FUZZ_CHECK(!s.list.len || !s.list.s[s.list.len - 1], "list ends with a NUL") ;
    FUZZ_CHECK(c.reject >= QP_REJECT_NO && c.reject <= QP_REJECT_NAUGHTY, "reject %d", c.reject) ;
    FUZZ_CHECK(c.reject_type >= DENY && c.reject_type <= DENYSOFT_DISCONNECT, "reject_type %d", c.reject_type) ;
    FUZZ_CHECK(c.loglevel >= -1 && c.loglevel <= 7 && c.logrel >= -7 && c.logrel <= 7, "loglevel %d %d", c.loglevel, c.logrel) ;
    FUZZ_CHECK(n <= ARGS_WORDS_MAX, "%u words accepted", n) ;
  }
  else
  {
    FUZZ_CHECK(err.len && !err.s[err.len - 1] && err.len <= ARGS_ERR_MAX + 8, "reason of %zu octets", err.len) ;
    for (size_t k = 0 ; k + 1 < err.len ; k++) FUZZ_CHECK(err.s[k], "NUL inside the reason") ;
  }
  args_free(defs, &s) ;
  stralloc_free(&err) ;
  free(buf) ;
  return 0 ;
}
