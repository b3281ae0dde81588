/* ISC license. */
/* naughty: delivers the refusals that other plugins deferred with
   "reject naughty" (qpsmtpd's naughty plugin): at one chosen hook, and at
   data_post as a safety net, so a deferred refusal is never lost. It must
   come after every plugin that defers (checked at load, doc/plugins/ORDER). */

#include <stddef.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

/* where the refusal is delivered; index into stages */
enum stage_e { AT_CONNECT, AT_MAIL, AT_RCPT, AT_DATA, AT_DATA_POST } ;

static char const *const stages[] = { "connect", "mail", "rcpt", "data", "data_post", 0 } ;

typedef struct naughty_s naughty ;
struct naughty_s
{
  int at ;          /* enum stage_e */
} ;

static qp_argdef const args[] =
{
  /* qpsmtpd's naughty uses "reject" for the stage, not for reject 0|1 */
  { .name = "reject", .type = QP_ARG_ENUM, .off = offsetof(naughty, at), .def = "rcpt", .choices = stages },
  { 0 }
} ;

/* Immune clients (qpsmtpd's is_immune): relay clients and whitelisted hosts. */
static int immune (void)
{
  return qp_relay_client() || qp_note_get(QP_CONN, "whitelisthost") || qp_note_get(QP_TXN, "whitelistsender") ;
}

static int deliver (int stage, naughty const *st)
{
  static stralloc msg = STRALLOC_ZERO ;
  int v ;
  if (stage != st->at && stage != AT_DATA_POST) return DECLINED ;
  msg.len = 0 ;
  v = qp_naughty(&msg, qp_reject_verdict()) ;
  if (v == DECLINED) return DECLINED ;
  if (immune())
  {
    qp_log(LOGINFO, "skip: immune client, deferred refusal dropped: ", msg.len ? msg.s : "", (char *)0) ;
    qp_naughty_clear() ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: delivering the deferred refusal at ", stages[stage], ": ", msg.len ? msg.s : "", (char *)0) ;
  if (msg.len) qp_msg(msg.s) ;
  return v ;
}

static int n_connect (void *s, qp_hookarg const *a) { (void)a ; return deliver(AT_CONNECT, s) ; }
static int n_mail (void *s, qp_hookarg const *a) { (void)a ; return deliver(AT_MAIL, s) ; }
static int n_rcpt (void *s, qp_hookarg const *a) { (void)a ; return deliver(AT_RCPT, s) ; }
static int n_data (void *s, qp_hookarg const *a) { (void)a ; return deliver(AT_DATA, s) ; }
static int n_data_post (void *s, qp_hookarg const *a) { (void)a ; return deliver(AT_DATA_POST, s) ; }

qp_plugin const plugin_naughty =
{
  .name = "naughty",
  .state_size = sizeof(naughty),
  .args = args,
  .hook =
  {
    [HOOK_CONNECT] = &n_connect,
    [HOOK_MAIL] = &n_mail,
    [HOOK_RCPT] = &n_rcpt,
    [HOOK_DATA] = &n_data,
    [HOOK_DATA_POST] = &n_data_post,
  },
  /* qpsmtpd's default: refuse and close */
  .reject_type = DENY_DISCONNECT,
  .flags = QP_PLUGIN_AFTER_DEFERRERS,
} ;
