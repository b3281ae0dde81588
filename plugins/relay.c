/* ISC license. */
/* relay: decides at connect whether the client may relay (RELAYCLIENT, relayclients,
   morerelayclients.cdb; norelayclients wins), appends RELAYCLIENT's value to every
   recipient as qmail-smtpd does, and with "only 1" refuses non-relay clients at RCPT. */

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include <skalibs/stralloc.h>
#include <skalibs/genalloc.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

/* One relayclients/norelayclients entry: a network in binary form. */
typedef struct net_s net ;
struct net_s
{
  unsigned char addr[16] ;
  unsigned char bits ;
  unsigned char v6 ;
} ;

typedef struct relay_s relay ;
struct relay_s
{
  genalloc yes ;           /* net: relayclients */
  genalloc no ;            /* net: norelayclients */
  char const *append ;     /* RELAYCLIENT's value when this instance appends it */
  int only ;
} ;

/* A client address in binary form; ok = 0 when qp_remote_ip() is not an IP. */
typedef struct ip_s ip ;
struct ip_s
{
  unsigned char addr[16] ;
  int v6 ;
  int ok ;
} ;

#define APPEND_NOTE "relay:append"

static void netmask (net *n)
{
  unsigned int len = n->v6 ? 16 : 4 ;
  unsigned int i = n->bits >> 3 ;
  if (i < len)
  {
    if (n->bits & 7) n->addr[i++] &= (unsigned char)(0xff00u >> (n->bits & 7)) ;
    while (i < len) n->addr[i++] = 0 ;
  }
}

/* "::ffff:a.b.c.d" entries and clients are IPv4, as the core treats them. */
static int is_v4mapped (unsigned char const *a)
{
  static unsigned char const pfx[12] = { 0,0,0,0,0,0,0,0,0,0,0xff,0xff } ;
  return !memcmp(a, pfx, 12) ;
}

static int parse_uint (char const *s, size_t len, unsigned int max, unsigned int *n)
{
  unsigned int v = 0 ;
  size_t i = 0 ;
  if (!len || len > 3) return 0 ;
  for (; i < len ; i++)
  {
    if (s[i] < '0' || s[i] > '9') return 0 ;
    v = v * 10 + (unsigned int)(s[i] - '0') ;
  }
  if (v > max) return 0 ;
  *n = v ;
  return 1 ;
}

/* "a.", "a.b.", "a.b.c." : whole octets, as qpsmtpd's prefix entries. */
static int parse_v4prefix (char const *s, net *n)
{
  unsigned int k = 0 ;
  memset(n, 0, sizeof *n) ;
  while (*s)
  {
    char const *dot = strchr(s, '.') ;
    unsigned int v ;
    if (!dot || k >= 3 || !parse_uint(s, (size_t)(dot - s), 255, &v)) return 0 ;
    n->addr[k++] = (unsigned char)v ;
    s = dot + 1 ;
  }
  n->bits = (unsigned char)(8 * k) ;
  return k > 0 ;
}

/* "fdda:b13d:e431:ae06:" or "2001:db8": whole 16-bit groups, no "::". */
static int parse_v6prefix (char const *s, net *n)
{
  unsigned int k = 0 ;
  memset(n, 0, sizeof *n) ;
  n->v6 = 1 ;
  while (*s)
  {
    size_t len = strspn(s, "0123456789abcdefABCDEF") ;
    unsigned long v ;
    if (!len || len > 4 || k >= 7 || (s[len] && s[len] != ':')) return 0 ;
    v = strtoul(s, 0, 16) ;
    n->addr[2*k] = (unsigned char)(v >> 8) ;
    n->addr[2*k+1] = (unsigned char)(v & 0xff) ;
    k++ ;
    s += len ;
    if (*s) s++ ;
  }
  n->bits = (unsigned char)(16 * k) ;
  return k > 0 ;
}

static int parse_addr (char const *s, net *n)
{
  memset(n, 0, sizeof *n) ;
  if (inet_pton(AF_INET, s, n->addr) == 1) { n->bits = 32 ; return 1 ; }
  if (inet_pton(AF_INET6, s, n->addr) != 1) return 0 ;
  n->v6 = 1 ;
  n->bits = 128 ;
  return 1 ;
}

/* CIDR "a.b.c.d/n" or "x::/n"; host bits are masked off. */
static int parse_cidr (char const *s, net *n)
{
  char buf[64] ;
  char const *slash = strchr(s, '/') ;
  size_t len = (size_t)(slash - s) ;
  unsigned int bits ;
  if (len >= sizeof buf) return 0 ;
  memcpy(buf, s, len) ;
  buf[len] = 0 ;
  if (!parse_addr(buf, n)) return 0 ;
  if (!parse_uint(slash + 1, strlen(slash + 1), n->v6 ? 128 : 32, &bits)) return 0 ;
  n->bits = (unsigned char)bits ;
  return 1 ;
}

static int parse_entry (char const *s, net *n)
{
  size_t len = strlen(s) ;
  int r ;
  if (strchr(s, '/')) r = parse_cidr(s, n) ;
  else if (parse_addr(s, n)) r = 1 ;
  else if (len && s[len-1] == '.') r = parse_v4prefix(s, n) ;
  else r = strchr(s, ':') && !strstr(s, "::") && parse_v6prefix(s, n) ;
  if (!r) return 0 ;
  if (n->v6 && n->bits >= 96 && is_v4mapped(n->addr))
  {
    memmove(n->addr, n->addr + 12, 4) ;
    n->bits -= 96 ;
    n->v6 = 0 ;
  }
  netmask(n) ;
  return 1 ;
}

/* Reads one of our lists; 1 ok (missing file = empty list), 0 after logging. */
static int load_list (char const *file, genalloc *g)
{
  stralloc sa = STRALLOC_ZERO ;
  size_t i = 0 ;
  int r = qp_control_list(file, &sa) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "unable to read control/", file, ": ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  while (i < sa.len)
  {
    char const *s = sa.s + i ;
    net n ;
    i += strlen(s) + 1 ;
    if (!parse_entry(s, &n))
    {
      qp_log(LOGERROR, "control/", file, ": not an IP address, prefix or CIDR block: ", s, (char *)0) ;
      stralloc_free(&sa) ;
      return 0 ;
    }
    if (!genalloc_append(net, g, &n))
    {
      qp_log(LOGERROR, "out of memory", (char *)0) ;
      stralloc_free(&sa) ;
      return 0 ;
    }
  }
  stralloc_free(&sa) ;
  return 1 ;
}

static int net_match (net const *n, ip const *c)
{
  unsigned int full = n->bits >> 3 ;
  unsigned int rest = n->bits & 7 ;
  if (!c->ok || (int)n->v6 != c->v6) return 0 ;
  if (memcmp(n->addr, c->addr, full)) return 0 ;
  if (!rest) return 1 ;
  return !((n->addr[full] ^ c->addr[full]) & (0xff00u >> rest)) ;
}

static int list_match (genalloc const *g, ip const *c)
{
  net const *n = genalloc_s(net, g) ;
  size_t len = genalloc_len(net, g) ;
  size_t i = 0 ;
  for (; i < len ; i++) if (net_match(n + i, c)) return 1 ;
  return 0 ;
}

/* The client's address, parsed once by the core (::ffff:a.b.c.d is IPv4). */
static void client_ip (ip *c)
{
  qp_ip const *r = qp_remote_addr() ;
  memset(c, 0, sizeof *c) ;
  if (!r->family) return ;
  c->ok = 1 ;
  c->v6 = r->family == 6 ;
  memcpy(c->addr, r->a, sizeof c->addr) ;
}

static int cdb_try (char const *key)
{
  return qp_control_cdb("morerelayclients.cdb", key, strlen(key)) ;
}

/* morerelayclients.cdb keys are text: the address, then its prefixes ending in
   "." (IPv4: "a.b.c.", "a.b.", "a.") or ":" (IPv6, groups written without
   leading zeros and without "::": "2001:db8:0:0:0:0:0:", ..., "2001:").
   1 found, 0 not found, -1 cdb unreadable. */
/* Keys as qpsmtpd's relay plugin builds them: the address, then its prefixes
   ("10.1.2.", "10.1.", "10."; "2001:db8:...:" group by group). Formatted with
   skalibs, not printf: this runs at every connection. */
static int cdb_match (ip const *c)
{
  char buf[INET6_ADDRSTRLEN + 8] ;
  int r ;
  if (!c->ok) return 0 ;
  if (!c->v6)
  {
    size_t len = 0 ;
    size_t pre[4] ;
    for (unsigned int i = 0 ; i < 4 ; i++)
    {
      len += uint_fmt(buf + len, c->addr[i]) ;
      pre[i] = len ;
      buf[len++] = '.' ;
    }
    buf[pre[3]] = 0 ;
    if ((r = cdb_try(buf))) return r ;
    for (unsigned int k = 3 ; k ; k--)
    {
      buf[pre[k-1] + 1] = 0 ;
      if ((r = cdb_try(buf))) return r ;
    }
    return 0 ;
  }
  if (!inet_ntop(AF_INET6, c->addr, buf, sizeof buf)) return 0 ;
  if ((r = cdb_try(buf))) return r ;
  if (strcmp(buf, qp_remote_ip()) && (r = cdb_try(qp_remote_ip()))) return r ;
  for (unsigned int k = 7 ; k ; k--)
  {
    size_t len = 0 ;
    for (unsigned int i = 0 ; i < k ; i++)
    {
      len += uint_xfmt(buf + len, (unsigned int)(c->addr[2*i] << 8 | c->addr[2*i+1])) ;
      buf[len++] = ':' ;
    }
    buf[len] = 0 ;
    if ((r = cdb_try(buf))) return r ;
  }
  return 0 ;
}

/* RELAYCLIENT is set: relay, and remember to append a non-empty value (only
   the first relay instance does, so that two instances do not append twice). */
static int relay_env (relay *st, char const *env)
{
  qp_set_relay_client(1) ;
  qp_log(LOGINFO, "pass: RELAYCLIENT is set", (char *)0) ;
  if (!*env || qp_note_get(QP_CONN, APPEND_NOTE)) return DECLINED ;
  if (!qp_note_set(QP_CONN, APPEND_NOTE, env))
  {
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("421 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  st->append = env ;
  return DECLINED ;
}

static int relay_lists (relay const *st, ip const *c)
{
  int r ;
  if (list_match(&st->yes, c))
  {
    qp_set_relay_client(1) ;
    qp_log(LOGINFO, "pass: ", qp_remote_ip(), " is in relayclients", (char *)0) ;
    return DECLINED ;
  }
  r = cdb_match(c) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "error: unable to read control/morerelayclients.cdb: ", strerror(errno), (char *)0) ;
    qp_msg("421 4.3.0 unable to read controls") ;
    return DENYSOFT ;
  }
  if (r)
  {
    qp_set_relay_client(1) ;
    qp_log(LOGINFO, "pass: ", qp_remote_ip(), " is in morerelayclients.cdb", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "skip: ", qp_remote_ip(), " may not relay", (char *)0) ;
  return DECLINED ;
}

/* norelayclients, then RELAYCLIENT, then relayclients, then the cdb. */
static int relay_connect (void *state, qp_hookarg const *a)
{
  relay *st = state ;
  char const *env = getenv("RELAYCLIENT") ;
  ip c ;
  (void)a ;
  st->append = 0 ;
  client_ip(&c) ;
  if (list_match(&st->no, &c))
  {
    qp_log(LOGNOTICE, "fail: ", qp_remote_ip(), " is in norelayclients", (char *)0) ;
    qp_set_relay_client(0) ;
    if (env) unsetenv("RELAYCLIENT") ;  /* nor may qmail-queue filters think it relays */
    return DECLINED ;
  }
  return env ? relay_env(st, env) : relay_lists(st, &c) ;
}

/* qmail-smtpd: "If RELAYCLIENT is set, append its value" to every recipient. */
static int relay_rcpt (void *state, qp_hookarg const *a)
{
  relay *st = state ;
  char const *addr = qp_arg(a, "address") ;
  if (st->append && addr)
  {
    stralloc sa = STRALLOC_ZERO ;
    int ok = stralloc_cats(&sa, addr) && stralloc_cats(&sa, st->append)
          && stralloc_0(&sa) && qp_addr_set(sa.s) ;
    stralloc_free(&sa) ;
    if (!ok)
    {
      qp_log(LOGERROR, "error: out of memory", (char *)0) ;
      qp_msg("451 4.3.0 out of memory") ;
      return DENYSOFT ;
    }
  }
  if (!st->only) return DECLINED ;
  if (qp_relay_client()) return OK ;
  qp_log(LOGINFO, "fail: relay only, ", qp_remote_ip(), " may not relay", (char *)0) ;
  qp_msg("550 5.7.1 relaying denied") ;
  return DENY ;
}

static qp_argdef const relay_args[] =
{
  { .name = "only", .type = QP_ARG_BOOL, .off = offsetof(relay, only), .def = "0", .meta = "0|1" },
  { 0 }
} ;

static int relay_init (void *state)
{
  relay *st = state ;
  return load_list("relayclients", &st->yes) && load_list("norelayclients", &st->no) ;
}

static char const *const relay_aliases[] = { "check_relay", "check_norelay", "relay_only", 0 } ;

qp_plugin const plugin_relay =
{
  .name = "relay",
  .aliases = relay_aliases,
  .state_size = sizeof(relay),
  .args = relay_args,
  .init = &relay_init,
  .hook =
  {
    [HOOK_CONNECT] = &relay_connect,
    [HOOK_RCPT] = &relay_rcpt,
  },
  .flags = 0,
} ;
