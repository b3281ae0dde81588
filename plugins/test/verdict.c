/* ISC license. */
/* test/verdict (test builds only): returns a configured verdict and message at a
   configured hook, so the verdict x hook matrix can be tested black-box; logs what
   each hook it fires at receives. Never part of a production build. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include "plugin.h"

typedef struct verdict_s verdict ;
struct verdict_s
{
  stralloc msg ;       /* NUL-terminated; empty: no message */
  int hook ;
  int verdict ;
} ;

/* Hook names as qpsmtpd's, and the reply a DONE plugin sends itself (0: none,
   when the core expects no reply there). logging and auth* are left out: a
   plugin on those hooks changes the server (built-in logger, AUTH offer). */
static struct { char const *name ; int hook ; unsigned int done ; } const hooks[] =
{
  { "connect", HOOK_CONNECT, 220 },
  { "helo", HOOK_HELO, 250 },
  { "ehlo", HOOK_EHLO, 250 },
  { "mail_pre", HOOK_MAIL_PRE, 250 },
  { "mail", HOOK_MAIL, 250 },
  { "rcpt_pre", HOOK_RCPT_PRE, 250 },
  { "rcpt", HOOK_RCPT, 250 },
  { "data", HOOK_DATA, 451 },
  { "data_headers_end", HOOK_DATA_HEADERS_END, 0 },
  { "data_post_headers", HOOK_DATA_POST_HEADERS, 250 },
  { "data_post", HOOK_DATA_POST, 250 },
  { "queue_pre", HOOK_QUEUE_PRE, 250 },
  { "queue", HOOK_QUEUE, 250 },
  { "queue_post", HOOK_QUEUE_POST, 0 },
  { "received_line", HOOK_RECEIVED_LINE, 0 },
  { "vrfy", HOOK_VRFY, 252 },
  { "noop", HOOK_NOOP, 250 },
  { "help", HOOK_HELP, 214 },
  { "quit", HOOK_QUIT, 221 },
  { "unrecognized_command", HOOK_UNRECOGNIZED_COMMAND, 250 },
  { "reset_transaction", HOOK_RESET_TRANSACTION, 0 },
  { "disconnect", HOOK_DISCONNECT, 0 },
  { "post-connection", HOOK_POST_CONNECTION, 0 },
  { "deny", HOOK_DENY, 0 },
  { "ok", HOOK_OK, 0 },
  { 0, 0, 0 }
} ;

static char const *const verdicts[QP_VERDICT_MAX] =
{
  "DECLINED", "OK", "DENY", "DENYSOFT", "DENY_DISCONNECT", "DENYSOFT_DISCONNECT", "DONE"
} ;

static unsigned int hook_index (int hook)
{
  unsigned int i = 0 ;
  while (hooks[i].name && hooks[i].hook != hook) i++ ;
  return i ;
}

static void log_args (char const *name, qp_hookarg const *a)
{
  char code[32] ;
  snprintf(code, sizeof code, " code=%d", a->code) ;
  qp_log(LOGINFO, "hook=", name,
    a->arg ? " arg=" : "", a->arg ? a->arg : "",
    a->arg2 ? " arg2=" : "", a->arg2 ? a->arg2 : "",
    a->arg3 ? " arg3=" : "", a->arg3 ? a->arg3 : "",
    a->arg4 ? " arg4=" : "", a->arg4 ? a->arg4 : "",
    code, (char *)0) ;
}

static int fire (void *state, qp_hookarg const *a, int hook)
{
  verdict *st = state ;
  unsigned int i ;
  if (st->hook != hook) return DECLINED ;
  i = hook_index(hook) ;
  log_args(hooks[i].name, a) ;
  if (st->verdict == DONE)
  {
    if (hooks[i].done) qp_reply(hooks[i].done, st->msg.len > 1 ? st->msg.s : "test plugin answered") ;
    return DONE ;
  }
  if (st->msg.len > 1) qp_msg(st->msg.s) ;
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

static int verdict_init (void **state, unsigned int argc, char const *const *argv)
{
  verdict *st ;
  unsigned int i = 0 ;
  int v ;
  if (argc < 2) goto usage ;
  while (hooks[i].name && strcmp(hooks[i].name, argv[0])) i++ ;
  if (!hooks[i].name || !parse_verdict(argv[1], &v)) goto usage ;
  st = malloc(sizeof *st) ;
  if (!st) goto nomem ;
  st->msg = stralloc_zero ;
  st->hook = hooks[i].hook ;
  st->verdict = v ;
  for (unsigned int k = 2 ; k < argc ; k++)
    if ((k > 2 && !stralloc_catb(&st->msg, " ", 1)) || !stralloc_cats(&st->msg, argv[k])) goto nomem ;
  if (!stralloc_0(&st->msg)) goto nomem ;
  *state = st ;
  return 1 ;
 usage:
  qp_log(LOGERROR, "usage: test/verdict HOOK VERDICT [message...] (bad hook or verdict: ",
    argc ? argv[0] : "", " ", argc > 1 ? argv[1] : "", ")", (char *)0) ;
  return 0 ;
 nomem:
  qp_log(LOGERROR, "out of memory", (char *)0) ;
  return 0 ;
}

qp_plugin const plugin_test_verdict =
{
  .name = "test/verdict",
  .aliases = 0,
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
