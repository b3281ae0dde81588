/* ISC license. */
/* badrcptto: refuses RCPT to recipients listed in control/badrcptto (whole
   addresses and @host entries, literal as qmail-style files are) or matching a
   POSIX extended regex (control/badrcptto_patterns, or qpsmtpd master's
   pattern-looking entries with "patterns 1"). Read and compiled at init. */

#include <errno.h>
#include <stddef.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

enum kind_e { KIND_ADDR, KIND_HOST, KIND_REGEX } ;

typedef struct entry_s entry ;
struct entry_s
{
  size_t key ;          /* offset in brt.text of the address, @host or pattern */
  size_t reason ;       /* offset in brt.text of the reason, or (size_t)-1 */
  int kind ;
  regex_t re ;          /* KIND_REGEX only */
} ;

typedef struct brt_s brt ;
struct brt_s
{
  stralloc text ;       /* the files' values, NUL-separated, split in place */
  entry *e ;
  size_t n ;
  int patterns ;        /* the argument: pattern-looking badrcptto entries are patterns */
} ;

static qp_argdef const brt_args[] =
{
  { .name = "patterns", .type = QP_ARG_BOOL, .off = offsetof(brt, patterns), .def = "0", .meta = "0|1" },
  { 0 }
} ;

/* How an entry is read: literally (qmail-style), as qpsmtpd master does (a
   pattern when it has a pattern character), or always a pattern
   (badrcptto_patterns, qpsmtpd 0.94's check_badrcptto_patterns) */
enum mode_e { MODE_LITERAL, MODE_AUTO, MODE_PATTERN } ;

/* qpsmtpd master's rule: an entry with any of these characters is a pattern */
#define PATTERN_CHARS "/^$*+!%?\\"

static void lower (char *s)
{
  for (; *s ; s++) if (*s >= 'A' && *s <= 'Z') *s += 'a' - 'A' ;
}

/* Splits "key   reason" in place; returns the reason's offset or (size_t)-1. */
static size_t split (char *text, size_t off)
{
  char *s = text + off ;
  size_t k = strcspn(s, " \t") ;
  if (!s[k]) return (size_t)-1 ;
  s[k++] = 0 ;
  k += strspn(s + k, " \t") ;
  return s[k] ? off + k : (size_t)-1 ;
}

/* 1 ok, 0 after logging (bad regex). */
static int entry_make (brt *st, size_t off, entry *e, int mode, char const *file)
{
  char *key = st->text.s + off ;
  int looks ;
  e->key = off ;
  e->reason = split(st->text.s, off) ;
  looks = !!key[strcspn(key, PATTERN_CHARS)] ;
  if (mode == MODE_PATTERN || (mode == MODE_AUTO && looks))
  {
    int r = regcomp(&e->re, key, REG_EXTENDED | REG_ICASE | REG_NOSUB) ;
    if (r)
    {
      char err[256] ;
      regerror(r, &e->re, err, sizeof err) ;
      qp_log(LOGERROR, "control/", file, ": bad pattern ", key, ": ", err, (char *)0) ;
      return 0 ;
    }
    e->kind = KIND_REGEX ;
    return 1 ;
  }
  /* a qmail-style list is literal: list+owner@x refuses exactly that */
  if (looks)
    qp_log(LOGINFO, "control/", file, ": ", key, " is taken literally (patterns: badrcptto_patterns, or the argument patterns 1)", (char *)0) ;
  lower(key) ;
  if (!strchr(key, '@'))
    qp_log(LOGWARN, "warning: control/", file, ": no @ in ", key, ": it can never match", (char *)0) ;
  e->kind = key[0] == '@' ? KIND_HOST : KIND_ADDR ;
  return 1 ;
}

/* Appends control/name to st->text: 1 ok, 0 after logging. */
static int read_one (brt *st, char const *name)
{
  if (qp_control_list(name, &st->text) >= 0) return 1 ;
  qp_log(LOGERROR, "unable to read control/", name, ": ", strerror(errno), (char *)0) ;
  return 0 ;
}

/* 1 ok, 0 after logging. */
static int load (brt *st)
{
  size_t count = 0, i, boundary ;
  if (!read_one(st, "badrcptto")) return 0 ;
  boundary = st->text.len ;
  if (!read_one(st, "badrcptto_patterns")) return 0 ;
  for (i = 0 ; i < st->text.len ; i++) if (!st->text.s[i]) count++ ;
  if (!count) return 1 ;
  st->e = calloc(count, sizeof *st->e) ;
  if (!st->e)
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  for (i = 0 ; i < st->text.len ; )
  {
    size_t next = i + strlen(st->text.s + i) + 1 ;
    int pat = i >= boundary ;
    int mode = pat ? MODE_PATTERN : st->patterns ? MODE_AUTO : MODE_LITERAL ;
    if (!entry_make(st, i, st->e + st->n, mode, pat ? "badrcptto_patterns" : "badrcptto")) return 0 ;
    st->n++ ;
    i = next ;
  }
  return 1 ;
}

static int entry_match (brt const *st, entry const *e, char const *to, char const *host)
{
  char const *key = st->text.s + e->key ;
  switch (e->kind)
  {
    case KIND_REGEX : return !regexec(&e->re, to, 0, 0, 0) ;
    case KIND_HOST : return !strcasecmp(key, host) ;
    default : return !strcasecmp(key, to) ;
  }
}

/* The refusal's text: the entry's reason, else qpsmtpd's "mail to X not
   accepted here" with RFC 3463's X.1.1 (bad destination mailbox) in the
   class of the reply reject_type gives; no code when the text is only logged
   or stored for naughty (which prefixes it). 1, or 0 out of memory. */
static int refusal (stralloc *sa, brt const *st, entry const *e, char const *to)
{
  int v = qp_reject_verdict() ;
  char const *what = e->kind == KIND_REGEX ? to : st->text.s + e->key ;
  char const *esc = qp_reject_mode() != QP_REJECT_YES ? "" : v == DENY || v == DENY_DISCONNECT ? "5.1.1 " : "4.1.1 " ;
  if (e->reason != (size_t)-1) return stralloc_copys(sa, st->text.s + e->reason) && stralloc_0(sa) ;
  return stralloc_copys(sa, esc) && stralloc_cats(sa, "mail to ")
   && stralloc_cats(sa, what) && stralloc_cats(sa, " not accepted here") && stralloc_0(sa) ;
}

static int brt_rcpt (void *state, qp_hookarg const *a)
{
  brt *st = state ;
  char const *to = qp_arg(a, "address") ;
  char const *at = strrchr(to, '@') ;
  stralloc msg = STRALLOC_ZERO ;
  int r ;
  size_t i = 0 ;
  if (!st->n) return DECLINED ;
  if (!at || at == to || !at[1])
  {
    qp_log(LOGDEBUG, "skip: missing user or host", (char *)0) ;
    return DECLINED ;
  }
  while (i < st->n && !entry_match(st, st->e + i, to, at)) i++ ;
  if (i == st->n)
  {
    qp_log(LOGDEBUG, "pass", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: <", to, "> matches ", st->text.s + st->e[i].key, (char *)0) ;
  qp_karma_adjust(-2) ;
  if (!refusal(&msg, st, st->e + i, to))
  {
    stralloc_free(&msg) ;
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("451 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  r = qp_reject(msg.s) ;
  stralloc_free(&msg) ;
  return r ;
}

static int brt_init (void *state)
{
  return load(state) ;
}

static char const *const brt_aliases[] = { "check_badrcptto", "check_badrcptto_patterns", 0 } ;

qp_plugin const plugin_badrcptto =
{
  .name = "badrcptto",
  .aliases = brt_aliases,
  .state_size = sizeof(brt),
  .args = brt_args,
  .init = &brt_init,
  .hook = { [HOOK_RCPT] = &brt_rcpt },
  .flags = 0,
} ;
