/* ISC license. */
/* bogus_bounce: a bounce (null envelope sender) must go to exactly one
   recipient and carry no Return-Path other than <> (RFC 3834 on automatic
   replies; RFC 5321 4.5.5); qpsmtpd's bogus_bounce, old name
   check_bogus_bounce. qpsmtpd counted the recipients in scalar context and
   always found 1: here the count is the real one. By default it only logs
   (reject 0, as qpsmtpd master); qpsmtpd's single legacy argument log, deny
   or denysoft still works. */

#include <stddef.h>
#include <string.h>

#include <qcsmtpd/plugin.h>

enum act_e { ACT_NONE, ACT_DENY, ACT_DENYSOFT, ACT_LOG } ;
static char const *const actions[] = { "none", "deny", "denysoft", "log", 0 } ;

typedef struct bb_s bb ;
struct bb_s
{
  int action ;
} ;

static qp_argdef const args[] =
{
  { .name = "action", .type = QP_ARG_ENUM | QP_ARG_POSITIONAL, .off = offsetof(bb, action), .def = "none", .choices = actions, .meta = "log|deny|denysoft" },
  { 0 }
} ;

static int refuse (bb const *st, char const *text)
{
  if (st->action == ACT_NONE) return qp_reject(text) ;
  if (st->action == ACT_LOG)
  {
    qp_log(LOGINFO, "fail, tolerated: ", text, (char *)0) ;
    return DECLINED ;
  }
  qp_msg(text) ;
  return st->action == ACT_DENYSOFT ? DENYSOFT : DENY ;
}

/* The Return-Path value is empty or <> (with blanks and comments allowed
   around it, as header values are folded). */
static int empty_path (char const *v)
{
  size_t n ;
  v += strspn(v, " \t\r\n") ;
  n = strlen(v) ;
  while (n && strchr(" \t\r\n", v[n - 1])) n-- ;
  return !n || (n == 2 && v[0] == '<' && v[1] == '>') ;
}

static int bb_data_post (void *state, qp_hookarg const *a)
{
  bb *st = state ;
  unsigned int n = qp_rcpt_count() ;
  (void)a ;
  if (*qp_sender()) return DECLINED ;
  if (n != 1)
  {
    qp_log(LOGINFO, "fail: this bounce message does not have 1 recipient", (char *)0) ;
    return refuse(st, "5.7.1 Bounces go to one recipient: this one is not a real bounce") ;
  }
  for (unsigned int i = 0 ; i < qp_header_count("Return-Path") ; i++)
  {
    char const *v = qp_header_get("Return-Path", i) ;
    if (v && !empty_path(v))
    {
      qp_log(LOGINFO, "fail: a bounce return path must be empty (RFC 3834)", (char *)0) ;
      return refuse(st, "5.7.1 A bounce's Return-Path must be empty (RFC 3834): this one is not a real bounce") ;
    }
  }
  qp_log(LOGDEBUG, "pass: a bounce to one recipient", (char *)0) ;
  return DECLINED ;
}

static char const *const aliases[] = { "check_bogus_bounce", 0 } ;

qp_plugin const plugin_bogus_bounce =
{
  .name = "bogus_bounce",
  .aliases = aliases,
  .state_size = sizeof(bb),
  .args = args,
  .hook = { [HOOK_DATA_POST] = &bb_data_post },
  .flags = QP_PLUGIN_REJECT_OFF,
} ;
