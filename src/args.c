/* ISC license. */
/* args.c: one argument parser for every plugin (issue 8): keywords with a
   value ("wait 5" or "wait=5"), positionals, a catch-all, and the common
   arguments; an unknown word is an error that names what is accepted.
   Never prints, never exits. */

#include "args.h"

#include <string.h>
#include <strings.h>
#include <stdlib.h>

#include <skalibs/types.h>

static qp_argdef const common[] =
{
  { .name = "loglevel", .meta = "N" },
  { .name = "reject", .meta = "0|1|naughty" },
  { .name = "reject_type", .meta = "perm|temp|disconnect|temp_disconnect" },
  { 0 }
} ;

static char const *const levels[] =
{
  "LOGEMERG", "LOGALERT", "LOGCRIT", "LOGERROR", "LOGWARN", "LOGNOTICE", "LOGINFO", "LOGDEBUG", 0
} ;

static struct { char const *name ; int verdict ; } const rtypes[] =
{
  { "perm", DENY }, { "hard", DENY }, { "permanent", DENY },
  { "temp", DENYSOFT }, { "soft", DENYSOFT }, { "tempfail", DENYSOFT }, { "temporary", DENYSOFT },
  { "disconnect", DENY_DISCONNECT }, { "temp_disconnect", DENYSOFT_DISCONNECT },
  { 0, 0 }
} ;

/* '-' and '_' are the same in keywords (earlytalker's "defer-reject"); n
   octets of word against name */
static int same (char const *name, char const *w, size_t n)
{
  size_t i = 0 ;
  for (; i < n && name[i] ; i++)
  {
    char a = name[i] == '-' ? '_' : name[i], b = w[i] == '-' ? '_' : w[i] ;
    if (a != b) return 0 ;
  }
  return i == n && !name[i] ;
}

static qp_argdef const *row (qp_argdef const *t, char const *w, size_t n)
{
  for (; t && t->name ; t++)
    if (!(t->type & QP_ARG_POSITIONAL) && strcmp(t->name, "*") && same(t->name, w, n)) return t ;
  return 0 ;
}

/* err = the pieces, bounded, each word shortened to 60 octets */
static void say (stralloc *err, char const *a, char const *word, char const *b)
{
  size_t wl = word ? strlen(word) : 0 ;
  err->len = 0 ;
  stralloc_cats(err, a) ;
  if (word) stralloc_catb(err, word, wl > 60 ? 60 : wl) ;
  if (wl > 60) stralloc_cats(err, "...") ;
  stralloc_cats(err, b) ;
  if (err->len > ARGS_ERR_MAX - 1) err->len = ARGS_ERR_MAX - 4, stralloc_cats(err, "...") ;
  stralloc_0(err) ;
}

static int boolval (char const *v, int *b)
{
  static char const *const t[] = { "1", "yes", "true", "on", 0 } ;
  static char const *const f[] = { "0", "no", "false", "off", 0 } ;
  unsigned int i = 0 ;
  for (; t[i] ; i++) if (!strcasecmp(v, t[i])) { *b = 1 ; return 1 ; }
  for (i = 0 ; f[i] ; i++) if (!strcasecmp(v, f[i])) { *b = 0 ; return 1 ; }
  return 0 ;
}

static int list_add (stralloc *sa, char const *v)
{
  while (*v)
  {
    size_t n = strcspn(v, ",") ;
    if (n && !(stralloc_catb(sa, v, n) && stralloc_0(sa))) return 0 ;
    v += n ;
    if (*v) v++ ;
  }
  return 1 ;
}

static int choices_text (stralloc *sa, char const *const *c)
{
  for (unsigned int i = 0 ; c && c[i] ; i++)
    if ((i && !stralloc_catb(sa, "|", 1)) || !stralloc_cats(sa, c[i])) return 0 ;
  return 1 ;
}

/* One value into its destination. 1 ok, 0 with err set. */
static int store (qp_argdef const *d, void *state, char const *v, stralloc *err)
{
  char *p = (char *)state + d->off ;
  switch (d->type & QP_ARG_TYPE)
  {
    case QP_ARG_BOOL :
      if (!boolval(v, (int *)(void *)p)) goto bad ;
      return 1 ;
    case QP_ARG_UINT :
    {
      uint64_t n, max = d->max ? d->max : (unsigned int)-1 ;
      size_t k = uint64_scan(v, &n) ;
      if (!k || v[k] || n < d->min || n > max)
      {
        char a[UINT64_FMT], b[UINT64_FMT] ;
        a[uint64_fmt(a, d->min)] = 0 ; b[uint64_fmt(b, max)] = 0 ;
        err->len = 0 ;
        stralloc_cats(err, d->name) ; stralloc_cats(err, ": '") ;
        stralloc_catb(err, v, strlen(v) > 60 ? 60 : strlen(v)) ;
        stralloc_cats(err, "' is not a number from ") ; stralloc_cats(err, a) ;
        stralloc_cats(err, " to ") ; stralloc_cats(err, b) ; stralloc_0(err) ;
        return 0 ;
      }
      *(unsigned int *)(void *)p = (unsigned int)n ;
      return 1 ;
    }
    case QP_ARG_ENUM :
      for (unsigned int i = 0 ; d->choices && d->choices[i] ; i++)
        if (!strcasecmp(v, d->choices[i])) { *(int *)(void *)p = (int)i ; return 1 ; }
      goto bad ;
    case QP_ARG_STRING :
      *(char const **)(void *)p = v ;
      return 1 ;
    case QP_ARG_LIST :
      if (!list_add((stralloc *)(void *)p, v)) { say(err, "out of memory", 0, "") ; return 0 ; }
      return 1 ;
    default :
      say(err, d->name, 0, ": unsupported argument type") ;
      return 0 ;
  }
 bad:
  err->len = 0 ;
  stralloc_cats(err, d->name) ;
  stralloc_cats(err, ": '") ;
  stralloc_catb(err, v, strlen(v) > 60 ? 60 : strlen(v)) ;
  stralloc_cats(err, "' is not one of ") ;
  if ((d->type & QP_ARG_TYPE) == QP_ARG_BOOL) stralloc_cats(err, "0|1|yes|no|true|false|on|off") ;
  else choices_text(err, d->choices) ;
  stralloc_0(err) ;
  return 0 ;
}

/* The common arguments. 1 ok, 0 with err set. */
static int store_common (char const *name, char const *v, args_common *c, stralloc *err)
{
  if (!strcmp(name, "loglevel"))
  {
    int n ;
    size_t k ;
    for (unsigned int i = 0 ; levels[i] ; i++)
      if (!strcasecmp(v, levels[i])) { c->loglevel = (int)i ; c->logrel = 0 ; return 1 ; }
    k = int_scan(v, &n) ;
    if (k && !v[k] && (v[0] == '+' || v[0] == '-') && n >= -7 && n <= 7) { c->logrel = n ; c->loglevel = -1 ; return 1 ; }
    if (k && !v[k] && v[0] >= '0' && v[0] <= '9' && n >= 0 && n <= 7) { c->loglevel = n ; c->logrel = 0 ; return 1 ; }
    say(err, "loglevel: '", v, "' is not 0 to 7, +N, -N or LOGEMERG..LOGDEBUG") ;
    return 0 ;
  }
  if (!strcmp(name, "reject"))
  {
    /* qpsmtpd's legacy words: "log" only logs, "deny" rejects */
    if (!strcmp(v, "0") || !strcmp(v, "log")) c->reject = QP_REJECT_NO ;
    else if (!strcmp(v, "1") || !strcmp(v, "deny")) c->reject = QP_REJECT_YES ;
    else if (!strcmp(v, "naughty")) c->reject = QP_REJECT_NAUGHTY ;
    else { say(err, "reject: '", v, "' is not one of 0|1|naughty") ; return 0 ; }
    return 1 ;
  }
  for (unsigned int i = 0 ; rtypes[i].name ; i++)
    if (!strcmp(v, rtypes[i].name)) { c->reject_type = rtypes[i].verdict ; c->reject_type_given = 1 ; return 1 ; }
  say(err, "reject_type: '", v, "' is not one of perm|hard|temp|soft|disconnect|temp_disconnect") ;
  return 0 ;
}

static int accepted (qp_argdef const *defs, stralloc *err)
{
  qp_argdef const *t = defs ;
  int first = 1 ;
  stralloc_cats(err, " (accepted: ") ;
  for (; t && t->name ; t++)
    if (!(t->type & QP_ARG_POSITIONAL) && strcmp(t->name, "*"))
    {
      if (!first) stralloc_cats(err, ", ") ;
      stralloc_cats(err, t->name) ;
      first = 0 ;
    }
  for (t = common ; t->name ; t++)
    if (!row(defs, t->name, strlen(t->name)))
    {
      if (!first) stralloc_cats(err, ", ") ;
      stralloc_cats(err, t->name) ;
      first = 0 ;
    }
  stralloc_cats(err, ")") ;
  if (err->len > ARGS_ERR_MAX - 1) { err->len = ARGS_ERR_MAX - 5 ; stralloc_cats(err, "...)") ; }
  return stralloc_0(err) ;
}

static int rest (qp_argdef const *d, void *state, unsigned int argc, char const *const *argv, unsigned int i, stralloc *err)
{
  size_t len = 0 ;
  char *s ;
  unsigned int k ;
  for (k = i ; k < argc ; k++) len += strlen(argv[k]) + 1 ;
  s = malloc(len + 1) ;
  if (!s) { say(err, "out of memory", 0, "") ; return 0 ; }
  s[0] = 0 ;
  for (k = i ; k < argc ; k++) { if (k > i) strcat(s, " ") ; strcat(s, argv[k]) ; }
  free(*(char **)(void *)((char *)state + d->off)) ;
  *(char **)(void *)((char *)state + d->off) = s ;
  return 1 ;
}

/* A keyword (or key=value) word at argv[*i]: 1 handled, 0 error, -1 not a keyword. */
static int keyword (qp_argdef const *defs, void *state, args_common *c, unsigned int argc, char const *const *argv, unsigned int *i, stralloc *err)
{
  char const *w = argv[*i] ;
  char const *eq = strchr(w, '=') ;
  size_t n = eq ? (size_t)(eq - w) : strlen(w) ;
  qp_argdef const *d = row(defs, w, n) ;
  qp_argdef const *cm = d ? 0 : row(common, w, n) ;
  char const *v ;
  if (!d && !cm) return -1 ;
  if (eq) v = eq + 1 ;
  else if (*i + 1 < argc) v = argv[++*i] ;
  else { say(err, "argument '", w, "' needs a value") ; return 0 ; }
  return d ? store(d, state, v, err) : store_common(cm->name, v, c, err) ;
}

int args_parse (qp_argdef const *defs, void *state, args_common *c, unsigned int argc, char const *const *argv, stralloc *err)
{
  qp_argdef const *t ;
  qp_argdef const *kv = 0 ;
  unsigned int i = 0 ;
  err->len = 0 ;
  if (argc > ARGS_WORDS_MAX) { say(err, "too many arguments (at most 64)", 0, "") ; return 0 ; }
  for (t = defs ; t && t->name ; t++)
  {
    if (!strcmp(t->name, "*") && (t->type & QP_ARG_TYPE) == QP_ARG_KV) kv = t ;
    if (t->def && (t->type & QP_ARG_TYPE) != QP_ARG_REST && !store(t, state, t->def, err)) return 0 ;
  }
  t = defs ;
  while (i < argc)
  {
    int r = keyword(defs, state, c, argc, argv, &i, err) ;
    if (!r) return 0 ;
    if (r > 0) { i++ ; continue ; }
    while (t && t->name && !(t->type & QP_ARG_POSITIONAL)) t++ ;
    if (t && t->name)
    {
      if ((t->type & QP_ARG_TYPE) == QP_ARG_REST)
      {
        if (!rest(t, state, argc, argv, i, err)) return 0 ;
        t++ ;
        break ;
      }
      if (!store(t, state, argv[i], err)) return 0 ;
      t++ ; i++ ;
      continue ;
    }
    if (kv && i + 1 < argc)
    {
      stralloc *sa = (stralloc *)(void *)((char *)state + kv->off) ;
      if (!(stralloc_cats(sa, argv[i]) && stralloc_0(sa) && stralloc_cats(sa, argv[i+1]) && stralloc_0(sa))) { say(err, "out of memory", 0, "") ; return 0 ; }
      i += 2 ;
      continue ;
    }
    say(err, "unknown argument '", argv[i], "'") ;
    err->len-- ;
    accepted(defs, err) ;
    return 0 ;
  }
  for (; t && t->name ; t++)
    if ((t->type & QP_ARG_POSITIONAL) && (t->type & QP_ARG_REQUIRED))
    {
      say(err, "missing argument ", t->meta ? t->meta : t->name, "") ;
      return 0 ;
    }
  return 1 ;
}

static char const *meta_of (qp_argdef const *d)
{
  if (d->meta) return d->meta ;
  switch (d->type & QP_ARG_TYPE)
  {
    case QP_ARG_BOOL : return "0|1" ;
    case QP_ARG_UINT : return "N" ;
    case QP_ARG_LIST : return "A,B,..." ;
    default : return "VALUE" ;
  }
}

int args_usage (qp_argdef const *defs, char const *plugin, stralloc *sa)
{
  qp_argdef const *t ;
  if (!stralloc_cats(sa, plugin)) return 0 ;
  for (t = defs ; t && t->name ; t++)
  {
    if (t->type & QP_ARG_POSITIONAL) continue ;
    if (!strcmp(t->name, "*"))
    {
      if (!stralloc_cats(sa, " [") || !stralloc_cats(sa, t->meta ? t->meta : "KEY VALUE") || !stralloc_cats(sa, "]...")) return 0 ;
      continue ;
    }
    if (!(stralloc_cats(sa, " [") && stralloc_cats(sa, t->name) && stralloc_catb(sa, " ", 1)
       && ((t->type & QP_ARG_TYPE) == QP_ARG_ENUM && !t->meta ? choices_text(sa, t->choices) : stralloc_cats(sa, meta_of(t)))
       && stralloc_catb(sa, "]", 1))) return 0 ;
  }
  for (t = defs ; t && t->name ; t++)
  {
    int req = !!(t->type & QP_ARG_REQUIRED) ;
    if (!(t->type & QP_ARG_POSITIONAL)) continue ;
    if (!(stralloc_cats(sa, req ? " " : " [") && stralloc_cats(sa, t->meta ? t->meta : t->name)
       && stralloc_cats(sa, (t->type & QP_ARG_TYPE) == QP_ARG_REST ? "..." : "") && stralloc_cats(sa, req ? "" : "]"))) return 0 ;
  }
  for (t = common ; t->name ; t++)
    if (!row(defs, t->name, strlen(t->name))
     && !(stralloc_cats(sa, " [") && stralloc_cats(sa, t->name) && stralloc_catb(sa, " ", 1) && stralloc_cats(sa, t->meta) && stralloc_catb(sa, "]", 1))) return 0 ;
  return stralloc_0(sa) ;
}

void args_free (qp_argdef const *defs, void *state)
{
  for (; defs && defs->name ; defs++)
  {
    char *p = (char *)state + defs->off ;
    unsigned int ty = defs->type & QP_ARG_TYPE ;
    if (ty == QP_ARG_LIST || ty == QP_ARG_KV) stralloc_free((stralloc *)(void *)p) ;
    else if (ty == QP_ARG_REST) { free(*(char **)(void *)p) ; *(char **)(void *)p = 0 ; }
  }
}
