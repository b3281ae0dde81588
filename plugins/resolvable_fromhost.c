/* ISC license. */
/* resolvable_fromhost: refuses MAIL from a domain that could not receive a
   bounce: no such domain, a null MX (RFC 7505), or MX hosts and addresses
   that resolve only into control/invalid_resolvable_fromhost's networks.
   qpsmtpd's resolvable_fromhost (old name require_resolvable_fromhost).
   MX, A and AAAA are asked at once; a DNS failure defers (450 4.4.3),
   never refuses. */

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

#define NETS_MAX 64
#define MX_MAX 10
#define TIMEOUT_MAX 300

typedef struct net_s net ;
struct net_s { qp_ip ip ; unsigned int bits ; } ;

typedef struct rf_s rf ;
struct rf_s
{
  unsigned int timeout ;
  net nets[NETS_MAX] ;
  unsigned int nnets ;
  int broken ;
} ;

static qp_argdef const args[] =
{
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(rf, timeout), .def = "30", .min = 1, .max = TIMEOUT_MAX, .meta = "SECONDS" },
  { 0 }
} ;

/* Used without control/invalid_resolvable_fromhost: addresses no bounce can
   reach from the Internet (RFC 6890 special-purpose and private ranges). */
static char const *const defaults[] =
{
  "0.0.0.0/8", "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16",
  "224.0.0.0/4", "240.0.0.0/4", "::/128", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", 0
} ;

static int net_add (rf *st, char const *s)
{
  char buf[64] ;
  char *slash ;
  net *n = st->nets + st->nnets ;
  if (st->nnets >= NETS_MAX || strlen(s) >= sizeof buf) return 0 ;
  strcpy(buf, s) ;
  slash = strchr(buf, '/') ;
  if (slash) *slash++ = 0 ;
  if (!qp_ip_parse(buf, &n->ip)) return 0 ;
  n->bits = n->ip.family == 4 ? 32 : 128 ;
  if (slash)
  {
    size_t k = uint_scan(slash, &n->bits) ;
    if (!k || slash[k] || n->bits > (n->ip.family == 4 ? 32u : 128u)) return 0 ;
  }
  st->nnets++ ;
  return 1 ;
}

static int rf_init (void *state)
{
  rf *st = state ;
  stralloc sa = STRALLOC_ZERO ;
  int r = qp_control_list("invalid_resolvable_fromhost", &sa) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "error: control/invalid_resolvable_fromhost is unreadable: senders will be deferred", (char *)0) ;
    st->broken = 1 ;
  }
  else if (!r) for (unsigned int i = 0 ; defaults[i] ; i++) net_add(st, defaults[i]) ;
  else for (size_t i = 0 ; i < sa.len ; i += strlen(sa.s + i) + 1)
    if (!net_add(st, sa.s + i))
    {
      qp_log(LOGERROR, "error: control/invalid_resolvable_fromhost: not an address or address/bits (or more than 64 lines): ",
        sa.s + i, "; senders will be deferred", (char *)0) ;
      st->broken = 1 ;
    }
  stralloc_free(&sa) ;
  return 1 ;
}

static int invalid (rf const *st, qp_dnsrr const *r)
{
  qp_ip ip ;
  memset(&ip, 0, sizeof ip) ;
  ip.family = r->type == QP_DNS_A ? 4 : 6 ;
  memcpy(ip.a, r->ip, ip.family == 4 ? 4 : 16) ;
  for (unsigned int i = 0 ; i < st->nnets ; i++)
    if (qp_ip_match(&ip, &st->nets[i].ip, st->nets[i].bits)) return 1 ;
  return 0 ;
}

/* What the A and AAAA answers of one name say: 1 a usable address, 0 none
   (or only invalid ones), -1 a temporary failure and nothing usable. */
static int usable (rf const *st, int a, int aaaa, char const *name)
{
  int h[2] = { a, aaaa } ;
  int temp = 0 ;
  for (unsigned int k = 0 ; k < 2 ; k++)
  {
    qp_dnsrr const *r ;
    int s = qp_dns_status(h[k]) ;
    if (s == QP_DNS_PENDING || s == QP_DNS_TEMPFAIL) { temp = 1 ; continue ; }
    for (unsigned int i = 0 ; (r = qp_dns_rr(h[k], i)) ; i++)
    {
      if (!invalid(st, r)) return 1 ;
      qp_log(LOGINFO, "note: ", name, " has the unusable address ", r->text, (char *)0) ;
    }
  }
  return temp ? -1 : 0 ;
}

/* qpsmtpd's texts, with the enhanced code of the reply's class */
static int refuse (char const *what, char const *domain)
{
  stralloc t = STRALLOC_ZERO ;
  int v = qp_reject_verdict() ;
  int r ;
  char const *cls = v == DENYSOFT || v == DENYSOFT_DISCONNECT ? "4" : "5" ;
  qp_log(LOGINFO, "fail: ", domain, ": ", what, (char *)0) ;
  if (!stralloc_cats(&t, cls) || !stralloc_cats(&t, ".1.8 FQDN required in the envelope sender: ")
   || !stralloc_cats(&t, domain) || !stralloc_catb(&t, " ", 1) || !stralloc_cats(&t, what) || !stralloc_0(&t)) t.len = 0 ;
  r = qp_reject(t.len ? t.s : "FQDN required in the envelope sender") ;
  stralloc_free(&t) ;
  return r ;
}

static int tempfail (char const *domain)
{
  qp_log(LOGINFO, "error: ", domain, ": temporary DNS failure", (char *)0) ;
  if (qp_reject_mode() == QP_REJECT_NO) return DECLINED ;
  qp_msg("4.4.3 Could not resolve the envelope sender's domain now; try again later") ;
  return DENYSOFT ;
}

static int rf_mail (void *state, qp_hookarg const *a)
{
  rf const *st = state ;
  char const *addr = qp_arg(a, "address") ;
  char const *at = addr ? strrchr(addr, '@') : 0 ;
  char const *d = at ? at + 1 : 0 ;
  int h[3], mx[MX_MAX][2] ;
  char const *mxname[MX_MAX] ;
  unsigned int nmx = 0, k ;
  int s, temp = 0 ;
  char const *w = qp_note_get(QP_CONN, "whitelisthost") ;
  if (!addr || !*addr) { qp_note_set(QP_TXN, "resolvable_fromhost", "null") ; return DECLINED ; }
  if (qp_relay_client() || (w && *w)) { qp_log(LOGINFO, "skip: relay client or whitelisted host", (char *)0) ; return DECLINED ; }
  if (st->broken)
  {
    qp_msg("4.3.0 sender check configuration error; try again later") ;
    return DENYSOFT ;
  }
  if (!d || !*d) return DECLINED ;                  /* <postmaster>: no domain to check */
  if (d[0] == '[') { qp_note_set(QP_TXN, "resolvable_fromhost", "ip") ; return DECLINED ; }
  if (!qp_dns_name_ok(d)) return refuse("is not a domain name", d) ;
  h[0] = qp_dns_query(QP_DNS_MX, d) ;
  h[1] = qp_dns_query(QP_DNS_A, d) ;
  h[2] = qp_dns_query(QP_DNS_AAAA, d) ;
  qp_dns_wait(h, 3, st->timeout * 1000) ;
  s = qp_dns_status(h[0]) ;
  if (s == QP_DNS_PENDING || s == QP_DNS_TEMPFAIL) return tempfail(d) ;
  if (s == QP_DNS_NXDOMAIN) return refuse("does not exist", d) ;
  if (s == QP_DNS_NODATA)
  {
    /* RFC 5321 5.1: no MX, the domain's own address is the implicit MX */
    int u = usable(st, h[1], h[2], d) ;
    if (u > 0) { qp_note_set(QP_TXN, "resolvable_fromhost", "a") ; qp_log(LOGINFO, "pass: ", d, " has an address", (char *)0) ; return DECLINED ; }
    return u < 0 ? tempfail(d) : refuse("has no MX and no usable address", d) ;
  }
  {
    qp_dnsrr const *r = qp_dns_rr(h[0], 0) ;
    if (r && !qp_dns_rr(h[0], 1) && !r->pref && !*r->text) return refuse("accepts no mail (null MX, RFC 7505)", d) ;
  }
  for (k = 0 ; k < MX_MAX ; k++)
  {
    qp_dnsrr const *r = qp_dns_rr(h[0], k) ;
    if (!r) break ;
    if (!*r->text) continue ;                       /* "." among other MXes: no address */
    mxname[nmx] = r->text ;
    mx[nmx][0] = qp_dns_query(QP_DNS_A, r->text) ;
    mx[nmx][1] = qp_dns_query(QP_DNS_AAAA, r->text) ;
    nmx++ ;
  }
  qp_dns_wait(&mx[0][0], 2 * nmx, st->timeout * 1000) ;
  for (k = 0 ; k < nmx ; k++)
  {
    int u = usable(st, mx[k][0], mx[k][1], mxname[k]) ;
    if (u > 0)
    {
      qp_note_set(QP_TXN, "resolvable_fromhost", "mx") ;
      qp_log(LOGINFO, "pass: ", d, " has a usable MX", (char *)0) ;
      return DECLINED ;
    }
    if (u < 0) temp = 1 ;
  }
  return temp ? tempfail(d) : refuse("has no MX host with a usable address", d) ;
}

static char const *const aliases[] = { "require_resolvable_fromhost", 0 } ;

qp_plugin const plugin_resolvable_fromhost =
{
  .name = "resolvable_fromhost",
  .aliases = aliases,
  .state_size = sizeof(rf),
  .args = args,
  .init = &rf_init,
  .hook = { [HOOK_MAIL] = &rf_mail },
  .reject_type = DENYSOFT,
  .flags = 0,
} ;
