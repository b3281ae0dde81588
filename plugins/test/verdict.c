/* ISC license. */
/* test/verdict (test builds only): returns a configured verdict and message at a
   configured hook, so the verdict x hook matrix can be tested black-box; logs what
   each hook it fires at receives. Never part of a production build. */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct verdict_s verdict ;
struct verdict_s
{
  char const *hookname ;   /* the arguments */
  char const *vname ;
  char const *msg ;        /* NULL: no message */
  int hook ;
  int verdict ;
} ;

/* The reply a DONE plugin sends itself at each hook (0: none, where the
   core expects no reply). Hook names and argument names come from the
   core's hook table (qp_hook_find, qp_hook_argname). */
static unsigned int const donecode[HOOK_MAX] =
{
  [HOOK_CONNECT] = 220, [HOOK_HELO] = 250, [HOOK_EHLO] = 250, [HOOK_MAIL_PRE] = 250, [HOOK_MAIL] = 250,
  [HOOK_RCPT_PRE] = 250, [HOOK_RCPT] = 250, [HOOK_DATA] = 451, [HOOK_DATA_POST_HEADERS] = 250,
  [HOOK_DATA_POST] = 250, [HOOK_QUEUE_PRE] = 250, [HOOK_QUEUE] = 250, [HOOK_VRFY] = 252, [HOOK_NOOP] = 250,
  [HOOK_HELP] = 214, [HOOK_QUIT] = 221, [HOOK_UNRECOGNIZED_COMMAND] = 250,
} ;

static char const *const verdicts[QP_VERDICT_MAX] =
{
  "DECLINED", "OK", "DENY", "DENYSOFT", "DENY_DISCONNECT", "DENYSOFT_DISCONNECT", "DONE"
} ;

static void log_args (int hook, qp_hookarg const *a)
{
  char line[900] ;
  size_t n = 0 ;
  unsigned int i = 0 ;
  char const *name ;
  line[0] = 0 ;
  for (; (name = qp_hook_argname(hook, i)) ; i++)
  {
    char const *v = qp_arg(a, name) ;
    if (v) n += (size_t)snprintf(line + n, n < sizeof line ? sizeof line - n : 0, " %s=%s", name, v) ;
    if (n >= sizeof line) { n = sizeof line - 1 ; break ; }
  }
  qp_log(LOGINFO, "hook=", qp_hook_name(hook), line, (char *)0) ;
  snprintf(line, sizeof line, "%d", qp_arg_code(a)) ;
  qp_log(LOGDEBUG, "code=", line, (char *)0) ;
}

static int fire (void *state, qp_hookarg const *a, int hook)
{
  verdict *st = state ;
  if (st->hook != hook) return DECLINED ;
  log_args(hook, a) ;
  if (st->verdict == DONE)
  {
    if (donecode[hook]) qp_reply(donecode[hook], st->msg ? st->msg : "test plugin answered") ;
    return DONE ;
  }
  if (st->msg) qp_msg(st->msg) ;
  return st->verdict ;
}

#define SLOT(f, id) static int f (void *s, qp_hookarg const *a) { return fire(s, a, id) ; }
SLOT(h_connect, HOOK_CONNECT)
SLOT(h_helo, HOOK_HELO)
SLOT(h_ehlo, HOOK_EHLO)
SLOT(h_mail_pre, HOOK_MAIL_PRE)
SLOT(h_mail, HOOK_MAIL)
SLOT(h_rcpt_pre, HOOK_RCPT_PRE)
SLOT(h_rcpt, HOOK_RCPT)
SLOT(h_data, HOOK_DATA)
SLOT(h_data_headers_end, HOOK_DATA_HEADERS_END)
SLOT(h_data_post_headers, HOOK_DATA_POST_HEADERS)
SLOT(h_data_post, HOOK_DATA_POST)
SLOT(h_queue_pre, HOOK_QUEUE_PRE)
SLOT(h_queue, HOOK_QUEUE)
SLOT(h_queue_post, HOOK_QUEUE_POST)
SLOT(h_received_line, HOOK_RECEIVED_LINE)
SLOT(h_vrfy, HOOK_VRFY)
SLOT(h_noop, HOOK_NOOP)
SLOT(h_help, HOOK_HELP)
SLOT(h_quit, HOOK_QUIT)
SLOT(h_unrecognized_command, HOOK_UNRECOGNIZED_COMMAND)
SLOT(h_reset_transaction, HOOK_RESET_TRANSACTION)
SLOT(h_disconnect, HOOK_DISCONNECT)
SLOT(h_post_connection, HOOK_POST_CONNECTION)
SLOT(h_deny, HOOK_DENY)
SLOT(h_ok, HOOK_OK)

/* A verdict name, or a number (an invalid value tests the core's handling). */
static int parse_verdict (char const *s, int *v)
{
  char *end ;
  long n ;
  for (int i = 0 ; i < QP_VERDICT_MAX ; i++)
    if (!strcasecmp(s, verdicts[i])) { *v = i ; return 1 ; }
  n = strtol(s, &end, 10) ;
  if (!*s || *end || n < -1000 || n > 1000) return 0 ;
  *v = (int)n ;
  return 1 ;
}

static qp_argdef const verdict_args[] =
{
  { .name = "HOOK", .type = QP_ARG_STRING | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(verdict, hookname) },
  { .name = "VERDICT", .type = QP_ARG_STRING | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(verdict, vname) },
  { .name = "message", .type = QP_ARG_REST | QP_ARG_POSITIONAL, .off = offsetof(verdict, msg) },
  { 0 }
} ;

/* logging and auth* are left out: a plugin on those hooks changes the
   server (built-in logger, AUTH offer) */
static int verdict_init (void *state)
{
  verdict *st = state ;
  int h = qp_hook_find(st->hookname) ;
  if (h < 0 || h == HOOK_LOGGING || (h >= HOOK_AUTH && h <= HOOK_AUTH_CRAM_MD5) || !parse_verdict(st->vname, &st->verdict))
  {
    qp_log(LOGERROR, "usage: test/verdict HOOK VERDICT [message...] (bad hook or verdict: ", st->hookname, " ", st->vname, ")", (char *)0) ;
    return 0 ;
  }
  st->hook = h ;
  if (st->msg && !*st->msg) st->msg = 0 ;
  return 1 ;
}

qp_plugin const plugin_test_verdict =
{
  .name = "test/verdict",
  .aliases = 0,
  .state_size = sizeof(verdict),
  .args = verdict_args,
  .init = &verdict_init,
  .hook =
  {
    [HOOK_CONNECT] = &h_connect,
    [HOOK_HELO] = &h_helo,
    [HOOK_EHLO] = &h_ehlo,
    [HOOK_MAIL_PRE] = &h_mail_pre,
    [HOOK_MAIL] = &h_mail,
    [HOOK_RCPT_PRE] = &h_rcpt_pre,
    [HOOK_RCPT] = &h_rcpt,
    [HOOK_DATA] = &h_data,
    [HOOK_DATA_HEADERS_END] = &h_data_headers_end,
    [HOOK_DATA_POST_HEADERS] = &h_data_post_headers,
    [HOOK_DATA_POST] = &h_data_post,
    [HOOK_QUEUE_PRE] = &h_queue_pre,
    [HOOK_QUEUE] = &h_queue,
    [HOOK_QUEUE_POST] = &h_queue_post,
    [HOOK_RECEIVED_LINE] = &h_received_line,
    [HOOK_VRFY] = &h_vrfy,
    [HOOK_NOOP] = &h_noop,
    [HOOK_HELP] = &h_help,
    [HOOK_QUIT] = &h_quit,
    [HOOK_UNRECOGNIZED_COMMAND] = &h_unrecognized_command,
    [HOOK_RESET_TRANSACTION] = &h_reset_transaction,
    [HOOK_DISCONNECT] = &h_disconnect,
    [HOOK_POST_CONNECTION] = &h_post_connection,
    [HOOK_DENY] = &h_deny,
    [HOOK_OK] = &h_ok,
  },
  .flags = QP_PLUGIN_TESTONLY,
} ;
