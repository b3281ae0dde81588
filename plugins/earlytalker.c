/* ISC license. */
/* earlytalker: refuses clients that talk before their turn, before the
   greeting (check-at CONNECT) or at DATA before the 354 (check-at DATA),
   qpsmtpd's earlytalker. It only asks the core (qp_client_talked), which
   sees the plaintext under TLS and does implicit TLS before the connect
   hooks: a ClientHello is never early talk. It never reads the client. */

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

#define TEXT_CONNECT "Connecting host started transmitting before SMTP greeting"
#define TEXT_DATA "Client started transmitting before the 354 (RFC 2920 3.1)"
#define NOTE_DEFER "earlytalker"
#define NOTE_WAIT "earlytalker_wait"
#define WAIT_MAX 300    /* seconds; the policy budget bounds it too */
#define AT_CONNECT 1u
#define AT_DATA 2u

/* the legacy "action": none, or one of qpsmtpd's three words */
enum act_e { ACT_NONE, ACT_DENY, ACT_DENYSOFT, ACT_LOG } ;
static char const *const actions[] = { "none", "deny", "denysoft", "log", 0 } ;

typedef struct et_s et ;
struct et_s
{
  unsigned int wait ;     /* seconds */
  stralloc at ;           /* check-at words, "word\0" each */
  int defer ;             /* defer-reject: refuse at MAIL instead of at connect */
  int action ;            /* enum act_e */
  unsigned int where ;    /* AT_*, from at */
} ;

static qp_argdef const args[] =
{
  { .name = "wait", .type = QP_ARG_UINT, .off = offsetof(et, wait), .def = "1", .min = 0, .max = WAIT_MAX, .meta = "SECONDS" },
  { .name = "check-at", .type = QP_ARG_LIST, .off = offsetof(et, at), .meta = "CONNECT|DATA" },
  { .name = "defer-reject", .type = QP_ARG_BOOL, .off = offsetof(et, defer), .def = "0", .meta = "0|1" },
  { .name = "action", .type = QP_ARG_ENUM, .off = offsetof(et, action), .def = "none", .choices = actions, .meta = "deny|denysoft|log" },
  { 0 }
} ;

static int set (char const *note)
{
  return note && *note ;
}

/* qpsmtpd's is_immune (relay client, whitelisted host or sender) and its
   earlytalker's own exception, a karma history above 5. Logged. */
static int immune (int txn)
{
  char const *k = qp_note_get(QP_CONN, "karma_history") ;
  int karma = 0 ;
  char const *why = 0 ;
  if (qp_relay_client()) why = "relay client" ;
  else if (set(qp_note_get(QP_CONN, "whitelisthost"))) why = "whitelisthost" ;
  else if (txn && set(qp_note_get(QP_TXN, "whitelistsender"))) why = "whitelistsender" ;
  else if (k && int_scan(k, &karma) && karma > 5) why = "karma_history above 5" ;
  if (why) qp_log(LOGINFO, "skip: ", qp_remote_ip(), " is immune (", why, ")", (char *)0) ;
  return !!why ;
}

/* The wait in ms: the connection note earlytalker_wait, else the argument. */
static unsigned int waitms (et const *st)
{
  char const *w = qp_note_get(QP_CONN, NOTE_WAIT) ;
  unsigned int s = st->wait ;
  if (w)
  {
    size_t n = uint_scan(w, &s) ;
    if (!n || w[n])
    {
      qp_log(LOGWARN, "warning: note " NOTE_WAIT " is not a number of seconds: ", w, (char *)0) ;
      s = st->wait ;
    }
  }
  return (s > WAIT_MAX ? WAIT_MAX : s) * 1000 ;
}

/* reject 0, or the legacy action log: the refusal is only logged */
static int tolerant (et const *st)
{
  return st->action == ACT_LOG || (st->action == ACT_NONE && qp_reject_mode() == QP_REJECT_NO) ;
}

/* The refusal under reject/reject_type; a legacy action replaces reject
   (log: 0, deny and denysoft: 1) and, for denysoft, reject_type (temp). */
static int refuse (et const *st, char const *text)
{
  if (st->action == ACT_NONE) return qp_reject(text) ;
  if (st->action == ACT_LOG)
  {
    qp_log(LOGINFO, "fail, tolerated: ", text, (char *)0) ;
    return DECLINED ;
  }
  qp_msg(text) ;
  return st->action == ACT_DENYSOFT ? DENYSOFT : qp_reject_verdict() ;
}

/* defer-reject: the greeting goes out, MAIL will be refused */
static int defer (void)
{
  if (qp_note_set(QP_CONN, NOTE_DEFER, "1")) return DECLINED ;
  qp_log(LOGERROR, "error: out of memory, refusing now", (char *)0) ;
  qp_msg(TEXT_CONNECT) ;
  return DENYSOFT ;
}

static int et_connect (void *state, qp_hookarg const *a)
{
  et const *st = state ;
  int r ;
  (void)a ;
  if (!(st->where & AT_CONNECT) || immune(0)) return DECLINED ;
  r = qp_client_talked(waitms(st)) ;
  if (r < 0)
  {
    qp_log(LOGINFO, "skip: the client's connection failed", (char *)0) ;
    return DECLINED ;
  }
  if (!r)
  {
    qp_log(LOGINFO, "pass: ", qp_remote_ip(), " waited for the greeting", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: ", qp_remote_ip(), " talked before the greeting",
         st->defer ? " (defer-reject: refused at MAIL)" : "", (char *)0) ;
  qp_karma_adjust(-1) ;
  return st->defer ? defer() : refuse(st, TEXT_CONNECT) ;
}

/* defer-reject: every MAIL of an early talker, temporarily (qpsmtpd's
   compatibility code forces temp here); an immune client (authenticated
   since) goes through. */
static int et_mail (void *state, qp_hookarg const *a)
{
  et const *st = state ;
  (void)a ;
  if (!st->defer || !set(qp_note_get(QP_CONN, NOTE_DEFER)) || immune(1)) return DECLINED ;
  if (tolerant(st))
  {
    qp_log(LOGINFO, "fail, tolerated: ", TEXT_CONNECT, (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: MAIL from an early talker", (char *)0) ;
  if (st->action == ACT_NONE && qp_reject_mode() == QP_REJECT_NAUGHTY) return qp_reject(TEXT_CONNECT) ;
  qp_msg(TEXT_CONNECT) ;
  return DENYSOFT ;
}

/* RFC 2920 3.1: DATA ends a pipelining group, the message waits for the
   354. The core sends the 354 after this hook, so anything the client sent
   by now (or within the wait, as qpsmtpd) came too early. */
static int et_data (void *state, qp_hookarg const *a)
{
  et const *st = state ;
  int r ;
  (void)a ;
  if (!(st->where & AT_DATA) || immune(1)) return DECLINED ;
  r = qp_client_talked(waitms(st)) ;
  if (r < 0)
  {
    qp_log(LOGINFO, "skip: the client's connection failed", (char *)0) ;
    return DECLINED ;
  }
  if (!r)
  {
    qp_log(LOGINFO, "pass: ", qp_remote_ip(), " waited for the 354", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: ", qp_remote_ip(), " sent data before the 354", (char *)0) ;
  qp_karma_adjust(-1) ;
  return refuse(st, TEXT_DATA) ;
}

static int et_init (void *state)
{
  et *st = state ;
  if (!st->at.len) st->where = AT_CONNECT ;
  for (size_t i = 0 ; i < st->at.len ; i += strlen(st->at.s + i) + 1)
  {
    char const *w = st->at.s + i ;
    if (!strcasecmp(w, "connect")) st->where |= AT_CONNECT ;
    else if (!strcasecmp(w, "data")) st->where |= AT_DATA ;
    else
    {
      qp_log(LOGERROR, "config error: check-at: '", w, "' is neither CONNECT nor DATA", (char *)0) ;
      return 0 ;
    }
  }
  if (st->defer && !(st->where & AT_CONNECT))
    qp_log(LOGWARN, "warning: defer-reject without check-at CONNECT does nothing", (char *)0) ;
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
