/* ISC license. */
/* rcpt_regexp: the first line of control/rcpt_regexp that matches the
   recipient ("/REGEX/" or an exact address) gives the verdict named on it
   (OK, DENY, DENYSOFT, ...) and its comment as the reply text. The file is
   read and checked at init: a line it cannot use stops the server. */

#include <errno.h>
#include <stddef.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct rule_s rule ;
struct rule_s
{
  size_t key ;          /* offset in rre.text of the address or the regex */
  size_t comment ;      /* offset in rre.text of the comment, or (size_t)-1 */
  int verdict ;
  int isre ;
  regex_t re ;          /* isre only */
} ;

typedef struct rre_s rre ;
struct rre_s
{
  stralloc text ;       /* the file's values, NUL-separated, split in place */
  rule *r ;
  size_t n ;
} ;

#define FILE_NAME "rcpt_regexp"

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

static int bad (char const *line, char const *why, char const *what)
{
  qp_log(LOGERROR, "control/" FILE_NAME ": line '", line, "': ", why, what, (char *)0) ;
  return 0 ;
}

/* Reads one "KEY CODE [comment]" line: 1, or 0 after logging. The line's
   text is copied for the log first, as parsing splits it in place. */
static int rule_make (rre *st, size_t off, rule *r)
{
  char *key = st->text.s + off ;
  size_t klen ;
  char *code, *comment ;
  char line[512] ;
  size_t ll = strlen(key) ;
  if (ll >= sizeof line) ll = sizeof line - 1 ;
  memcpy(line, key, ll) ;
  line[ll] = 0 ;
  code = field(key) ;
  comment = field(code) ;
  if (!*code) return bad(line, "no code (OK, DENY, DENYSOFT, DENY_DISCONNECT, DENYSOFT_DISCONNECT or DECLINED)", "") ;
  r->verdict = qp_verdict_scan(code) ;
  if (r->verdict < 0) return bad(line, "unknown code ", code) ;
  r->comment = *comment ? (size_t)(comment - st->text.s) : (size_t)-1 ;
  r->key = off ;
  klen = strlen(key) ;
  if (klen >= 2 && key[0] == '/' && key[klen-1] == '/')
  {
    int e ;
    key[klen-1] = 0 ;
    r->key = off + 1 ;
    e = regcomp(&r->re, key + 1, REG_EXTENDED | REG_ICASE | REG_NOSUB) ;
    if (e)
    {
      char err[256] ;
      regerror(e, &r->re, err, sizeof err) ;
      return bad(line, "bad regex: ", err) ;
    }
    r->isre = 1 ;
    return 1 ;
  }
  lower(key) ;
  if (!strchr(key, '@'))
    qp_log(LOGWARN, "warning: control/" FILE_NAME ": no @ in ", key, ": it can never match", (char *)0) ;
  return 1 ;
}

/* 1 ok, 0 after logging. */
static int load (rre *st)
{
  size_t count = 0, i ;
  if (qp_control_list(FILE_NAME, &st->text) < 0)
  {
    qp_log(LOGERROR, "unable to read control/" FILE_NAME ": ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  for (i = 0 ; i < st->text.len ; i++) if (!st->text.s[i]) count++ ;
  if (!count) return 1 ;
  st->r = calloc(count, sizeof *st->r) ;
  if (!st->r)
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  for (i = 0 ; i < st->text.len ; )
  {
    size_t next = i + strlen(st->text.s + i) + 1 ;
    if (!rule_make(st, i, st->r + st->n)) return 0 ;
    st->n++ ;
    i = next ;
  }
  return 1 ;
}

/* The file's verdict under the instance's reject: 0 logs only, naughty
   stores it with its own verdict; reject_type has no say (init refuses it). */
static int refuse (int v, char const *msg)
{
  switch (qp_reject_mode())
  {
    case QP_REJECT_NO :
      qp_log(LOGINFO, "fail, tolerated: ", msg ? msg : qp_verdict_name(v), (char *)0) ;
      return DECLINED ;
    case QP_REJECT_NAUGHTY :
      qp_log(LOGINFO, "fail, deferred to naughty: ", msg ? msg : qp_verdict_name(v), (char *)0) ;
      return qp_naughty_store(v, msg) ? DECLINED : DENYSOFT ;
    default :
      if (msg) qp_msg(msg) ;
      return v ;
  }
}

static int rre_rcpt (void *state, qp_hookarg const *a)
{
  rre *st = state ;
  char const *addr = qp_arg(a, "address") ;
  char const *at = strrchr(addr, '@') ;
  stralloc to = STRALLOC_ZERO ;
  rule const *r = 0 ;
  size_t i = 0 ;
  if (!st->n) return DECLINED ;
  if (!at || at == addr || !at[1])
  {
    qp_log(LOGDEBUG, "skip: missing user or host", (char *)0) ;
    return DECLINED ;
  }
  if (!stralloc_copys(&to, addr) || !stralloc_0(&to))
  {
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("451 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  lower(to.s) ;
  for (; i < st->n ; i++)
  {
    r = st->r + i ;
    if (r->isre ? !regexec(&r->re, to.s, 0, 0, 0) : !strcmp(st->text.s + r->key, to.s)) break ;
  }
  stralloc_free(&to) ;
  if (i == st->n)
  {
    qp_log(LOGDEBUG, "pass: no line matches", (char *)0) ;
    return DECLINED ;
  }
  qp_log(r->verdict == OK || r->verdict == DECLINED ? LOGDEBUG : LOGINFO,
    r->verdict == OK || r->verdict == DECLINED ? "pass: <" : "fail: <", addr, "> matches ",
    st->text.s + r->key, ": ", qp_verdict_name(r->verdict), (char *)0) ;
  /* qpsmtpd sends the comment with a refusal only; OK keeps the core's 250 */
  if (r->verdict == OK || r->verdict == DECLINED) return r->verdict ;
  return refuse(r->verdict, r->comment == (size_t)-1 ? 0 : st->text.s + r->comment) ;
}

static int rre_init (void *state)
{
  if (qp_reject_verdict() != DENY)
  {
    qp_log(LOGERROR, "reject_type has no meaning here: each line of control/" FILE_NAME " names its verdict", (char *)0) ;
    return 0 ;
  }
  return load(state) ;
}

qp_plugin const plugin_rcpt_regexp =
{
  .name = "rcpt_regexp",
  .state_size = sizeof(rre),
  .init = &rre_init,
  .hook = { [HOOK_RCPT] = &rre_rcpt },
  .flags = 0,
} ;
