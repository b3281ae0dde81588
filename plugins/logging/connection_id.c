/* ISC license. */
/* logging/connection_id: writes every log event up to a maximum level to
   stderr, one line per event, prefixed with the connection's id instead of
   the pid, so that the lines of one connection can be picked out of a
   merged log. It never logs from inside the logging hook (that recurses). */

#include <stddef.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <skalibs/allreadwrite.h>
#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct cid_s cid ;
struct cid_s
{
  stralloc line ;      /* reused for every event */
  int max ;
  char const *level ;  /* the argument, NULL if none */
  char id[40] ;        /* TTTTTTTTTT-PID-1, as logging/file's %i */
} ;

/* qpsmtpd's shape for this plugin: "<id> <plugin> plugin: <text>",
   "<id> running plugin (<hook>): <text>" for the core inside a hook,
   "<id> <text>" for the core elsewhere */
static int cid_logging (void *state, qp_hookarg const *a)
{
  cid *st = state ;
  if (qp_arg_code(a) > st->max) return DECLINED ;
  st->line.len = 0 ;
  if (stralloc_cats(&st->line, st->id) && stralloc_catb(&st->line, " ", 1) && qp_log_shape(&st->line, a))
    allwrite(2, st->line.s, st->line.len) ;
  return DECLINED ;
}

static qp_argdef const cid_args[] =
{
  { .name = "level", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(cid, level), .meta = "LEVEL" },
  { 0 }
} ;

static int cid_init (void *state)
{
  cid *st = state ;
  if (!qp_loglevel_arg(st->level, "logging/connection_id", &st->max)) return 0 ;
  /* the same id as logging/file's %i (the connection's start, the pid, the
     process's connection count, always 1 under tcpserver), so a file named
     by %i and these prefixes agree */
  snprintf(st->id, sizeof st->id, "%08lld-%04ld-1", (long long)qp_now(), (long)getpid()) ;
  return 1 ;
}

qp_plugin const plugin_logging_connection_id =
{
  .name = "logging/connection_id",
  .aliases = 0,
  .state_size = sizeof(cid),
  .args = cid_args,
  .init = &cid_init,
  .hook = { [HOOK_LOGGING] = &cid_logging },
  .flags = 0,
} ;
