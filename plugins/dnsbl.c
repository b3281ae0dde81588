/* ISC license. */
/* dnsbl: refuses recipients for a client listed in DNS block lists
   (control/dnsbl_zones), qpsmtpd 0.94's way: every query starts at connect,
   in parallel, and the answers are collected at the first RCPT, so the
   lookups cost the client's own HELO/MAIL time. IPv4 and IPv6 (RFC 5782).
   postmaster and abuse are still accepted; relay clients and whitelisted
   hosts are not looked up; RBLSMTPD (rblsmtpd's variable) overrides. A DNS
   failure never refuses mail: it passes, or defers with on_error defer. */

#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

#define ZONES_MAX 16
#define CODES_MAX 8
#define TIMEOUT_MAX 300

typedef struct zone_s zone ;
struct zone_s
{
  char const *name ;           /* the zone */
  char const *msg ;            /* zone:message, NULL for the TXT record's text */
  unsigned char codes[CODES_MAX][4] ;   /* zone=127.0.0.2,...: listed only for these */
  unsigned int ncodes ;
  int a, txt ;                 /* query handles, -1 none */
} ;

typedef struct dnsbl_s dnsbl ;
struct dnsbl_s
{
  unsigned int timeout ;       /* seconds, at the first RCPT */
  int onerror ;                /* 0 pass, 1 defer */
  stralloc lines ;             /* control/dnsbl_zones, for the life of the process */
  zone z[ZONES_MAX] ;
  unsigned int nz ;
  int broken ;                 /* a malformed zone line: defer, logged */
  int skip ;                   /* not looked up (or RBLSMTPD decided) */
  int decided ;                /* answers collected */
  int listed ;                 /* 1 listed, -1 DNS failure, 0 clean */
  int rbl ;                    /* RBLSMTPD: 0 none, 1 temporary, 2 permanent */
  stralloc msg ;               /* the refusal's text */
} ;

static char const *const onerrors[] = { "pass", "defer", 0 } ;

static qp_argdef const args[] =
{
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(dnsbl, timeout), .def = "30", .min = 1, .max = TIMEOUT_MAX, .meta = "SECONDS" },
  { .name = "on_error", .type = QP_ARG_ENUM, .off = offsetof(dnsbl, onerror), .def = "pass", .choices = onerrors, .meta = "pass|defer" },
  { 0 }
} ;

/* "%IP%" in text becomes the client's address */
static int expand (stralloc *sa, char const *text)
{
  char const *p ;
  while ((p = strstr(text, "%IP%")))
  {
    if (!stralloc_catb(sa, text, (size_t)(p - text)) || !stralloc_cats(sa, qp_remote_ip())) return 0 ;
    text = p + 4 ;
  }
  return stralloc_cats(sa, text) ;
}

/* ZONE[=CODE,CODE...][:MESSAGE] */
static int zone_parse (dnsbl *st, char *line)
{
  zone *z = st->z + st->nz ;
  char *msg = strchr(line, ':') ;
  char *codes ;
  memset(z, 0, sizeof *z) ;
  z->a = z->txt = -1 ;
  if (msg) { *msg++ = 0 ; while (*msg == ' ' || *msg == '\t') msg++ ; z->msg = *msg ? msg : 0 ; }
  codes = strchr(line, '=') ;
  if (codes)
  {
    *codes++ = 0 ;
    while (*codes)
    {
      char *comma = strchr(codes, ',') ;
      qp_ip ip ;
      if (comma) *comma = 0 ;
      if (z->ncodes >= CODES_MAX || !qp_ip_parse(codes, &ip) || ip.family != 4) return 0 ;
      memcpy(z->codes[z->ncodes++], ip.a, 4) ;
      if (!comma) break ;
      codes = comma + 1 ;
    }
    if (!z->ncodes) return 0 ;
  }
  {
    size_t n = strlen(line) ;
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t')) line[--n] = 0 ;
  }
  z->name = line ;
  return *line && strlen(line) < 200 && strchr(line, '.') && !strchr(line, ' ') ;
}

static int dnsbl_init (void *state)
{
  dnsbl *st = state ;
  int r = qp_control_list("dnsbl_zones", &st->lines) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "error: control/dnsbl_zones is unreadable: recipients will be deferred", (char *)0) ;
    st->broken = 1 ;
    return 1 ;
  }
  for (size_t i = 0, next ; i < st->lines.len ; i = next)
  {
    char *line = st->lines.s + i ;
    next = i + strlen(line) + 1 ;    /* before zone_parse cuts the line */
    if (st->nz >= ZONES_MAX)
    {
      qp_log(LOGWARN, "warning: control/dnsbl_zones: more than 16 zones, the rest is ignored", (char *)0) ;
      break ;
    }
    if (!zone_parse(st, line))
    {
      qp_log(LOGERROR, "error: control/dnsbl_zones: malformed line (ZONE[=127.0.0.N,...][:MESSAGE]): ", line,
        "; recipients will be deferred", (char *)0) ;
      st->broken = 1 ;
      continue ;
    }
    st->nz++ ;
  }
  if (!st->nz && !st->broken) qp_log(LOGINFO, "skip: control/dnsbl_zones lists no zone", (char *)0) ;
  return 1 ;
}

/* dnsbl_allow: an address, a prefix ending in '.' or ':' (qpsmtpd), or ip/bits */
static int allowed (void)
{
  stralloc sa = STRALLOC_ZERO ;
  char const *ip = qp_remote_ip() ;
  int r = qp_control_list("dnsbl_allow", &sa), hit = 0 ;
  if (r < 0) qp_log(LOGWARN, "warning: control/dnsbl_allow is unreadable", (char *)0) ;
  for (size_t i = 0 ; r > 0 && i < sa.len && !hit ; i += strlen(sa.s + i) + 1)
  {
    char *l = sa.s + i ;
    size_t n = strlen(l) ;
    char *slash = strchr(l, '/') ;
    if (slash)
    {
      qp_ip net ;
      unsigned int bits ;
      *slash = 0 ;
      if (qp_ip_parse(l, &net) && uint_scan(slash + 1, &bits) && qp_remote_addr()->family)
        hit = qp_ip_match(qp_remote_addr(), &net, bits) ;
      else qp_log(LOGWARN, "warning: control/dnsbl_allow: not an address/bits: ", l, (char *)0) ;
    }
    else if (l[n - 1] == '.' || l[n - 1] == ':') hit = !strncasecmp(ip, l, n) ;
    else hit = !strcasecmp(ip, l) ;
  }
  stralloc_free(&sa) ;
  return hit ;
}

static int dnsbl_connect (void *state, qp_hookarg const *a)
{
  dnsbl *st = state ;
  char const *rbl = getenv("RBLSMTPD") ;
  stralloc name = STRALLOC_ZERO ;
  char const *ip = qp_remote_ip() ;
  (void)a ;
  if (rbl)
  {
    /* rblsmtpd's variable: empty, no check; -text, permanent; text, temporary */
    st->skip = 1 ;
    if (!*rbl) { qp_log(LOGINFO, "skip: RBLSMTPD is set and empty", (char *)0) ; return DECLINED ; }
    st->rbl = rbl[0] == '-' ? 2 : 1 ;
    st->msg.len = 0 ;
    {
      stralloc pre = STRALLOC_ZERO ;
      if (qp_control_line("dnsbl_rejectmsg", &pre) > 0 && pre.len && pre.s[0])
      {
        if (!expand(&st->msg, pre.s) || !stralloc_catb(&st->msg, " ", 1)) st->msg.len = 0 ;
      }
      stralloc_free(&pre) ;
    }
    if (!expand(&st->msg, rbl + (rbl[0] == '-')) || !stralloc_0(&st->msg)) st->msg.len = 0 ;
    qp_log(LOGINFO, "fail: RBLSMTPD says ", st->rbl == 2 ? "(permanent) " : "(temporary) ", rbl, (char *)0) ;
    return DECLINED ;
  }
  if (!st->broken && !st->nz) return DECLINED ;
  if (qp_relay_client() || (qp_note_get(QP_CONN, "whitelisthost") && *qp_note_get(QP_CONN, "whitelisthost")))
  {
    qp_log(LOGINFO, "skip: ", ip, qp_relay_client() ? " is a relay client" : " is whitelisted", (char *)0) ;
    st->skip = 1 ;
    return DECLINED ;
  }
  if (allowed())
  {
    qp_log(LOGINFO, "skip: ", ip, " is in dnsbl_allow", (char *)0) ;
    st->skip = 1 ;
    return DECLINED ;
  }
  if (st->broken) return DECLINED ;
  for (unsigned int i = 0 ; i < st->nz ; i++)
  {
    zone *z = st->z + i ;
    name.len = 0 ;
    if (!qp_dns_revname(ip, z->name, &name))
    {
      qp_log(LOGINFO, "skip: ", ip, " has no name in ", z->name, (char *)0) ;
      st->skip = 1 ;
      break ;
    }
    z->a = qp_dns_query(QP_DNS_A, name.s) ;
    if (!z->msg) z->txt = qp_dns_query(QP_DNS_TXT, name.s) ;
  }
  stralloc_free(&name) ;
  return DECLINED ;
}

/* 1 if the A answer lists the client under the zone's rules; answers outside
   127/8 (a resolver that rewrites NXDOMAIN) and 127.255.255.x (the list's
   own error codes) are not listings. */
static int listed_by (zone const *z, char const **why)
{
  qp_dnsrr const *r ;
  for (unsigned int i = 0 ; (r = qp_dns_rr(z->a, i)) ; i++)
  {
    if (!qp_dns_listing(r))
    {
      *why = r->text ;
      continue ;
    }
    if (!z->ncodes) return 1 ;
    for (unsigned int k = 0 ; k < z->ncodes ; k++)
      if (!memcmp(r->ip, z->codes[k], 4)) return 1 ;
  }
  return 0 ;
}

static void decide (dnsbl *st)
{
  int h[2 * ZONES_MAX] ;
  unsigned int n = 0, i ;
  int failed = 0 ;
  st->decided = 1 ;
  st->listed = 0 ;
  for (i = 0 ; i < st->nz ; i++)
  {
    if (st->z[i].a >= 0) h[n++] = st->z[i].a ;
    if (st->z[i].txt >= 0) h[n++] = st->z[i].txt ;
  }
  qp_dns_wait(h, n, st->timeout * 1000) ;
  for (i = 0 ; i < st->nz ; i++)
  {
    zone const *z = st->z + i ;
    char const *odd = 0 ;
    int s = qp_dns_status(z->a) ;
    if (z->a < 0) continue ;
    if (s == QP_DNS_PENDING || s == QP_DNS_TEMPFAIL)
    {
      qp_log(LOGINFO, "error: no usable answer from ", z->name, s == QP_DNS_PENDING ? " in time" : " (temporary DNS failure)", (char *)0) ;
      failed = 1 ;
      continue ;
    }
    if (s != QP_DNS_ANSWER) continue ;
    if (!listed_by(z, &odd))
    {
      if (odd) qp_log(LOGWARN, "warning: ", z->name, " answered ", odd, ", not a listing (RFC 5782: 127.0.0.0/8; 127.255.255.x is the list's error code)", (char *)0) ;
      continue ;
    }
    st->msg.len = 0 ;
    if (z->msg) { if (!expand(&st->msg, z->msg)) st->msg.len = 0 ; }
    else
    {
      qp_dnsrr const *t = qp_dns_rr(z->txt, 0) ;
      if (t && t->text[0]) { if (!stralloc_cats(&st->msg, t->text)) st->msg.len = 0 ; }
      else if (!stralloc_cats(&st->msg, "Blocked: ") || !stralloc_cats(&st->msg, qp_remote_ip())
        || !stralloc_cats(&st->msg, " is listed in ") || !stralloc_cats(&st->msg, z->name)) st->msg.len = 0 ;
    }
    if (!st->msg.len || !stralloc_0(&st->msg))
    {
      st->msg.len = 0 ;
      stralloc_cats(&st->msg, "listed in a DNS block list") ;
      stralloc_0(&st->msg) ;
    }
    qp_log(LOGINFO, "fail: ", qp_remote_ip(), " is listed in ", z->name, ": ", st->msg.s, (char *)0) ;
    st->listed = 1 ;
    qp_karma_adjust(-1) ;
    return ;
  }
  if (failed) st->listed = -1 ;
  else qp_log(LOGINFO, "pass: ", qp_remote_ip(), " is not listed", (char *)0) ;
}

/* postmaster and abuse still get mail from a listed client (qpsmtpd) */
static int exempt (char const *addr)
{
  char const *at = addr ? strrchr(addr, '@') : 0 ;
  size_t n = at ? (size_t)(at - addr) : (addr ? strlen(addr) : 0) ;
  return addr && ((n == 10 && !strncasecmp(addr, "postmaster", 10)) || (n == 5 && !strncasecmp(addr, "abuse", 5))) ;
}

static int dnsbl_rcpt (void *state, qp_hookarg const *a)
{
  dnsbl *st = state ;
  char const *addr = qp_arg(a, "address") ;
  if (st->rbl)
  {
    if (exempt(addr)) return DECLINED ;
    if (qp_reject_mode() == QP_REJECT_NO) { qp_log(LOGINFO, "fail, tolerated: RBLSMTPD", (char *)0) ; return DECLINED ; }
    qp_msg(st->msg.len ? st->msg.s : "blocked (RBLSMTPD)") ;
    return st->rbl == 2 ? DENY : DENYSOFT ;
  }
  if (st->skip) return DECLINED ;
  if (st->broken)
  {
    if (exempt(addr)) return DECLINED ;
    qp_msg("DNS block list configuration error; try again later") ;
    return DENYSOFT ;
  }
  if (!st->nz) return DECLINED ;
  if (!st->decided)
  {
    /* dns_whitelist_soft, listed before this plugin, decides at the first RCPT */
    char const *w = qp_note_get(QP_CONN, "whitelisthost") ;
    if (w && *w)
    {
      qp_log(LOGINFO, "skip: ", qp_remote_ip(), " is whitelisted", (char *)0) ;
      st->skip = 1 ;
      return DECLINED ;
    }
    decide(st) ;
  }
  if (st->listed == 1)
  {
    if (exempt(addr))
    {
      qp_log(LOGINFO, "pass: ", addr, " is accepted from a listed client", (char *)0) ;
      return DECLINED ;
    }
    return qp_reject(st->msg.s) ;
  }
  if (st->listed < 0 && st->onerror)
  {
    if (exempt(addr)) return DECLINED ;
    qp_msg("DNS block lists could not be checked; try again later") ;
    return DENYSOFT ;
  }
  return DECLINED ;
}

static char const *const after[] = { "dns_whitelist_soft", "relay", "whitelist", 0 } ;

qp_plugin const plugin_dnsbl =
{
  .name = "dnsbl",
  .aliases = 0,
  .state_size = sizeof(dnsbl),
  .args = args,
  .init = &dnsbl_init,
  .hook = { [HOOK_CONNECT] = &dnsbl_connect, [HOOK_RCPT] = &dnsbl_rcpt },
  .after = after,
  .flags = 0,
} ;
