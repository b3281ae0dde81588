/* ISC license. */
/* badmailfrom: refuses MAIL from senders listed in control/badmailfrom, as whole
   addresses, @host entries (qmail's rules) or POSIX extended regexes (qpsmtpd's
   pattern entries). The file is read and the patterns compiled at init. */

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
  size_t key ;          /* offset in bmf.text of the address, @host or pattern */
  size_t reason ;       /* offset in bmf.text of the reason, or (size_t)-1 */
  int kind ;
  regex_t re ;          /* KIND_REGEX only */
} ;

typedef struct bmf_s bmf ;
struct bmf_s
{
  stralloc text ;       /* the file's values, NUL-separated, split in place */
  entry *e ;
  size_t n ;
  int patterns ;        /* the argument: pattern-looking badmailfrom entries are patterns */
} ;

static qp_argdef const bmf_args[] =
{
  { .name = "patterns", .type = QP_ARG_BOOL, .off = offsetof(bmf, patterns), .def = "0", .meta = "0|1" },
  { 0 }
} ;

/* How an entry is read: qmail's literal rules, qpsmtpd master's (a pattern
   when it has a pattern character), or always a pattern (badmailfrom_patterns) */
enum mode_e { MODE_LITERAL, MODE_AUTO, MODE_PATTERN } ;

#define DEFAULT_REASON "Your envelope sender is in my badmailfrom list"
/* qpsmtpd's rule: an entry with any of these characters is a pattern */
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
static int entry_make (bmf *st, size_t off, entry *e, int mode, char const *file)
{
  char *key = st->text.s + off ;
  int looks = !!key[strcspn(key, PATTERN_CHARS)] ;
  e->key = off ;
  e->reason = split(st->text.s, off) ;
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
  /* qmail's badmailfrom is literal: list+bounce@x blocks exactly that */
  if (looks)
    qp_log(LOGINFO, "control/", file, ": ", key, " is taken literally, as qmail does (patterns: badmailfrom_patterns, or the argument patterns 1)", (char *)0) ;
  lower(key) ;
  if (!strchr(key, '@'))
    qp_log(LOGWARN, "warning: control/badmailfrom: no @ in ", key, ": it can never match", (char *)0) ;
  e->kind = key[0] == '@' ? KIND_HOST : KIND_ADDR ;
  return 1 ;
}

/* 1 ok, 0 after logging. */
static int load (bmf *st)
{
  size_t count = 0, i, boundary ;
  int r = qp_control_list("badmailfrom", &st->text) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "unable to read control/badmailfrom: ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  boundary = st->text.len ;
  /* qpsmtpd 0.94's check_badmailfrom_patterns file: every entry a pattern */
  r = qp_control_list("badmailfrom_patterns", &st->text) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "unable to read control/badmailfrom_patterns: ", strerror(errno), (char *)0) ;
    return 0 ;
  }
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
    int mode = i >= boundary ? MODE_PATTERN : st->patterns ? MODE_AUTO : MODE_LITERAL ;
    if (!entry_make(st, i, st->e + st->n, mode, i >= boundary ? "badmailfrom_patterns" : "badmailfrom")) return 0 ;
    st->n++ ;
    i = next ;
  }
  return 1 ;
}

static int entry_match (bmf const *st, entry const *e, char const *from, char const *host)
{
  char const *key = st->text.s + e->key ;
  switch (e->kind)
  {
    case KIND_REGEX : return !regexec(&e->re, from, 0, 0, 0) ;
    case KIND_HOST : return !strcasecmp(key, host) ;
    default : return !strcasecmp(key, from) ;
  }
}

static int bmf_mail (void *state, qp_hookarg const *a)
{
  bmf *st = state ;
  char const *from = qp_arg(a, "address") ;
  char const *at = strrchr(from, '@') ;
  if (!st->n) return DECLINED ;
  if (!*from)
  {
    qp_log(LOGDEBUG, "skip: null sender", (char *)0) ;
    return DECLINED ;
  }
  if (!at || at == from || !at[1])
  {
    qp_log(LOGDEBUG, "skip: missing user or host", (char *)0) ;
    return DECLINED ;
  }
  for (size_t i = 0 ; i < st->n ; i++)
  {
    entry const *e = st->e + i ;
    char const *reason = e->reason == (size_t)-1 ? DEFAULT_REASON : st->text.s + e->reason ;
    if (!entry_match(st, e, from, at)) continue ;
    qp_log(LOGINFO, "fail: <", from, "> matches ", st->text.s + e->key, (char *)0) ;
    qp_karma_adjust(-1) ;
    /* reject and reject_type as qpsmtpd's (the common arguments) */
    return qp_reject(reason) ;
  }
  qp_log(LOGDEBUG, "pass", (char *)0) ;
  return DECLINED ;
}

static int bmf_init (void *state)
{
  return load(state) ;
}

static char const *const bmf_aliases[] = { "check_badmailfrom", "check_badmailfrom_patterns", 0 } ;

qp_plugin const plugin_badmailfrom =
{
  .name = "badmailfrom",
  .aliases = bmf_aliases,
  .state_size = sizeof(bmf),
  .args = bmf_args,
  .init = &bmf_init,
  .hook = { [HOOK_MAIL] = &bmf_mail },
  .flags = 0,
} ;
