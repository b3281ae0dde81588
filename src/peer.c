/* ISC license. */
/* peer.c: qp_peer_inet, qp_peer_unix and qp_peer_connect: the
   address of a server a plugin talks to (spamd, clamd, a milter) and a
   connection to it under a deadline. Addresses are literals or paths, never
   names: a plugin must not wait on DNS to reach its own filter. */

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

#include "qcsmtpd/plugin.h"

int qp_peer_inet (qp_peer *p, char const *host, size_t hostlen, unsigned int port)
{
  char h[64] ;
  qp_ip ip ;
  if (!hostlen || hostlen >= sizeof h || !port || port > 65535) return 0 ;
  memcpy(h, host, hostlen) ; h[hostlen] = 0 ;
  if (h[0] == '[' && hostlen > 2 && h[hostlen-1] == ']') { memmove(h, h + 1, hostlen - 2) ; h[hostlen-2] = 0 ; }
  if (!strcasecmp(h, "localhost")) strcpy(h, "127.0.0.1") ;
  if (!qp_ip_parse(h, &ip)) return 0 ;
  memset(p, 0, sizeof *p) ;
  if (ip.family == 4)
  {
    struct sockaddr_in *s4 = (struct sockaddr_in *)&p->addr ;
    s4->sin_family = AF_INET ;
    s4->sin_port = htons((uint16_t)port) ;
    memcpy(&s4->sin_addr, ip.a, 4) ;
    p->len = sizeof *s4 ;
    inet_ntop(AF_INET, ip.a, p->text, sizeof p->text) ;
  }
  else
  {
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&p->addr ;
    s6->sin6_family = AF_INET6 ;
    s6->sin6_port = htons((uint16_t)port) ;
    memcpy(&s6->sin6_addr, ip.a, 16) ;
    p->len = sizeof *s6 ;
    inet_ntop(AF_INET6, ip.a, p->text, sizeof p->text) ;
  }
  p->family = ip.family == 4 ? AF_INET : AF_INET6 ;
  p->port = port ;
  return 1 ;
}

int qp_peer_unix (qp_peer *p, char const *path)
{
  struct sockaddr_un *su = (struct sockaddr_un *)&p->addr ;
  size_t n = strlen(path) ;
  if (*path != '/' || n >= sizeof su->sun_path || n >= sizeof p->text) return 0 ;
  memset(p, 0, sizeof *p) ;
  su->sun_family = AF_UNIX ;
  memcpy(su->sun_path, path, n + 1) ;
  p->len = sizeof *su ;
  p->family = AF_UNIX ;
  memcpy(p->text, path, n + 1) ;
  return 1 ;
}

int qp_peer_connect (qp_peer const *p, uint64_t deadline)
{
  int e = 0, r ;
  socklen_t el = sizeof e ;
  int fd = socket(p->family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0) ;
  if (fd < 0) return -1 ;
  if (p->family != AF_UNIX)
  {
    /* a request is often two writes (a header, then data, or a milter's
       macros, then its command): without this the second one waits for
       the peer's delayed ACK, some 40 ms a time */
    int one = 1 ;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) ;
  }
  if (!connect(fd, (struct sockaddr const *)&p->addr, p->len)) return fd ;
  if (errno != EINPROGRESS) goto err ;
  r = qp_await_until(fd, QP_WRITE, deadline) ;
  if (r < 0) goto err ;
  if (!r) { errno = ETIMEDOUT ; goto err ; }
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el) < 0) goto err ;
  if (e) { errno = e ; goto err ; }
  return fd ;
 err:
  e = errno ;
  close(fd) ;
  errno = e ;
  return -1 ;
}
