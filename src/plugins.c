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

#include "control.h"
#include "hook.h"
#include "log.h"

#define WORDS_MAX 64

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

/* the text of control/plugins, for the life of the process (plugins.h) */
char *plugins_text = 0 ;

static int instance_add (char **words, unsigned int n, stralloc *seen)
{
  char const *args[WORDS_MAX + 2] ;
  unsigned int argc = 0, i ;
  char const *base = words[0] ;
  char *colon = strchr(words[0], ':') ;
  char *name ;
  qp_plugin const *p ;
  void *state = 0 ;
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
  if (!p)
  {
    log_core(LOGCRIT, "config error: control/plugins: unknown or not compiled-in plugin: ", base, (char *)0) ;
    return 0 ;
  }
  for (k = 0 ; k < seen->len ; k += strlen(seen->s + k) + 1)
    if (!strcmp(seen->s + k, name))
    {
      log_core(LOGCRIT, "config error: control/plugins: plugin listed twice: ", name, " (use ", name, ":N for another instance)", (char *)0) ;
      return 0 ;
    }
  if (!stralloc_cats(seen, name) || !stralloc_0(seen)) return 0 ;
  for (i = 1 ; i < n ; i++) args[argc++] = words[i] ;
  args[argc] = 0 ;
  if (p->init)
  {
    int ok ;
    char const *old = log_plugin ;
    log_plugin = name ;
    ok = (*p->init)(&state, argc, args) ;
    log_plugin = old ;
    if (!ok)
    {
      log_core(LOGCRIT, "config error: control/plugins: plugin ", name, " refused its configuration", (char *)0) ;
      return 0 ;
    }
  }
  if (!hook_add(p, name, state)) return 0 ;
  return 1 ;
 badname:
  log_core(LOGCRIT, "config error: control/plugins: bad instance name: ", words[0], (char *)0) ;
  return 0 ;
}

int plugins_load (void)
{
  stralloc sa = STRALLOC_ZERO ;
  stralloc seen = STRALLOC_ZERO ;
  size_t i = 0 ;
  int ok = 1 ;
  int r = control_readlist("plugins", &sa) ;
  if (r < 0)
  {
    log_core(LOGCRIT, "config error: control/plugins: ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  if (!r)
  {
    char const *const *d = defaults ;
    for (; *d && ok ; d++)
    {
      char *w = strdup(*d) ;
      ok = w && instance_add(&w, 1, &seen) ;
      free(w) ;
    }
  }
  else while (ok && i < sa.len)
  {
    char *words[WORDS_MAX] ;
    char *line = sa.s + i ;
    int n ;
    i += strlen(line) + 1 ;
    n = plugins_split(line, words, WORDS_MAX) ;
    if (n < 0)
    {
      log_core(LOGCRIT, "config error: control/plugins: unsafe characters or too many words in a line", (char *)0) ;
      ok = 0 ;
    }
    else if (n) ok = instance_add(words, (unsigned int)n, &seen) ;
  }
  /* the words point into sa, which init() may have kept: sa is not freed,
     and stays reachable (for leak checkers) through plugins_text */
  plugins_text = sa.s ;
  stralloc_free(&seen) ;
  return ok ;
}
