/* ISC license. */
/* tests/fuzz/args.c: libFuzzer harness for the plugin argument parser
   (src/args.h). Input: octet 0 picks the table (mod 3: every type ending
   with REST; keywords, an own "reject" row, the "*" catch-all and a required
   positional; none) and, in bits 2-3, the default reject_type the caller
   sets; the rest is split on SP and NUL into at most 70 non-empty words,
   each its own exact-size heap block.
   Checked after args_parse: on success every BOOL is 0/1, every UINT within
   its row's range, every ENUM index names a choice, every STRING points into
   a word or is its default, a LIST holds non-empty NUL-ended items without
   ',', the "*" stralloc whole key/value pairs with non-empty keys, the REST
   string is the last words joined by single spaces, the required positional
   is set; common reject 0..2 (unchanged under the own row), reject_type
   2..5 (the default unless given), loglevel -1..7, logrel -7..7 and not
   both. On failure the reason is one NUL-terminated printable line of at
   most ARGS_ERR_MAX octets, errno EINVAL or ENOMEM, and the state's
   allocations are already released. With no table, the outcome equals a
   reference parser of the common arguments written from doc/plugin-api.
   args_usage starts with the name and ends with its NUL; args_free then
   releases everything (LeakSanitizer). */

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include "args.h"
#include "fuzz.h"

#define WORDS_MAX 70

typedef struct fz_s fz ;
struct fz_s
{
  int flag ;
  unsigned int wait ;
  unsigned int big ;
  unsigned int range ;
  unsigned int count ;
  unsigned int score ;
  unsigned int level ;
  int mode ;
  char const *file ;
  char const *path ;
  char const *msg ;
  stralloc at ;
  stralloc tags ;
  stralloc kv ;
} ;

static char const *const stages[] = { "connect", "mail", "rcpt", "data", "data_post", 0 } ;

static qp_argdef const every[] =
{
  { .name = "flag", .type = QP_ARG_BOOL, .off = offsetof(fz, flag), .def = "0" },
  { .name = "wait", .type = QP_ARG_UINT, .off = offsetof(fz, wait), .def = "1", .max = 3600 },
  { .name = "big", .type = QP_ARG_UINT, .off = offsetof(fz, big) },
  { .name = "range", .type = QP_ARG_UINT, .off = offsetof(fz, range), .min = 10, .max = 20 },
  { .name = "mode", .type = QP_ARG_ENUM, .off = offsetof(fz, mode), .def = "rcpt", .choices = stages },
  { .name = "file", .type = QP_ARG_STRING, .off = offsetof(fz, file) },
  { .name = "check-at", .type = QP_ARG_LIST, .off = offsetof(fz, at) },
  { .name = "tags", .type = QP_ARG_LIST, .off = offsetof(fz, tags), .def = "a,,b" },
  { .name = "path", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(fz, path) },
  { .name = "count", .type = QP_ARG_UINT | QP_ARG_POSITIONAL, .off = offsetof(fz, count), .def = "1", .min = 1, .max = 9 },
  { .name = "message", .type = QP_ARG_REST | QP_ARG_POSITIONAL, .off = offsetof(fz, msg) },
  { 0 }
} ;

static qp_argdef const catchall[] =
{
  { .name = "defer-reject", .type = QP_ARG_BOOL, .off = offsetof(fz, flag) },
  { .name = "reject", .type = QP_ARG_UINT, .off = offsetof(fz, score), .def = "5", .min = 1, .max = 100 },
  { .name = "mode", .type = QP_ARG_ENUM, .off = offsetof(fz, mode), .choices = stages },
  { .name = "require", .type = QP_ARG_LIST, .off = offsetof(fz, at) },
  { .name = "*", .type = QP_ARG_KV, .off = offsetof(fz, kv) },
  { .name = "dir", .type = QP_ARG_STRING | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(fz, path) },
  { .name = "level", .type = QP_ARG_UINT | QP_ARG_POSITIONAL, .off = offsetof(fz, level), .max = 7 },
  { 0 }
} ;

static qp_argdef const *const tables[3] = { every, catchall, 0 } ;

typedef struct words_s words ;
struct words_s
{
  char *w[WORDS_MAX] ;
  size_t len[WORDS_MAX] ;
  unsigned int n ;
} ;

static void split (uint8_t const *p, size_t size, words *ws)
{
  size_t i = 0 ;
  ws->n = 0 ;
  while (i < size && ws->n < WORDS_MAX)
  {
    size_t k = i ;
    while (k < size && p[k] && p[k] != ' ') k++ ;
    if (k > i)
    {
      ws->w[ws->n] = fuzz_strdup(p + i, k - i) ;
      ws->len[ws->n++] = k - i ;
    }
    i = k + 1 ;
  }
}

 /* success */

static int inword (words const *ws, char const *s)
{
  unsigned int i = 0 ;
  for (; i < ws->n ; i++)
    if (s >= ws->w[i] && s <= ws->w[i] + ws->len[i]) return 1 ;
  return 0 ;
}

static void check_list (stralloc const *sa, char const *what)
{
  size_t i = 0 ;
  FUZZ_CHECK(!sa->len || !sa->s[sa->len - 1], "%s list does not end with NUL: \"%s\"", what, fuzz_esc(sa->s, sa->len)) ;
  for (; i < sa->len ; i += strlen(sa->s + i) + 1)
  {
    FUZZ_CHECK(sa->s[i], "%s list has an empty item: \"%s\"", what, fuzz_esc(sa->s, sa->len)) ;
    FUZZ_CHECK(!strchr(sa->s + i, ','), "%s item \"%s\" holds ','", what, fuzz_escs(sa->s + i)) ;
  }
}

static void check_kv (stralloc const *sa)
{
  size_t i = 0 ;
  FUZZ_CHECK(!sa->len || !sa->s[sa->len - 1], "kv does not end with NUL: \"%s\"", fuzz_esc(sa->s, sa->len)) ;
  while (i < sa->len)
  {
    size_t k = strlen(sa->s + i) ;
    FUZZ_CHECK(k, "kv has an empty key: \"%s\"", fuzz_esc(sa->s, sa->len)) ;
    i += k + 1 ;
    FUZZ_CHECK(i < sa->len, "kv key without value: \"%s\"", fuzz_esc(sa->s, sa->len)) ;
    i += strlen(sa->s + i) + 1 ;
  }
}

/* the REST string: the last m words joined by single spaces */
static void check_rest (words const *ws, char const *msg)
{
  unsigned int m = 1, k ;
  char const *p = msg ;
  for (; *p ; p++) m += *p == ' ' ;
  FUZZ_CHECK(m <= ws->n, "rest \"%s\" has more words than the input", fuzz_escs(msg)) ;
  p = msg ;
  for (k = ws->n - m ; k < ws->n ; k++)
  {
    FUZZ_CHECK(!strncmp(p, ws->w[k], ws->len[k]) && (p[ws->len[k]] == (k + 1 < ws->n ? ' ' : 0)),
      "rest \"%s\" is not the last %u words joined", fuzz_escs(msg), m) ;
    p += ws->len[k] + 1 ;
  }
}

static void check_common (args_common const *c, int rtdef, int ownreject)
{
  FUZZ_CHECK(c->reject >= 0 && c->reject <= 2, "reject %d", c->reject) ;
  FUZZ_CHECK(!ownreject || c->reject == QP_REJECT_YES, "the own reject row left common reject %d", c->reject) ;
  FUZZ_CHECK(c->reject_type >= 2 && c->reject_type <= 5, "reject_type %d", c->reject_type) ;
  FUZZ_CHECK(c->reject_type_given || c->reject_type == rtdef, "reject_type %d not given, default %d", c->reject_type, rtdef) ;
  FUZZ_CHECK(c->loglevel >= -1 && c->loglevel <= 7, "loglevel %d", c->loglevel) ;
  FUZZ_CHECK(c->logrel >= -7 && c->logrel <= 7, "logrel %d", c->logrel) ;
  FUZZ_CHECK(c->loglevel < 0 || !c->logrel, "loglevel %d with logrel %d", c->loglevel, c->logrel) ;
}

static void check_every (fz const *s, words const *ws)
{
  FUZZ_CHECK(s->flag == 0 || s->flag == 1, "flag %d", s->flag) ;
  FUZZ_CHECK(s->wait <= 3600, "wait %u", s->wait) ;
  FUZZ_CHECK(s->range == 0 || (s->range >= 10 && s->range <= 20), "range %u", s->range) ;
  FUZZ_CHECK(s->mode >= 0 && s->mode < 5, "mode %d", s->mode) ;
  FUZZ_CHECK(s->count >= 1 && s->count <= 9, "count %u", s->count) ;
  FUZZ_CHECK(!s->file || inword(ws, s->file), "file does not point into a word") ;
  FUZZ_CHECK(!s->path || inword(ws, s->path), "path does not point into a word") ;
  check_list(&s->at, "check-at") ;
  check_list(&s->tags, "tags") ;
  if (s->msg) check_rest(ws, s->msg) ;
}

static void check_catchall (fz const *s, words const *ws)
{
  FUZZ_CHECK(s->flag == 0 || s->flag == 1, "defer-reject %d", s->flag) ;
  FUZZ_CHECK(s->score >= 1 && s->score <= 100, "own reject %u", s->score) ;
  FUZZ_CHECK(s->mode >= 0 && s->mode < 5, "mode %d", s->mode) ;
  FUZZ_CHECK(s->level <= 7, "level %u", s->level) ;
  FUZZ_CHECK(s->path && inword(ws, s->path), "the required dir is missing or not a word") ;
  check_list(&s->at, "require") ;
  check_kv(&s->kv) ;
}

 /* failure */

static void check_failure (stralloc const *err, fz const *s, int e)
{
  size_t i = 0 ;
  FUZZ_CHECK(e == EINVAL || e == ENOMEM, "errno %d after a failure", e) ;
  FUZZ_CHECK(err->len >= 2 && err->len <= ARGS_ERR_MAX, "reason of %zu octets", err->len) ;
  FUZZ_CHECK(!err->s[err->len - 1] && strlen(err->s) == err->len - 1, "reason \"%s\" is not one NUL-terminated string", fuzz_esc(err->s, err->len)) ;
  for (; i + 1 < err->len ; i++)
    FUZZ_CHECK(err->s[i] >= 32 && err->s[i] <= 126, "unprintable octet in the reason \"%s\"", fuzz_esc(err->s, err->len)) ;
  FUZZ_CHECK(!s->at.s && !s->tags.s && !s->kv.s && !s->msg, "a failure left allocations in the state") ;
}

 /* reference of the common arguments alone (doc/plugin-api) */

static int ref_name (char const *w, size_t n)
{
  static char const *const names[] = { "loglevel", "reject", "reject_type" } ;
  unsigned int k = 0 ;
  for (; k < 3 ; k++)
  {
    size_t i = 0 ;
    if (strlen(names[k]) != n) continue ;
    while (i < n && (w[i] == names[k][i] || (w[i] == '-' && names[k][i] == '_'))) i++ ;
    if (i == n) return (int)k ;
  }
  return -1 ;
}

/* a number 0..7 given with any leading zeros */
static int ref_digit (char const *v)
{
  if (!*v || strspn(v, "0123456789") != strlen(v)) return -1 ;
  while (v[0] == '0' && v[1]) v++ ;
  return !v[1] && *v <= '7' ? *v - '0' : -1 ;
}

static int ref_loglevel (char const *v, args_common *c)
{
  static char const *const names[] = { "LOGEMERG", "LOGALERT", "LOGCRIT", "LOGERROR", "LOGWARN", "LOGNOTICE", "LOGINFO", "LOGDEBUG" } ;
  int d, k ;
  if ((*v == '+' || *v == '-') && (d = ref_digit(v + 1)) >= 0)
  {
    c->loglevel = -1 ;
    c->logrel = *v == '-' ? -d : d ;
    return 1 ;
  }
  d = ref_digit(v) ;
  for (k = 0 ; d < 0 && k < 8 ; k++) if (!strcasecmp(v, names[k])) d = k ;
  if (d < 0) return 0 ;
  c->loglevel = d ;
  c->logrel = 0 ;
  return 1 ;
}

static int ref_value (int which, char const *v, args_common *c)
{
  static char const *const rt[] = { "perm", "hard", "permanent", "temp", "soft", "tempfail", "temporary", "disconnect", "temp_disconnect" } ;
  static int const rtv[] = { 2, 2, 2, 3, 3, 3, 3, 4, 5 } ;
  unsigned int k ;
  if (which == 0) return ref_loglevel(v, c) ;
  if (which == 1)
  {
    if (!strcmp(v, "0") || !strcmp(v, "1")) c->reject = *v - '0' ;
    else if (!strcasecmp(v, "naughty")) c->reject = QP_REJECT_NAUGHTY ;
    else return 0 ;
    return 1 ;
  }
  for (k = 0 ; k < 9 ; k++)
    if (!strcasecmp(v, rt[k])) { c->reject_type = rtv[k] ; c->reject_type_given = 1 ; return 1 ; }
  return 0 ;
}

static int ref_common (words const *ws, args_common *c)
{
  unsigned int i = 0 ;
  if (ws->n > ARGS_WORDS_MAX) return 0 ;
  while (i < ws->n)
  {
    char const *w = ws->w[i] ;
    char const *eq = strchr(w, '=') ;
    int which = eq ? ref_name(w, (size_t)(eq - w)) : -1 ;
    char const *v = eq ? eq + 1 : 0 ;
    if (which >= 0) i++ ;
    else
    {
      which = ref_name(w, ws->len[i]) ;
      if (which < 0 || i + 1 >= ws->n) return 0 ;
      v = ws->w[i + 1] ;
      i += 2 ;
    }
    if (!ref_value(which, v, c)) return 0 ;
  }
  return 1 ;
}

static void check_reference (words const *ws, int r, args_common const *c, args_common const *init)
{
  args_common m = *init ;
  int want = ref_common(ws, &m) ;
  FUZZ_CHECK(r == want, "args_parse without a table gave %d, the reference %d", r, want) ;
  if (!r) return ;
  FUZZ_CHECK(c->loglevel == m.loglevel && c->logrel == m.logrel && c->reject == m.reject
    && c->reject_type == m.reject_type && c->reject_type_given == m.reject_type_given,
    "common loglevel %d/%d reject %d type %d/%d, the reference %d/%d %d %d/%d",
    c->loglevel, c->logrel, c->reject, c->reject_type, c->reject_type_given,
    m.loglevel, m.logrel, m.reject, m.reject_type, m.reject_type_given) ;
}

static void check_usage (qp_argdef const *defs)
{
  stralloc sa = STRALLOC_ZERO ;
  FUZZ_CHECK(args_usage(defs, "fuzz", &sa), "args_usage failed") ;
  FUZZ_CHECK(sa.len > 5 && !memcmp(sa.s, "fuzz", 4) && !sa.s[sa.len - 1] && strlen(sa.s) == sa.len - 1, "usage \"%s\"", fuzz_esc(sa.s, sa.len)) ;
  stralloc_free(&sa) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  static unsigned int nusage = 0 ;
  stralloc err = STRALLOC_ZERO ;
  words ws ;
  fz s ;
  args_common c, init ;
  unsigned int t, i ;
  int r, e ;
  if (!size) return 0 ;
  t = data[0] % 3 ;
  split(data + 1, size - 1, &ws) ;
  memset(&s, 0, sizeof(s)) ;
  init.loglevel = -1 ; init.logrel = 0 ;
  init.reject = QP_REJECT_YES ;
  init.reject_type = 2 + (data[0] >> 2 & 3) ;
  init.reject_type_given = 0 ;
  c = init ;
  errno = 0 ;
  r = args_parse(tables[t], &s, &c, ws.n, (char const *const *)ws.w, &err) ;
  e = errno ;
  if (r)
  {
    FUZZ_CHECK(!err.len, "success with a reason \"%s\"", fuzz_esc(err.s, err.len)) ;
    check_common(&c, init.reject_type, t == 1) ;
    if (t == 0) check_every(&s, &ws) ;
    if (t == 1) check_catchall(&s, &ws) ;
  }
  else check_failure(&err, &s, e) ;
  if (t == 2) check_reference(&ws, r, &c, &init) ;
  if (nusage < 3) { check_usage(tables[nusage]) ; nusage++ ; }
  args_free(tables[t], &s) ;
  stralloc_free(&err) ;
  for (i = 0 ; i < ws.n ; i++) free(ws.w[i]) ;
  return 0 ;
}
