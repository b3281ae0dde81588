/* ISC license. */
/* dns_whitelist_soft: looks the client up in DNS whitelists
   (control/whitelist_zones) and, when it is listed, sets the connection
   note "whitelisthost" that dnsbl, rhsbl, earlytalker and the other
   checks honour. qpsmtpd's dns_whitelist_soft: the TXT queries start at
   connect and are collected at the first RCPT, which must therefore come
   before the plugins it exempts in control/plugins. It never refuses. */

#include <stddef.h>
#include <string.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define ZONES_MAX 16
#define TIMEOUT_MAX 60

typedef struct wl_s wl ;
struct wl_s
{
  unsigned int timeout ;
  stralloc zones ;        /* control/whitelist_zones, "zone\0" each */
  int h[ZONES_MAX] ;
  char const *zone[ZONES_MAX] ;
  unsigned int n ;
  int done ;
} ;

static qp_argdef const args[] =
{
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(wl, timeout), .def = "4", .min = 1, .max = TIMEOUT_MAX, .meta = "SECONDS" },
  { 0 }
} ;

static int wl_init (void *state)
{
  wl *st = state ;
  if (qp_control_list("whitelist_zones", &st->zones) < 0)
  {
    qp_log(LOGERROR, "error: control/whitelist_zones is unreadable: nobody is whitelisted", (char *)0) ;
    st->zones.len = 0 ;
  }
  return 1 ;
}

static int wl_connect (void *state, qp_hookarg const *a)
{
  wl *st = state ;
  stralloc name = STRALLOC_ZERO ;
  (void)a ;
  for (size_t i = 0 ; i < st->zones.len && st->n < ZONES_MAX ; i += strlen(st->zones.s + i) + 1)
  {
    char const *z = st->zones.s + i ;
    name.len = 0 ;
    if (!qp_dns_revname(qp_remote_ip(), z, &name))
    {
      qp_log(LOGINFO, "skip: ", qp_remote_ip(), " has no name in ", z, (char *)0) ;
      continue ;
    }
    st->h[st->n] = qp_dns_query(QP_DNS_TXT, name.s) ;
    if (st->h[st->n] < 0) { qp_log(LOGWARN, "warning: control/whitelist_zones: not a zone: ", z, (char *)0) ; continue ; }
    st->zone[st->n++] = z ;
  }
  stralloc_free(&name) ;
  return DECLINED ;
}

static int wl_rcpt (void *state, qp_hookarg const *a)
{
  wl *st = state ;
  (void)a ;
  if (st->done || !st->n) return DECLINED ;
  st->done = 1 ;
  qp_dns_wait(st->h, st->n, st->timeout * 1000) ;
  for (unsigned int i = 0 ; i < st->n ; i++)
  {
    int s = qp_dns_status(st->h[i]) ;
    if (s == QP_DNS_ANSWER)
    {
      qp_log(LOGINFO, "pass: ", qp_remote_ip(), " is whitelisted by ", st->zone[i], (char *)0) ;
      if (!qp_note_set(QP_CONN, "whitelisthost", st->zone[i])) qp_log(LOGERROR, "error: out of memory", (char *)0) ;
      return DECLINED ;
    }
    if (s == QP_DNS_PENDING || s == QP_DNS_TEMPFAIL)
      qp_log(LOGINFO, "error: no usable answer from ", st->zone[i], " (not whitelisted)", (char *)0) ;
  }
  return DECLINED ;
}

qp_plugin const plugin_dns_whitelist_soft =
{
  .name = "dns_whitelist_soft",
  .aliases = 0,
  .state_size = sizeof(wl),
  .args = args,
  .init = &wl_init,
  .hook = { [HOOK_CONNECT] = &wl_connect, [HOOK_RCPT] = &wl_rcpt },
  .flags = 0,
} ;
