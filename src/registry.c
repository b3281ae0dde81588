/* ISC license. */
/* registry.c: one table of commands, EHLO keywords and MAIL/RCPT parameters,
   core rows and plugin rows alike (STYLE: a plugin adds them through its
   descriptor, never by editing smtp.c). */

#include "registry.h"

#include <string.h>

#include <skalibs/genalloc.h>

#include "log.h"

typedef struct entry_s entry ;
struct entry_s
{
  void const *row ;          /* qp_command, qp_keyword or qp_paramdef */
  unsigned int in ;          /* instance index + 1, 0 for the core */
} ;

static genalloc cmds = GENALLOC_ZERO ;     /* entry */
static genalloc keys = GENALLOC_ZERO ;     /* entry */
static genalloc params = GENALLOC_ZERO ;   /* entry */

/* Instances live in a genalloc that may move while loading: an index is
   what we keep (STYLE 5). */
static instance const *owner_of (entry const *e)
{
  return e->in ? hook_instance(e->in - 1) : 0 ;
}

static int clash (char const *what, char const *name, unsigned int a, unsigned int b)
{
  log_core(LOGCRIT, "config error: control/plugins: ", what, " ", name, " is claimed by ",
    a ? hook_instance(a - 1)->name : "the core", " and by ", b ? hook_instance(b - 1)->name : "the core", (char *)0) ;
  return 0 ;
}

/* A verb the command loop can match: what cmd_split makes of a command,
   1 to 12 of [a-z0-9_]; a parameter keyword as cmd_params stores it. */
static int wellformed (char const *what, char const *s, size_t max, unsigned int in)
{
  size_t i = 0 ;
  for (; s[i] ; i++)
    if (i >= max || !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || (max > 12 && s[i] == '-'))) break ;
  if (i && !s[i]) return 1 ;
  log_core(LOGCRIT, "config error: control/plugins: ", in ? hook_instance(in - 1)->name : "the core", " declares the ", what,
    " '", s, "', which no client can send (lower case letters, digits, '_')", (char *)0) ;
  return 0 ;
}

static int add_commands (qp_command const *t, unsigned int in)
{
  for (; t && t->verb ; t++)
  {
    entry e = { .row = t, .in = in } ;
    size_t i = 0 ;
    if (!t->run || !wellformed("command", t->verb, 12, in)) return 0 ;
    for (; i < genalloc_len(entry, &cmds) ; i++)
    {
      entry const *o = genalloc_s(entry, &cmds) + i ;
      if (!strcmp(((qp_command const *)o->row)->verb, t->verb)) return clash("command", t->verb, o->in, in) ;
    }
    if (!genalloc_append(entry, &cmds, &e)) return 0 ;
  }
  return 1 ;
}

static int add_keywords (qp_keyword const *t, unsigned int in)
{
  for (; t && t->keyword ; t++)
  {
    entry e = { .row = t, .in = in } ;
    size_t i = 0 ;
    for (; i < genalloc_len(entry, &keys) ; i++)
    {
      entry const *o = genalloc_s(entry, &keys) + i ;
      if (!strcasecmp(((qp_keyword const *)o->row)->keyword, t->keyword)) return clash("EHLO keyword", t->keyword, o->in, in) ;
    }
    if (!genalloc_append(entry, &keys, &e)) return 0 ;
  }
  return 1 ;
}

static int add_params (qp_paramdef const *t, unsigned int in)
{
  for (; t && t->keyword ; t++)
  {
    entry e = { .row = t, .in = in } ;
    size_t i = 0 ;
    if (!(t->where & (QP_PARAM_MAIL | QP_PARAM_RCPT)) || !wellformed("parameter", t->keyword, 64, in)) return 0 ;
    for (; i < genalloc_len(entry, &params) ; i++)
    {
      qp_paramdef const *o = genalloc_s(entry, &params)[i].row ;
      if (!strcmp(o->keyword, t->keyword) && (o->where & t->where))
        return clash("parameter", t->keyword, genalloc_s(entry, &params)[i].in, in) ;
    }
    if (!genalloc_append(entry, &params, &e)) return 0 ;
  }
  return 1 ;
}

int registry_build (registry_core const *core)
{
  unsigned int i = 0, n = hook_instances() ;
  genalloc_setlen(entry, &cmds, 0) ;
  genalloc_setlen(entry, &keys, 0) ;
  genalloc_setlen(entry, &params, 0) ;
  if (!add_commands(core->commands, 0) || !add_commands(core->commands_more, 0)
   || !add_keywords(core->keywords_first, 0) || !add_params(core->params, 0)) return 0 ;
  for (; i < n ; i++)
  {
    qp_plugin const *p = hook_instance(i)->p ;
    if (!add_commands(p->commands, i + 1) || !add_keywords(p->keywords, i + 1) || !add_params(p->params, i + 1)) return 0 ;
  }
  return add_keywords(core->keywords_last, 0) ;
}

qp_command const *registry_command (char const *verb, instance const **owner)
{
  size_t i = 0 ;
  for (; i < genalloc_len(entry, &cmds) ; i++)
  {
    entry const *e = genalloc_s(entry, &cmds) + i ;
    if (!strcmp(((qp_command const *)e->row)->verb, verb)) { *owner = owner_of(e) ; return e->row ; }
  }
  return 0 ;
}

qp_paramdef const *registry_param (char const *keyword, unsigned int where, instance const **owner)
{
  size_t i = 0 ;
  for (; i < genalloc_len(entry, &params) ; i++)
  {
    entry const *e = genalloc_s(entry, &params) + i ;
    qp_paramdef const *p = e->row ;
    if ((p->where & where) && !strcmp(p->keyword, keyword)) { *owner = owner_of(e) ; return p ; }
  }
  return 0 ;
}

int registry_ehlo (stralloc *sa)
{
  size_t i = 0 ;
  for (; i < genalloc_len(entry, &keys) ; i++)
  {
    entry const *e = genalloc_s(entry, &keys) + i ;
    qp_keyword const *k = e->row ;
    size_t mark = sa->len ;
    if (!stralloc_catb(sa, "\n", 1) || !stralloc_cats(sa, k->keyword)) return 0 ;
    if (k->offer && !hook_call_keyword(owner_of(e), k->offer, sa)) sa->len = mark ;
  }
  return 1 ;
}
