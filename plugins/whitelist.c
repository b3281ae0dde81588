/* ISC license. */
/* whitelist: qpsmtpd's whitelist (old name whitelist_soft). Clients,
   HELO names, senders and recipients the administrator trusts are marked
   with the notes the other plugins honour (whitelisthost, whitelisthelo,
   whitelistsender, whitelistrcpt; doc/notes), and the chain of that hook
   stops with OK at connect, HELO/EHLO and MAIL, so the later plugins of
   those hooks do not run. At RCPT it only marks: an OK there would accept
   the recipient without rcpt_ok, and a whitelisted (forgeable) sender would
   make us an open relay. With per_recipient 1 (qpsmtpd's mode for
   per-user lists) nothing is marked for the connection: every check waits
   for RCPT, where a listed host, HELO name, sender or recipient counts that
   recipient as whitelisted (note whitelistrcpt) and nothing more. Control
   files: whitelisthosts, whitelisthelo, whitelistsenders, whitelistrcpt;
   environment WHITELISTCLIENT. */

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct net_s net ;
struct net_s
{
  qp_ip ip ;
  unsigned int bits ;
  size_t text ;           /* offset of the line in hosts */
} ;

typedef struct wl_s wl ;
struct wl_s
{
  stralloc hosts ;        /* whitelisthosts, NUL-separated */
  net *nets ;
  size_t nnets ;
  stralloc helo ;         /* whitelisthelo */
  stralloc senders ;      /* whitelistsenders */
  stralloc rcpts ;        /* whitelistrcpt */
  int per_rcpt ;          /* per_recipient */
  int merge ;             /* merge: no per-user lists here, so no effect */
} ;

static qp_argdef const wl_args[] =
{
  { .name = "per_recipient", .type = QP_ARG_BOOL, .off = offsetof(wl, per_rcpt), .def = "0", .meta = "0|1" },
  { .name = "merge", .type = QP_ARG_BOOL, .off = offsetof(wl, merge), .def = "1", .meta = "0|1" },
  { 0 }
} ;

static int readlist (char const *name, stralloc *sa)
{
  if (qp_control_list(name, sa) >= 0) return 1 ;
  qp_log(LOGERROR, "unable to read control/", name, ": ", strerror(errno), (char *)0) ;
  return 0 ;
}

/* One whitelisthosts line: an address, a prefix ending in '.' or ':'
   (qpsmtpd's "192.168." and "2001:db8:"), or a CIDR block. 1, or 0 if it
   is none of these. */
static int parse_host (char const *s, net *n)
{
  char buf[64] ;
  size_t len = strlen(s) ;
  char *slash ;
  if (len >= sizeof buf) return 0 ;
  memcpy(buf, s, len + 1) ;
  slash = strchr(buf, '/') ;
  if (slash)
  {
    unsigned int bits ;
    size_t k ;
    *slash++ = 0 ;
    k = uint_scan(slash, &bits) ;
    if (!k || slash[k] || !qp_ip_parse(buf, &n->ip)) return 0 ;
    if (bits > (n->ip.family == 4 ? 32u : 128u)) return 0 ;
    n->bits = bits ;
    return 1 ;
  }
  if (qp_ip_parse(buf, &n->ip)) { n->bits = n->ip.family == 4 ? 32 : 128 ; return 1 ; }
  /* a prefix: "10.1." is 10.1.0.0/16, "2001:db8:" is 2001:db8::/32 */
  if (len > 1 && buf[len - 1] == '.')
  {
    unsigned int dots = 0 ;
    for (size_t i = 0 ; i < len ; i++) dots += buf[i] == '.' ;
    if (dots > 3 || len + 6 >= sizeof buf) return 0 ;
    n->bits = 8 * dots ;
    for (unsigned int d = dots ; d < 4 ; d++) strcat(buf, d < 3 ? "0." : "0") ;
    return qp_ip_parse(buf, &n->ip) && n->ip.family == 4 ;
  }
  if (len > 1 && buf[len - 1] == ':')
  {
    unsigned int colons = 0 ;
    for (size_t i = 0 ; i < len ; i++) colons += buf[i] == ':' ;
    if (colons > 7 || strstr(buf, "::")) return 0 ;
    if (len + 2 > sizeof buf) return 0 ;
    strcat(buf, ":") ;
    if (!qp_ip_parse(buf, &n->ip) || n->ip.family != 6) return 0 ;
    n->bits = 16 * colons ;
    return 1 ;
  }
  return 0 ;
}

static int wl_init (void *state)
{
  wl *st = state ;
  size_t count = 0 ;
  if (!readlist("whitelisthosts", &st->hosts) || !readlist("whitelisthelo", &st->helo)
   || !readlist("whitelistsenders", &st->senders) || !readlist("whitelistrcpt", &st->rcpts)) return 0 ;
  for (size_t i = 0 ; i < st->hosts.len ; i++) count += !st->hosts.s[i] ;
  if (!count) return 1 ;
  st->nets = calloc(count, sizeof *st->nets) ;
  if (!st->nets) { qp_log(LOGERROR, "out of memory", (char *)0) ; return 0 ; }
  for (size_t i = 0 ; i < st->hosts.len ; i += strlen(st->hosts.s + i) + 1)
  {
    net *n = st->nets + st->nnets ;
    if (!parse_host(st->hosts.s + i, n))
    {
      /* a line we cannot read whitelists nobody: the safe side */
      qp_log(LOGWARN, "warning: control/whitelisthosts: not an address, prefix or CIDR block, ignored: ", st->hosts.s + i, (char *)0) ;
      continue ;
    }
    n->text = i ;
    st->nnets++ ;
  }
  return 1 ;
}

/* An address matches a whitelistsenders/whitelistrcpt entry: the address
   itself, its domain, or (".example.com") any domain under it. */
static char const *addr_listed (stralloc const *list, char const *addr)
{
  char const *at = strrchr(addr, '@') ;
  char const *dom = at ? at + 1 : "" ;
  size_t dl = strlen(dom) ;
  if (!*addr) return 0 ;
  for (size_t i = 0 ; i < list->len ; i += strlen(list->s + i) + 1)
  {
    char const *e = list->s + i ;
    size_t el = strlen(e) ;
    if (strchr(e, '@')) { if (!strcasecmp(e, addr)) return e ; continue ; }
    if (!*dom) continue ;
    if (e[0] == '.' ? (dl > el && !strcasecmp(dom + dl - el, e)) : !strcasecmp(dom, e)) return e ;
  }
  return 0 ;
}

/* The client's whitelisthosts entry, "WHITELISTCLIENT", or 0. */
static char const *host_listed (wl const *st)
{
  qp_ip const *ip = qp_remote_addr() ;
  /* set by tcprules for this client, empty or not (as RELAYCLIENT) */
  if (getenv("WHITELISTCLIENT")) return "WHITELISTCLIENT" ;
  for (size_t i = 0 ; i < st->nnets ; i++)
    if (ip->family == st->nets[i].ip.family && qp_ip_match(ip, &st->nets[i].ip, st->nets[i].bits))
      return st->hosts.s + st->nets[i].text ;
  return 0 ;
}

static char const *helo_listed (wl const *st, char const *name)
{
  if (!name) return 0 ;
  for (size_t i = 0 ; i < st->helo.len ; i += strlen(st->helo.s + i) + 1)
    if (!strcasecmp(st->helo.s + i, name)) return st->helo.s + i ;
  return 0 ;
}

static int wl_connect (void *state, qp_hookarg const *a)
{
  wl *st = state ;
  char const *hit ;
  (void)a ;
  if (st->per_rcpt) return DECLINED ;
  hit = host_listed(st) ;
  if (!hit) return DECLINED ;
  if (!strcmp(hit, "WHITELISTCLIENT") && !qp_note_set(QP_CONN, "whitelistclient", "1")) return DECLINED ;
  if (!qp_note_set(QP_CONN, "whitelisthost", hit))
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "pass: host ", qp_remote_ip(), " is whitelisted (", hit, ")", (char *)0) ;
  if (strcmp(hit, "WHITELISTCLIENT")) qp_karma_adjust(5) ;   /* qpsmtpd: +5 for a listed host */
  return OK ;
}

static int wl_helo (void *state, qp_hookarg const *a)
{
  wl *st = state ;
  char const *name = qp_arg(a, "host") ;
  if (st->per_rcpt || !helo_listed(st, name)) return DECLINED ;
  if (!qp_note_set(QP_CONN, "whitelisthelo", name)) return DECLINED ;
  qp_log(LOGINFO, "pass: HELO name ", name, " is whitelisted", (char *)0) ;
  return OK ;
}

static int wl_mail (void *state, qp_hookarg const *a)
{
  wl *st = state ;
  char const *from = qp_arg(a, "address") ;
  char const *hit = st->per_rcpt ? 0 : addr_listed(&st->senders, from) ;
  if (!hit) return DECLINED ;
  if (!qp_note_set(QP_TXN, "whitelistsender", from)) return DECLINED ;
  qp_log(LOGINFO, "pass: sender ", from, " is whitelisted (", hit, ")", (char *)0) ;
  return OK ;
}

/* Only marks (see the top of the file): rcpt_ok still decides relaying. */
static int wl_rcpt (void *state, qp_hookarg const *a)
{
  wl *st = state ;
  char const *rcpt = qp_arg(a, "address") ;
  char const *hit = addr_listed(&st->rcpts, rcpt) ;
  char const *what = "recipient " ;
  char const *n ;
  char fmt[UINT_FMT] ;
  unsigned int count = 0 ;
  if (!hit && st->per_rcpt)
  {
    /* per_recipient: the connection's checks, made for this recipient */
    char const *from = qp_sender() ;
    if ((hit = host_listed(st))) what = "host for recipient " ;
    else if ((hit = helo_listed(st, qp_helo_host()))) what = "HELO name for recipient " ;
    else if ((hit = addr_listed(&st->senders, from ? from : ""))) what = "sender for recipient " ;
  }
  if (!hit) return DECLINED ;
  /* qpsmtpd's whitelistrcpt note counts the whitelisted recipients */
  n = qp_note_get(QP_TXN, "whitelistrcpt") ;
  if (n) uint_scan(n, &count) ;
  fmt[uint_fmt(fmt, count + 1)] = 0 ;
  if (!qp_note_set(QP_TXN, "whitelistrcpt", fmt)) return DECLINED ;
  qp_log(LOGINFO, "pass: ", what, rcpt, " is whitelisted (", hit, ")", (char *)0) ;
  return DECLINED ;
}

static char const *const aliases[] = { "whitelist_soft", 0 } ;

qp_plugin const plugin_whitelist =
{
  .name = "whitelist",
  .aliases = aliases,
  .state_size = sizeof(wl),
  .args = wl_args,
  .init = &wl_init,
  .hook = { [HOOK_CONNECT] = &wl_connect, [HOOK_HELO] = &wl_helo, [HOOK_EHLO] = &wl_helo,
            [HOOK_MAIL] = &wl_mail, [HOOK_RCPT] = &wl_rcpt },
} ;
