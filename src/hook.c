/* ISC license. */
/* hook.c: runs plugin chains in control/plugins order, records the answering
   plugin and its message, fires the deny/ok report hooks. Never writes to the
   client: turning verdicts into replies is reply.c's job. */

#include "hook.h"

#include <string.h>

#include <skalibs/genalloc.h>
#include <skalibs/types.h>

#include "log.h"

typedef struct instance_s instance ;
struct instance_s
{
  qp_plugin const *p ;
  char const *name ;
  void *state ;
} ;

static genalloc instances = GENALLOC_ZERO ;      /* instance */
static genalloc chain[HOOK_MAX] ;                 /* unsigned int: instance indices */
stralloc hook_msg = STRALLOC_ZERO ;
static stralloc scratch = STRALLOC_ZERO ;
static stralloc *msgdst = &hook_msg ;
char const *hook_who = "" ;
int hook_cur = -1 ;

static char const *const names[HOOK_MAX] =
{
  [HOOK_CONNECT] = "connect",
  [HOOK_HELO] = "helo",
  [HOOK_EHLO] = "ehlo",
  [HOOK_MAIL_PRE] = "mail_pre",
  [HOOK_MAIL] = "mail",
  [HOOK_RCPT_PRE] = "rcpt_pre",
  [HOOK_RCPT] = "rcpt",
  [HOOK_DATA] = "data",
  [HOOK_DATA_HEADERS_END] = "data_headers_end",
  [HOOK_DATA_POST_HEADERS] = "data_post_headers",
  [HOOK_DATA_POST] = "data_post",
  [HOOK_QUEUE_PRE] = "queue_pre",
  [HOOK_QUEUE] = "queue",
  [HOOK_QUEUE_POST] = "queue_post",
  [HOOK_RECEIVED_LINE] = "received_line",
  [HOOK_AUTH] = "auth",
  [HOOK_AUTH_PLAIN] = "auth-plain",
  [HOOK_AUTH_LOGIN] = "auth-login",
  [HOOK_AUTH_CRAM_MD5] = "auth-cram-md5",
  [HOOK_VRFY] = "vrfy",
  [HOOK_NOOP] = "noop",
  [HOOK_HELP] = "help",
  [HOOK_QUIT] = "quit",
  [HOOK_UNRECOGNIZED_COMMAND] = "unrecognized_command",
  [HOOK_RESET_TRANSACTION] = "reset_transaction",
  [HOOK_DISCONNECT] = "disconnect",
  [HOOK_POST_CONNECTION] = "post-connection",
  [HOOK_DENY] = "deny",
  [HOOK_OK] = "ok",
  [HOOK_LOGGING] = "logging",
} ;

static char const *const vnames[QP_VERDICT_MAX] =
{
  "DECLINED", "OK", "DENY", "DENYSOFT", "DENY_DISCONNECT", "DENYSOFT_DISCONNECT", "DONE"
} ;

char const *hook_name (int hook)
{
  return hook >= 0 && hook < HOOK_MAX ? names[hook] : "?" ;
}

int hook_find (char const *name)
{
  int i = 0 ;
  for (; i < HOOK_MAX ; i++)
  {
    char const *a = names[i], *b = name ;
    /* qpsmtpd treats '-' and '_' alike in hook names */
    while (*a && *b && (*a == *b || ((*a == '-' || *a == '_') && (*b == '-' || *b == '_')))) a++, b++ ;
    if (!*a && !*b) return i ;
  }
  return -1 ;
}

char const *verdict_name (int v)
{
  return v >= 0 && v < QP_VERDICT_MAX ? vnames[v] : "invalid" ;
}

int hook_add (qp_plugin const *p, char const *name, void *state)
{
  instance in = { .p = p, .name = name, .state = state } ;
  unsigned int idx = genalloc_len(instance, &instances) ;
  int h = 0 ;
  if (!genalloc_append(instance, &instances, &in)) return 0 ;
  for (; h < HOOK_MAX ; h++)
    if (p->hook[h] && !genalloc_append(unsigned int, &chain[h], &idx)) return 0 ;
  if (p->hook[HOOK_LOGGING]) log_hooked = 1 ;
  return 1 ;
}

void hook_clear (void)
{
  int h = 0 ;
  for (; h < HOOK_MAX ; h++) genalloc_setlen(unsigned int, &chain[h], 0) ;
  genalloc_setlen(instance, &instances, 0) ;
  log_hooked = 0 ;
}

int hook_registered (int hook)
{
  return genalloc_len(unsigned int, &chain[hook]) > 0 ;
}

void hook_msg_append (char const *s, size_t len)
{
  /* a failed allocation only loses message text; the verdict stands */
  if (msgdst->len && msgdst->s[msgdst->len - 1] == 0) msgdst->len-- ;
  if (!stralloc_catb(msgdst, s, len) || !stralloc_0(msgdst)) return ;
}

static int call (instance const *in, int hook, qp_hookarg const *a)
{
  char const *oldp = log_plugin, *oldh = log_hook ;
  int oldc = hook_cur ;
  int v ;
  log_plugin = in->name ;
  log_hook = names[hook] ;
  hook_cur = hook ;
  v = (*in->p->hook[hook])(in->state, a) ;
  log_plugin = oldp ;
  log_hook = oldh ;
  hook_cur = oldc ;
  return v ;
}

/* deny/ok: told which plugin answered what; their verdicts are ignored. */
static void report (instance const *in, int v)
{
  int h = (v == DENY || v == DENYSOFT || v == DENY_DISCONNECT || v == DENYSOFT_DISCONNECT) ? HOOK_DENY : HOOK_OK ;
  unsigned int n = genalloc_len(unsigned int, &chain[h]), i = 0 ;
  char first[512] ;
  qp_hookarg a = { .arg = in->name, .arg2 = first, .code = v } ;
  size_t fl = 0 ;
  if (!n) return ;
  if (hook_msg.len)
  {
    while (fl < sizeof(first) - 1 && hook_msg.s[fl] && hook_msg.s[fl] != '\n') { first[fl] = hook_msg.s[fl] ; fl++ ; }
  }
  first[fl] = 0 ;
  msgdst = &scratch ;
  for (; i < n ; i++)
  {
    instance const *r = genalloc_s(instance, &instances) + genalloc_s(unsigned int, &chain[h])[i] ;
    scratch.len = 0 ;
    call(r, h, &a) ;
  }
  msgdst = &hook_msg ;
}

int hook_run (int hook, qp_hookarg const *a)
{
  unsigned int n = genalloc_len(unsigned int, &chain[hook]), i = 0 ;
  static qp_hookarg const none = { 0 } ;
  if (!a) a = &none ;
  hook_msg.len = 0 ;
  hook_who = "" ;
  for (; i < n ; i++)
  {
    instance const *in = genalloc_s(instance, &instances) + genalloc_s(unsigned int, &chain[hook])[i] ;
    int v ;
    hook_msg.len = 0 ;
    v = call(in, hook, a) ;
    if (v < 0 || v >= QP_VERDICT_MAX)
    {
      char fmt[INT_FMT] ;
      fmt[int_fmt(fmt, v)] = 0 ;
      log_core(LOGERROR, "plugin=", in->name, " hook=", names[hook], " returned invalid verdict ", fmt, ", taken as DECLINED", (char *)0) ;
      v = DECLINED ;
    }
    if (hook != HOOK_DENY && hook != HOOK_OK) report(in, v) ;
    if (v != DECLINED)
    {
      hook_who = in->name ;
      if (log_wants(LOGINFO))
        log_core(LOGINFO, "plugin=", in->name, " hook=", names[hook], " verdict=", vnames[v],
          hook_msg.len ? " msg=" : "", hook_msg.len ? hook_msg.s : "", (char *)0) ;
      if (hook_msg.len) hook_msg.len-- ;  /* len without the NUL; s stays terminated */
      return v ;
    }
  }
  /* qpsmtpd keeps the last message of a declining auth chain: it goes into
     the 535 (auth/authdeny); elsewhere DECLINED means the default reply */
  if (hook < HOOK_AUTH || hook > HOOK_AUTH_CRAM_MD5) hook_msg.len = 0 ;
  else if (hook_msg.len) hook_msg.len-- ;
  return DECLINED ;
}

int hook_run0 (int hook)
{
  return hook_run(hook, 0) ;
}

void hook_run_logging (int level, char const *who, char const *text, char const *hookname)
{
  unsigned int n = genalloc_len(unsigned int, &chain[HOOK_LOGGING]), i = 0 ;
  qp_hookarg a = { .arg = who, .arg2 = text, .arg3 = hookname, .code = level } ;
  stralloc *old = msgdst ;
  msgdst = &scratch ;
  for (; i < n ; i++)
  {
    instance const *in = genalloc_s(instance, &instances) + genalloc_s(unsigned int, &chain[HOOK_LOGGING])[i] ;
    scratch.len = 0 ;
    if ((*in->p->hook[HOOK_LOGGING])(in->state, &a) != DECLINED) break ;
  }
  msgdst = old ;
}
