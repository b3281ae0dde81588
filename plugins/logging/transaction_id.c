/* ISC license. */
/* logging/transaction_id: writes every log event up to a maximum level to
   stderr, one line per event, prefixed with the transaction's id (the
   connection's id and the transaction's number) instead of the pid. It
   never logs from inside the logging hook (that recurses). */

#include <stddef.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <skalibs/allreadwrite.h>
#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct tid_s tid ;
struct tid_s
{
  stralloc line ;      /* reused for every event */
  int max ;
  char const *level ;  /* the argument, NULL if none */
  char id[40] ;        /* TTTTTTTTTT-PID-1, as logging/file's %i */
  unsigned long n ;    /* the transaction's number in the connection, from 1 */
  int mailed ;         /* a MAIL command was seen */
} ;

/* qpsmtpd's shape for this plugin: "<id>.<n> <plugin> plugin: <text>",
   "<id> running plugin (<hook>): <text>" for the core inside a hook,
   "<id> <text>" for the core elsewhere */
static int tid_logging (void *state, qp_hookarg const *a)
{
  tid *st = state ;
  char num[24] ;
  if (qp_arg_code(a) > st->max) return DECLINED ;
  st->line.len = 0 ;
  snprintf(num, sizeof num, ".%lu ", st->n) ;
  if (stralloc_cats(&st->line, st->id) && stralloc_cats(&st->line, num) && qp_log_shape(&st->line, a))
    allwrite(2, st->line.s, st->line.len) ;
  return DECLINED ;
}

/* A transaction begins at each MAIL command (the core has fired
   reset_transaction for the previous one by then). Lines before the first
   MAIL belong to transaction 1, as the first transaction exists in qpsmtpd
   from the start of the connection; lines after a transaction's end keep
   its number until the next MAIL. */
static int tid_mail_pre (void *state, qp_hookarg const *a)
{
  tid *st = state ;
  (void)a ;
  if (st->mailed) st->n++ ;
  st->mailed = 1 ;
  return DECLINED ;
}

static qp_argdef const tid_args[] =
{
  { .name = "level", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(tid, level), .meta = "LEVEL" },
  { 0 }
} ;

static int tid_init (void *state)
{
  tid *st = state ;
  if (!qp_loglevel_arg(st->level, "logging/transaction_id", &st->max)) return 0 ;
  /* the connection's id is logging/file's %i and logging/connection_id's */
  snprintf(st->id, sizeof st->id, "%08lld-%04ld-1", (long long)qp_now(), (long)getpid()) ;
  st->n = 1 ;
  return 1 ;
}

qp_plugin const plugin_logging_transaction_id =
{
  .name = "logging/transaction_id",
  .aliases = 0,
  .state_size = sizeof(tid),
  .args = tid_args,
  .init = &tid_init,
  .hook = { [HOOK_LOGGING] = &tid_logging, [HOOK_MAIL_PRE] = &tid_mail_pre },
  .flags = 0,
} ;
