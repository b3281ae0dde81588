/* ISC license. */
/* rcpt_ok: accepts a recipient when the client may relay or the recipient's domain
   is ours (me, rcpthosts, morercpthosts.cdb, as qmail-smtpd); denies everything
   else. Unlike qmail, a missing rcpthosts never makes an open relay. */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct rcptok_s rcptok ;
struct rcptok_s
{
  stralloc hosts ;     /* rcpthosts, lower-cased, NUL-separated */
  int loaded ;         /* 1 read, 0 not yet */
  int missing ;        /* rcpthosts does not exist */
} ;

static void lower (char *s, size_t len)
{
  for (size_t i = 0 ; i < len ; i++)
    if (s[i] >= 'A' && s[i] <= 'Z') s[i] += 'a' - 'A' ;
}

/* Read rcpthosts at the first RCPT, not at startup: most connections never
   get that far. 1 ok, 0 unreadable (errno set). */
static int load (rcptok *st)
{
  int r ;
  if (st->loaded) return 1 ;
  st->hosts.len = 0 ;
  r = qp_control_list("rcpthosts", &st->hosts) ;
  if (r < 0) return 0 ;
  lower(st->hosts.s, st->hosts.len) ;
  st->missing = !r ;
  st->loaded = 1 ;
  if (st->missing)
    qp_log(LOGWARN, "warning: control/rcpthosts is missing: accepting only me and morercpthosts.cdb (qmail would be an open relay)", (char *)0) ;
  return 1 ;
}

static int in_list (stralloc const *sa, char const *s)
{
  size_t i = 0 ;
  while (i < sa->len)
  {
    if (!strcmp(sa->s + i, s)) return 1 ;
    i += strlen(sa->s + i) + 1 ;
  }
  return 0 ;
}

/* qmail's rule: for a.b.c the candidates are a.b.c, .b.c and .c, each looked up
   in rcpthosts then in morercpthosts.cdb. 1 ours, 0 not, -1 cdb unreadable. */
static int is_ours (rcptok const *st, char const *host)
{
  size_t len = strlen(host) ;
  if (!strcasecmp(host, qp_me())) return 1 ;
  for (size_t j = 0 ; j < len ; j++)
  {
    int r ;
    if (j && host[j] != '.') continue ;
    if (in_list(&st->hosts, host + j)) return 1 ;
    r = qp_control_cdb("morercpthosts.cdb", host + j, len - j) ;
    if (r) return r ;
  }
  return 0 ;
}

static int soft (char const *what)
{
  qp_log(LOGERROR, "error: unable to read control/", what, ": ", strerror(errno), (char *)0) ;
  qp_msg("451 4.3.0 unable to read controls") ;
  return DENYSOFT ;
}

static int rcptok_rcpt (void *state, qp_hookarg const *a)
{
  rcptok *st = state ;
  char const *addr = qp_arg(a, "address") ;
  char const *at = strrchr(addr, '@') ;
  stralloc host = STRALLOC_ZERO ;
  int r ;
  if (qp_relay_client())
  {
    qp_log(LOGINFO, "pass: relay client", (char *)0) ;
    return OK ;
  }
  if (!at)
  {
    if (!strcasecmp(addr, "postmaster")) return OK ;
    qp_log(LOGINFO, "fail: no domain in <", addr, ">", (char *)0) ;
    qp_msg("550 5.7.1 Relaying denied") ;
    return DENY ;
  }
  if (!load(st)) return soft("rcpthosts") ;
  if (!stralloc_cats(&host, at + 1) || !stralloc_0(&host))
  {
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("451 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  lower(host.s, host.len) ;
  r = is_ours(st, host.s) ;
  stralloc_free(&host) ;
  if (r < 0) return soft("morercpthosts.cdb") ;
  if (r)
  {
    qp_log(LOGDEBUG, "pass: ", at + 1, " is ours", (char *)0) ;
    return OK ;
  }
  qp_log(LOGINFO, "fail: ", at + 1, " is not in rcpthosts", (char *)0) ;
  qp_msg("550 5.7.1 Relaying denied") ;
  return DENY ;
}

qp_plugin const plugin_rcpt_ok =
{
  .name = "rcpt_ok",
  .aliases = 0,
  .state_size = sizeof(rcptok),
  .hook = { [HOOK_RCPT] = &rcptok_rcpt },
  .flags = 0,
} ;
