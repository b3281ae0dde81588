/* ISC license. */
/* hooktab.c: the hook table (hooktab.h). Data only: adding a hook is one row
   here and, for a deciding hook, its replies in reply.c. */

#include "hooktab.h"

#include <string.h>

#define ROW(id, nm, k, as, a0, a1, a2, a3, d) [id] = { nm, k, as, { a0, a1, a2, a3 }, d }

hooktab const hooktab_rows[HOOK_MAX] =
{
  ROW(HOOK_CONNECT, "connect", HOOKTAB_DECIDE, HOOK_CONNECT, 0, 0, 0, 0, "the greeting (220)"),
  ROW(HOOK_HELO, "helo", HOOKTAB_DECIDE, HOOK_HELO, "host", 0, 0, 0, "250, the name is accepted"),
  ROW(HOOK_EHLO, "ehlo", HOOKTAB_DECIDE, HOOK_HELO, "host", 0, 0, 0, "250 with the EHLO keywords"),
  ROW(HOOK_MAIL_PRE, "mail_pre", HOOKTAB_PRE, HOOK_MAIL, "raw", 0, 0, 0, "the argument is parsed as given"),
  ROW(HOOK_MAIL, "mail", HOOKTAB_DECIDE, HOOK_MAIL, "address", 0, 0, 0, "250, the sender is accepted"),
  ROW(HOOK_RCPT_PRE, "rcpt_pre", HOOKTAB_PRE, HOOK_RCPT, "raw", 0, 0, 0, "the argument is parsed as given"),
  ROW(HOOK_RCPT, "rcpt", HOOKTAB_DECIDE, HOOK_RCPT, "address", 0, 0, 0, "450 4.7.1, nobody accepted the recipient"),
  ROW(HOOK_DATA, "data", HOOKTAB_DECIDE, HOOK_DATA, 0, 0, 0, 0, "354, the message is read"),
  ROW(HOOK_DATA_HEADERS_END, "data_headers_end", HOOKTAB_PRE, HOOK_DATA, 0, 0, 0, 0, "the message goes on"),
  ROW(HOOK_DATA_POST_HEADERS, "data_post_headers", HOOKTAB_PRE, HOOK_DATA, 0, 0, 0, 0, "the message goes on"),
  ROW(HOOK_DATA_POST, "data_post", HOOKTAB_PRE, HOOK_DATA, 0, 0, 0, 0, "the message goes on"),
  ROW(HOOK_QUEUE_PRE, "queue_pre", HOOKTAB_PRE, HOOK_DATA, 0, 0, 0, 0, "the message goes on"),
  ROW(HOOK_QUEUE, "queue", HOOKTAB_DECIDE, HOOK_QUEUE, 0, 0, 0, 0, "451 4.3.0, nothing queued"),
  ROW(HOOK_QUEUE_POST, "queue_post", HOOKTAB_NOTIFY, HOOK_QUEUE_POST, 0, 0, 0, 0, "nothing"),
  ROW(HOOK_RECEIVED_LINE, "received_line", HOOKTAB_VALUE, HOOK_RECEIVED_LINE, "protocol", 0, 0, 0, "the core's Received value"),
  ROW(HOOK_AUTH, "auth", HOOKTAB_DECIDE, HOOK_AUTH, "mechanism", "user", "password", "ticket", "535 5.7.8"),
  ROW(HOOK_AUTH_PLAIN, "auth-plain", HOOKTAB_DECIDE, HOOK_AUTH, "mechanism", "user", "password", "ticket", "the auth hook runs"),
  ROW(HOOK_AUTH_LOGIN, "auth-login", HOOKTAB_DECIDE, HOOK_AUTH, "mechanism", "user", "password", "ticket", "the auth hook runs"),
  ROW(HOOK_AUTH_CRAM_MD5, "auth-cram-md5", HOOKTAB_DECIDE, HOOK_AUTH, "mechanism", "user", "password", "ticket", "the auth hook runs"),
  ROW(HOOK_VRFY, "vrfy", HOOKTAB_DECIDE, HOOK_VRFY, "rest", 0, 0, 0, "252 2.0.0"),
  ROW(HOOK_NOOP, "noop", HOOKTAB_DECIDE, HOOK_NOOP, "rest", 0, 0, 0, "250 2.0.0"),
  ROW(HOOK_HELP, "help", HOOKTAB_DECIDE, HOOK_HELP, "rest", 0, 0, 0, "214 2.0.0 with the command list"),
  ROW(HOOK_QUIT, "quit", HOOKTAB_DECIDE, HOOK_QUIT, "rest", 0, 0, 0, "221 2.0.0 and the connection closes"),
  ROW(HOOK_UNRECOGNIZED_COMMAND, "unrecognized_command", HOOKTAB_DECIDE, HOOK_UNRECOGNIZED_COMMAND, "verb", "rest", 0, 0, "500 5.5.1"),
  ROW(HOOK_RESET_TRANSACTION, "reset_transaction", HOOKTAB_NOTIFY, HOOK_RESET_TRANSACTION, 0, 0, 0, 0, "nothing"),
  ROW(HOOK_DISCONNECT, "disconnect", HOOKTAB_NOTIFY, HOOK_DISCONNECT, 0, 0, 0, 0, "nothing"),
  ROW(HOOK_POST_CONNECTION, "post-connection", HOOKTAB_NOTIFY, HOOK_POST_CONNECTION, 0, 0, 0, 0, "nothing"),
  ROW(HOOK_DENY, "deny", HOOKTAB_REPORT, HOOK_DENY, "plugin", "message", 0, 0, "nothing"),
  ROW(HOOK_OK, "ok", HOOKTAB_REPORT, HOOK_OK, "plugin", "message", 0, 0, "nothing"),
  ROW(HOOK_LOGGING, "logging", HOOKTAB_REPORT, HOOK_LOGGING, "plugin", "text", "hook", 0, "the line goes to fd 2"),
} ;

char const *hooktab_name (int hook)
{
  return hook >= 0 && hook < HOOK_MAX ? hooktab_rows[hook].name : "?" ;
}

int hooktab_find (char const *name)
{
  int i = 0 ;
  for (; i < HOOK_MAX ; i++)
  {
    char const *a = hooktab_rows[i].name, *b = name ;
    /* qpsmtpd treats '-' and '_' alike in hook names */
    while (*a && *b && (*a == *b || ((*a == '-' || *a == '_') && (*b == '-' || *b == '_')))) a++, b++ ;
    if (!*a && !*b) return i ;
  }
  return -1 ;
}

int hooktab_arg (int hook, char const *name)
{
  int i = 0 ;
  if (hook < 0 || hook >= HOOK_MAX) return -1 ;
  for (; i < HOOKTAB_ARGS ; i++)
    if (hooktab_rows[hook].args[i] && !strcmp(hooktab_rows[hook].args[i], name)) return i ;
  return -1 ;
}
