/* ISC license. */
/* logging/adaptive: holds back the log lines of a transaction and writes
   them to stderr once its outcome is known: up to one level when nothing was
   refused (prefixed, for a separate log of accepted mail), up to another when
   a plugin refused something. The held lines are bounded; never logs from
   inside the logging hook. */

#include <stddef.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <skalibs/allreadwrite.h>
#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

/* held octets per transaction; the lines past it are only counted */
#define ADAPTIVE_HOLD_MAX 65536
#define ADAPTIVE_PREFIX_MAX 32

typedef struct adaptive_s adaptive ;
struct adaptive_s
{
  char const *accept ;  /* the arguments, NULL if absent */
  char const *reject ;
  char const *prefix ;
  int acceptmax ;
  int rejectmax ;
  stralloc held ;       /* records: level digit, "<shape>: text", '\n' */
  stralloc out ;        /* the lines being written */
  unsigned long dropped ;
  int denied ;          /* a plugin refused something in this unit */
  int closed ;          /* post-connection passed: write straight through */
} ;

/* "<pid> [prefix ]" */
static int lead (adaptive *st, int prefixed)
{
  char pid[24] ;
  snprintf(pid, sizeof pid, "%ld ", (long)getpid()) ;
  if (!stralloc_cats(&st->out, pid)) return 0 ;
  return !prefixed || (stralloc_cats(&st->out, st->prefix) && stralloc_catb(&st->out, " ", 1)) ;
}

/* Writes the held lines for the unit's outcome and starts a new unit. */
static void flush (adaptive *st)
{
  int prefixed = !st->denied ;
  int max = st->denied ? st->rejectmax : st->acceptmax ;
  size_t i = 0 ;
  st->out.len = 0 ;
  while (i < st->held.len)
  {
    char const *rec = st->held.s + i ;
    size_t len = (char const *)memchr(rec, '\n', st->held.len - i) - rec + 1 ;
    if (rec[0] - '0' <= max && (!lead(st, prefixed) || !stralloc_catb(&st->out, rec + 1, len - 1))) break ;
    i += len ;
  }
  if (st->dropped && lead(st, prefixed))
  {
    char n[80] ;
    snprintf(n, sizeof n, "logging/adaptive plugin: %lu log lines dropped (held lines full)\n", st->dropped) ;
    if (!stralloc_cats(&st->out, n)) st->out.len = 0 ;
  }
  allwrite(2, st->out.s, st->out.len) ;
  st->out.len = 0 ;
  st->held.len = 0 ;
  st->dropped = 0 ;
  st->denied = 0 ;
}

static int adaptive_logging (void *state, qp_hookarg const *a)
{
  adaptive *st = state ;
  int level = qp_arg_code(a) ;
  size_t start = st->held.len ;
  if (st->closed)
  {
    /* nothing is left to decide: the lines the refusal level lets through */
    if (level > st->rejectmax) return DECLINED ;
    st->out.len = 0 ;
    if (lead(st, 0) && qp_log_shape(&st->out, a)) allwrite(2, st->out.s, st->out.len) ;
    return DECLINED ;
  }
  if (level < LOGEMERG) level = LOGEMERG ;  /* the record's level is one digit */
  if (level > st->acceptmax && level > st->rejectmax) return DECLINED ;
  if (!stralloc_catb(&st->held, "01234567" + level, 1) || !qp_log_shape(&st->held, a)
   || st->held.len > ADAPTIVE_HOLD_MAX)
  {
    st->held.len = start ;
    st->dropped++ ;
  }
  return DECLINED ;
}

/* deny is fired after every refusal by a plugin, at any hook */
static int adaptive_deny (void *state, qp_hookarg const *a)
{
  adaptive *st = state ;
  (void)a ;
  st->denied = 1 ;
  return DECLINED ;
}

/* the transaction is over: queued, or abandoned by RSET, MAIL or the end */
static int adaptive_reset (void *state, qp_hookarg const *a)
{
  (void)a ;
  flush(state) ;
  return DECLINED ;
}

/* A new MAIL begins a new unit when a refusal outside a transaction (a
   refused HELO, a refused MAIL, which fire no reset_transaction) is held:
   otherwise the next transaction would be written as refused. Lines held
   without a refusal (the connection's, before the first MAIL) stay with the
   transaction that follows, as in qpsmtpd. */
static int adaptive_mail_pre (void *state, qp_hookarg const *a)
{
  adaptive *st = state ;
  (void)a ;
  if (st->denied) flush(st) ;
  return DECLINED ;
}

static int adaptive_end (void *state, qp_hookarg const *a)
{
  adaptive *st = state ;
  (void)a ;
  flush(st) ;
  st->closed = 1 ;
  return DECLINED ;
}

static int level_arg (char const *name, char const *arg, int dflt, int *n)
{
  *n = dflt ;
  if (!arg || qp_loglevel_scan(arg, n)) return 1 ;
  qp_log(LOGERROR, "usage: logging/adaptive [accept L] [reject L] [prefix C]: bad ", name, " level: ", arg,
    " (0-7 or LOGDEBUG, LOGINFO, ...)", (char *)0) ;
  return 0 ;
}

static int prefix_ok (char const *s)
{
  size_t n = strlen(s) ;
  if (!n || n > ADAPTIVE_PREFIX_MAX) return 0 ;
  for (; *s ; s++) if (*s <= 32 || *s > 126) return 0 ;
  return 1 ;
}

static int adaptive_init (void *state)
{
  adaptive *st = state ;
  if (!level_arg("accept", st->accept, LOGERROR, &st->acceptmax)) return 0 ;
  if (!level_arg("reject", st->reject, LOGWARN, &st->rejectmax)) return 0 ;
  if (!st->prefix) st->prefix = "`" ;
  else if (!prefix_ok(st->prefix))
  {
    qp_log(LOGERROR, "usage: logging/adaptive [accept L] [reject L] [prefix C]: bad prefix: ", st->prefix,
      " (1 to 32 printable characters, no blank)", (char *)0) ;
    return 0 ;
  }
  if (!stralloc_ready(&st->held, 4096))
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  return 1 ;
}

static qp_argdef const adaptive_args[] =
{
  { .name = "accept", .type = QP_ARG_STRING, .off = offsetof(adaptive, accept), .meta = "L" },
  { .name = "reject", .type = QP_ARG_STRING, .off = offsetof(adaptive, reject), .meta = "L" },
  { .name = "prefix", .type = QP_ARG_STRING, .off = offsetof(adaptive, prefix), .meta = "C" },
  { 0 }
} ;

qp_plugin const plugin_logging_adaptive =
{
  .name = "logging/adaptive",
  .aliases = 0,
  .state_size = sizeof(adaptive),
  .args = adaptive_args,
  .init = &adaptive_init,
  .hook =
  {
    [HOOK_LOGGING] = &adaptive_logging,
    [HOOK_DENY] = &adaptive_deny,
    [HOOK_RESET_TRANSACTION] = &adaptive_reset,
    [HOOK_MAIL_PRE] = &adaptive_mail_pre,
    [HOOK_POST_CONNECTION] = &adaptive_end,
  },
  .flags = 0,
} ;
