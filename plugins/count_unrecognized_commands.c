/* ISC license. */
/* count_unrecognized_commands: closes the connection of a client that sends
   too many commands the server does not know (qpsmtpd's plugin of that
   name). The count is the connection note unrec_cmd_count (doc/notes),
   raised once per command however many instances are listed. */

#include <stddef.h>
#include <string.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

#define NOTE "unrec_cmd_count"
#define HEAD "Closing connection, "
#define TAIL " unrecognized commands. Perhaps you should read RFC 5321?"
/* the command number last counted: a second instance does not count it again */
#define NOTE_AT "count_unrecognized_commands/at"

typedef struct cuc_s cuc ;
struct cuc_s
{
  unsigned int max ;
} ;

static qp_argdef const args[] =
{
  { .name = "max", .type = QP_ARG_UINT | QP_ARG_POSITIONAL, .off = offsetof(cuc, max), .def = "4", .min = 1, .max = 1000, .meta = "MAX" },
  { 0 }
} ;

/* A note's number; 0 when absent or not a number. */
static unsigned int note_uint (char const *key)
{
  char const *s = qp_note_get(QP_CONN, key) ;
  unsigned int n = 0 ;
  size_t len = s ? uint_scan(s, &n) : 0 ;
  return len && !s[len] ? n : 0 ;
}

/* The count with this command in it, in fmt; 0 if the note cannot be kept. */
static unsigned int count (char *fmt)
{
  char at[UINT_FMT] ;
  unsigned int now = qp_command_count() ;
  unsigned int n = note_uint(NOTE) ;
  if (note_uint(NOTE_AT) == now)
  {
    fmt[uint_fmt(fmt, n)] = 0 ;
    return n ;
  }
  fmt[uint_fmt(fmt, ++n)] = 0 ;
  at[uint_fmt(at, now)] = 0 ;
  return qp_note_set(QP_CONN, NOTE, fmt) && qp_note_set(QP_CONN, NOTE_AT, at) ? n : 0 ;
}

static char const *text (char *msg, char const *fmt)
{
  size_t n = sizeof(HEAD) - 1, k = strlen(fmt) ;
  memcpy(msg, HEAD, n) ;
  memcpy(msg + n, fmt, k) ;
  memcpy(msg + n + k, TAIL, sizeof(TAIL)) ;
  return msg ;
}

static int cuc_unrec (void *state, qp_hookarg const *a)
{
  cuc const *st = state ;
  char fmt[UINT_FMT] ;
  char msg[sizeof(HEAD) + UINT_FMT + sizeof(TAIL)] ;
  unsigned int n = count(fmt) ;
  (void)a ;
  if (!n)
  {
    /* fail closed: a lost count would let the client go on for ever */
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("421 4.3.0 out of memory") ;
    return DENYSOFT_DISCONNECT ;
  }
  if (n < st->max)
  {
    qp_log(LOGDEBUG, "pass: unrecognized command number ", fmt, (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: ", fmt, " unrecognized commands", (char *)0) ;
  /* reject_type defaults to disconnect: the core's 521 and close */
  return qp_reject(text(msg, fmt)) ;
}

qp_plugin const plugin_count_unrecognized_commands =
{
  .name = "count_unrecognized_commands",
  .state_size = sizeof(cuc),
  .args = args,
  .hook = { [HOOK_UNRECOGNIZED_COMMAND] = &cuc_unrec },
  .reject_type = DENY_DISCONNECT,
} ;
