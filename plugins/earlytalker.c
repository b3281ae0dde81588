/* ISC license. */
/* earlytalker: refuses clients that talk before their turn (qpsmtpd's
   earlytalker): before the greeting (check-at CONNECT) or, at DATA, before
   the 354 (check-at DATA, RFC 2920 3.1: DATA ends a pipelining group). The
   core answers qp_client_talked() from its own buffer, under TLS from the
   decrypted stream, and does implicit TLS before the connect hooks, so a
   ClientHello is never early talk. */

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

#define TEXT "Connecting host started transmitting before SMTP greeting"
#define TEXT_DATA "Client started transmitting before the 354 (RFC 2920 3.1)"

typedef struct et_s et ;
struct et_s
{
  unsigned int wait ;     /* seconds */
  stralloc at ;           /* check-at: "connect", "data" (any case) */
  int defer ;             /* defer-reject: refuse at MAIL instead of at connect */
  char const *actname ;   /* legacy "action deny|denysoft|log" */
  int action ;            /* -1 none, else index of actions */
  int connect, data ;     /* from at */
} ;

static char const *const actions[] = { "deny", "denysoft", "log", 0 } ;

static qp_argdef const args[] =
{
  { .name = "wait", .type = QP_ARG_UINT, .off = offsetof(et, wait), .def = "1", .min = 0, .max = 300, .meta = "SECONDS" },
  { .name = "check-at", .type = QP_ARG_LIST, .off = offsetof(et, at), .meta = "CONNECT|DATA" },
  { .name = "defer-reject", .type = QP_ARG_BOOL, .off = offsetof(et, defer), .def = "0" },
  { .name = "action", .type = QP_ARG_STRING, .off = offsetof(et, actname), .meta = "deny|denysoft|log" },
  { 0 }
} ;

/* qpsmtpd's immunity, and a client whose karma history is good (karma > 5) */
static int immune (void)
{
  char const *k = qp_note_get(QP_CONN, "karma_history") ;
  int n = 0 ;
  if (qp_relay_client() || qp_note_get(QP_CONN, "whitelisthost")) return 1 ;
  return k && int_scan(k, &n) && n > 5 ;
}

/* the wait: the connection note earlytalker_wait overrides the argument */
static unsigned int waitms (et const *st)
{
  char const *w = qp_note_get(QP_CONN, "earlytalker_wait") ;
  unsigned int s = st->wait ;
  if (w && !uint_scan(w, &s)) s = st->wait ;
  return s > 300 ? 300000 : s * 1000 ;
}

/* The refusal under reject/reject_type, or under the legacy action. */
static int refuse (et const *st, char const *text)
{
  if (st->action == 2) { qp_log(LOGINFO, "fail, tolerated: ", text, (char *)0) ; return DECLINED ; }
  if (st->action == 1) { qp_msg(text) ; return DENYSOFT ; }
  if (st->action == 0) { qp_msg(text) ; return DENY ; }
  return qp_reject(text) ;
}

static int et_connect (void *state, qp_hookarg const *a)
{
  et const *st = state ;
  int r ;
  (void)a ;
  if (!st->connect) return DECLINED ;
  if (immune()) { qp_log(LOGINFO, "skip: immune client", (char *)0) ; return DECLINED ; }
  r = qp_client_talked(waitms(st)) ;
  if (r < 0) { qp_log(LOGINFO, "skip: the client went away", (char *)0) ; return DECLINED ; }
  if (!r) { qp_log(LOGINFO, "pass: ", qp_remote_ip(), " waited for the greeting", (char *)0) ; return DECLINED ; }
  qp_log(LOGNOTICE, "fail: ", qp_remote_ip(), " talked before the greeting", (char *)0) ;
  if (st->defer)
  {
    /* remembered: every MAIL is refused, for now (qpsmtpd forces temp here) */
    if (!qp_note_set(QP_CONN, "earlytalker", "1")) { qp_msg(TEXT) ; return DENYSOFT ; }
    return DECLINED ;
  }
  return refuse(st, TEXT) ;
}

static int et_mail (void *state, qp_hookarg const *a)
{
  et const *st = state ;
  (void)a ;
  if (!st->defer || !qp_note_get(QP_CONN, "earlytalker")) return DECLINED ;
  if (st->action == 2 || (st->action < 0 && qp_reject_mode() == QP_REJECT_NO))
  {
    qp_log(LOGINFO, "fail, tolerated: ", TEXT, (char *)0) ;
    return DECLINED ;
  }
  qp_msg(TEXT) ;
  return DENYSOFT ;
}

static int et_data (void *state, qp_hookarg const *a)
{
  et const *st = state ;
  int r ;
  (void)a ;
  if (!st->data) return DECLINED ;
  if (immune()) return DECLINED ;
  /* a client that sent its message with DATA did not wait for the 354;
     qpsmtpd waits here too, so a slow pipeliner is caught as well */
  r = qp_client_talked(waitms(st)) ;
  if (r > 0)
  {
    qp_log(LOGNOTICE, "fail: ", qp_remote_ip(), " sent data before the 354", (char *)0) ;
    return refuse(st, TEXT_DATA) ;
  }
  return DECLINED ;
}

static int et_init (void *state)
{
  et *st = state ;
  size_t i = 0 ;
  st->action = -1 ;
  if (st->actname)
  {
    for (int k = 0 ; actions[k] ; k++) if (!strcasecmp(st->actname, actions[k])) st->action = k ;
    if (st->action < 0)
    {
      qp_log(LOGERROR, "action: '", st->actname, "' is not one of deny|denysoft|log", (char *)0) ;
      return 0 ;
    }
  }
  if (!st->at.len) { st->connect = 1 ; return 1 ; }
  for (; i < st->at.len ; i += strlen(st->at.s + i) + 1)
  {
    char const *w = st->at.s + i ;
    if (!strcasecmp(w, "connect")) st->connect = 1 ;
    else if (!strcasecmp(w, "data")) st->data = 1 ;
    else
    {
      qp_log(LOGERROR, "check-at: '", w, "' is neither CONNECT nor DATA", (char *)0) ;
      return 0 ;
    }
  }
  return 1 ;
}

static char const *const aliases[] = { "check_earlytalker", 0 } ;

qp_plugin const plugin_earlytalker =
{
  .name = "earlytalker",
  .aliases = aliases,
  .state_size = sizeof(et),
  .args = args,
  .init = &et_init,
  .hook =
  {
    [HOOK_CONNECT] = &et_connect,
    [HOOK_MAIL] = &et_mail,
    [HOOK_DATA] = &et_data,
  },
} ;
