/* ISC license. */
/* rcpt_map: for recipients in one domain, the line of a map file
   ("address CODE [comment]") gives the verdict and the reply text; an
   address the map does not list gets the default. One instance per domain
   (rcpt_map, rcpt_map:2, ...); the map is read and checked at init. */

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct mapent_s mapent ;
struct mapent_s
{
  size_t key ;          /* offset in rmap.text of the local part, lower case */
  size_t comment ;      /* offset in rmap.text of the comment, or (size_t)-1 */
  int verdict ;
} ;

typedef struct rmap_s rmap ;
struct rmap_s
{
  char const *domain ;  /* the argument "domain NAME" */
  char const *file ;    /* the argument "file PATH" */
  char const *dflt ;    /* the argument "default CODE[=MSG]" */
  int dverdict ;        /* dflt's CODE */
  stralloc dmsg ;       /* dflt's MSG, underscores made spaces, NUL-terminated */
  stralloc where ;      /* "control/PATH" or the absolute PATH, for the log */
  stralloc text ;       /* the map's values, NUL-separated, split in place */
  mapent *e ;           /* sorted by key, then by line */
  size_t n ;
} ;

static qp_argdef const rmap_args[] =
{
  { .name = "domain", .type = QP_ARG_STRING, .off = offsetof(rmap, domain), .meta = "NAME" },
  { .name = "file", .type = QP_ARG_STRING, .off = offsetof(rmap, file), .meta = "PATH" },
  { .name = "default", .type = QP_ARG_STRING, .off = offsetof(rmap, dflt), .def = "DENY=No_such_user.", .meta = "CODE[=MSG]" },
  { 0 }
} ;

/* qpsmtpd's text when a line or the default has none */
#define NO_SUCH_USER "No such user."

static void lower (char *s)
{
  for (; *s ; s++) if (*s >= 'A' && *s <= 'Z') *s += 'a' - 'A' ;
}

/* Cuts the first field of s; returns the rest after the blanks ("" if none). */
static char *field (char *s)
{
  size_t k = strcspn(s, " \t") ;
  if (!s[k]) return s + k ;
  s[k++] = 0 ;
  return s + k + strspn(s + k, " \t") ;
}

static int bad (rmap const *st, char const *line, char const *why, char const *what)
{
  qp_log(LOGERROR, st->where.s, ": line '", line, "': ", why, what, (char *)0) ;
  return 0 ;
}

/* Reads one "ADDRESS CODE [comment]" line: 1 kept, 0 after logging an
   error, -1 skipped after a warning (another domain: it can never match). */
static int ent_make (rmap *st, size_t off, mapent *e)
{
  char *key = st->text.s + off ;
  char *code, *comment, *at ;
  char line[512] ;
  size_t ll = strlen(key) ;
  if (ll >= sizeof line) ll = sizeof line - 1 ;
  memcpy(line, key, ll) ;
  line[ll] = 0 ;
  code = field(key) ;
  comment = field(code) ;
  if (!*code) return bad(st, line, "no code (OK, DENY, DENYSOFT, DENY_DISCONNECT, DENYSOFT_DISCONNECT or DECLINED)", "") ;
  e->verdict = qp_verdict_scan(code) ;
  if (e->verdict < 0) return bad(st, line, "unknown code ", code) ;
  e->comment = *comment ? (size_t)(comment - st->text.s) : (size_t)-1 ;
  lower(key) ;
  at = strrchr(key, '@') ;
  if (at)
  {
    if (strcasecmp(at + 1, st->domain))
    {
      qp_log(LOGWARN, "warning: ", st->where.s, ": ", key, " is not in ", st->domain, ": it can never match", (char *)0) ;
      return -1 ;
    }
    *at = 0 ;   /* every key is in the domain: keep the local part */
  }
  if (!*key) return bad(st, line, "no local part", "") ;
  e->key = off ;
  return 1 ;
}

/* qsort's comparison needs the text: set just before the one call */
static char const *sortbase ;

static int ent_cmp (void const *a, void const *b)
{
  mapent const *x = a, *y = b ;
  int c = strcmp(sortbase + x->key, sortbase + y->key) ;
  return c ? c : x->key < y->key ? -1 : x->key > y->key ;
}

/* The first entry (in file order) whose key is k, or 0. */
static mapent const *lookup (rmap const *st, char const *k)
{
  size_t lo = 0, hi = st->n ;
  while (lo < hi)
  {
    size_t mid = lo + (hi - lo) / 2 ;
    if (strcmp(st->text.s + st->e[mid].key, k) < 0) lo = mid + 1 ; else hi = mid ;
  }
  return lo < st->n && !strcmp(st->text.s + st->e[lo].key, k) ? st->e + lo : 0 ;
}

static void dups (rmap const *st)
{
  for (size_t i = 1 ; i < st->n ; i++)
    if (!strcmp(st->text.s + st->e[i].key, st->text.s + st->e[i-1].key))
      qp_log(LOGWARN, "warning: ", st->where.s, ": ", st->text.s + st->e[i].key, "@", st->domain, " is listed more than once: the first line counts", (char *)0) ;
}

/* 1 ok, 0 after logging. */
static int load (rmap *st)
{
  size_t count = 0, i ;
  int r = qp_control_list(st->file, &st->text) ;
  if (r <= 0)
  {
    if (r) qp_log(LOGERROR, "unable to read ", st->where.s, ": ", strerror(errno), (char *)0) ;
    else qp_log(LOGERROR, "unable to read ", st->where.s, ": the map file does not exist", (char *)0) ;
    return 0 ;
  }
  for (i = 0 ; i < st->text.len ; i++) if (!st->text.s[i]) count++ ;
  st->e = count ? calloc(count, sizeof *st->e) : 0 ;
  if (count && !st->e)
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  for (i = 0 ; i < st->text.len ; )
  {
    size_t next = i + strlen(st->text.s + i) + 1 ;
    r = ent_make(st, i, st->e + st->n) ;
    if (!r) return 0 ;
    if (r > 0) st->n++ ;
    i = next ;
  }
  /* qpsmtpd refuses an empty map too: every address would get the default */
  if (!st->n)
  {
    qp_log(LOGERROR, st->where.s, ": the map lists no address of ", st->domain, (char *)0) ;
    return 0 ;
  }
  sortbase = st->text.s ;
  qsort(st->e, st->n, sizeof *st->e, &ent_cmp) ;
  dups(st) ;
  return 1 ;
}

/* "CODE[=MSG]": 1, or 0 after logging. */
static int default_parse (rmap *st)
{
  char code[32] ;
  char const *eq = strchr(st->dflt, '=') ;
  size_t cl = eq ? (size_t)(eq - st->dflt) : strlen(st->dflt) ;
  if (cl >= sizeof code) cl = sizeof code - 1 ;
  memcpy(code, st->dflt, cl) ;
  code[cl] = 0 ;
  st->dverdict = qp_verdict_scan(code) ;
  if (st->dverdict < 0)
  {
    qp_log(LOGERROR, "default: unknown code '", code, "' (OK, DENY, DENYSOFT, DENY_DISCONNECT, DENYSOFT_DISCONNECT or DECLINED)", (char *)0) ;
    return 0 ;
  }
  if (!stralloc_copys(&st->dmsg, eq && eq[1] ? eq + 1 : NO_SUCH_USER) || !stralloc_0(&st->dmsg))
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  /* a word of control/plugins cannot hold a space */
  for (size_t i = 0 ; i < st->dmsg.len ; i++) if (st->dmsg.s[i] == '_') st->dmsg.s[i] = ' ' ;
  return 1 ;
}

/* The verdict under the instance's reject: 0 logs only, naughty stores it
   with its own verdict; reject_type has no say (init refuses it). The
   built-in "No such user." gets RFC 3463's X.1.1 (bad destination mailbox)
   in the reply's class, when it is the reply. */
static int refuse (int v, char const *msg)
{
  switch (qp_reject_mode())
  {
    case QP_REJECT_NO :
      qp_log(LOGINFO, "fail, tolerated: ", msg, (char *)0) ;
      return DECLINED ;
    case QP_REJECT_NAUGHTY :
      qp_log(LOGINFO, "fail, deferred to naughty: ", msg, (char *)0) ;
      return qp_naughty_store(v, msg) ? DECLINED : DENYSOFT ;
    default :
      if (!strcmp(msg, NO_SUCH_USER)) qp_msg(v == DENY || v == DENY_DISCONNECT ? "5.1.1 " : "4.1.1 ") ;
      qp_msg(msg) ;
      return v ;
  }
}

static int decide (int v, char const *msg, char const *addr, char const *why)
{
  int refusal = v != OK && v != DECLINED ;
  qp_log(refusal ? LOGINFO : LOGDEBUG, refusal ? "fail: <" : "pass: <", addr, "> ", why, ": ", qp_verdict_name(v), (char *)0) ;
  return refusal ? refuse(v, msg) : v ;
}

static int rmap_rcpt (void *state, qp_hookarg const *a)
{
  rmap *st = state ;
  char const *addr = qp_arg(a, "address") ;
  char const *at = strrchr(addr, '@') ;
  stralloc local = STRALLOC_ZERO ;
  mapent const *e ;
  if (!at || at == addr || !at[1]) return DECLINED ;
  if (strcasecmp(at + 1, st->domain))
  {
    qp_log(LOGDEBUG, "skip: <", addr, "> is not in ", st->domain, (char *)0) ;
    return DECLINED ;
  }
  if (!stralloc_copyb(&local, addr, at - addr) || !stralloc_0(&local))
  {
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("451 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  lower(local.s) ;
  e = lookup(st, local.s) ;
  stralloc_free(&local) ;
  if (!e) return decide(st->dverdict, st->dmsg.s, addr, "is not in the map") ;
  return decide(e->verdict, e->comment == (size_t)-1 ? NO_SUCH_USER : st->text.s + e->comment, addr, "is in the map") ;
}

static int rmap_init (void *state)
{
  rmap *st = state ;
  if (!st->domain || !st->file)
  {
    qp_log(LOGERROR, "the arguments domain NAME and file PATH are required", (char *)0) ;
    return 0 ;
  }
  if (qp_reject_verdict() != DENY)
  {
    qp_log(LOGERROR, "reject_type has no meaning here: the map and the default name their verdicts", (char *)0) ;
    return 0 ;
  }
  if (!stralloc_copys(&st->where, st->file[0] == '/' ? "" : "control/")
   || !stralloc_cats(&st->where, st->file) || !stralloc_0(&st->where))
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  return default_parse(st) && load(st) ;
}

qp_plugin const plugin_rcpt_map =
{
  .name = "rcpt_map",
  .state_size = sizeof(rmap),
  .args = rmap_args,
  .init = &rmap_init,
  .hook = { [HOOK_RCPT] = &rmap_rcpt },
  .flags = 0,
} ;
