/* ISC license. */
/* logging/warn: writes every log event up to a maximum level to stderr, one line
   per event, in qpsmtpd's format "<pid> (<hook>) <plugin>: <text>". It never
   logs itself from the logging hook (that would recurse). */

#include <stddef.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <skalibs/allreadwrite.h>
#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct warn_s warn ;
struct warn_s
{
  stralloc line ;    /* reused for every event */
  int max ;
  char const *level ;  /* the argument, NULL if none */
} ;

/* qpsmtpd's level names, with and without the LOG prefix */
static int warn_logging (void *state, qp_hookarg const *a)
{
  warn *st = state ;
  char const *plugin = qp_arg(a, "plugin") ;
  char const *hook = qp_arg(a, "hook") ;
  char const *text = qp_arg(a, "text") ;
  int level = qp_arg_code(a) ;
  char pid[32] ;
  int ok ;
  if (!plugin) plugin = "core" ;
  if (!hook) hook = "" ;
  if (level > st->max) return DECLINED ;
  snprintf(pid, sizeof pid, "%ld ", (long)getpid()) ;
  st->line.len = 0 ;
  ok = stralloc_cats(&st->line, pid) ;
  if (ok && strcmp(plugin, "core"))
  {
    if (*hook)
      ok = stralloc_catb(&st->line, "(", 1) && qp_cat_printable(&st->line, hook)
        && stralloc_catb(&st->line, ") ", 2) ;
    ok = ok && qp_cat_printable(&st->line, plugin) && stralloc_catb(&st->line, ": ", 2) ;
  }
  ok = ok && qp_cat_printable(&st->line, text ? text : "") && stralloc_catb(&st->line, "\n", 1) ;
  if (ok) allwrite(2, st->line.s, st->line.len) ;
  return DECLINED ;
}

static qp_argdef const warn_args[] =
{
  { .name = "level", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(warn, level), .meta = "LEVEL" },
  { 0 }
} ;

static int warn_init (void *state)
{
  warn *st = state ;
  return qp_loglevel_arg(st->level, "logging/warn", &st->max) ;
}

qp_plugin const plugin_logging_warn =
{
  .name = "logging/warn",
  .aliases = 0,
  .state_size = sizeof(warn),
  .args = warn_args,
  .init = &warn_init,
  .hook = { [HOOK_LOGGING] = &warn_logging },
  .flags = 0,
} ;
