/* ISC license. */
/* dns.c: the resolver plugins share (qp_dns_*). c-ares sends the queries
   (retries, EDNS0, TCP after a truncated answer) and is driven here through
   its descriptors, no threads: answers are read, and retries sent, in every
   wait of the core (io_await, while the session waits for the client) and
   while a plugin waits in qp_dns_wait. dnsparse.c reads them; c-ares' own parsers are not linked
   (they would bring glibc's NSS into the static binary). Started at the
   first query, so a session without DNS plugins pays nothing. */

#include "dns.h"

#include <string.h>
#include <stdlib.h>
#include <strings.h>
#include <errno.h>

#include <ares.h>

#include <skalibs/stralloc.h>
#include <skalibs/tai.h>
#include <skalibs/iopause.h>
#include <skalibs/fmtscan.h>
#include <skalibs/types.h>

#include "qcsmtpd/plugin.h"
#include "clock.h"
#include "control.h"
#include "dnsparse.h"
#include "io.h"
#include "limits.h"
#include "log.h"

typedef struct query_s query ;
struct query_s
{
  char *name ;
  unsigned int type ;
  int status ;
  unsigned int refs ;
  dnsanswer answer ;
} ;

static query queries[DNS_QUERIES_MAX] ;
static unsigned int nqueries = 0 ;
static ares_channel channel ;
static int state = 0 ;      /* 0 not started, 1 running, -1 unusable (every query TEMPFAIL) */
static unsigned int inflight = 0 ;   /* queries c-ares has not called back for */

/* c-ares' query builder asks this of every name; defining it here keeps
   ares_getnameinfo.o, and with it glibc's NSS (getservbyport_r, about
   100 KB), out of the static binary. RFC 7686: .onion names never go to DNS. */
int ares__is_onion_domain (char const *name) ;
int ares__is_onion_domain (char const *name)
{
  size_t n = strlen(name) ;
  if (n && name[n - 1] == '.') n-- ;
  if (n == 5) return !strncasecmp(name, "onion", 5) ;
  return n > 6 && !strncasecmp(name + n - 6, ".onion", 6) ;
}

static char const *typename (unsigned int type)
{
  switch (type)
  {
    case QP_DNS_A : return "A" ;
    case QP_DNS_AAAA : return "AAAA" ;
    case QP_DNS_MX : return "MX" ;
    case QP_DNS_TXT : return "TXT" ;
    case QP_DNS_PTR : return "PTR" ;
  }
  return 0 ;
}

/* control/dns_servers: "ip", "ip:port", "[ipv6]:port" or "ipv6" lines, as
   c-ares' list "ip:port,[ipv6]:port". 1 ok (csv empty: none listed), 0 bad. */
static int servers_csv (stralloc *csv)
{
  stralloc sa = STRALLOC_ZERO ;
  size_t i = 0 ;
  unsigned int n = 0 ;
  int r = control_readlist("dns_servers", &sa) ;
  csv->len = 0 ;
  if (r < 0)
  {
    log_core(LOGERROR, "DNS: control/dns_servers is unreadable: every DNS query fails temporarily", (char *)0) ;
    return 0 ;
  }
  for (; i < sa.len ; i += strlen(sa.s + i) + 1)
  {
    char const *l = sa.s + i ;
    char ip[16] ;
    size_t k ;
    uint16_t port = 53 ;
    char const *rest ;
    int v6 = 0 ;
    if (l[0] == '[')
    {
      k = ip6_scan(l + 1, ip) ;
      if (!k || l[1 + k] != ']') goto bad ;
      rest = l + 2 + k ;
      v6 = 1 ;
    }
    else if ((k = ip4_scan(l, ip)) && (!l[k] || l[k] == ':')) rest = l + k ;
    else if ((k = ip6_scan(l, ip)) && !l[k]) { rest = l + k ; v6 = 1 ; }
    else goto bad ;
    if (*rest == ':')
    {
      size_t m = uint16_scan(rest + 1, &port) ;
      if (!m || rest[1 + m] || !port) goto bad ;
    }
    else if (*rest) goto bad ;
    if (++n > DNS_SERVERS_MAX) break ;
    {
      char fmt[IP6_FMT + UINT16_FMT + 4] ;
      size_t m = 0 ;
      if (v6) fmt[m++] = '[' ;
      m += v6 ? ip6_fmt(fmt + m, ip) : ip4_fmt(fmt + m, ip) ;
      if (v6) fmt[m++] = ']' ;
      fmt[m++] = ':' ;
      m += uint16_fmt(fmt + m, port) ;
      if ((csv->len && !stralloc_catb(csv, ",", 1)) || !stralloc_catb(csv, fmt, m)) { stralloc_free(&sa) ; return 0 ; }
    }
    continue ;
   bad:
    log_core(LOGERROR, "DNS: control/dns_servers: not an address or [address]:port: ", l, "; every DNS query fails temporarily", (char *)0) ;
    stralloc_free(&sa) ;
    return 0 ;
  }
  stralloc_free(&sa) ;
  return stralloc_0(csv) ;
}

static unsigned int readuint (char const *name, unsigned int def, unsigned int max)
{
  uint64_t n = def ;
  if (control_readuint(name, &n) < 0 || !n || n > max)
  {
    char fmt[UINT_FMT] ;
    fmt[uint_fmt(fmt, def)] = 0 ;
    log_core(LOGERROR, "DNS: control/", name, " is unreadable or out of range: ", fmt, " is used", (char *)0) ;
    return def ;
  }
  return (unsigned int)n ;
}

/* io_await's extra events (io.h): c-ares' sockets while queries are out,
   and its next retry as a timer. */
static unsigned int fill (iopause_fd *x, unsigned int max, tain *until)
{
  ares_socket_t socks[ARES_GETSOCK_MAXNUM] ;
  struct timeval tv, *tvp ;
  unsigned int nx = 0 ;
  unsigned int bits ;
  if (!inflight || state <= 0) return 0 ;
  bits = (unsigned int)ares_getsock(channel, socks, ARES_GETSOCK_MAXNUM) ;
  for (unsigned int i = 0 ; i < ARES_GETSOCK_MAXNUM && nx < max ; i++)
  {
    /* c-ares' own macros shift a signed 1 by 31 (undefined behaviour) */
    short ev = (bits & (1u << i) ? IOPAUSE_READ : 0) | (bits & (1u << (i + ARES_GETSOCK_MAXNUM)) ? IOPAUSE_WRITE : 0) ;
    if (!ev) continue ;
    x[nx].fd = socks[i] ;
    x[nx].events = ev ;
    x[nx].revents = 0 ;
    nx++ ;
  }
  tvp = ares_timeout(channel, 0, &tv) ;
  if (tvp)
  {
    tain t ;
    tain_from_millisecs(&t, (int)(tv.tv_sec * 1000 + tv.tv_usec / 1000 + 1)) ;
    tain_add_g(&t, &t) ;
    if (tain_less(&t, until)) *until = t ;
  }
  return nx ;
}

static void done (iopause_fd const *x, unsigned int n)
{
  int any = 0 ;
  for (unsigned int i = 0 ; i < n && inflight ; i++)
  {
    if (!x[i].revents) continue ;
    any = 1 ;
    ares_process_fd(channel, x[i].revents & (IOPAUSE_READ | IOPAUSE_EXCEPT) ? x[i].fd : ARES_SOCKET_BAD,
      x[i].revents & (IOPAUSE_WRITE | IOPAUSE_EXCEPT) ? x[i].fd : ARES_SOCKET_BAD) ;
  }
  /* nothing to read: c-ares checks its timers (and retries) */
  if (!any && inflight) ares_process_fd(channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD) ;
}

static io_extra const extra = { .fill = &fill, .done = &done } ;

static void start (void)
{
  struct ares_options o ;
  stralloc csv = STRALLOC_ZERO ;
  int r ;
  state = -1 ;
  memset(&o, 0, sizeof o) ;
  o.flags = ARES_FLAG_NOSEARCH | ARES_FLAG_NOALIASES | ARES_FLAG_EDNS ;
  o.timeout = (int)readuint("dns_timeout", DNS_TIMEOUT_DEFAULT, 60) * 1000 ;
  o.tries = (int)readuint("dns_tries", DNS_TRIES_DEFAULT, 10) ;
  o.ednspsz = 1232 ;     /* RFC 9715's safe UDP size */
  o.lookups = (char *)"b" ;
  o.ndomains = 0 ;
  if (!servers_csv(&csv)) { stralloc_free(&csv) ; return ; }
  r = ares_library_init(ARES_LIB_INIT_ALL) ;
  if (r == ARES_SUCCESS)
    r = ares_init_options(&channel, &o, ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_EDNSPSZ
      | ARES_OPT_LOOKUPS | ARES_OPT_DOMAINS) ;
  if (r == ARES_SUCCESS && csv.len > 1)
  {
    r = ares_set_servers_ports_csv(channel, csv.s) ;
    if (r != ARES_SUCCESS) ares_destroy(channel) ;
  }
  stralloc_free(&csv) ;
  if (r != ARES_SUCCESS)
  {
    log_core(LOGERROR, "DNS: the resolver cannot start: ", ares_strerror(r), "; every DNS query fails temporarily", (char *)0) ;
    return ;
  }
  state = 1 ;
  io_extra_set(&extra) ;
}

static void answered (void *arg, int status, int timeouts, unsigned char *abuf, int alen)
{
  query *q = queries + (uintptr_t)arg ;
  char const *why = 0 ;
  (void)timeouts ;
  inflight-- ;
  if (status == ARES_SUCCESS || status == ARES_ENODATA || status == ARES_ENOTFOUND)
  {
    if (abuf && alen > 0) q->status = dns_parse(abuf, (size_t)alen, q->type, &q->answer, &why) ;
    else q->status = status == ARES_ENOTFOUND ? QP_DNS_NXDOMAIN : QP_DNS_NODATA ;
  }
  else
  {
    q->status = QP_DNS_TEMPFAIL ;
    why = ares_strerror(status) ;
  }
  if (q->status == QP_DNS_TEMPFAIL)
    log_core(LOGINFO, "DNS: ", typename(q->type), " ", q->name, ": temporary failure: ", why ? why : "unusable answer", (char *)0) ;
  if (!q->refs) dnsanswer_free(&q->answer) ;
}

int qp_dns_query (unsigned int type, char const *name)
{
  query *q ;
  size_t n ;
  unsigned int i ;
  if (!typename(type) || !dns_name_ok(name)) { errno = EINVAL ; return -1 ; }
  n = strlen(name) ;
  if (name[n - 1] == '.') n-- ;
  for (i = 0 ; i < nqueries ; i++)
    if (queries[i].refs && queries[i].type == type && strlen(queries[i].name) == n && !strncasecmp(queries[i].name, name, n))
    {
      queries[i].refs++ ;
      return (int)i ;
    }
  if (nqueries >= DNS_QUERIES_MAX) { errno = ENOBUFS ; return -1 ; }
  q = queries + nqueries ;
  q->name = strndup(name, n) ;
  if (!q->name) return -1 ;
  q->type = type ;
  q->refs = 1 ;
  q->status = QP_DNS_PENDING ;
  q->answer = (dnsanswer)DNSANSWER_ZERO ;
  nqueries++ ;
  if (!state) start() ;
  if (state < 0) q->status = QP_DNS_TEMPFAIL ;
  else
  {
    if (log_wants(LOGDEBUG)) log_core(LOGDEBUG, "DNS: asking ", typename(type), " ", q->name, (char *)0) ;
    inflight++ ;
    ares_query(channel, q->name, 1, (int)type, &answered, (void *)(uintptr_t)(q - queries)) ;
  }
  return (int)(q - queries) ;
}

static int valid (int h)
{
  return h >= 0 && (unsigned int)h < nqueries && queries[h].refs ;
}

int qp_dns_status (int h)
{
  return valid(h) ? queries[h].status : QP_DNS_TEMPFAIL ;
}

qp_dnsrr const *qp_dns_rr (int h, unsigned int i)
{
  if (!valid(h) || queries[h].status != QP_DNS_ANSWER || i >= queries[h].answer.n) return 0 ;
  return queries[h].answer.rr + i ;
}

void qp_dns_cancel (int h)
{
  if (!valid(h)) return ;
  if (--queries[h].refs) return ;
  if (queries[h].status != QP_DNS_PENDING) dnsanswer_free(&queries[h].answer) ;
}

int qp_dns_listing (qp_dnsrr const *r)
{
  return r->type == QP_DNS_A && r->ip[0] == 127 && !(r->ip[1] == 255 && r->ip[2] == 255) ;
}

int qp_dns_name_ok (char const *name)
{
  return dns_name_ok(name) ;
}

int qp_dns_revname (char const *ip, char const *zone, stralloc *sa)
{
  return dns_revname(ip, zone, sa) ;
}

static unsigned int pending (int const *h, unsigned int n)
{
  unsigned int k = 0 ;
  for (unsigned int i = 0 ; i < n ; i++)
    if (valid(h[i]) && queries[h[i]].status == QP_DNS_PENDING) k++ ;
  return k ;
}

unsigned int qp_dns_wait (int const *h, unsigned int n, unsigned int ms)
{
  tain deadline ;
  int bybudget = clock_deadline(&deadline, ms) ;
  for (;;)
  {
    iopause_fd x[IO_EXTRA_MAX] ;
    unsigned int nx, left = pending(h, n) ;
    tain until = deadline ;
    int r ;
    if (!left || state <= 0) return left ;
    tain_now_g() ;
    if (!tain_less(&STAMP, &deadline))
    {
      if (bybudget) clock_spent() ;
      return left ;
    }
    nx = fill(x, IO_EXTRA_MAX, &until) ;
    r = iopause_g(x, nx, &until) ;
    if (r < 0)
    {
      if (errno == EINTR) continue ;
      log_core(LOGERROR, "DNS: waiting for answers: ", strerror(errno), (char *)0) ;
      return left ;
    }
    done(x, nx) ;
  }
}
