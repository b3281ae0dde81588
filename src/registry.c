/* ISC license. */
/* registry.c: one table of commands, EHLO keywords and MAIL/RCPT parameters,
   core rows and plugin rows alike (STYLE: a plugin adds them through its
   descriptor, never by editing smtp.c). The core's rows stay in their static
   tables; only the plugins' rows are collected, so a server whose plugins add
   nothing pays nothing at start. */

#include "registry.h"

#include <string.h>
#include <strings.h>

#include <skalibs/genalloc.h>

#include "log.h"

typedef struct entry_s entry ;
struct entry_s
{
  void const *row ;          /* qp_command, qp_keyword or qp_paramdef */
  unsigned int in ;          /* instance index + 1 */
} ;

static registry_core const *core = 0 ;
static genalloc cmds = GENALLOC_ZERO ;     /* entry: the plugins' rows */
static genalloc keys = GENALLOC_ZERO ;
static genalloc params = GENALLOC_ZERO ;

/* Instances live in a genalloc that may move while loading: an index is
   what we keep (STYLE 5). */
static instance const *owner_of (unsigned int in)
{
  return in ? hook_instance(in - 1) : 0 ;
}

static char const *name_of (unsigned int in)
{
  return in ? hook_instance(in - 1)->name : "the core" ;
}

static int clash (char const *what, char const *name, unsigned int a, unsigned int b)
{
  log_core(LOGCRIT, "config error: control/plugins: ", what, " ", name, " is claimed by ",
    name_of(a), " and by ", name_of(b), (char *)0) ;
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
  log_core(LOGCRIT, "config error: control/plugins: ", name_of(in), " declares the ", what,
    " '", s, "', which no client can send (lower case letters, digits, '_')", (char *)0) ;
  return 0 ;
}

 /* Lookups: the core's rows first, then the plugins' in control/plugins order */

static qp_command const *find_cmd (qp_command const *t, char const *verb)
{
  for (; t && t->verb ; t++) if (!strcmp(t->verb, verb)) return t ;
  return 0 ;
}

static unsigned int plugin_cmd (char const *verb)
{
  size_t i = 0 ;
  for (; i < genalloc_len(entry, &cmds) ; i++)
    if (!strcmp(((qp_command const *)genalloc_s(entry, &cmds)[i].row)->verb, verb)) return (unsigned int)i + 1 ;
  return 0 ;
}

qp_command const *registry_command (char const *verb, instance const **owner)
{
  qp_command const *c = find_cmd(core->commands, verb) ;
  unsigned int k ;
  *owner = 0 ;
  if (!c) c = find_cmd(core->commands_more, verb) ;
  if (c) return c ;
  k = plugin_cmd(verb) ;
  if (!k) return 0 ;
  *owner = owner_of(genalloc_s(entry, &cmds)[k - 1].in) ;
  return genalloc_s(entry, &cmds)[k - 1].row ;
}

static qp_paramdef const *find_param (qp_paramdef const *t, char const *keyword, unsigned int where)
{
  for (; t && t->keyword ; t++) if ((t->where & where) && !strcmp(t->keyword, keyword)) return t ;
  return 0 ;
}

qp_paramdef const *registry_param (char const *keyword, unsigned int where, instance const **owner)
{
  qp_paramdef const *p = find_param(core->params, keyword, where) ;
  size_t i = 0 ;
  *owner = 0 ;
  if (p) return p ;
  for (; i < genalloc_len(entry, &params) ; i++)
  {
    entry const *e = genalloc_s(entry, &params) + i ;
    if (find_param(e->row, keyword, where) == e->row) { *owner = owner_of(e->in) ; return e->row ; }
  }
  return 0 ;
}

static qp_keyword const *find_key (qp_keyword const *t, char const *k)
{
  for (; t && t->keyword ; t++) if (!strcasecmp(t->keyword, k)) return t ;
  return 0 ;
}

 /* Building: the plugins' rows, each checked against what is there */

static int add_commands (qp_command const *t, unsigned int in)
{
  for (; t && t->verb ; t++)
  {
    entry e = { .row = t, .in = in } ;
    unsigned int k ;
    if (!t->run || !wellformed("command", t->verb, 12, in)) return 0 ;
    if (find_cmd(core->commands, t->verb) || find_cmd(core->commands_more, t->verb)) return clash("command", t->verb, 0, in) ;
    k = plugin_cmd(t->verb) ;
    if (k) return clash("command", t->verb, genalloc_s(entry, &cmds)[k - 1].in, in) ;
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
    if (find_key(core->keywords_first, t->keyword) || find_key(core->keywords_last, t->keyword))
      return clash("EHLO keyword", t->keyword, 0, in) ;
    for (; i < genalloc_len(entry, &keys) ; i++)
      if (!strcasecmp(((qp_keyword const *)genalloc_s(entry, &keys)[i].row)->keyword, t->keyword))
        return clash("EHLO keyword", t->keyword, genalloc_s(entry, &keys)[i].in, in) ;
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
    if (find_param(core->params, t->keyword, t->where)) return clash("parameter", t->keyword, 0, in) ;
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

int registry_build (registry_core const *c)
{
  unsigned int i = 0, n = hook_instances() ;
  core = c ;
  genalloc_setlen(entry, &cmds, 0) ;
  genalloc_setlen(entry, &keys, 0) ;
  genalloc_setlen(entry, &params, 0) ;
  for (; i < n ; i++)
  {
    qp_plugin const *p = hook_instance(i)->p ;
    if (!add_commands(p->commands, i + 1) || !add_keywords(p->keywords, i + 1) || !add_params(p->params, i + 1)) return 0 ;
  }
  return 1 ;
}

 /* EHLO: the core's first keywords, the plugins', the core's last ones */

static int offer (stralloc *sa, qp_keyword const *k, instance const *owner)
{
  size_t mark = sa->len ;
  if (!stralloc_catb(sa, "\n", 1) || !stralloc_cats(sa, k->keyword)) return 0 ;
  if (k->offer && !hook_call_keyword(owner, k->offer, sa)) sa->len = mark ;
  return 1 ;
}

int registry_ehlo (stralloc *sa)
{
  qp_keyword const *k ;
  size_t i = 0 ;
  for (k = core->keywords_first ; k && k->keyword ; k++) if (!offer(sa, k, 0)) return 0 ;
  for (; i < genalloc_len(entry, &keys) ; i++)
  {
    entry const *e = genalloc_s(entry, &keys) + i ;
    if (!offer(sa, e->row, owner_of(e->in))) return 0 ;
  }
  for (k = core->keywords_last ; k && k->keyword ; k++) if (!offer(sa, k, 0)) return 0 ;
  return 1 ;
}
