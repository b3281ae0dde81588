/* ISC license. */
/* localip.c: localiphost. The host's addresses are read once, when a
   literal first needs them: IPv4 with SIOCGIFCONF (qmail's ipme), IPv6 from
   /proc/net/if_inet6 (getifaddrs would link glibc's netlink code into every
   process, and per-connection memory is the binary's size). */

#include "localip.h"

#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <unistd.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
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

/* IPv4: SIOCGIFCONF, as qmail's ipme does */
static void load4 (void)
{
  struct ifreq reqs[LOCALIP_MAX] ;
  struct ifconf ifc ;
  int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0) ;
  qp_ip ip ;
  if (fd < 0) return ;
  ifc.ifc_len = sizeof reqs ;
  ifc.ifc_req = reqs ;
  if (ioctl(fd, SIOCGIFCONF, &ifc) == 0)
    for (size_t i = 0 ; i < (size_t)ifc.ifc_len / sizeof(struct ifreq) ; i++)
    {
      if (reqs[i].ifr_addr.sa_family != AF_INET) continue ;
      memset(&ip, 0, sizeof ip) ;
      ip.family = 4 ;
      memcpy(ip.a, &((struct sockaddr_in const *)(void const *)&reqs[i].ifr_addr)->sin_addr, 4) ;
      add(&ip) ;
    }
  close(fd) ;
}

/* IPv6: /proc/net/if_inet6, one "32-hex-digits index prefix scope flags name" a line */
static void load6 (void)
{
  char buf[4096] ;
  ssize_t n = 0 ;
  int fd = open("/proc/net/if_inet6", O_RDONLY | O_CLOEXEC) ;
  if (fd < 0) return ;
  for (;;)
  {
    ssize_t r = read(fd, buf + n, sizeof(buf) - 1 - (size_t)n) ;
    if (r <= 0) break ;
    n += r ;
    if ((size_t)n >= sizeof(buf) - 1) break ;
  }
  close(fd) ;
  buf[n < 0 ? 0 : n] = 0 ;
  for (char *l = buf ; *l ; )
  {
    char *nl = strchr(l, '\n') ;
    qp_ip ip = { .family = 6 } ;
    int ok = 1 ;
    for (unsigned int k = 0 ; k < 32 ; k++)
    {
      char c = l[k] ;
      int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1 ;
      if (v < 0) { ok = 0 ; break ; }
      ip.a[k / 2] = (unsigned char)(ip.a[k / 2] << 4 | v) ;
    }
    if (ok) add(&ip) ;
    if (!nl) break ;
    l = nl + 1 ;
  }
}

static void load (void)
{
  qp_ip ip ;
  loaded = 1 ;
  if (qp_ip_parse("0.0.0.0", &ip)) add(&ip) ;
  if (qp_ip_parse("::", &ip)) add(&ip) ;
  if (sess.localip && qp_ip_parse(sess.localip, &ip)) add(&ip) ;
  load4() ;
  load6() ;
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
