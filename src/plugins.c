/* ISC license. */
/* plugins.c: turns control/plugins into plugin instances; a bad line makes the
   whole configuration invalid, the server never runs with half of it. */

#include "plugins.h"

#include <string.h>
#include <stdlib.h>
#include <errno.h>

#include <skalibs/stralloc.h>
#include <skalibs/genalloc.h>
#include <skalibs/types.h>

#include "args.h"
#include "control.h"
#include "hook.h"
#include "log.h"
#include "pluginmap.h"

#define WORDS_MAX 64

/* the file whose lines are being read, for the log lines */
static char const *listfile = "control/plugins" ;

/* Without control/plugins: qmail-smtpd's behaviour (DESIGN 4). */
static char const *const defaults[] =
{
  "relay", "badmailfrom", "rcpt_ok", "queue/qmail-queue", 0
} ;

/* Old names that also imply arguments. */
typedef struct argalias_s argalias ;
struct argalias_s { char const *old ; char const *name ; char const *arg1 ; char const *arg2 ; } ;
static argalias const argaliases[] =
{
  { "relay_only", "relay", "only", "1" },
} ;

int plugins_split (char *line, char **words, unsigned int max)
{
  unsigned int n = 0 ;
  char *p = line ;
  for (; *p ; p++)
  {
    unsigned char c = *p ;
    if (c != '\t' && (c < 32 || c > 126)) return -1 ;
  }
  p = line ;
  for (;;)
  {
    while (*p == ' ' || *p == '\t') *p++ = 0 ;
    if (!*p) break ;
    if (n >= max) return -1 ;
    words[n++] = p ;
    while (*p && *p != ' ' && *p != '\t') p++ ;
  }
  return (int)n ;
}

qp_plugin const *plugins_find (char const *name)
{
  unsigned int i = 0 ;
  for (; plugin_table[i] ; i++)
  {
    qp_plugin const *p = plugin_table[i] ;
    if (!strcmp(p->name, name)) return p ;
    if (p->aliases)
    {
      char const *const *a = p->aliases ;
      for (; *a ; a++) if (!strcmp(*a, name)) return p ;
    }
  }
  return 0 ;
}

/* qmail-smtpd's SMTP AUTH patch: "qmail-smtpd HOSTNAME CHECKPASSWORD TRUE" */
static char const *argv_prog = 0 ;
static char const *argv_true = 0 ;

void plugins_argv_auth (char const *prog, char const *truep)
{
  argv_prog = prog ;
  argv_true = truep ;
}

static int instance_add (char **words, unsigned int n, stralloc *seen) ;

/* The built-in lines, split in place: instances keep pointers to their
   words for the life of the process. */
static char lines[8][1024] ;
static unsigned int nlines = 0 ;

static int add_line (char const *line, stralloc *seen)
{
  char *words[8] ;
  char *buf ;
  int n ;
  if (nlines >= sizeof(lines) / sizeof(lines[0]) || strlen(line) >= sizeof(lines[0]))
  {
    log_core(LOGCRIT, "config error: a built-in plugins line is too long: ", line, (char *)0) ;
    return 0 ;
  }
  buf = lines[nlines++] ;
  strcpy(buf, line) ;
  n = plugins_split(buf, words, 8) ;
  if (n <= 0) return 0 ;
  return instance_add(words, (unsigned int)n, seen) ;
}

/* No control/plugins: qmail-smtpd's behaviour (DESIGN 4), and what the
   common patches gave it: STARTTLS when control/servercert.pem exists (the
   qmail-tls patch), AUTH with the checkpassword program of its command
   line (the SMTP AUTH patch). */
static int qmail_mode (stralloc *seen)
{
  stralloc path = STRALLOC_ZERO ;
  int ok = 1, tls = control_path("servercert.pem", &path) > 0 ;
  char const *const *d = defaults ;
  stralloc_free(&path) ;
  if (tls) ok = add_line("tls", seen) && ok ;
  for (; *d ; d++)
  {
    ok = add_line(*d, seen) && ok ;
    if (!strcmp(*d, "badmailfrom") && argv_prog)
    {
      stralloc line = STRALLOC_ZERO ;
      if (!stralloc_cats(&line, "auth/auth_checkpassword checkpw ") || !stralloc_cats(&line, argv_prog)
       || !stralloc_cats(&line, " true ") || !stralloc_cats(&line, argv_true) || !stralloc_0(&line)) return 0 ;
      ok = add_line(line.s, seen) && ok ;
      stralloc_free(&line) ;
    }
  }
  return ok ;
}

/* the text of control/plugins, for the life of the process (plugins.h) */
char *plugins_text = 0 ;

/* The instance's common settings before its arguments are read. */
static void common_defaults (qp_plugin const *p, args_common *c)
{
  c->loglevel = -1 ;
  c->logrel = 0 ;
  c->reject = p->flags & QP_PLUGIN_REJECT_OFF ? QP_REJECT_NO : QP_REJECT_YES ;
  c->reject_type = p->reject_type ? p->reject_type : DENY ;
  c->reject_type_given = 0 ;
}

/* A relative loglevel (+N/-N) counts from control/loglevel. */
static int threshold (args_common const *c)
{
  int l ;
  if (c->loglevel >= 0) return c->loglevel ;
  if (!c->logrel) return -1 ;
  l = log_level + c->logrel ;
  return l < 0 ? 0 : l > LOGDEBUG ? LOGDEBUG : l ;
}

static int configure_instance (qp_plugin const *p, char const *name, unsigned int argc, char const *const *argv)
{
  static stralloc err = STRALLOC_ZERO ;
  static stralloc usage = STRALLOC_ZERO ;
  instance in = { .p = p, .name = name } ;
  args_common c ;
  common_defaults(p, &c) ;
  if (p->state_size && !(in.state = calloc(1, p->state_size))) return 0 ;
  err.len = 0 ;
  if (!args_parse(p->args, in.state, &c, argc, argv, &err))
  {
    usage.len = 0 ;
    if (!args_usage(p->args, name, &usage)) usage.len = 0 ;
    log_core(LOGCRIT, "config error: ", listfile, ": plugin ", name, ": ", err.len ? err.s : "bad arguments",
      usage.len ? " (usage: " : "", usage.len ? usage.s : "", usage.len ? ")" : "", (char *)0) ;
    return 0 ;
  }
  in.loglevel = threshold(&c) ;
  in.reject = c.reject ;
  in.reject_type = c.reject_type ;
  in.reject_type_given = c.reject_type_given ;
  if (p->init)
  {
    int ok ;
    hook_enter(&in, -1) ;
    ok = (*p->init)(in.state) ;
    hook_leave() ;
    if (!ok)
    {
      log_core(LOGCRIT, "config error: ", listfile, ": plugin ", name, " refused its configuration", (char *)0) ;
      return 0 ;
    }
  }
  return hook_add(&in) ;
}

/* What this build has, on as many log lines as the names need (a log
   line holds 900 octets of text): "this build's plugins: a,b,...". */
static void log_have (void)
{
  stralloc have = STRALLOC_ZERO ;
  for (unsigned int i = 0 ; plugin_table[i] ; i++)
  {
    if (plugin_table[i]->flags & QP_PLUGIN_TESTONLY) continue ;
    if (have.len > 700)
    {
      if (!stralloc_0(&have)) break ;
      log_core(LOGCRIT, "this build's plugins: ", have.s, ",", (char *)0) ;
      have.len = 0 ;
    }
    else if (have.len && !stralloc_catb(&have, ",", 1)) break ;
    if (!stralloc_cats(&have, plugin_table[i]->name)) break ;
  }
  if (stralloc_0(&have)) log_core(LOGCRIT, "this build's plugins: ", have.len > 1 ? have.s : "(none)", (char *)0) ;
  stralloc_free(&have) ;
}

/* An unknown name: what doc/plugins/README says about it (the qcsmtpd
   plugin that covers it, planned, or retired and what to use instead), or
   the configure line that would add it to what this build has. qcsmtpd -t
   shows it to the administrator. */
static int unknown (char const *name)
{
  pluginmap_row const *r = pluginmap_find(name) ;
  int note = r && r->note[0] ;
  if (r && r->status == MAP_YES)
  {
    if (plugins_find(r->plugin))
      log_core(LOGCRIT, "config error: ", listfile, ": unknown plugin name: ", name,
        "; qcsmtpd's plugin for it is ", r->plugin, note ? " (" : "", r->note, note ? ")" : "",
        ": list ", r->plugin, " instead (doc/plugins/README)", (char *)0) ;
    else
    {
      log_core(LOGCRIT, "config error: ", listfile, ": plugin not compiled in: ", name,
        "; qcsmtpd's plugin for it is ", r->plugin, note ? " (" : "", r->note, note ? ")" : "",
        "; build it in with: ./configure --plugins=<this build's plugins>,", r->plugin, (char *)0) ;
      log_have() ;
    }
    return 0 ;
  }
  if (r)
  {
    log_core(LOGCRIT, "config error: ", listfile, ": plugin ", name,
      r->status == MAP_PLANNED ? " is not in qcsmtpd yet (planned: " : " is retired in qcsmtpd (",
      r->note, r->plugin[0] ? "; see " : "", r->plugin, "): remove the line (doc/plugins/README)", (char *)0) ;
    return 0 ;
  }
  log_core(LOGCRIT, "config error: ", listfile, ": unknown or not compiled-in plugin: ", name,
    "; if plugins/ has it, build it in with: ./configure --plugins=<this build's plugins>,", name, (char *)0) ;
  log_have() ;
  return 0 ;
}

static int instance_add (char **words, unsigned int n, stralloc *seen)
{
  char const *args[WORDS_MAX + 2] ;
  unsigned int argc = 0, i ;
  char const *base = words[0] ;
  char *colon = strchr(words[0], ':') ;
  char *name ;
  qp_plugin const *p ;
  size_t k ;
  if (colon)
  {
    /* name:N, another instance with its own arguments and state */
    char *d = colon + 1 ;
    if (!*d) goto badname ;
    for (; *d ; d++) if (*d < '0' || *d > '9') goto badname ;
  }
  name = strdup(words[0]) ;
  if (!name) return 0 ;
  if (colon) *colon = 0 ;
  for (k = 0 ; k < sizeof(argaliases) / sizeof(argalias) ; k++)
    if (!strcmp(base, argaliases[k].old))
    {
      base = argaliases[k].name ;
      args[argc++] = argaliases[k].arg1 ;
      args[argc++] = argaliases[k].arg2 ;
    }
  p = plugins_find(base) ;
  if (!p) return unknown(base) ;
  for (k = 0 ; k < seen->len ; k += strlen(seen->s + k) + 1)
    if (!strcmp(seen->s + k, name))
    {
      log_core(LOGCRIT, "config error: ", listfile, ": plugin listed twice: ", name, " (use ", name, ":N for another instance)", (char *)0) ;
      return 0 ;
    }
  if (!stralloc_cats(seen, name) || !stralloc_0(seen)) return 0 ;
  for (i = 1 ; i < n ; i++) args[argc++] = words[i] ;
  args[argc] = 0 ;
  return configure_instance(p, name, argc, args) ;
 badname:
  log_core(LOGCRIT, "config error: ", listfile, ": bad instance name: ", words[0], (char *)0) ;
  return 0 ;
}

/* Ordering the descriptors declare (doc/plugins/ORDER): a plugin's "after"
   names must not come later; a plugin that delivers deferred refusals must
   come after every instance that defers, and must exist if one does. */
static int order_ok (void)
{
  unsigned int n = hook_instances(), i, j ;
  int deliverer = -1, deferrer = -1 ;
  for (i = 0 ; i < n ; i++)
  {
    instance const *a = hook_instance(i) ;
    char const *const *after = a->p->after ;
    if (a->p->flags & QP_PLUGIN_AFTER_DEFERRERS && deliverer < 0) deliverer = (int)i ;
    if (a->reject == QP_REJECT_NAUGHTY) deferrer = (int)i ;
    for (; after && *after ; after++)
      for (j = i + 1 ; j < n ; j++)
        if (!strcmp(hook_instance(j)->p->name, *after))
        {
          log_core(LOGCRIT, "config error: control/plugins: ", hook_instance(j)->name, " must come before ", a->name, (char *)0) ;
          return 0 ;
        }
  }
  if (deferrer < 0) return 1 ;
  if (deliverer < 0)
  {
    log_core(LOGCRIT, "config error: control/plugins: ", hook_instance(deferrer)->name,
      " has reject naughty, but no naughty plugin is listed to deliver the refusal", (char *)0) ;
    return 0 ;
  }
  if (deferrer > deliverer)
  {
    log_core(LOGCRIT, "config error: control/plugins: ", hook_instance(deferrer)->name, " has reject naughty and must come before ",
      hook_instance(deliverer)->name, (char *)0) ;
    return 0 ;
  }
  return 1 ;
}

/* Instances for every line of the control file name: 1 read (*found set),
   0 after logging every problem. The words point into sa, which init() may
   have kept: the caller keeps sa for the life of the process. */
static int load_list (char const *name, stralloc *sa, stralloc *seen, int *found)
{
  size_t i = 0 ;
  int ok = 1 ;
  int r = control_readlist(name, sa) ;
  *found = r > 0 ;
  if (r < 0)
  {
    log_core(LOGCRIT, "config error: ", listfile, ": ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  /* every line is tried, so that every problem is logged (qcsmtpd -t) */
  while (i < sa->len)
  {
    char *words[WORDS_MAX] ;
    char *line = sa->s + i ;
    int n ;
    i += strlen(line) + 1 ;
    n = plugins_split(line, words, WORDS_MAX) ;
    if (n < 0)
    {
      log_core(LOGCRIT, "config error: ", listfile, ": unsafe characters or too many words in a line", (char *)0) ;
      ok = 0 ;
    }
    else if (n) ok = instance_add(words, (unsigned int)n, seen) && ok ;
  }
  return ok ;
}

/* control/logging first (qpsmtpd's list of logging plugins: they then see
   what the other plugins log while they start), then control/plugins, or
   qmail mode without it. */
int plugins_load (void)
{
  static stralloc logging = STRALLOC_ZERO ;
  stralloc sa = STRALLOC_ZERO ;
  stralloc seen = STRALLOC_ZERO ;
  int ok, found ;
  listfile = "control/logging" ;
  ok = load_list("logging", &logging, &seen, &found) ;
  listfile = "control/plugins" ;
  ok = load_list("plugins", &sa, &seen, &found) && ok ;
  if (!found) ok = qmail_mode(&seen) && ok ;
  else if (argv_prog) log_core(LOGINFO, "control/plugins decides: the checkpassword program on the command line is not used (list auth/auth_checkpassword)", (char *)0) ;
  /* sa stays reachable (for leak checkers) through plugins_text */
  plugins_text = sa.s ;
  stralloc_free(&seen) ;
  return ok && order_ok() ;
}
