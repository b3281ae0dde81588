/* ISC license. */
/* badmailfromto: refuses RCPT to a recipient paired with the envelope sender
   in control/badmailfromto ("sender recipient" lines), as if the recipient
   did not exist, so that the sender does not learn it is the one blocked. */

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct pair_s pair ;
struct pair_s
{
  size_t from ;         /* offset in bmft.text of the sender (user@host or @host) */
  size_t to ;           /* offset in bmft.text of the recipient (user@host or @host) */
} ;

typedef struct bmft_s bmft ;
struct bmft_s
{
  stralloc text ;       /* the file's values, NUL-separated, split in place */
  pair *p ;
  size_t n ;
} ;

#define FILE_NAME "badmailfromto"
/* the transaction note that says whether the MAIL hook found the sender */
#define NOTE_KEY "sender"

static void lower (char *s)
{
  for (; *s ; s++) if (*s >= 'A' && *s <= 'Z') *s += 'a' - 'A' ;
}

/* user@host, or @host for every address at host (not its subdomains) */
static int addr_match (char const *entry, char const *addr)
{
  char const *at = strrchr(addr, '@') ;
  if (entry[0] == '@') return at && !strcasecmp(entry, at) ;
  return !strcasecmp(entry, addr) ;
}

/* Splits the line at off into its two first fields: 1, or 0 after a
   warning (the line is skipped: it can never match anything). */
static int pair_make (bmft *st, size_t off, pair *p)
{
  char *s = st->text.s + off ;
  size_t k = strcspn(s, " \t"), t ;
  if (!s[k])
  {
    qp_log(LOGWARN, "warning: control/" FILE_NAME ": line '", s, "' has no recipient: skipped", (char *)0) ;
    return 0 ;
  }
  s[k++] = 0 ;
  k += strspn(s + k, " \t") ;
  t = strcspn(s + k, " \t") ;
  s[k + t] = 0 ;    /* text after the recipient is a comment */
  if (!strchr(s, '@') || !strchr(s + k, '@'))
  {
    qp_log(LOGWARN, "warning: control/" FILE_NAME ": line '", s, " ", s + k, "' has no @ in an address: skipped", (char *)0) ;
    return 0 ;
  }
  lower(s) ;
  lower(s + k) ;
  p->from = off ;
  p->to = off + k ;
  return 1 ;
}

/* 1 ok, 0 after logging. */
static int load (bmft *st)
{
  size_t count = 0, i ;
  if (qp_control_list(FILE_NAME, &st->text) < 0)
  {
    qp_log(LOGERROR, "unable to read control/" FILE_NAME ": ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  for (i = 0 ; i < st->text.len ; i++) if (!st->text.s[i]) count++ ;
  if (!count) return 1 ;
  st->p = calloc(count, sizeof *st->p) ;
  if (!st->p)
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  for (i = 0 ; i < st->text.len ; )
  {
    size_t next = i + strlen(st->text.s + i) + 1 ;
    if (pair_make(st, i, st->p + st->n)) st->n++ ;
    i = next ;
  }
  return 1 ;
}

/* 1 if the sender is the first half of a pair: a real address, not <>. */
static int sender_listed (bmft const *st, char const *from)
{
  char const *at = from ? strrchr(from, '@') : 0 ;
  if (!at || at == from || !at[1]) return 0 ;
  for (size_t i = 0 ; i < st->n ; i++)
    if (addr_match(st->text.s + st->p[i].from, from)) return 1 ;
  return 0 ;
}

static int bmft_mail (void *state, qp_hookarg const *a)
{
  bmft *st = state ;
  char const *from = qp_arg(a, "address") ;
  int listed ;
  if (!st->n) return DECLINED ;
  listed = sender_listed(st, from) ;
  if (listed) qp_log(LOGINFO, "sender <", from, "> is listed: its recipients are checked", (char *)0) ;
  else qp_log(LOGDEBUG, "pass: sender not listed", (char *)0) ;
  /* a lost note only makes RCPT look the sender up again */
  qp_note_set(QP_TXN_OWN, NOTE_KEY, listed ? "listed" : "clean") ;
  return DECLINED ;
}

static int bmft_rcpt (void *state, qp_hookarg const *a)
{
  bmft *st = state ;
  char const *to = qp_arg(a, "address") ;
  char const *from = qp_sender() ;
  char const *note = qp_note_get(QP_TXN_OWN, NOTE_KEY) ;
  stralloc msg = STRALLOC_ZERO ;
  int v, r ;
  size_t i = 0 ;
  if (!st->n || !from) return DECLINED ;
  /* no note: an earlier plugin decided MAIL with OK before our MAIL hook ran */
  if (note ? strcmp(note, "listed") : !sender_listed(st, from))
  {
    qp_log(LOGDEBUG, "pass: sender not listed", (char *)0) ;
    return DECLINED ;
  }
  while (i < st->n && !(addr_match(st->text.s + st->p[i].from, from) && addr_match(st->text.s + st->p[i].to, to))) i++ ;
  if (i == st->n)
  {
    qp_log(LOGDEBUG, "pass: recipient not paired with the sender", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: <", from, "> to <", to, "> matches ", st->text.s + st->p[i].from, " ", st->text.s + st->p[i].to, (char *)0) ;
  v = qp_reject_verdict() ;
  /* the X.1.1 of a mailbox that does not exist (RFC 3463), in the reply's
     class; none when only logged or stored for naughty */
  if (!stralloc_copys(&msg, qp_reject_mode() != QP_REJECT_YES ? "" : v == DENY || v == DENY_DISCONNECT ? "5.1.1 " : "4.1.1 ")
   || !stralloc_cats(&msg, "mail to ") || !stralloc_cats(&msg, to) || !stralloc_cats(&msg, " not accepted here")
   || !stralloc_0(&msg))
  {
    stralloc_free(&msg) ;
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("451 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  lower(msg.s) ;
  r = qp_reject(msg.s) ;
  stralloc_free(&msg) ;
  return r ;
}

static int bmft_init (void *state)
{
  return load(state) ;
}

static char const *const bmft_aliases[] = { "check_badmailfromto", 0 } ;

qp_plugin const plugin_badmailfromto =
{
  .name = "badmailfromto",
  .aliases = bmft_aliases,
  .state_size = sizeof(bmft),
  .init = &bmft_init,
  .hook = { [HOOK_MAIL] = &bmft_mail, [HOOK_RCPT] = &bmft_rcpt },
  .flags = 0,
} ;
