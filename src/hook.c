/* ISC license. */
/* hook.c: runs plugin chains in control/plugins order, records the answering
   plugin and its message, fires the deny/ok report hooks, and keeps the
   running instance (the logging context). Never writes to the client:
   turning verdicts into replies is reply.c's job. */

#include "hook.h"

#include <string.h>
#include <strings.h>

#include <skalibs/genalloc.h>
#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "log.h"

static genalloc instances = GENALLOC_ZERO ;      /* instance */
static genalloc chain[HOOK_MAX] ;                 /* unsigned int: instance indices */
static stralloc msg = STRALLOC_ZERO ;
static stralloc scratch = STRALLOC_ZERO ;
static stralloc *msgdst = &msg ;
static char const *who = "" ;
static instance const *running = 0 ;

static char const *const vnames[QP_VERDICT_MAX] =
{
  "DECLINED", "OK", "DENY", "DENYSOFT", "DENY_DISCONNECT", "DENYSOFT_DISCONNECT", "DONE"
} ;

char const *verdict_name (int v)
{
  return v >= 0 && v < QP_VERDICT_MAX ? vnames[v] : "invalid" ;
}

int qp_verdict_scan (char const *s)
{
  for (int v = 0 ; v < QP_VERDICT_MAX ; v++)
    if (v != DONE && !strcasecmp(s, vnames[v])) return v ;
  /* qpsmtpd's old name of DENY_DISCONNECT */
  if (!strcasecmp(s, "DENYHARD")) return DENY_DISCONNECT ;
  return -1 ;
}

/* the logging hook takes the log lines (log.c knows it only as a sink) */
static void logsink (int level, char const *w, char const *text, char const *hookname) ;

int hook_add (instance const *in)
{
  unsigned int idx = genalloc_len(instance, &instances) ;
  int h = 0 ;
  if (!genalloc_append(instance, &instances, in)) return 0 ;
  for (; h < HOOK_MAX ; h++)
    if (in->p->hook[h] && !genalloc_append(unsigned int, &chain[h], &idx)) return 0 ;
  if (in->p->hook[HOOK_LOGGING]) log_sink = &logsink ;
  return 1 ;
}

void hook_clear (void)
{
  int h = 0 ;
  for (; h < HOOK_MAX ; h++) genalloc_setlen(unsigned int, &chain[h], 0) ;
  genalloc_setlen(instance, &instances, 0) ;
  log_sink = 0 ;
}

unsigned int hook_instances (void) { return genalloc_len(instance, &instances) ; }
instance const *hook_instance (unsigned int i) { return genalloc_s(instance, &instances) + i ; }
instance const *hook_running (void) { return running ; }

int hook_registered (int hook)
{
  return genalloc_len(unsigned int, &chain[hook]) > 0 ;
}

char const *hook_message (void) { return msg.len ? msg.s : "" ; }
char const *hook_who (void) { return who ; }

void hook_msg_append (char const *s, size_t len)
{
  /* a failed allocation only loses message text; the verdict stands */
  if (msgdst->len && msgdst->s[msgdst->len - 1] == 0) msgdst->len-- ;
  if (!stralloc_catb(msgdst, s, len) || !stralloc_0(msgdst)) return ;
}

 /* The running instance: a stack of one saved frame per nested call */

typedef struct frame_s frame ;
struct frame_s { instance const *in ; int hook ; } ;
static frame stack[8] ;
static unsigned int depth = 0 ;

void hook_enter (instance const *in, int hook)
{
  if (depth < sizeof(stack) / sizeof(frame)) stack[depth] = (frame){ .in = running, .hook = log_hookid } ;
  depth++ ;
  running = in ;
  log_hookid = hook ;
  log_context(in ? in->name : 0, in ? in->loglevel : -1) ;
}

void hook_leave (void)
{
  frame f = { 0, -1 } ;
  if (depth) depth-- ;
  if (depth < sizeof(stack) / sizeof(frame)) f = stack[depth] ;
  running = f.in ;
  log_hookid = f.hook ;
  log_context(running ? running->name : 0, running ? running->loglevel : -1) ;
}

int hook_call_command (instance const *in, qp_command_fn *f, char *arg)
{
  int r ;
  hook_enter(in, -1) ;
  r = (*f)(in ? in->state : 0, arg) ;
  hook_leave() ;
  return r ;
}

int hook_call_param (instance const *in, qp_param_fn *f, char const *value)
{
  int r ;
  hook_enter(in, -1) ;
  r = (*f)(in ? in->state : 0, value) ;
  hook_leave() ;
  return r ;
}

int hook_call_keyword (instance const *in, qp_keyword_fn *f, stralloc *line)
{
  int r ;
  hook_enter(in, HOOK_EHLO) ;
  r = (*f)(in ? in->state : 0, line) ;
  hook_leave() ;
  return r ;
}

static int call (instance const *in, int hook, qp_hookarg const *a)
{
  int v ;
  hook_enter(in, hook) ;
  v = (*in->p->hook[hook])(in->state, a) ;
  hook_leave() ;
  return v ;
}

static instance const *nth (int hook, unsigned int i)
{
  return genalloc_s(instance, &instances) + genalloc_s(unsigned int, &chain[hook])[i] ;
}

/* deny/ok: told which plugin answered what; their verdicts are ignored. */
static void report (instance const *in, int v)
{
  int h = (v == DENY || v == DENYSOFT || v == DENY_DISCONNECT || v == DENYSOFT_DISCONNECT) ? HOOK_DENY : HOOK_OK ;
  unsigned int n = genalloc_len(unsigned int, &chain[h]), i = 0 ;
  char first[512] ;
  qp_hookarg a = { .hook = h, .v = { in->name, first }, .code = v } ;
  size_t fl = 0 ;
  if (!n) return ;
  while (fl < sizeof(first) - 1 && fl < msg.len && msg.s[fl] && msg.s[fl] != '\n') { first[fl] = msg.s[fl] ; fl++ ; }
  first[fl] = 0 ;
  msgdst = &scratch ;
  for (; i < n ; i++)
  {
    scratch.len = 0 ;
    call(nth(h, i), h, &a) ;
  }
  msgdst = &msg ;
}

/* An invalid verdict: at a hook that decides, fail closed (DESIGN 5). */
static int invalid (instance const *in, int hook, int v)
{
  char fmt[INT_FMT] ;
  int kind = hooktab_rows[hook].kind ;
  int closed = kind == HOOKTAB_DECIDE || kind == HOOKTAB_PRE ;
  fmt[int_fmt(fmt, v)] = 0 ;
  log_core(LOGERROR, "plugin=", in->name, " hook=", hooktab_name(hook), " returned invalid verdict ", fmt,
    closed ? ", taken as DENYSOFT" : ", ignored", (char *)0) ;
  msg.len = 0 ;
  return closed ? DENYSOFT : DECLINED ;
}

int hook_run (int hook, qp_hookarg const *a)
{
  unsigned int n = genalloc_len(unsigned int, &chain[hook]), i = 0 ;
  qp_hookarg none = { .hook = hook } ;
  qp_hookarg own ;
  if (!a) a = &none ;
  else if (a->hook != hook) { own = *a ; own.hook = hook ; a = &own ; }
  msg.len = 0 ;
  who = "" ;
  for (; i < n ; i++)
  {
    instance const *in = nth(hook, i) ;
    int v ;
    msg.len = 0 ;
    v = call(in, hook, a) ;
    if (v < 0 || v >= QP_VERDICT_MAX) v = invalid(in, hook, v) ;
    if (hook != HOOK_DENY && hook != HOOK_OK) report(in, v) ;
    if (v != DECLINED)
    {
      who = in->name ;
      if (log_wants(LOGINFO))
        log_core(LOGINFO, "Plugin ", in->name, ", hook ", hooktab_name(hook), " returned ", vnames[v],
          ", ", msg.len ? msg.s : "", (char *)0) ;
      if (msg.len) msg.len-- ;  /* len without the NUL; s stays terminated */
      return v ;
    }
  }
  /* qpsmtpd keeps the last message of a declining auth chain: it goes into
     the 535 (auth/authdeny); elsewhere DECLINED means the default reply */
  if (hooktab_rows[hook].reply_as != HOOK_AUTH) msg.len = 0 ;
  else if (msg.len) msg.len-- ;
  return DECLINED ;
}

int hook_run0 (int hook)
{
  return hook_run(hook, 0) ;
}

static void logsink (int level, char const *w, char const *text, char const *hookname)
{
  unsigned int n = genalloc_len(unsigned int, &chain[HOOK_LOGGING]), i = 0 ;
  qp_hookarg a = { .hook = HOOK_LOGGING, .v = { w, text, hookname }, .code = level } ;
  stralloc *old = msgdst ;
  msgdst = &scratch ;
  for (; i < n ; i++)
  {
    instance const *in = nth(HOOK_LOGGING, i) ;
    scratch.len = 0 ;
    if ((*in->p->hook[HOOK_LOGGING])(in->state, &a) != DECLINED) break ;
  }
  msgdst = old ;
}
