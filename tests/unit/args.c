/* ISC license. */
/* tests/unit/args.c: args_parse, args_usage and args_free (src/args.h)
   against tables of plugin argument lines: every type good and bad, ranges,
   defaults, key=value, '-'/'_', positionals, REST, the "*" row, the common
   loglevel/reject/reject_type, bounds, broken tables and leaks in a loop. */

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <skalibs/stralloc.h>

#include "args.h"
#include "unit.h"

 /* a state with a field of every type, and the tables that fill it */

typedef struct st_s st ;
struct st_s
{
  int flag ;
  unsigned int wait ;
  unsigned int big ;
  unsigned int small ;
  int mode ;
  char const *file ;
  stralloc at ;
  stralloc tags ;
  stralloc kv ;
  char const *path ;
  unsigned int count ;
  char const *msg ;
} ;

static char const *const modes[] = { "fast", "slow", "off", 0 } ;
static char const *const verdicts[] = { "DECLINED", "OK", "DENY", "DENYSOFT", 0 } ;

/* every type; the positionals end with REST, so no word is ever unknown */
static qp_argdef const full[] =
{
  { .name = "flag", .type = QP_ARG_BOOL, .off = offsetof(st, flag), .def = "0" },
  { .name = "wait", .type = QP_ARG_UINT, .off = offsetof(st, wait), .def = "5", .min = 0, .max = 3600, .meta = "SECONDS" },
  { .name = "big", .type = QP_ARG_UINT, .off = offsetof(st, big) },
  { .name = "small", .type = QP_ARG_UINT, .off = offsetof(st, small), .min = 10, .max = 20 },
  { .name = "mode", .type = QP_ARG_ENUM, .off = offsetof(st, mode), .def = "slow", .choices = modes },
  { .name = "file", .type = QP_ARG_STRING, .off = offsetof(st, file), .meta = "FILE" },
  { .name = "check-at", .type = QP_ARG_LIST, .off = offsetof(st, at), .meta = "CONNECT|DATA" },
  { .name = "tags", .type = QP_ARG_LIST, .off = offsetof(st, tags), .def = "a,b" },
  { .name = "path", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(st, path), .meta = "PATH" },
  { .name = "count", .type = QP_ARG_UINT | QP_ARG_POSITIONAL, .off = offsetof(st, count), .def = "1", .min = 1, .max = 9 },
  { .name = "message", .type = QP_ARG_REST | QP_ARG_POSITIONAL, .off = offsetof(st, msg) },
  { 0 }
} ;

/* keywords only (earlytalker's shape) */
static qp_argdef const kw[] =
{
  { .name = "wait", .type = QP_ARG_UINT, .off = offsetof(st, wait), .def = "1", .max = 3600 },
  { .name = "check-at", .type = QP_ARG_LIST, .off = offsetof(st, at), .meta = "CONNECT|DATA" },
  { 0 }
} ;

/* help's shape: a positional, then any KEY VALUE pair */
static qp_argdef const kvt[] =
{
  { .name = "flag", .type = QP_ARG_BOOL, .off = offsetof(st, flag) },
  { .name = "dir", .type = QP_ARG_STRING, .off = offsetof(st, file), .meta = "DIR" },
  { .name = "*", .type = QP_ARG_KV, .off = offsetof(st, kv), .meta = "COMMAND FILE" },
  { .name = "first", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(st, path) },
  { 0 }
} ;

/* test/verdict's shape: two required positionals and a message */
static qp_argdef const req[] =
{
  { .name = "hook", .type = QP_ARG_STRING | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(st, path), .meta = "HOOK" },
  { .name = "verdict", .type = QP_ARG_ENUM | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(st, mode), .choices = verdicts, .meta = "VERDICT" },
  { .name = "message", .type = QP_ARG_REST | QP_ARG_POSITIONAL, .off = offsetof(st, msg), .def = "no reason" },
  { 0 }
} ;

/* spamassassin's shape: its own "reject" is a score */
static qp_argdef const own[] =
{
  { .name = "reject", .type = QP_ARG_UINT, .off = offsetof(st, wait), .def = "5", .min = 1, .max = 100, .meta = "SCORE" },
  { 0 }
} ;

 /* rendering the outcome */

static stralloc err = STRALLOC_ZERO ;
static char dump[4096] ;

static size_t dcat (size_t o, char const *s)
{
  size_t n = strlen(s) ;
  if (o + n >= sizeof(dump)) n = sizeof(dump) - 1 - o ;
  memcpy(dump + o, s, n) ;
  dump[o + n] = 0 ;
  return o + n ;
}

/* "name=" then the items of sa (NUL-separated) joined by sep */
static size_t dlist (size_t o, char const *name, stralloc const *sa, char const *sep)
{
  size_t i = 0 ;
  o = dcat(o, name) ;
  for (; i < sa->len ; i += strlen(sa->s + i) + 1)
  {
    if (i) o = dcat(o, sep) ;
    o = dcat(o, sa->s + i) ;
  }
  return dcat(o, ";") ;
}

/* ";name=value;..." for every field of s and c */
static void render (st const *s, args_common const *c)
{
  char b[600] ;
  size_t o = 0 ;
  snprintf(b, sizeof(b), ";flag=%d;wait=%u;big=%u;small=%u;mode=%d;file=%s;", s->flag, s->wait, s->big, s->small, s->mode, s->file ? s->file : "(null)") ;
  o = dcat(o, b) ;
  o = dlist(o, "at=", &s->at, ",") ;
  o = dlist(o, "tags=", &s->tags, ",") ;
  o = dlist(o, "kv=", &s->kv, ":") ;
  snprintf(b, sizeof(b), "path=%s;count=%u;msg=%s;loglevel=%d;logrel=%d;reject=%d;rtype=%d;given=%d;",
    s->path ? s->path : "(null)", s->count, s->msg ? s->msg : "(null)", c->loglevel, c->logrel, c->reject, c->reject_type, c->reject_type_given) ;
  dcat(o, b) ;
}

/* every ';'-separated item of want is an item of the dump */
static char const *missing (char const *want)
{
  static char item[512] ;
  while (*want)
  {
    size_t n = strcspn(want, ";") ;
    if (n >= sizeof(item) - 2) return want ;
    item[0] = ';' ;
    memcpy(item + 1, want, n) ;
    item[n + 1] = ';' ;
    item[n + 2] = 0 ;
    if (!strstr(dump, item)) return item ;
    want += n + (want[n] == ';') ;
  }
  return 0 ;
}

/* Splits line on single spaces (an empty line is no word) into w. */
static unsigned int split (char *line, char const **w, unsigned int max)
{
  unsigned int n = 0 ;
  char *p = line ;
  if (!*line) return 0 ;
  while (n < max)
  {
    w[n++] = p ;
    p = strchr(p, ' ') ;
    if (!p) break ;
    *p++ = 0 ;
  }
  return n ;
}

static void common_defaults (args_common *c)
{
  args_common z = ARGS_COMMON_ZERO ;
  *c = z ;
}

/* Parses line against defs into a fresh s and c; err holds the reason. */
static int run (qp_argdef const *defs, char const *line, st *s, args_common *c)
{
  static char copy[8192] ;
  char const *w[100] ;
  unsigned int n ;
  snprintf(copy, sizeof(copy), "%s", line) ;
  n = split(copy, w, 100) ;
  memset(s, 0, sizeof(*s)) ;
  common_defaults(c) ;
  err.len = 0 ;
  return args_parse(defs, s, c, n, w, &err) ;
}

 /* the table of lines */

struct pcase
{
  char const *name ;
  qp_argdef const *defs ;
  char const *line ;
  int ret ;
  char const *want ;   /* ret 1: items of the dump; ret 0: the reason, exactly */
} ;

#define BOOLS "0|1|yes|no|true|false|on|off"
#define RTYPES "perm|hard|temp|soft|disconnect|temp_disconnect"
#define LEVELS "0..7, +N, -N (N 0..7) or LOGEMERG..LOGDEBUG"

static struct pcase const cases[] =
{
  { "defaults", full, "", 1, "flag=0;wait=5;big=0;small=0;mode=1;file=(null);at=;tags=a,b;kv=;path=(null);count=1;msg=(null);loglevel=-1;logrel=0;reject=1;rtype=2;given=0" },
  { "no table, no words", 0, "", 1, "loglevel=-1;reject=1;rtype=2" },

  { "bool 1", full, "flag 1", 1, "flag=1" },
  { "bool yes", full, "flag yes", 1, "flag=1" },
  { "bool TRUE", full, "flag TRUE", 1, "flag=1" },
  { "bool On", full, "flag On", 1, "flag=1" },
  { "bool 1 then off", full, "flag 1 flag off", 1, "flag=0" },
  { "bool no", full, "flag no", 1, "flag=0" },
  { "bool False", full, "flag False", 1, "flag=0" },
  { "bool 2", full, "flag 2", 0, "flag: '2' is not one of " BOOLS },
  { "bool empty after =", full, "flag=", 0, "flag: '' is not one of " BOOLS },
  { "bool yesno", full, "flag yesno", 0, "flag: 'yesno' is not one of " BOOLS },

  { "uint 0", full, "wait 0", 1, "wait=0" },
  { "uint max", full, "wait 3600", 1, "wait=3600" },
  { "uint leading zeros", full, "wait 007", 1, "wait=7" },
  { "uint over max", full, "wait 3601", 0, "wait: '3601' is not a number from 0 to 3600" },
  { "uint negative", full, "wait -1", 0, "wait: '-1' is not a number from 0 to 3600" },
  { "uint plus sign", full, "wait +5", 0, "wait: '+5' is not a number from 0 to 3600" },
  { "uint hex", full, "wait 0x10", 0, "wait: '0x10' is not a number from 0 to 3600" },
  { "uint trailing letter", full, "wait 1x", 0, "wait: '1x' is not a number from 0 to 3600" },
  { "uint overflows 64 bits", full, "wait 99999999999999999999999", 0, "wait: '99999999999999999999999' is not a number from 0 to 3600" },
  { "uint max 0 means UINT_MAX", full, "big 4294967295", 1, "big=4294967295" },
  { "uint UINT_MAX + 1", full, "big 4294967296", 0, "big: '4294967296' is not a number from 0 to 4294967295" },
  { "uint under min", full, "small 9", 0, "small: '9' is not a number from 10 to 20" },
  { "uint min", full, "small 10", 1, "small=10" },
  { "uint max of range", full, "small 20", 1, "small=20" },
  { "uint over range", full, "small 21", 0, "small: '21' is not a number from 10 to 20" },

  { "enum first", full, "mode fast", 1, "mode=0" },
  { "enum any case", full, "mode OFF", 1, "mode=2" },
  { "enum unknown", full, "mode medium", 0, "mode: 'medium' is not one of fast|slow|off" },
  { "enum empty", full, "mode=", 0, "mode: '' is not one of fast|slow|off" },

  { "string", full, "file /etc/x", 1, "file=/etc/x" },
  { "string twice: the last", full, "file /a file /b", 1, "file=/b" },
  { "key=value splits at the first =", full, "file=a=b", 1, "file=a=b" },
  { "string takes a keyword as value", full, "file wait", 1, "file=wait;wait=5" },

  { "list one", full, "check-at CONNECT", 1, "at=CONNECT" },
  { "list split on ,", full, "check-at CONNECT,DATA", 1, "at=CONNECT,DATA" },
  { "list empty items dropped", full, "check-at ,,CONNECT,,DATA,", 1, "at=CONNECT,DATA" },
  { "list of commas only", full, "check-at ,,", 1, "at=" },
  { "list repeated appends", full, "check-at CONNECT check-at DATA", 1, "at=CONNECT,DATA" },
  { "list replaces its default", full, "tags c", 1, "tags=c" },
  { "list repeated after default", full, "tags c tags d,e", 1, "tags=c,d,e" },

  { "key=value uint", full, "wait=30", 1, "wait=30" },
  { "key=value with _ for -", full, "check_at=DATA", 1, "at=DATA" },
  { "_ for - in a keyword", full, "check_at DATA", 1, "at=DATA" },
  { "- for _ in a common keyword", full, "reject-type temp", 1, "rtype=3;given=1" },
  { "keywords are case-sensitive", full, "CHECK-AT DATA", 0, "count: 'DATA' is not a number from 1 to 9" },
  { "key=value of no keyword is a positional", full, "zz=1", 1, "path=zz=1" },
  { "keyword needs a value", full, "wait", 0, "argument 'wait' needs a value" },
  { "common keyword needs a value", full, "flag 1 loglevel", 0, "argument 'loglevel' needs a value" },

  { "positional then keyword", full, "/var/qmail/bin/qmail-queue loglevel 7", 1, "path=/var/qmail/bin/qmail-queue;loglevel=7;count=1" },
  { "two positionals", full, "/p 3", 1, "path=/p;count=3;msg=(null)" },
  { "bad second positional", full, "/p 0", 0, "count: '0' is not a number from 1 to 9" },
  { "keywords between positionals", full, "/p wait 9 4 rest", 1, "path=/p;wait=9;count=4;msg=rest" },
  { "rest joins by single spaces", full, "/p 3 hello world", 1, "msg=hello world" },
  { "rest swallows keywords", full, "/p 3 hello wait 9 loglevel 7", 1, "msg=hello wait 9 loglevel 7;wait=5;loglevel=-1" },
  { "rest starting with a keyword", full, "/p 3 x reject 0", 1, "msg=x reject 0;reject=1" },

  { "kv: positional first", kvt, "one", 1, "path=one;kv=" },
  { "kv: pairs", kvt, "one mail /m rcpt /r", 1, "path=one;kv=mail:/m:rcpt:/r" },
  { "kv: key=value", kvt, "one mail=/m", 1, "kv=mail:/m" },
  { "kv: keywords still keywords", kvt, "one flag 1 mail /m dir /d loglevel 2", 1, "flag=1;kv=mail:/m;file=/d;loglevel=2" },
  { "kv: value taken verbatim", kvt, "one x flag", 1, "kv=x:flag;flag=0" },
  { "kv: last word alone is unknown", kvt, "one mail", 0, "unknown argument 'mail' (accepted: flag, dir, loglevel, reject, reject_type)" },

  { "required: none given", req, "", 0, "missing argument HOOK" },
  { "required: one missing", req, "rcpt", 0, "missing argument VERDICT" },
  { "required: both", req, "rcpt deny", 1, "path=rcpt;mode=2;msg=no reason" },
  { "required: rest replaces its default", req, "rcpt DENY go away  now", 1, "msg=go away  now" },
  { "required: bad enum positional", req, "rcpt MAYBE", 0, "verdict: 'MAYBE' is not one of DECLINED|OK|DENY|DENYSOFT" },
  { "required: keyword first", req, "loglevel 6 rcpt OK", 1, "loglevel=6;path=rcpt;mode=1" },

  { "unknown argument", kw, "x", 0, "unknown argument 'x' (accepted: wait, check-at, loglevel, reject, reject_type)" },
  { "unknown after good ones", kw, "wait 5 check-at DATA x y", 0, "unknown argument 'x' (accepted: wait, check-at, loglevel, reject, reject_type)" },
  { "unknown key=value", kw, "zz=1", 0, "unknown argument 'zz=1' (accepted: wait, check-at, loglevel, reject, reject_type)" },
  { "no table: unknown", 0, "foo", 0, "unknown argument 'foo' (accepted: loglevel, reject, reject_type)" },
  { "unprintable octets shown as ?", 0, "a\001\177\303\251", 0, "unknown argument 'a\?\?\?\?' (accepted: loglevel, reject, reject_type)" },

  { "own reject replaces the common one", own, "reject 50", 1, "wait=50;reject=1" },
  { "own reject default", own, "", 1, "wait=5;reject=1" },
  { "own reject refuses naughty", own, "reject naughty", 0, "reject: 'naughty' is not a number from 1 to 100" },
  { "own reject: accepted list", own, "x", 0, "unknown argument 'x' (accepted: reject, loglevel, reject_type)" },
  { "own reject: reject_type still common", own, "reject_type soft", 1, "rtype=3;given=1" },

  { "loglevel 7", 0, "loglevel 7", 1, "loglevel=7;logrel=0" },
  { "loglevel 0", 0, "loglevel 0", 1, "loglevel=0" },
  { "loglevel 8", 0, "loglevel 8", 0, "loglevel: '8' is not " LEVELS },
  { "loglevel +2", 0, "loglevel +2", 1, "loglevel=-1;logrel=2" },
  { "loglevel -3", 0, "loglevel -3", 1, "loglevel=-1;logrel=-3" },
  { "loglevel +8", 0, "loglevel +8", 0, "loglevel: '+8' is not " LEVELS },
  { "loglevel + alone", 0, "loglevel +", 0, "loglevel: '+' is not " LEVELS },
  { "loglevel LOGINFO", 0, "loglevel LOGINFO", 1, "loglevel=6" },
  { "loglevel logdebug", 0, "loglevel logdebug", 1, "loglevel=7" },
  { "loglevel LOGEMERG", 0, "loglevel LOGEMERG", 1, "loglevel=0" },
  { "loglevel LOGWARN", 0, "loglevel=LOGWARN", 1, "loglevel=4" },
  { "loglevel LOGWARNING", 0, "loglevel LOGWARNING", 0, "loglevel: 'LOGWARNING' is not " LEVELS },
  { "loglevel relative then absolute", 0, "loglevel +2 loglevel 5", 1, "loglevel=5;logrel=0" },
  { "loglevel absolute then relative", 0, "loglevel 5 loglevel -1", 1, "loglevel=-1;logrel=-1" },

  { "reject 0", 0, "reject 0", 1, "reject=0" },
  { "reject 1", 0, "reject=1", 1, "reject=1" },
  { "reject naughty", 0, "reject naughty", 1, "reject=2" },
  { "reject NAUGHTY", 0, "reject NAUGHTY", 1, "reject=2" },
  { "reject 2", 0, "reject 2", 0, "reject: '2' is not one of 0|1|naughty" },
  { "reject log (no legacy words)", 0, "reject log", 0, "reject: 'log' is not one of 0|1|naughty" },
  { "reject deny (no legacy words)", 0, "reject deny", 0, "reject: 'deny' is not one of 0|1|naughty" },
  { "reject yes", 0, "reject yes", 0, "reject: 'yes' is not one of 0|1|naughty" },

  { "reject_type perm", 0, "reject_type perm", 1, "rtype=2;given=1" },
  { "reject_type hard", 0, "reject_type hard", 1, "rtype=2" },
  { "reject_type permanent", 0, "reject_type permanent", 1, "rtype=2" },
  { "reject_type temp", 0, "reject_type temp", 1, "rtype=3" },
  { "reject_type soft", 0, "reject_type soft", 1, "rtype=3" },
  { "reject_type tempfail", 0, "reject_type tempfail", 1, "rtype=3" },
  { "reject_type temporary", 0, "reject_type TEMPORARY", 1, "rtype=3" },
  { "reject_type disconnect", 0, "reject_type disconnect", 1, "rtype=4" },
  { "reject_type temp_disconnect", 0, "reject_type temp_disconnect", 1, "rtype=5" },
  { "reject_type later", 0, "reject_type later", 0, "reject_type: 'later' is not one of " RTYPES },
  { "reject_type not given", 0, "reject 1", 1, "rtype=2;given=0" },
  { 0, 0, 0, 0, 0 }
} ;

static void test_cases (void)
{
  struct pcase const *k = cases ;
  for (; k->name ; k++)
  {
    st s ;
    args_common c ;
    int r = run(k->defs, k->line, &s, &c) ;
    char const *m ;
    if (r != k->ret)
    {
      unit_check(0, k->name, "\"%s\": returned %d, expected %d (%s)", unit_escs(k->line), r, k->ret, r ? "" : unit_escs(err.s)) ;
      if (r) args_free(k->defs, &s) ;
      continue ;
    }
    if (!r)
    {
      unit_check(err.len && !err.s[err.len - 1] && !strcmp(err.s, k->want), k->name, "reason \"%s\", expected \"%s\"", unit_escs(err.s), k->want) ;
      continue ;
    }
    render(&s, &c) ;
    m = missing(k->want) ;
    unit_check(!m, k->name, "no \"%s\" in \"%s\"", unit_escs(m), unit_escs(dump)) ;
    args_free(k->defs, &s) ;
  }
}

 /* bounds, tables, failures, usage, leaks */

static void test_bounds (void)
{
  char line[8192] = "" ;
  st s ;
  args_common c ;
  unsigned int i ;
  for (i = 0 ; i < 32 ; i++) strcat(line, i ? " wait 1" : "wait 1") ;
  unit_check(run(kw, line, &s, &c), "64 words", "%s", unit_escs(err.s)) ;
  args_free(kw, &s) ;
  strcat(line, " x") ;
  unit_check(!run(kw, line, &s, &c) && !strcmp(err.s, "too many arguments: 'x' (at most 64)"), "65 words", "%s", unit_escs(err.s)) ;
  for (i = 0 ; i < 30 ; i++) strcat(line, " yy") ;
  unit_check(!run(kw, line, &s, &c) && !strcmp(err.s, "too many arguments: 'x' (at most 64)"), "95 words", "%s", unit_escs(err.s)) ;

  strcpy(line, "u") ;
  for (i = 0 ; i < 50 ; i++) strcat(line, "0123456789") ;
  unit_check(!run(0, line, &s, &c) && err.len <= ARGS_ERR_MAX
    && !strcmp(err.s, "unknown argument 'u012345678901234567890123456789012345678901234567890123456789012...' (accepted: loglevel, reject, reject_type)"),
    "a long word is shortened", "%s", unit_escs(err.s)) ;
}

/* 40 keywords of 20 octets: the accepted list passes ARGS_ERR_MAX */
static void test_long_reason (void)
{
  static char names[40][24] ;
  static qp_argdef many[41] ;
  st s ;
  args_common c ;
  unsigned int i ;
  for (i = 0 ; i < 40 ; i++)
  {
    snprintf(names[i], sizeof(names[i]), "keyword_number_%05u", i) ;
    many[i].name = names[i] ;
    many[i].type = QP_ARG_BOOL ;
    many[i].off = offsetof(st, flag) ;
  }
  unit_check(!run(many, "x", &s, &c) && err.len == ARGS_ERR_MAX && !err.s[err.len - 1] && !strcmp(err.s + err.len - 4, "..."),
    "a long reason is cut at ARGS_ERR_MAX with ...", "len %zu: %s", err.len, unit_escs(err.s)) ;
  unit_check(run(many, "keyword_number_00039 1", &s, &c) && s.flag == 1, "40 rows", "%s", unit_escs(err.s)) ;
}

struct tcase
{
  char const *name ;
  qp_argdef row ;
  char const *reason ;
} ;

static struct tcase const tcases[] =
{
  { "table: KV not named *", { .name = "x", .type = QP_ARG_KV }, "bad argument table at row 0 'x'" },
  { "table: KV positional", { .name = "*", .type = QP_ARG_KV | QP_ARG_POSITIONAL }, "bad argument table at row 0 '*'" },
  { "table: KV with a default", { .name = "*", .type = QP_ARG_KV, .def = "a" }, "bad argument table at row 0 '*'" },
  { "table: * not KV", { .name = "*", .type = QP_ARG_STRING }, "bad argument table at row 0 '*'" },
  { "table: REST not positional", { .name = "m", .type = QP_ARG_REST }, "bad argument table at row 0 'm'" },
  { "table: REQUIRED keyword", { .name = "m", .type = QP_ARG_STRING | QP_ARG_REQUIRED }, "bad argument table at row 0 'm'" },
  { "table: ENUM without choices", { .name = "e", .type = QP_ARG_ENUM }, "bad argument table at row 0 'e'" },
  { "table: UINT min over max", { .name = "u", .type = QP_ARG_UINT, .min = 5, .max = 4 }, "bad argument table at row 0 'u'" },
  { "table: empty name", { .name = "", .type = QP_ARG_BOOL }, "bad argument table at row 0 ''" },
  { "table: type 0", { .name = "t", .type = 0 }, "bad argument table at row 0 't'" },
  { "table: type 8", { .name = "t", .type = 8 }, "bad argument table at row 0 't'" },
  { "table: unknown flag", { .name = "t", .type = QP_ARG_BOOL | 0x400 }, "bad argument table at row 0 't'" },
  { "table: bad default", { .name = "n", .type = QP_ARG_UINT, .def = "abc" }, "n: 'abc' is not a number from 0 to 4294967295 (the table's default)" },
  { 0, { 0 }, 0 }
} ;

static void test_tables (void)
{
  struct tcase const *k = tcases ;
  static qp_argdef big[ARGS_ROWS_MAX + 2] ;
  qp_argdef t[3] ;
  st s ;
  args_common c ;
  unsigned int i ;
  for (; k->name ; k++)
  {
    memset(t, 0, sizeof(t)) ;
    t[0] = k->row ;
    t[0].off = offsetof(st, kv) ;
    unit_check(!run(t, "", &s, &c) && !strcmp(err.s, k->reason) && errno == EINVAL, k->name, "%s", unit_escs(err.s)) ;
  }
  memset(t, 0, sizeof(t)) ;
  t[0].name = "*" ; t[0].type = QP_ARG_KV ; t[0].off = offsetof(st, kv) ;
  t[1] = t[0] ;
  unit_check(!run(t, "", &s, &c) && !strcmp(err.s, "bad argument table at row 1 '*'"), "table: two KV rows", "%s", unit_escs(err.s)) ;
  for (i = 0 ; i <= ARGS_ROWS_MAX ; i++) { big[i].name = "b" ; big[i].type = QP_ARG_BOOL ; }
  unit_check(!run(big, "", &s, &c) && !strcmp(err.s, "bad argument table at row 64 'b'"), "table: 65 rows", "%s", unit_escs(err.s)) ;
  big[ARGS_ROWS_MAX].name = 0 ;
  unit_check(run(big, "b 1", &s, &c), "table: 64 rows", "%s", unit_escs(err.s)) ;
  err.len = 0 ;
  unit_check(!args_parse(kw, 0, &c, 0, 0, &err) && !strcmp(err.s, "bad argument table at row 0 'wait'"), "table: rows but no state", "%s", unit_escs(err.s)) ;
}

/* A failure frees what the parse allocated, sets errno, and appends. */
static void test_failure (void)
{
  static char const reason[] = "small: '1' is not a number from 10 to 20" ;
  char const *bad[] = { "check-at", "A,B", "tags", "c", "small", "1" } ;
  char const *verdict[] = { "rcpt", "DENY", "world" } ;
  char const *odd[] = { "/p", "2", "a b", "", "c" } ;
  st s ;
  args_common c ;
  int r ;
  memset(&s, 0, sizeof(s)) ;
  common_defaults(&c) ;
  err.len = 0 ;
  stralloc_catb(&err, "pre\0", 4) ;
  r = args_parse(full, &s, &c, 6, bad, &err) ;
  unit_check(!r && errno == EINVAL, "failure: returns 0 with EINVAL", "r=%d errno=%d", r, errno) ;
  unit_check(!s.at.s && !s.at.len && !s.tags.s && !s.tags.len, "failure: lists already freed", "at.s=%p tags.s=%p", (void *)s.at.s, (void *)s.tags.s) ;
  unit_check(err.len == 4 + sizeof(reason) && !memcmp(err.s, "pre\0", 4) && !strcmp(err.s + 4, reason),
    "failure: reason appended after what err held", "%s", unit_esc(err.s, err.len)) ;

  memset(&s, 0, sizeof(s)) ;
  err.len = 0 ;
  r = args_parse(req, &s, &c, 3, verdict, &err) ;
  unit_check(r && s.msg && !strcmp(s.msg, "world"), "rest: the words replace the default", "%s", unit_escs(s.msg)) ;
  args_free(req, &s) ;
  unit_check(!s.msg, "free: REST pointer zeroed", "%p", (void const *)s.msg) ;
  args_free(req, &s) ;
  unit_check(!s.msg, "free: twice is harmless", 0) ;

  memset(&s, 0, sizeof(s)) ;
  r = args_parse(full, &s, &c, 5, odd, &err) ;
  unit_check(r && s.msg && !strcmp(s.msg, "a b  c"), "rest: words kept as given, one space between", "%s", unit_escs(s.msg)) ;
  args_free(full, &s) ;
}

static void test_usage (void)
{
  stralloc sa = STRALLOC_ZERO ;
  unit_check(args_usage(full, "p", &sa) && sa.len && !sa.s[sa.len - 1]
    && !strcmp(sa.s, "p [flag 0|1] [wait SECONDS] [big N] [small N] [mode fast|slow|off] [file FILE] [check-at CONNECT|DATA] [tags ITEM,...]"
      " [PATH] [count] [message...] [loglevel N] [reject 0|1|naughty] [reject_type perm|temp|disconnect|temp_disconnect]"),
    "usage: every type", "%s", unit_escs(sa.s)) ;
  sa.len = 0 ;
  unit_check(args_usage(kvt, "help", &sa)
    && !strcmp(sa.s, "help [flag 0|1] [dir DIR] [COMMAND FILE]... [first] [loglevel N] [reject 0|1|naughty] [reject_type perm|temp|disconnect|temp_disconnect]"),
    "usage: catch-all row", "%s", unit_escs(sa.s)) ;
  sa.len = 0 ;
  unit_check(args_usage(req, "test/verdict", &sa)
    && !strcmp(sa.s, "test/verdict HOOK VERDICT [message...] [loglevel N] [reject 0|1|naughty] [reject_type perm|temp|disconnect|temp_disconnect]"),
    "usage: required positionals", "%s", unit_escs(sa.s)) ;
  sa.len = 0 ;
  unit_check(args_usage(own, "spamassassin", &sa) && !strcmp(sa.s, "spamassassin [reject SCORE] [loglevel N] [reject_type perm|temp|disconnect|temp_disconnect]"),
    "usage: own reject", "%s", unit_escs(sa.s)) ;
  sa.len = 0 ;
  stralloc_catb(&sa, "x\0", 2) ;
  {
    static char const want[] = "rcpt_ok [loglevel N] [reject 0|1|naughty] [reject_type perm|temp|disconnect|temp_disconnect]" ;
    unit_check(args_usage(0, "rcpt_ok", &sa) && sa.len == 2 + sizeof(want) && !strcmp(sa.s + 2, want),
      "usage: no table, appended", "%s", unit_escs(sa.s + 2)) ;
  }
  stralloc_free(&sa) ;
}

/* run under valgrind by make check-valgrind: no leak, success or failure */
static void test_loop (void)
{
  unsigned int i ;
  int ok = 1 ;
  for (i = 0 ; i < 10000 ; i++)
  {
    st s ;
    args_common c ;
    if (!run(full, "/p 3 hello world check-at a,b tags x", &s, &c)) ok = 0 ;
    args_free(full, &s) ;
    if (!run(kvt, "one a b c=d flag 1", &s, &c)) ok = 0 ;
    args_free(kvt, &s) ;
    if (run(full, "check-at a,b tags x,y,z small 1", &s, &c)) ok = 0 ;
    if (run(req, "rcpt", &s, &c)) ok = 0 ;
  }
  unit_check(ok && err.a < 4096, "10000 parses, good and bad", "ok=%d err.a=%zu", ok, err.a) ;
}

int main (void)
{
  unit_init("args") ;
  test_cases() ;
  test_bounds() ;
  test_long_reason() ;
  test_tables() ;
  test_failure() ;
  test_usage() ;
  test_loop() ;
  stralloc_free(&err) ;
  return unit_end() ;
}
