/* ISC license. */
/* args.c: the words after a plugin's name in control/plugins, read into
   its state by its argument table, plus qpsmtpd's common arguments. Owns
   the wording of every argument error; never prints, never exits; reads at
   most ARGS_WORDS_MAX words against at most ARGS_ROWS_MAX rows. */

#include "args.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <skalibs/bytestr.h>
#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "qcsmtpd/plugin.h"

/* row types of the common arguments, beside QP_ARG_* */
#define T_LOGLEVEL 0x10
#define T_REJECT 0x11
#define T_RTYPE 0x12

#define WORD_SHOWN 64   /* octets of a word quoted in a reason */
#define UINT_TOP ((uint64_t)(unsigned int)-1)   /* UINT_MAX: src/limits.h hides <limits.h> */

static qp_argdef const commons[] =
{
  { .name = "loglevel", .type = T_LOGLEVEL, .meta = "N" },
  { .name = "reject", .type = T_REJECT, .meta = "0|1|naughty" },
  { .name = "reject_type", .type = T_RTYPE, .meta = "perm|temp|disconnect|temp_disconnect" },
} ;
#define NCOMMONS (sizeof(commons) / sizeof(commons[0]))

 /* value words, matched in any case */

typedef struct named_s named ;
struct named_s
{
  char const *s ;
  int v ;
} ;

static named const bools[] =
{
  { "0", 0 }, { "1", 1 }, { "yes", 1 }, { "no", 0 },
  { "true", 1 }, { "false", 0 }, { "on", 1 }, { "off", 0 }, { 0, 0 }
} ;
#define BOOLS_SHOWN "0|1|yes|no|true|false|on|off"

/* qpsmtpd's get_reject takes any true value but "naughty" as 1, so its
   "reject log" would refuse: no legacy words here, an error instead. */
static named const rejects[] =
{
  { "0", QP_REJECT_NO }, { "1", QP_REJECT_YES }, { "naughty", QP_REJECT_NAUGHTY }, { 0, 0 }
} ;
#define REJECTS_SHOWN "0|1|naughty"

static named const rtypes[] =
{
  { "perm", DENY }, { "hard", DENY }, { "permanent", DENY },
  { "temp", DENYSOFT }, { "soft", DENYSOFT }, { "tempfail", DENYSOFT }, { "temporary", DENYSOFT },
  { "disconnect", DENY_DISCONNECT }, { "temp_disconnect", DENYSOFT_DISCONNECT }, { 0, 0 }
} ;
#define RTYPES_SHOWN "perm|hard|temp|soft|disconnect|temp_disconnect"

/* Debian's qpsmtpd 0.94 files say "loglevel LOGINFO" */
static named const levels[] =
{
  { "LOGEMERG", LOGEMERG }, { "LOGALERT", LOGALERT }, { "LOGCRIT", LOGCRIT },
  { "LOGERROR", LOGERROR }, { "LOGWARN", LOGWARN }, { "LOGNOTICE", LOGNOTICE },
  { "LOGINFO", LOGINFO }, { "LOGDEBUG", LOGDEBUG }, { 0, 0 }
} ;

static int named_find (named const *t, char const *s, int *v)
{
  for (; t->s ; t++)
    if (!case_diffs(t->s, s)) { *v = t->v ; return 1 ; }
  return 0 ;
}

 /* the reason of a failure, built in a fixed buffer */

typedef struct ebuf_s ebuf ;
struct ebuf_s
{
  char s[ARGS_ERR_MAX] ;
  size_t len ;   /* at most ARGS_ERR_MAX - 4: room for "..." and the NUL */
  int cut ;
} ;

static void eb_catb (ebuf *e, char const *s, size_t n)
{
  size_t room = ARGS_ERR_MAX - 4 - e->len ;
  if (n > room) { n = room ; e->cut = 1 ; }
  memcpy(e->s + e->len, s, n) ;
  e->len += n ;
}

static void eb_cats (ebuf *e, char const *s)
{
  eb_catb(e, s, strlen(s)) ;
}

/* 'word', at most WORD_SHOWN octets of it, anything unprintable as '?' */
static void eb_word (ebuf *e, char const *w)
{
  char b[WORD_SHOWN + 5] ;
  size_t n = 0 ;
  b[n++] = '\'' ;
  for (; *w && n <= WORD_SHOWN ; w++)
  {
    unsigned char o = (unsigned char)*w ;
    b[n++] = o < 32 || o > 126 ? '?' : (char)o ;
  }
  if (*w) { memcpy(b + n, "...", 3) ; n += 3 ; }
  b[n++] = '\'' ;
  eb_catb(e, b, n) ;
}

static void eb_u64 (ebuf *e, uint64_t u)
{
  char b[UINT64_FMT] ;
  eb_catb(e, b, uint64_fmt(b, u)) ;
}

static void eb_end (ebuf *e)
{
  if (e->cut) { memcpy(e->s + e->len, "...", 3) ; e->len += 3 ; }
  e->s[e->len] = 0 ;
}

 /* one parse */

typedef struct ctx_s ctx ;
struct ctx_s
{
  qp_argdef const *defs ;
  unsigned int nrows ;
  char *state ;
  args_common *common ;
  unsigned int pos ;    /* the next positional row to fill; nrows: none left */
  uint64_t given ;      /* LIST rows given in the words (their default is dropped) */
  int indefault ;
  int nomem ;
  ebuf eb ;
} ;

static void *dest (ctx *c, qp_argdef const *r)
{
  return c->state + r->off ;
}

static int nomem (ctx *c)
{
  c->nomem = 1 ;
  eb_cats(&c->eb, "out of memory") ;
  return 0 ;
}

/* "NAME: 'value' is not " and the caller's end */
static int e_value (ctx *c, qp_argdef const *r, char const *v, char const *what)
{
  eb_cats(&c->eb, r->name) ;
  eb_cats(&c->eb, ": ") ;
  eb_word(&c->eb, v) ;
  eb_cats(&c->eb, " is not ") ;
  eb_cats(&c->eb, what) ;
  return 0 ;
}

static int e_oneof (ctx *c, qp_argdef const *r, char const *v, char const *shown)
{
  e_value(c, r, v, "one of ") ;
  eb_cats(&c->eb, shown) ;
  return 0 ;
}

static int e_word (ctx *c, char const *before, char const *w, char const *after)
{
  eb_cats(&c->eb, before) ;
  eb_word(&c->eb, w) ;
  eb_cats(&c->eb, after) ;
  return 0 ;
}

/* 1 if w[0..n) is name, '-' and '_' being the same */
static int samename (char const *w, size_t n, char const *name)
{
  size_t i = 0 ;
  for (; i < n ; i++)
  {
    char a = w[i] == '-' ? '_' : w[i] ;
    char b = name[i] == '-' ? '_' : name[i] ;
    if (!b || a != b) return 0 ;
  }
  return !name[n] ;
}

static int iskeyword (qp_argdef const *r)
{
  return !(r->type & QP_ARG_POSITIONAL) && (r->type & QP_ARG_TYPE) != QP_ARG_KV ;
}

static qp_argdef const *findname (qp_argdef const *t, unsigned int n, char const *w, size_t len)
{
  unsigned int i = 0 ;
  for (; i < n ; i++)
    if (iskeyword(t + i) && samename(w, len, t[i].name)) return t + i ;
  return 0 ;
}

/* The row of keyword w[0..len): the plugin's own first, then the common ones. */
static qp_argdef const *keyword (ctx const *c, char const *w, size_t len)
{
  qp_argdef const *r = findname(c->defs, c->nrows, w, len) ;
  return r ? r : findname(commons, NCOMMONS, w, len) ;
}

static qp_argdef const *kvrow (ctx const *c)
{
  unsigned int i = 0 ;
  for (; i < c->nrows ; i++)
    if ((c->defs[i].type & QP_ARG_TYPE) == QP_ARG_KV) return c->defs + i ;
  return 0 ;
}

static unsigned int next_positional (ctx const *c, unsigned int i)
{
  while (i < c->nrows && !(c->defs[i].type & QP_ARG_POSITIONAL)) i++ ;
  return i ;
}

 /* values */

/* decimal digits only, at most max */
static int decimal (char const *s, uint64_t max, uint64_t *u)
{
  uint64_t x = 0 ;
  if (!*s) return 0 ;
  for (; *s ; s++)
  {
    unsigned int d = (unsigned char)*s - '0' ;
    if (d > 9 || d > max || x > (max - d) / 10) return 0 ;
    x = x * 10 + d ;
  }
  *u = x ;
  return 1 ;
}

static uint64_t uint_max (qp_argdef const *r)
{
  return r->max && r->max < UINT_TOP ? r->max : UINT_TOP ;
}

static int set_bool (ctx *c, qp_argdef const *r, char const *v)
{
  int x ;
  if (!named_find(bools, v, &x)) return e_oneof(c, r, v, BOOLS_SHOWN) ;
  *(int *)dest(c, r) = x ;
  return 1 ;
}

static int set_uint (ctx *c, qp_argdef const *r, char const *v)
{
  uint64_t u ;
  if (decimal(v, uint_max(r), &u) && u >= r->min)
  {
    *(unsigned int *)dest(c, r) = (unsigned int)u ;
    return 1 ;
  }
  e_value(c, r, v, "a number from ") ;
  eb_u64(&c->eb, r->min) ;
  eb_cats(&c->eb, " to ") ;
  eb_u64(&c->eb, uint_max(r)) ;
  return 0 ;
}

static int set_enum (ctx *c, qp_argdef const *r, char const *v)
{
  int i = 0 ;
  for (; r->choices[i] ; i++)
    if (!case_diffs(r->choices[i], v)) { *(int *)dest(c, r) = i ; return 1 ; }
  e_value(c, r, v, "one of ") ;
  for (i = 0 ; r->choices[i] ; i++)
  {
    if (i) eb_cats(&c->eb, "|") ;
    eb_cats(&c->eb, r->choices[i]) ;
  }
  return 0 ;
}

static int set_string (ctx *c, qp_argdef const *r, char const *v)
{
  *(char const **)dest(c, r) = v ;
  return 1 ;
}

/* The first LIST value of the words replaces the default's items. */
static int set_list (ctx *c, qp_argdef const *r, char const *v)
{
  stralloc *sa = dest(c, r) ;
  uint64_t bit = (uint64_t)1 << (r - c->defs) ;
  size_t base ;
  if (!c->indefault && !(c->given & bit)) { sa->len = 0 ; c->given |= bit ; }
  base = sa->len ;
  while (*v)
  {
    size_t n = str_chr(v, ',') ;
    if (n && !(stralloc_catb(sa, v, n) && stralloc_0(sa))) { sa->len = base ; return nomem(c) ; }
    v += n + (v[n] == ',') ;
  }
  return 1 ;
}

static int set_kv (ctx *c, qp_argdef const *r, char const *k, size_t klen, char const *v)
{
  stralloc *sa = dest(c, r) ;
  size_t base = sa->len ;
  if (stralloc_catb(sa, k, klen) && stralloc_0(sa) && stralloc_cats(sa, v) && stralloc_0(sa)) return 1 ;
  sa->len = base ;
  return nomem(c) ;
}

/* w[0..n) joined by single spaces, in a block of its own */
static int set_rest (ctx *c, qp_argdef const *r, char const *const *w, unsigned int n)
{
  char const **p = dest(c, r) ;
  size_t len = 0, o = 0 ;
  unsigned int i ;
  char *s ;
  for (i = 0 ; i < n ; i++) len += strlen(w[i]) + 1 ;
  s = malloc(len ? len : 1) ;
  if (!s) return nomem(c) ;
  for (i = 0 ; i < n ; i++)
  {
    size_t k = strlen(w[i]) ;
    if (i) s[o++] = ' ' ;
    memcpy(s + o, w[i], k) ;
    o += k ;
  }
  s[o] = 0 ;
  free((char *)*p) ;  /* ours: args_parse allocated it */
  *p = s ;
  return 1 ;
}

/* absolute 0..7 or a name; +N/-N is kept apart for the caller to resolve */
static int set_loglevel (ctx *c, qp_argdef const *r, char const *v)
{
  uint64_t u ;
  int x ;
  if ((*v == '+' || *v == '-') && decimal(v + 1, LOGDEBUG, &u))
  {
    c->common->loglevel = -1 ;
    c->common->logrel = *v == '-' ? -(int)u : (int)u ;
    return 1 ;
  }
  if (decimal(v, LOGDEBUG, &u)) x = (int)u ;
  else if (!named_find(levels, v, &x)) return e_value(c, r, v, "0..7, +N, -N (N 0..7) or LOGEMERG..LOGDEBUG") ;
  c->common->loglevel = x ;
  c->common->logrel = 0 ;
  return 1 ;
}

static int set_reject (ctx *c, qp_argdef const *r, char const *v)
{
  if (!named_find(rejects, v, &c->common->reject)) return e_oneof(c, r, v, REJECTS_SHOWN) ;
  return 1 ;
}

static int set_rtype (ctx *c, qp_argdef const *r, char const *v)
{
  if (!named_find(rtypes, v, &c->common->reject_type)) return e_oneof(c, r, v, RTYPES_SHOWN) ;
  c->common->reject_type_given = 1 ;
  return 1 ;
}

/* The value v for row r (any row but KV). */
static int set (ctx *c, qp_argdef const *r, char const *v)
{
  switch (r->type & QP_ARG_TYPE)
  {
    case QP_ARG_BOOL : return set_bool(c, r, v) ;
    case QP_ARG_UINT : return set_uint(c, r, v) ;
    case QP_ARG_ENUM : return set_enum(c, r, v) ;
    case QP_ARG_STRING : return set_string(c, r, v) ;
    case QP_ARG_LIST : return set_list(c, r, v) ;
    case QP_ARG_REST : return set_rest(c, r, &v, 1) ;
    case T_LOGLEVEL : return set_loglevel(c, r, v) ;
    case T_REJECT : return set_reject(c, r, v) ;
    case T_RTYPE : return set_rtype(c, r, v) ;
    default : return 0 ;  /* KV: table_ok keeps it out of here */
  }
}

 /* the table */

static int row_ok (qp_argdef const *r)
{
  unsigned int t = r->type & QP_ARG_TYPE ;
  int pos = !!(r->type & QP_ARG_POSITIONAL) ;
  if (!*r->name || t < QP_ARG_BOOL || t > QP_ARG_REST) return 0 ;
  if (r->type & ~(unsigned int)(QP_ARG_TYPE | QP_ARG_POSITIONAL | QP_ARG_REQUIRED)) return 0 ;
  if (r->type & QP_ARG_REQUIRED && !pos) return 0 ;
  if (t == QP_ARG_KV) return !pos && !r->def && !strcmp(r->name, "*") ;
  if (!strcmp(r->name, "*")) return 0 ;
  if (t == QP_ARG_REST) return pos ;
  if (t == QP_ARG_ENUM) return r->choices && r->choices[0] ;
  if (t == QP_ARG_UINT) return r->min <= uint_max(r) ;
  return 1 ;
}

static int table_ok (ctx *c)
{
  unsigned int n = 0, kv = 0 ;
  for (; c->defs && c->defs[n].name ; n++)
  {
    qp_argdef const *r = c->defs + n ;
    if (n >= ARGS_ROWS_MAX || !c->state || !row_ok(r) || ((r->type & QP_ARG_TYPE) == QP_ARG_KV && kv++))
    {
      eb_cats(&c->eb, "bad argument table at row ") ;
      eb_u64(&c->eb, n) ;
      return e_word(c, " ", r->name, "") ;
    }
  }
  c->nrows = n ;
  c->pos = next_positional(c, 0) ;
  return 1 ;
}

static int defaults (ctx *c)
{
  unsigned int i = 0 ;
  c->indefault = 1 ;
  for (; i < c->nrows ; i++)
    if (c->defs[i].def && !set(c, c->defs + i, c->defs[i].def))
    {
      eb_cats(&c->eb, " (the table's default)") ;
      return 0 ;
    }
  c->indefault = 0 ;
  return 1 ;
}

 /* the words */

static int unknown (ctx *c, char const *w)
{
  unsigned int i = 0 ;
  char const *sep = " (accepted: " ;
  e_word(c, "unknown argument ", w, "") ;
  for (; i < c->nrows ; i++)
    if (iskeyword(c->defs + i)) { eb_cats(&c->eb, sep) ; eb_cats(&c->eb, c->defs[i].name) ; sep = ", " ; }
  for (i = 0 ; i < NCOMMONS ; i++)
    if (!findname(c->defs, c->nrows, commons[i].name, strlen(commons[i].name)))
    {
      eb_cats(&c->eb, sep) ;
      eb_cats(&c->eb, commons[i].name) ;
      sep = ", " ;
    }
  eb_cats(&c->eb, ")") ;
  return 0 ;
}

/* A word that is no keyword: the next positional (a REST one takes every
   word left), else a pair for the "*" row ("key=value" or "key value");
   a last word alone is unknown, as without a "*" row. */
static int other (ctx *c, char const *const *w, unsigned int n)
{
  qp_argdef const *r ;
  char const *eq ;
  if (c->pos < c->nrows)
  {
    r = c->defs + c->pos ;
    if ((r->type & QP_ARG_TYPE) == QP_ARG_REST)
    {
      c->pos = c->nrows ;
      return set_rest(c, r, w, n) ? (int)n : 0 ;
    }
    c->pos = next_positional(c, c->pos + 1) ;
    return set(c, r, w[0]) ? 1 : 0 ;
  }
  r = kvrow(c) ;
  if (!r) return unknown(c, w[0]) ;
  eq = strchr(w[0], '=') ;
  if (eq && eq != w[0]) return set_kv(c, r, w[0], (size_t)(eq - w[0]), eq + 1) ;
  if (n < 2) return unknown(c, w[0]) ;
  return set_kv(c, r, w[0], strlen(w[0]), w[1]) ? 2 : 0 ;
}

/* One argument at w[0] (n words left): how many words it took, 0 on error. */
static int word1 (ctx *c, char const *const *w, unsigned int n)
{
  char const *eq = strchr(w[0], '=') ;
  qp_argdef const *r = eq ? keyword(c, w[0], (size_t)(eq - w[0])) : 0 ;
  if (r) return set(c, r, eq + 1) ;
  r = keyword(c, w[0], strlen(w[0])) ;
  if (!r) return other(c, w, n) ;
  if (n < 2) return e_word(c, "argument ", w[0], " needs a value") ;
  return set(c, r, w[1]) ? 2 : 0 ;
}

static int words (ctx *c, unsigned int argc, char const *const *argv)
{
  unsigned int i = 0 ;
  if (argc > ARGS_WORDS_MAX)
  {
    e_word(c, "too many arguments: ", argv[ARGS_WORDS_MAX], " (at most ") ;
    eb_u64(&c->eb, ARGS_WORDS_MAX) ;
    eb_cats(&c->eb, ")") ;
    return 0 ;
  }
  while (i < argc)
  {
    int k = word1(c, argv + i, argc - i) ;
    if (!k) return 0 ;
    i += (unsigned int)k ;
  }
  return 1 ;
}

static int required (ctx *c)
{
  unsigned int i = c->pos ;
  for (; i < c->nrows ; i++)
    if (c->defs[i].type & QP_ARG_REQUIRED)
    {
      eb_cats(&c->eb, "missing argument ") ;
      eb_cats(&c->eb, c->defs[i].meta ? c->defs[i].meta : c->defs[i].name) ;
      return 0 ;
    }
  return 1 ;
}

int args_parse (qp_argdef const *defs, void *state, args_common *common, unsigned int argc, char const *const *argv, stralloc *err)
{
  ctx c = { .defs = defs, .state = state, .common = common } ;
  int tok = table_ok(&c) ;
  if (tok && defaults(&c) && words(&c, argc, argv) && required(&c)) return 1 ;
  if (tok) args_free(defs, state) ;
  eb_end(&c.eb) ;
  if (!stralloc_catb(err, c.eb.s, c.eb.len + 1)) c.nomem = 1 ;
  errno = c.nomem ? ENOMEM : EINVAL ;
  return 0 ;
}

 /* usage */

static int cat_choices (stralloc *sa, char const *const *ch)
{
  unsigned int i = 0 ;
  for (; ch[i] ; i++)
    if ((i && !stralloc_catb(sa, "|", 1)) || !stralloc_cats(sa, ch[i])) return 0 ;
  return 1 ;
}

static int cat_meta (stralloc *sa, qp_argdef const *r)
{
  static char const *const derived[] = { 0, "0|1", "N", 0, "VALUE", "ITEM,...", "KEY VALUE", 0 } ;
  unsigned int t = r->type & QP_ARG_TYPE ;
  if (r->meta) return stralloc_cats(sa, r->meta) ;
  if (r->type & QP_ARG_POSITIONAL) return stralloc_cats(sa, r->name) ;
  if (t == QP_ARG_ENUM) return cat_choices(sa, r->choices) ;
  return stralloc_cats(sa, t < 8 && derived[t] ? derived[t] : "VALUE") ;
}

/* " [name META]", " [KEY VALUE]...", " META", " [META]" or " [META...]" */
static int cat_row (stralloc *sa, qp_argdef const *r)
{
  unsigned int t = r->type & QP_ARG_TYPE ;
  int opt = !(r->type & QP_ARG_REQUIRED) ;
  if (!stralloc_cats(sa, opt ? " [" : " ")) return 0 ;
  if (iskeyword(r) && !(stralloc_cats(sa, r->name) && stralloc_catb(sa, " ", 1))) return 0 ;
  if (!cat_meta(sa, r)) return 0 ;
  if (t == QP_ARG_REST && !stralloc_cats(sa, "...")) return 0 ;
  if (opt && !stralloc_catb(sa, "]", 1)) return 0 ;
  return t != QP_ARG_KV || stralloc_cats(sa, "...") ;
}

static unsigned int nrows (qp_argdef const *defs)
{
  unsigned int n = 0 ;
  while (defs && n < ARGS_ROWS_MAX && defs[n].name) n++ ;
  return n ;
}

static int usage_rows (qp_argdef const *defs, unsigned int n, stralloc *sa)
{
  unsigned int i ;
  for (i = 0 ; i < n ; i++)
    if (!(defs[i].type & QP_ARG_POSITIONAL) && !cat_row(sa, defs + i)) return 0 ;
  for (i = 0 ; i < n ; i++)
    if (defs[i].type & QP_ARG_POSITIONAL && !cat_row(sa, defs + i)) return 0 ;
  for (i = 0 ; i < NCOMMONS ; i++)
    if (!findname(defs, n, commons[i].name, strlen(commons[i].name)) && !cat_row(sa, commons + i)) return 0 ;
  return 1 ;
}

int args_usage (qp_argdef const *defs, char const *plugin, stralloc *sa)
{
  size_t base = sa->len ;
  if (stralloc_cats(sa, plugin) && usage_rows(defs, nrows(defs), sa) && stralloc_0(sa)) return 1 ;
  sa->len = base ;
  return 0 ;
}

void args_free (qp_argdef const *defs, void *state)
{
  unsigned int n = nrows(defs), i ;
  if (!state) return ;
  for (i = 0 ; i < n ; i++)
  {
    void *p = (char *)state + defs[i].off ;
    unsigned int t = defs[i].type & QP_ARG_TYPE ;
    if (t == QP_ARG_LIST || t == QP_ARG_KV) stralloc_free(p) ;
    else if (t == QP_ARG_REST)
    {
      char const **s = p ;
      free((char *)*s) ;
      *s = 0 ;
    }
  }
}
