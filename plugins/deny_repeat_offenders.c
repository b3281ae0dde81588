/* ISC license. */
/* deny_repeat_offenders: refuses, at connect, a client address that other
   plugins refused `max` times in the last `minutes` minutes. The plugin of
   O'Reilly's "Using Qpsmtpd" article, written step by step in
   doc/writing-plugins: the deny report hook counts every refusal per
   address in the core's store, and connect reads the count. A store
   failure lets the client in (logged): this is a convenience, not a guard. */

#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct dro_s dro ;
struct dro_s
{
  unsigned int max ;       /* refusals that make an offender */
  unsigned int minutes ;   /* how long a count lasts */
} ;

static qp_argdef const args[] =
{
  { .name = "max", .type = QP_ARG_UINT, .off = offsetof(dro, max), .def = "5", .min = 1, .max = 1000000, .meta = "N" },
  { .name = "minutes", .type = QP_ARG_UINT, .off = offsetof(dro, minutes), .def = "60", .min = 1, .max = 525600, .meta = "MINUTES" },
  { 0 }
} ;

#define NS "deny_repeat_offenders"

/* The store key of the client: its address, IPv6 by its /64 (one host
   may use many addresses in its prefix). 1, or 0 if unknown. */
static int key (stralloc *sa)
{
  sa->len = 0 ;
  return qp_remote_addr()->family && qp_client_key(sa) ;
}

static int dro_connect (void *state, qp_hookarg const *a)
{
  dro *st = state ;
  stralloc k = STRALLOC_ZERO, v = STRALLOC_ZERO ;
  uint64_t n = 0 ;
  int r ;
  (void)a ;
  if (qp_relay_client() || !key(&k)) { stralloc_free(&k) ; return DECLINED ; }
  r = qp_store_get(NS, k.s, k.len, &v, 0) ;
  stralloc_free(&k) ;
  if (r < 0)
  {
    qp_log(LOGWARN, "store failure: ", strerror(errno), "; the client is let in", (char *)0) ;
    stralloc_free(&v) ;
    return DECLINED ;
  }
  if (r && (!stralloc_0(&v) || !uint64_scan(v.s, &n))) n = 0 ;
  stralloc_free(&v) ;
  if (n < st->max)
  {
    qp_log(LOGDEBUG, "pass: not a repeat offender", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: refused too often recently", (char *)0) ;
  /* the client's refusals are what brought it here: it must wait */
  return qp_reject("4.7.1 Too many of your commands were refused recently; try again later") ;
}

/* The report hook: another plugin of this connection refused something. */
static int dro_deny (void *state, qp_hookarg const *a)
{
  dro *st = state ;
  stralloc k = STRALLOC_ZERO ;
  int64_t total ;
  char fmt[LONG_FMT] ;
  (void)a ;
  if (qp_relay_client() || !key(&k)) { stralloc_free(&k) ; return DECLINED ; }
  if (qp_store_incr(NS, k.s, k.len, 1, st->minutes * 60, &total) < 0)
    qp_log(LOGWARN, "store failure: ", strerror(errno), "; the refusal is not counted", (char *)0) ;
  else
  {
    fmt[int64_fmt(fmt, total)] = 0 ;
    qp_log(LOGDEBUG, "refusal counted by ", qp_arg(a, "plugin"), ": ", fmt, " now", (char *)0) ;
  }
  stralloc_free(&k) ;
  return DECLINED ;
}

qp_plugin const plugin_deny_repeat_offenders =
{
  .name = "deny_repeat_offenders",
  .state_size = sizeof(dro),
  .args = args,
  .hook = { [HOOK_CONNECT] = &dro_connect, [HOOK_DENY] = &dro_deny },
  .reject_type = DENYSOFT_DISCONNECT,
} ;
