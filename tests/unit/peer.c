/* ISC license. */
/* tests/unit/peer.c: the peer addresses of src/peer.c (qp_peer_inet,
   qp_peer_unix) and qp_peer_connect against a listening, a closed and a
   unix socket. */

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include "qcsmtpd/plugin.h"
#include "unit.h"

#define T(name, ok) unit_check((ok), (name), "errno %d (%s)", errno, strerror(errno))

static int inet (char const *h, unsigned int port, qp_peer *p)
{
  return qp_peer_inet(p, h, strlen(h), port) ;
}

int main (void)
{
  qp_peer p ;
  char longpath[120] ;
  int l, fd, c ;
  struct sockaddr_in sin ;
  socklen_t sl = sizeof sin ;

  unit_init("peer") ;
  T("inet: IPv4 literal", inet("192.0.2.1", 783, &p) && p.family == AF_INET && p.port == 783 && !strcmp(p.text, "192.0.2.1")
    && ntohs(((struct sockaddr_in *)&p.addr)->sin_port) == 783) ;
  T("inet: localhost is 127.0.0.1", inet("LocalHost", 25, &p) && p.family == AF_INET && !strcmp(p.text, "127.0.0.1")) ;
  T("inet: IPv6 literal", inet("2001:db8::1", 11332, &p) && p.family == AF_INET6 && !strcmp(p.text, "2001:db8::1")) ;
  T("inet: [IPv6]", inet("[::1]", 1, &p) && p.family == AF_INET6 && !strcmp(p.text, "::1")) ;
  T("inet: hostlen bounds the host", qp_peer_inet(&p, "127.0.0.1:783", 9, 783) && !strcmp(p.text, "127.0.0.1")) ;
  T("inet: a name is refused", !inet("spamd.example", 783, &p)) ;
  T("inet: port 0 and 65536 are refused", !inet("127.0.0.1", 0, &p) && !inet("127.0.0.1", 65536, &p)) ;
  T("inet: empty host, [], 256.0.0.1 are refused", !inet("", 1, &p) && !inet("[]", 1, &p) && !inet("256.0.0.1", 1, &p)) ;
  T("unix: absolute path", qp_peer_unix(&p, "/run/clamd.ctl") && p.family == AF_UNIX && !strcmp(p.text, "/run/clamd.ctl") && !p.port) ;
  T("unix: relative path refused", !qp_peer_unix(&p, "run/clamd.ctl")) ;
  memset(longpath, 'a', sizeof longpath - 1) ; longpath[0] = '/' ; longpath[sizeof longpath - 1] = 0 ;
  T("unix: a path over 107 octets refused", !qp_peer_unix(&p, longpath)) ;
  longpath[107] = 0 ;
  T("unix: a path of 107 octets taken", qp_peer_unix(&p, longpath)) ;

  /* connect: a listening socket, then the same port closed */
  l = socket(AF_INET, SOCK_STREAM, 0) ;
  memset(&sin, 0, sizeof sin) ;
  sin.sin_family = AF_INET ; sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK) ;
  if (l < 0 || bind(l, (struct sockaddr *)&sin, sizeof sin) < 0 || listen(l, 1) < 0 || getsockname(l, (struct sockaddr *)&sin, &sl) < 0)
    T("connect: a listening socket for the test", 0) ;
  T("connect: the address", inet("127.0.0.1", ntohs(sin.sin_port), &p)) ;
  fd = qp_peer_connect(&p, qp_clock_ms() + 2000) ;
  T("connect: connected to a listener", fd >= 0) ;
  if (fd >= 0)
  {
    c = accept(l, 0, 0) ;
    T("connect: the listener sees it, and what is written arrives", c >= 0 && write(fd, "x", 1) == 1) ;
    if (c >= 0) { char b ; T("connect: one octet", read(c, &b, 1) == 1 && b == 'x') ; close(c) ; }
    close(fd) ;
  }
  close(l) ;
  errno = 0 ;
  fd = qp_peer_connect(&p, qp_clock_ms() + 2000) ;
  T("connect: a closed port is ECONNREFUSED", fd < 0 && errno == ECONNREFUSED) ;
  T("connect: a missing unix socket fails", qp_peer_unix(&p, "/nonexistent/qcsmtpd-peer.sock") && qp_peer_connect(&p, qp_clock_ms() + 2000) < 0 && errno == ENOENT) ;
  return unit_end() ;
}
