/* ISC license. */
/* uribl: looks up the hosts named in a message's URLs in URI block lists
   (control/uribl_zones: SURBL, URIBL, Spamhaus DBL ...), qpsmtpd's uribl.
   The body is scanned once after DATA (a bounded amount, quoted-printable
   soft breaks undone), every distinct domain and address is asked in every
   zone in parallel, and a listing adds X-URIBL-Match or refuses the
   message, by the zone's action. DNS failures pass. */

#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define ZONES_MAX 8
#define HOSTS_MAX 100
#define SCAN_MAX (1024 * 1024)
#define TIMEOUT_MAX 300

enum { ADD_HEADER, DENY_IT, DENYSOFT_IT } ;
static char const *const actions[] = { "add-header", "deny", "denysoft", 0 } ;

typedef struct zone_s zone ;
struct zone_s
{
  char const *name ;
  unsigned int mask ;    /* last octet of the answer & mask: listed; 0 none given */
  int action ;           /* -1: the argument's */
} ;

typedef struct uribl_s uribl ;
struct uribl_s
{
  int action ;
  unsigned int timeout ;
  unsigned int max ;
  int scanheaders ;
  int checkip ;
  stralloc lines ;
  zone z[ZONES_MAX] ;
  unsigned int nz ;
  int broken ;
  stralloc white ;       /* control/uribl_whitelist_domains */
} ;

static qp_argdef const args[] =
{
  { .name = "action", .type = QP_ARG_ENUM, .off = offsetof(uribl, action), .def = "add-header", .choices = actions, .meta = "add-header|deny|denysoft" },
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(uribl, timeout), .def = "30", .min = 1, .max = TIMEOUT_MAX, .meta = "SECONDS" },
  { .name = "max", .type = QP_ARG_UINT, .off = offsetof(uribl, max), .def = "20", .min = 1, .max = HOSTS_MAX, .meta = "HOSTS" },
  { .name = "scan-headers", .type = QP_ARG_BOOL, .off = offsetof(uribl, scanheaders), .def = "0", .meta = "0|1" },
  { .name = "checkip", .type = QP_ARG_BOOL, .off = offsetof(uribl, checkip), .def = "1", .meta = "0|1" },
  { 0 }
} ;

/* registrable domains under these second-level suffixes keep three labels */
static char const *const twolevel[] =
{
  "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "com.au", "net.au", "org.au",
  "co.nz", "co.jp", "ne.jp", "or.jp", "co.za", "com.br", "com.cn", "com.mx", "com.tr", "co.in", "co.kr",
  "com.ar", "com.tw", "com.sg", "com.hk", "co.il", "com.ru", "com.ua", "com.pl", 0
} ;

static int uribl_init (void *state)
{
  uribl *st = state ;
  int r = qp_control_list("uribl_zones", &st->lines) ;
  if (r < 0) { qp_log(LOGERROR, "error: control/uribl_zones is unreadable: messages will be deferred", (char *)0) ; st->broken = 1 ; return 1 ; }
  for (size_t i = 0, next ; i < st->lines.len && st->nz < ZONES_MAX ; i = next)
  {
    char *w[3] = { 0, 0, 0 } ;
    char *p = st->lines.s + i ;
    unsigned int n = 0 ;
    zone *z = st->z + st->nz ;
    next = i + strlen(p) + 1 ;
    while (*p && n < 3)
    {
      w[n++] = p ;
      p += strcspn(p, " \t") ;
      if (*p) { *p++ = 0 ; p += strspn(p, " \t") ; }
    }
    z->name = w[0] ;
    z->mask = 0 ;
    z->action = -1 ;
    for (unsigned int k = 1 ; k < n ; k++)
    {
      char *end ;
      unsigned long m = strtoul(w[k], &end, 0) ;
      if (!*end && end != w[k] && m && m < 256) { z->mask = (unsigned int)m ; continue ; }
      for (int a = 0 ; actions[a] ; a++) if (!strcasecmp(w[k], actions[a])) z->action = a ;
      if (z->action < 0) goto bad ;
    }
    if (*p || !strchr(z->name, '.') || !qp_dns_name_ok(z->name)) goto bad ;
    st->nz++ ;
    continue ;
   bad:
    qp_log(LOGERROR, "error: control/uribl_zones: malformed line (ZONE [MASK] [ACTION]): ", st->lines.s + i,
      "; messages will be deferred", (char *)0) ;
    st->broken = 1 ;
  }
  if (qp_control_list("uribl_whitelist_domains", &st->white) < 0)
    qp_log(LOGWARN, "warning: control/uribl_whitelist_domains is unreadable", (char *)0) ;
  return 1 ;
}

static int hostch (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ;
}

/* the name to look up for host: an IPv4 address as is, else the registrable
   domain (two labels, three under twolevel[]), lower case; 0 none */
static int reduce (char const *host, size_t n, char *out)
{
  size_t start ;
  int labels = 0, want = 2 ;
  qp_ip ip ;
  char buf[256] ;
  while (n && host[n - 1] == '.') n-- ;
  if (!n || n >= sizeof buf) return 0 ;
  for (size_t i = 0 ; i < n ; i++) buf[i] = (host[i] >= 'A' && host[i] <= 'Z') ? host[i] + 32 : host[i] ;
  buf[n] = 0 ;
  if (qp_ip_parse(buf, &ip)) { memcpy(out, buf, n + 1) ; return 2 ; }
  for (int i = 0 ; twolevel[i] ; i++)
  {
    size_t l = strlen(twolevel[i]) ;
    if (n > l && buf[n - l - 1] == '.' && !strcmp(buf + n - l, twolevel[i])) want = 3 ;
  }
  start = n ;
  while (start)
  {
    if (buf[start - 1] == '.' && ++labels == want) break ;
    start-- ;
  }
  if (labels < want - 1 && start == 0 && !strchr(buf, '.')) return 0 ;
  if (!qp_dns_name_ok(buf + start) || !strchr(buf + start, '.')) return 0 ;
  memcpy(out, buf + start, n - start + 1) ;
  return 1 ;
}

static int whitelisted (uribl const *st, char const *d)
{
  for (size_t i = 0 ; i < st->white.len ; i += strlen(st->white.s + i) + 1)
    if (!strcasecmp(st->white.s + i, d)) return 1 ;
  return 0 ;
}

/* adds d to the list (NUL-separated) unless there or full */
static void add (uribl const *st, stralloc *found, unsigned int *n, char const *d)
{
  for (size_t i = 0 ; i < found->len ; i += strlen(found->s + i) + 1)
    if (!strcmp(found->s + i, d)) return ;
  if (*n >= st->max || whitelisted(st, d)) return ;
  if (stralloc_cats(found, d) && stralloc_0(found)) (*n)++ ;
}

/* URLs in s: after "://" or at "www."; soft line breaks already removed */
static void scan (uribl const *st, char const *s, size_t len, stralloc *found, unsigned int *n)
{
  for (size_t i = 0 ; i + 4 < len && *n < st->max ; i++)
  {
    size_t h ;
    if (s[i] == ':' && s[i + 1] == '/' && s[i + 2] == '/') h = i + 3 ;
    else if ((i == 0 || !hostch(s[i - 1])) && !strncasecmp(s + i, "www.", 4)) h = i ;
    else continue ;
    {
      size_t e = h, at = h ;
      char out[256] ;
      /* skip user:password@ */
      while (e < len && e - h < 512 && s[e] != '/' && s[e] != '"' && s[e] != '>' && s[e] != ' ' && s[e] != '\n') { if (s[e] == '@') at = e + 1 ; e++ ; }
      e = at ;
      while (e < len && hostch(s[e]) && e - at < 255) e++ ;
      if (e > at && reduce(s + at, e - at, out)) add(st, found, n, out) ;
      i = e > i ? e - 1 : i ;
    }
  }
}

/* 1 listed under the zone's mask */
static int listed (zone const *z, int h)
{
  qp_dnsrr const *r ;
  for (unsigned int i = 0 ; (r = qp_dns_rr(h, i)) ; i++)
  {
    if (!qp_dns_listing(r)) continue ;
    if (z->mask ? (r->ip[3] & z->mask) : (r->ip[3] != 1 || r->ip[1] || r->ip[2])) return 1 ;
  }
  return 0 ;
}

static int uribl_data_post (void *state, qp_hookarg const *a)
{
  uribl *st = state ;
  stralloc body = STRALLOC_ZERO, found = STRALLOC_ZERO, name = STRALLOC_ZERO, hdr = STRALLOC_ZERO ;
  unsigned int n = 0, nq = 0 ;
  int h[HOSTS_MAX * ZONES_MAX] ;
  unsigned int hz[HOSTS_MAX * ZONES_MAX] ;
  char const *hd[HOSTS_MAX * ZONES_MAX] ;
  int r = DECLINED ;
  char buf[8192] ;
  uint64_t off = 0 ;
  (void)a ;
  if (!st->nz && !st->broken) return DECLINED ;
  if (st->broken) { qp_msg("4.3.0 URI block list configuration error; try again later") ; return DENYSOFT ; }
  while (off < SCAN_MAX)
  {
    ssize_t k = st->scanheaders ? qp_message_read(off, buf, sizeof buf) : qp_body_read(off, buf, sizeof buf) ;
    if (k <= 0) break ;
    if (!stralloc_catb(&body, buf, (size_t)k)) break ;
    off += (uint64_t)k ;
  }
  /* quoted-printable soft line breaks ("=" at a line's end) joined */
  {
    size_t o = 0 ;
    for (size_t i = 0 ; i < body.len ; i++)
    {
      if (body.s[i] == '=' && i + 1 < body.len && body.s[i + 1] == '\n') { i++ ; continue ; }
      if (body.s[i] == '=' && i + 2 < body.len && body.s[i + 1] == '\r' && body.s[i + 2] == '\n') { i += 2 ; continue ; }
      body.s[o++] = body.s[i] ;
    }
    body.len = o ;
  }
  scan(st, body.s, body.len, &found, &n) ;
  stralloc_free(&body) ;
  for (size_t i = 0 ; i < found.len ; i += strlen(found.s + i) + 1)
  {
    char const *d = found.s + i ;
    qp_ip ip ;
    int isip = qp_ip_parse(d, &ip) ;
    if (isip && !st->checkip) continue ;
    for (unsigned int z = 0 ; z < st->nz ; z++)
    {
      name.len = 0 ;
      if (isip ? !qp_dns_revname(d, st->z[z].name, &name)
               : (!stralloc_cats(&name, d) || !stralloc_catb(&name, ".", 1) || !stralloc_cats(&name, st->z[z].name) || !stralloc_0(&name))) continue ;
      h[nq] = qp_dns_query(QP_DNS_A, name.s) ;
      if (h[nq] < 0)
      {
        qp_log(LOGINFO, "skip: ", name.s, ": no query left in this connection", (char *)0) ;
        continue ;
      }
      hz[nq] = z ;
      hd[nq++] = d ;
    }
  }
  if (nq && qp_dns_wait(h, nq, st->timeout * 1000)) qp_log(LOGINFO, "error: some answers are missing after the timeout", (char *)0) ;
  for (unsigned int k = 0 ; k < nq ; k++)
  {
    zone const *z = st->z + hz[k] ;
    int act ;
    int s = qp_dns_status(h[k]) ;
    if (s == QP_DNS_TEMPFAIL) qp_log(LOGINFO, "error: no usable answer from ", z->name, " for ", hd[k], (char *)0) ;
    if (!listed(z, h[k])) continue ;
    act = z->action >= 0 ? z->action : st->action ;
    hdr.len = 0 ;
    if (!stralloc_cats(&hdr, hd[k]) || !stralloc_cats(&hdr, " in ") || !stralloc_cats(&hdr, z->name) || !stralloc_0(&hdr)) continue ;
    qp_log(LOGINFO, act == ADD_HEADER ? "fail, tolerated: " : "fail: ", hdr.s, (char *)0) ;
    if (act == ADD_HEADER)
    {
      if (!qp_header_add("X-URIBL-Match", hdr.s, 0)) qp_log(LOGERROR, "error: out of memory: no X-URIBL-Match", (char *)0) ;
      continue ;
    }
    qp_msg(hdr.s) ;
    r = act == DENY_IT ? DENY : DENYSOFT ;
    break ;
  }
  if (r == DECLINED && !nq) qp_log(LOGINFO, "skip: no URL in the message", (char *)0) ;
  stralloc_free(&found) ;
  stralloc_free(&name) ;
  stralloc_free(&hdr) ;
  return r ;
}

qp_plugin const plugin_uribl =
{
  .name = "uribl",
  .aliases = 0,
  .state_size = sizeof(uribl),
  .args = args,
  .init = &uribl_init,
  .hook = { [HOOK_DATA_POST] = &uribl_data_post },
  .flags = 0,
} ;
