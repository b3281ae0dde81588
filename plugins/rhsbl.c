/* ISC license. */
/* rhsbl: refuses MAIL when the sender's domain, or the HELO name, is listed
   in a right-hand-side block list (control/rhsbl_zones; RFC 5782 domain
   lists), qpsmtpd's rhsbl. The HELO name's queries start at HELO, the
   sender's at MAIL, every zone in parallel. A DNS failure never refuses
   mail: it passes, or defers with on_error defer. */

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define ZONES_MAX 16
#define TIMEOUT_MAX 300

typedef struct zone_s zone ;
struct zone_s
{
  char const *name ;
  char const *msg ;      /* "zone message": NULL for the TXT record */
} ;

/* the queries for one name (the HELO name or the sender's domain) */
typedef struct probe_s probe ;
struct probe_s
{
  stralloc host ;        /* the name looked up, "" none */
  int a[ZONES_MAX] ;
  int txt[ZONES_MAX] ;
} ;

typedef struct rhsbl_s rhsbl ;
struct rhsbl_s
{
  unsigned int timeout ;
  int onerror ;          /* 0 pass, 1 defer */
  int disconnect ;       /* qpsmtpd's legacy argument: reject_type disconnect */
  stralloc lines ;
  zone z[ZONES_MAX] ;
  unsigned int nz ;
  int broken ;
  probe helo, sender ;
} ;

static char const *const onerrors[] = { "pass", "defer", 0 } ;

static qp_argdef const args[] =
{
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(rhsbl, timeout), .def = "30", .min = 1, .max = TIMEOUT_MAX, .meta = "SECONDS" },
  { .name = "on_error", .type = QP_ARG_ENUM, .off = offsetof(rhsbl, onerror), .def = "pass", .choices = onerrors, .meta = "pass|defer" },
  { .name = "disconnect", .type = QP_ARG_BOOL, .off = offsetof(rhsbl, disconnect), .def = "0", .meta = "0|1" },
  { 0 }
} ;

static int rhsbl_init (void *state)
{
  rhsbl *st = state ;
  int r = qp_control_list("rhsbl_zones", &st->lines) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "error: control/rhsbl_zones is unreadable: senders will be deferred", (char *)0) ;
    st->broken = 1 ;
    return 1 ;
  }
  for (size_t i = 0, next ; i < st->lines.len ; i = next)
  {
    char *line = st->lines.s + i ;
    char *sp = line + strcspn(line, " \t") ;
    next = i + strlen(line) + 1 ;
    if (st->nz >= ZONES_MAX)
    {
      qp_log(LOGWARN, "warning: control/rhsbl_zones: more than 16 zones, the rest is ignored", (char *)0) ;
      break ;
    }
    if (*sp)
    {
      *sp++ = 0 ;
      sp += strspn(sp, " \t") ;
    }
    if (!strchr(line, '.') || strlen(line) > 200)
    {
      qp_log(LOGERROR, "error: control/rhsbl_zones: malformed line (ZONE [MESSAGE]): ", line, "; senders will be deferred", (char *)0) ;
      st->broken = 1 ;
      continue ;
    }
    st->z[st->nz].name = line ;
    st->z[st->nz].msg = *sp ? sp : 0 ;
    st->nz++ ;
  }
  for (unsigned int k = 0 ; k < ZONES_MAX ; k++) st->helo.a[k] = st->helo.txt[k] = st->sender.a[k] = st->sender.txt[k] = -1 ;
  return 1 ;
}

static int immune (void)
{
  char const *w = qp_note_get(QP_CONN, "whitelisthost") ;
  if (qp_relay_client()) { qp_log(LOGINFO, "skip: relay client", (char *)0) ; return 1 ; }
  if (w && *w) { qp_log(LOGINFO, "skip: whitelisted host", (char *)0) ; return 1 ; }
  return 0 ;
}

static void start (rhsbl *st, probe *p, char const *host)
{
  stralloc name = STRALLOC_ZERO ;
  p->host.len = 0 ;
  for (unsigned int k = 0 ; k < st->nz ; k++)
  {
    if (p->a[k] >= 0) qp_dns_cancel(p->a[k]) ;
    if (p->txt[k] >= 0) qp_dns_cancel(p->txt[k]) ;
    p->a[k] = p->txt[k] = -1 ;
  }
  if (!host || !*host || host[0] == '[' || !strchr(host, '.')) goto end ;
  if (!stralloc_cats(&p->host, host) || !stralloc_0(&p->host)) { p->host.len = 0 ; goto end ; }
  for (unsigned int k = 0 ; k < st->nz ; k++)
  {
    name.len = 0 ;
    if (!stralloc_cats(&name, host) || !stralloc_catb(&name, ".", 1) || !stralloc_cats(&name, st->z[k].name) || !stralloc_0(&name)) break ;
    p->a[k] = qp_dns_query(QP_DNS_A, name.s) ;
    if (p->a[k] < 0)
    {
      qp_log(LOGINFO, "skip: ", host, " cannot be looked up in ", st->z[k].name, (char *)0) ;
      continue ;
    }
    if (!st->z[k].msg) p->txt[k] = qp_dns_query(QP_DNS_TXT, name.s) ;
  }
 end:
  stralloc_free(&name) ;
}

static int rhsbl_helo (void *state, qp_hookarg const *a)
{
  rhsbl *st = state ;
  if (st->nz && !st->broken && !qp_relay_client()) start(st, &st->helo, qp_arg(a, "host")) ;
  return DECLINED ;
}

/* 1 listed (text into msg), 0 not, -1 no usable answer */
static int verdict (rhsbl const *st, probe const *p, unsigned int k, stralloc *msg)
{
  qp_dnsrr const *r ;
  int s = qp_dns_status(p->a[k]) ;
  if (p->a[k] < 0) return 0 ;
  if (s == QP_DNS_PENDING || s == QP_DNS_TEMPFAIL)
  {
    qp_log(LOGINFO, "error: no usable answer from ", st->z[k].name, " for ", p->host.s, (char *)0) ;
    return -1 ;
  }
  for (unsigned int i = 0 ; (r = qp_dns_rr(p->a[k], i)) ; i++)
  {
    if (!qp_dns_listing(r))
    {
      qp_log(LOGWARN, "warning: ", st->z[k].name, " answered ", r->text, ", not a listing (RFC 5782)", (char *)0) ;
      continue ;
    }
    {
      qp_dnsrr const *t = qp_dns_rr(p->txt[k], 0) ;
      char const *why = st->z[k].msg ? st->z[k].msg : t && *t->text ? t->text : 0 ;
      msg->len = 0 ;
      if (!stralloc_cats(msg, why ? why : "is listed in ") || (!why && !stralloc_cats(msg, st->z[k].name))) msg->len = 0 ;
    }
    return 1 ;
  }
  return 0 ;
}

static int rhsbl_mail (void *state, qp_hookarg const *a)
{
  rhsbl *st = state ;
  char const *addr = qp_arg(a, "address") ;
  char const *at = addr ? strrchr(addr, '@') : 0 ;
  stralloc why = STRALLOC_ZERO, text = STRALLOC_ZERO ;
  int h[4 * ZONES_MAX] ;
  unsigned int n = 0 ;
  int failed = 0, r = DECLINED ;
  if (!st->nz && !st->broken) return DECLINED ;
  if (immune()) return DECLINED ;
  if (st->broken)
  {
    qp_msg("sender block list configuration error; try again later") ;
    return DENYSOFT ;
  }
  start(st, &st->sender, at ? at + 1 : 0) ;
  for (unsigned int k = 0 ; k < st->nz ; k++)
  {
    if (st->sender.a[k] >= 0) h[n++] = st->sender.a[k] ;
    if (st->sender.txt[k] >= 0) h[n++] = st->sender.txt[k] ;
    if (st->helo.a[k] >= 0) h[n++] = st->helo.a[k] ;
    if (st->helo.txt[k] >= 0) h[n++] = st->helo.txt[k] ;
  }
  qp_dns_wait(h, n, st->timeout * 1000) ;
  for (int pass = 0 ; pass < 2 ; pass++)
  {
    probe const *p = pass ? &st->helo : &st->sender ;
    if (!p->host.len) continue ;
    for (unsigned int k = 0 ; k < st->nz ; k++)
    {
      int v = verdict(st, p, k, &why) ;
      if (v < 0) failed = 1 ;
      if (v <= 0) continue ;
      if (!stralloc_cats(&text, pass ? "Mail from HELO " : "Mail from ") || !stralloc_cats(&text, p->host.s)
       || !stralloc_cats(&text, " rejected because it ") || !stralloc_catb(&text, why.s, why.len) || !stralloc_0(&text))
      {
        text.len = 0 ;
        stralloc_cats(&text, "sender listed in a block list") ;
        stralloc_0(&text) ;
      }
      qp_log(LOGINFO, "fail: ", p->host.s, " is listed in ", st->z[k].name, (char *)0) ;
      r = qp_reject(text.s) ;
      if (r == DENY && st->disconnect) r = DENY_DISCONNECT ;
      goto end ;
    }
  }
  if (failed && st->onerror)
  {
    qp_msg("sender block lists could not be checked; try again later") ;
    r = DENYSOFT ;
  }
  else if (!failed) qp_log(LOGINFO, "pass: not listed", (char *)0) ;
 end:
  stralloc_free(&why) ;
  stralloc_free(&text) ;
  return r ;
}

qp_plugin const plugin_rhsbl =
{
  .name = "rhsbl",
  .aliases = 0,
  .state_size = sizeof(rhsbl),
  .args = args,
  .init = &rhsbl_init,
  .hook = { [HOOK_HELO] = &rhsbl_helo, [HOOK_EHLO] = &rhsbl_helo, [HOOK_MAIL] = &rhsbl_mail },
  .flags = 0,
} ;
