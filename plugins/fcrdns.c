/* ISC license. */
/* fcrdns: forward-confirmed reverse DNS of the client (RFC 8601 iprev):
   the PTR names of its address, then their A or AAAA records; "pass" when
   one of them is the client's address. qpsmtpd's fcrdns. The PTR query
   starts at connect and the forward ones at MAIL; the result goes into
   the Authentication-Results field and the connection notes, and refuses
   only with reject 1 (the default is 0, as qpsmtpd). */

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define NAMES_MAX 4
#define TIMEOUT_MAX 300

typedef struct fc_s fc ;
struct fc_s
{
  unsigned int timeout ;
  int ptr ;              /* the PTR query, -1 none */
  int done ;
  char const *result ;   /* pass, fail, permerror, temperror */
  stralloc name ;        /* the confirmed name */
} ;

static qp_argdef const args[] =
{
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(fc, timeout), .def = "5", .min = 1, .max = TIMEOUT_MAX, .meta = "SECONDS" },
  { 0 }
} ;

static int fc_init (void *state)
{
  fc *st = state ;
  st->ptr = -1 ;
  return 1 ;
}

static int fc_connect (void *state, qp_hookarg const *a)
{
  fc *st = state ;
  stralloc name = STRALLOC_ZERO ;
  qp_ip const *ip = qp_remote_addr() ;
  (void)a ;
  if (!ip->family)
  {
    qp_log(LOGINFO, "skip: the client's address is unknown", (char *)0) ;
    st->done = 1 ;
    return DECLINED ;
  }
  if (qp_dns_revname(qp_remote_ip(), ip->family == 4 ? "in-addr.arpa" : "ip6.arpa", &name))
    st->ptr = qp_dns_query(QP_DNS_PTR, name.s) ;
  stralloc_free(&name) ;
  return DECLINED ;
}

static int same (qp_dnsrr const *r, qp_ip const *ip)
{
  return (r->type == QP_DNS_A && ip->family == 4 && !memcmp(r->ip, ip->a, 4))
      || (r->type == QP_DNS_AAAA && ip->family == 6 && !memcmp(r->ip, ip->a, 16)) ;
}

static void finish (fc *st, char const *result, char const *name)
{
  stralloc ar = STRALLOC_ZERO ;
  st->result = result ;
  st->done = 1 ;
  if (name && (!stralloc_copys(&st->name, name) || !stralloc_0(&st->name))) st->name.len = 0 ;
  /* RFC 8601 2.7.3: iprev with policy.iprev=<address> */
  if (!stralloc_cats(&ar, "iprev=") || !stralloc_cats(&ar, result) || !stralloc_cats(&ar, " policy.iprev=")
   || !stralloc_cats(&ar, qp_remote_ip()) || (st->name.len && (!stralloc_cats(&ar, " (") || !stralloc_cats(&ar, st->name.s) || !stralloc_catb(&ar, ")", 1)))
   || !stralloc_0(&ar) || !qp_auth_result(ar.s))
    qp_log(LOGERROR, "error: out of memory: no iprev result", (char *)0) ;
  stralloc_free(&ar) ;
  qp_note_set(QP_CONN, "fcrdns", st->name.len ? st->name.s : 0) ;
  qp_note_set(QP_CONN, "iprev", result) ;
  /* qpsmtpd's karma: +1 pass, -1 fail; a DNS error says nothing of the client */
  if (!strcmp(result, "pass")) qp_karma_adjust(1) ;
  else if (!strcmp(result, "fail")) qp_karma_adjust(-1) ;
  qp_log(LOGINFO, !strcmp(result, "pass") ? "pass: " : "fail: ", qp_remote_ip(), " iprev=", result,
    st->name.len ? " " : "", st->name.len ? st->name.s : "", (char *)0) ;
}

static void decide (fc *st)
{
  int fw[2 * NAMES_MAX] ;
  char const *names[NAMES_MAX] ;
  unsigned int n = 0, i ;
  int s, temp = 0 ;
  qp_ip const *ip = qp_remote_addr() ;
  qp_dnsrr const *r ;
  if (st->ptr < 0) { finish(st, "permerror", 0) ; return ; }
  qp_dns_wait(&st->ptr, 1, st->timeout * 1000) ;
  s = qp_dns_status(st->ptr) ;
  if (s == QP_DNS_PENDING || s == QP_DNS_TEMPFAIL) { finish(st, "temperror", 0) ; return ; }
  if (s != QP_DNS_ANSWER) { finish(st, "permerror", 0) ; return ; }     /* no PTR */
  for (i = 0 ; n < NAMES_MAX && (r = qp_dns_rr(st->ptr, i)) ; i++)
  {
    int h = qp_dns_query(ip->family == 4 ? QP_DNS_A : QP_DNS_AAAA, r->text) ;
    if (h < 0) continue ;
    names[n] = r->text ;
    fw[n++] = h ;
  }
  qp_dns_wait(fw, n, st->timeout * 1000) ;
  for (i = 0 ; i < n ; i++)
  {
    qp_dnsrr const *f ;
    s = qp_dns_status(fw[i]) ;
    if (s == QP_DNS_PENDING || s == QP_DNS_TEMPFAIL) temp = 1 ;
    for (unsigned int k = 0 ; (f = qp_dns_rr(fw[i], k)) ; k++)
      if (same(f, ip)) { finish(st, "pass", names[i]) ; return ; }
  }
  finish(st, temp ? "temperror" : "fail", 0) ;
}

static int fc_mail (void *state, qp_hookarg const *a)
{
  fc *st = state ;
  (void)a ;
  if (!st->done) decide(st) ;
  if (!st->result || !strcmp(st->result, "pass")) return DECLINED ;
  if (!strcmp(st->result, "temperror"))
  {
    if (qp_reject_mode() != QP_REJECT_YES) return DECLINED ;
    qp_msg("4.7.25 Reverse DNS of your address could not be checked; try again later") ;
    return DENYSOFT ;
  }
  if (qp_relay_client()) return DECLINED ;
  {
    int v = qp_reject_verdict() ;
    return qp_reject(v == DENYSOFT || v == DENYSOFT_DISCONNECT ? "4.7.25 Your address has no forward-confirmed reverse DNS name"
                                                                : "5.7.25 Your address has no forward-confirmed reverse DNS name") ;
  }
}

qp_plugin const plugin_fcrdns =
{
  .name = "fcrdns",
  .aliases = 0,
  .state_size = sizeof(fc),
  .args = args,
  .init = &fc_init,
  .hook = { [HOOK_CONNECT] = &fc_connect, [HOOK_MAIL] = &fc_mail },
  .flags = QP_PLUGIN_REJECT_OFF,
} ;
