/* ISC license. */
/* localip.c: localiphost. The host's addresses are read once, when a
   literal first needs them (getifaddrs: no process pays for it otherwise). */

#include "localip.h"

#include <string.h>
#include <strings.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "qcsmtpd/plugin.h"
#include "control.h"
#include "log.h"
#include "session.h"

#define LOCALIP_MAX 64

static qp_ip mine[LOCALIP_MAX] ;
static unsigned int nmine = 0 ;
static int loaded = 0 ;

static void add (qp_ip const *ip)
{
  if (nmine < LOCALIP_MAX) mine[nmine++] = *ip ;
}

static void load (void)
{
  struct ifaddrs *ifa = 0, *p ;
  qp_ip ip ;
  loaded = 1 ;
  if (qp_ip_parse("0.0.0.0", &ip)) add(&ip) ;
  if (qp_ip_parse("::", &ip)) add(&ip) ;
  if (sess.localip && qp_ip_parse(sess.localip, &ip)) add(&ip) ;
  if (getifaddrs(&ifa) < 0) { log_core(LOGWARN, "localiphost: cannot list the interfaces' addresses", (char *)0) ; return ; }
  for (p = ifa ; p ; p = p->ifa_next)
  {
    if (!p->ifa_addr) continue ;
    memset(&ip, 0, sizeof ip) ;
    if (p->ifa_addr->sa_family == AF_INET)
    {
      ip.family = 4 ;
      memcpy(ip.a, &((struct sockaddr_in const *)(void const *)p->ifa_addr)->sin_addr, 4) ;
      add(&ip) ;
    }
    else if (p->ifa_addr->sa_family == AF_INET6)
    {
      ip.family = 6 ;
      memcpy(ip.a, &((struct sockaddr_in6 const *)(void const *)p->ifa_addr)->sin6_addr, 16) ;
      add(&ip) ;
    }
  }
  freeifaddrs(ifa) ;
}

static int ours (qp_ip const *ip)
{
  unsigned int i = 0 ;
  if (!loaded) load() ;
  for (; i < nmine ; i++)
    if (mine[i].family == ip->family && qp_ip_match(ip, mine + i, ip->family == 4 ? 32 : 128)) return 1 ;
  return 0 ;
}

int localip_rewrite (stralloc *sa)
{
  static stralloc name = STRALLOC_ZERO ;
  char lit[64] ;
  char const *at = memchr(sa->s, '@', sa->len) ? strrchr(sa->s, '@') : 0 ;
  size_t n ;
  qp_ip ip ;
  int r ;
  if (!at || at[1] != '[' || sa->s[sa->len - 1] != ']') return 1 ;
  n = sa->len - (size_t)(at + 2 - sa->s) - 1 ;
  if (n >= sizeof lit) return 1 ;
  memcpy(lit, at + 2, n) ;
  lit[n] = 0 ;
  /* RFC 5321 4.1.3: IPv4 as is, IPv6 behind "IPv6:" */
  if (!strncasecmp(lit, "IPv6:", 5) ? !qp_ip_parse(lit + 5, &ip) || ip.family != 6 : !qp_ip_parse(lit, &ip) || ip.family != 4)
    return 1 ;
  if (!ours(&ip)) return 1 ;
  r = control_readline("localiphost", &name) ;
  if (r <= 0 && !stralloc_copyb(&name, sess.me.s, sess.me.len + 1)) return 0 ;
  sa->len = (size_t)(at + 1 - sa->s) ;
  return stralloc_cats(sa, name.s) && stralloc_0(sa) && (sa->len--, 1) ;
}
