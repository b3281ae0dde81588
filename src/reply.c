/* ISC license. */
/* reply.c: owns the reply table and the reply format. Plugin text is
   sanitised (printable ASCII, bounded lines) before it reaches the client. */

#include "reply.h"

#include <string.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "config.h"
#include "limits.h"
#include "qcsmtpd/plugin.h"
#include "hooktab.h"
#include "io.h"
#include "log.h"
#include "session.h"

static unsigned int errors = 0 ;
static unsigned int last = 0 ;
static unsigned int count = 0 ;
static int closed = 0 ;   /* a 421 or 221 went out: nothing may follow it */

unsigned int reply_errors (void) { return errors ; }
unsigned int reply_last (void) { return last ; }
unsigned int reply_count (void) { return count ; }
void reply_reset (void) { errors = last = count = 0 ; closed = 0 ; }

typedef struct rule_s rule ;
struct rule_s
{
  unsigned char hook ;
  unsigned char verdict ;
  unsigned char close ;
  unsigned short code ;
  char const *esc ;
  char const *text ;
} ;

#define HELPTEXT "This is qcsmtpd " QCSMTPD_VERSION "\nCommands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT\nEnd of HELP info"

/* Rows absent here: OK and DECLINED continue the command, DONE ends it silently.
   The hooks that share rules are expanded in reply_verdict. */
static rule const table[] =
{
  { HOOK_CONNECT, DENY, 1, 554, 0, "Connection from you denied, bye bye." },
  { HOOK_CONNECT, DENY_DISCONNECT, 1, 554, 0, "Connection from you denied, bye bye." },
  { HOOK_CONNECT, DENYSOFT, 1, 421, 0, "Connection from you temporarily denied, bye bye." },
  { HOOK_CONNECT, DENYSOFT_DISCONNECT, 1, 421, 0, "Connection from you temporarily denied, bye bye." },

  { HOOK_HELO, DENY, 0, 550, 0, "Sorry, I don't accept your HELO" },
  { HOOK_HELO, DENYSOFT, 0, 450, 0, "HELO temporarily refused, try again later" },
  { HOOK_HELO, DENY_DISCONNECT, 1, 550, 0, "Sorry, I don't accept your HELO" },
  { HOOK_HELO, DENYSOFT_DISCONNECT, 1, 421, 0, "HELO temporarily refused, try again later" },

  { HOOK_MAIL, OK, 0, 250, "2.1.0", "%s, sender OK - how exciting to get mail from you!" },
  { HOOK_MAIL, DECLINED, 0, 250, "2.1.0", "%s, sender OK - how exciting to get mail from you!" },
  { HOOK_MAIL, DENY, 0, 550, "5.7.1", "%s, denied" },
  { HOOK_MAIL, DENYSOFT, 0, 450, "4.7.1", "%s, temporarily denied" },
  { HOOK_MAIL, DENY_DISCONNECT, 1, 550, "5.7.1", "%s, denied" },
  { HOOK_MAIL, DENYSOFT_DISCONNECT, 1, 421, "4.7.1", "%s, temporarily denied" },

  { HOOK_RCPT, OK, 0, 250, "2.1.5", "%s, recipient ok" },
  { HOOK_RCPT, DENY, 0, 550, "5.7.1", "relaying denied" },
  { HOOK_RCPT, DENYSOFT, 0, 450, "4.7.1", "relaying denied" },
  { HOOK_RCPT, DENY_DISCONNECT, 1, 550, "5.7.1", "delivery denied" },
  { HOOK_RCPT, DENYSOFT_DISCONNECT, 1, 421, "4.7.1", "relaying denied" },
  { HOOK_RCPT, DECLINED, 0, 450, "4.7.1", "No plugin decided if relaying is allowed" },

  { HOOK_DATA, DENY, 0, 554, "5.7.1", "Message denied" },
  { HOOK_DATA, DENYSOFT, 0, 451, "4.7.1", "Message denied temporarily" },
  { HOOK_DATA, DENY_DISCONNECT, 1, 554, "5.7.1", "Message denied" },
  { HOOK_DATA, DENYSOFT_DISCONNECT, 1, 421, "4.7.1", "Message denied temporarily" },

  { HOOK_QUEUE, OK, 0, 250, "2.0.0", "Queued" },
  { HOOK_QUEUE, DENY, 0, 554, "5.3.0", "Message denied" },
  { HOOK_QUEUE, DENYSOFT, 0, 451, "4.3.0", "Message denied temporarily" },
  { HOOK_QUEUE, DENY_DISCONNECT, 1, 554, "5.3.0", "Message denied" },
  { HOOK_QUEUE, DENYSOFT_DISCONNECT, 1, 421, "4.3.0", "Message denied temporarily" },
  { HOOK_QUEUE, DECLINED, 0, 451, "4.3.0", "Queuing declined or disabled; try again later" },

  { HOOK_VRFY, DENY, 0, 554, "5.7.1", "Access Denied" },
  { HOOK_VRFY, DENYSOFT, 0, 450, "4.7.1", "Access temporarily denied" },
  { HOOK_VRFY, DENY_DISCONNECT, 1, 554, "5.7.1", "Access Denied" },
  { HOOK_VRFY, DENYSOFT_DISCONNECT, 1, 421, "4.7.1", "Access temporarily denied" },
  { HOOK_VRFY, OK, 0, 250, "2.1.5", "User OK" },
  { HOOK_VRFY, DECLINED, 0, 252, "2.0.0", "Just try sending a mail and we'll see how it turns out ..." },

  { HOOK_NOOP, DENY, 0, 500, "5.5.1", "Stop wasting my time." },
  { HOOK_NOOP, DENYSOFT, 0, 450, "4.7.1", "Stop wasting my time." },
  { HOOK_NOOP, DENY_DISCONNECT, 1, 500, "5.5.1", "Stop wasting my time." },
  { HOOK_NOOP, DENYSOFT_DISCONNECT, 1, 421, "4.7.1", "Stop wasting my time." },
  { HOOK_NOOP, OK, 0, 250, "2.0.0", "OK" },
  { HOOK_NOOP, DECLINED, 0, 250, "2.0.0", "OK" },

  { HOOK_HELP, DENY, 0, 502, "5.5.1", "HELP not available" },
  { HOOK_HELP, DENYSOFT, 0, 450, "4.7.1", "HELP not available" },
  { HOOK_HELP, DENY_DISCONNECT, 1, 502, "5.5.1", "HELP not available" },
  { HOOK_HELP, DENYSOFT_DISCONNECT, 1, 421, "4.7.1", "HELP not available" },
  { HOOK_HELP, OK, 0, 214, "2.0.0", HELPTEXT },
  { HOOK_HELP, DECLINED, 0, 214, "2.0.0", HELPTEXT },

  { HOOK_QUIT, OK, 1, 221, "2.0.0", "%s closing connection. Have a wonderful day." },
  { HOOK_QUIT, DECLINED, 1, 221, "2.0.0", "%s closing connection. Have a wonderful day." },
  { HOOK_QUIT, DENY, 1, 221, "2.0.0", "%s closing connection. Have a wonderful day." },
  { HOOK_QUIT, DENYSOFT, 1, 221, "2.0.0", "%s closing connection. Have a wonderful day." },
  { HOOK_QUIT, DENY_DISCONNECT, 1, 221, "2.0.0", "%s closing connection. Have a wonderful day." },
  { HOOK_QUIT, DENYSOFT_DISCONNECT, 1, 221, "2.0.0", "%s closing connection. Have a wonderful day." },

  { HOOK_UNRECOGNIZED_COMMAND, DENY, 0, 500, "5.5.1", "Unrecognized command" },
  { HOOK_UNRECOGNIZED_COMMAND, DENYSOFT, 0, 451, "4.7.1", "Command temporarily refused" },
  { HOOK_UNRECOGNIZED_COMMAND, DENY_DISCONNECT, 1, 521, "5.5.1", "Closing connection" },
  { HOOK_UNRECOGNIZED_COMMAND, DENYSOFT_DISCONNECT, 1, 421, "4.7.1", "Closing connection" },
  { HOOK_UNRECOGNIZED_COMMAND, OK, 0, 250, "2.0.0", "OK" },
  { HOOK_UNRECOGNIZED_COMMAND, DECLINED, 0, 500, "5.5.1", "Unrecognized command" },
} ;

static size_t sanitise (char *out, char const *s, size_t len)
{
  size_t i = 0, o = 0 ;
  for (; i < len && o < SMTP_REPLY_LINE_MAX ; i++)
  {
    unsigned char c = s[i] ;
    if (c == '\r') continue ;
    out[o++] = (c < 32 || c > 126) ? '?' : c ;
  }
  return o ;
}

static int isesc (char const *s, size_t len, size_t *n)
{
  /* RFC 3463: class "." 1*3digit "." 1*3digit */
  size_t i = 1, d ;
  if (len < 5 || (s[0] != '2' && s[0] != '4' && s[0] != '5') || s[1] != '.') return 0 ;
  for (i = 2, d = 0 ; i < len && s[i] >= '0' && s[i] <= '9' ; i++) d++ ;
  if (!d || d > 3 || i >= len || s[i] != '.') return 0 ;
  for (i++, d = 0 ; i < len && s[i] >= '0' && s[i] <= '9' ; i++) d++ ;
  if (!d || d > 3) return 0 ;
  if (i < len && s[i] != ' ') return 0 ;
  *n = i ;
  return 1 ;
}

size_t reply_esc_len (char const *s, size_t len)
{
  size_t n ;
  return isesc(s, len, &n) ? n : 0 ;
}

int reply_send (unsigned int code, char const *esc, char const *text)
{
  char line[16 + 16 + SMTP_REPLY_LINE_MAX + 2] ;
  unsigned int nlines = 0 ;
  if (!text) text = "" ;
  /* RFC 5321 3.8: after a 421 or 221 the channel is closing; a hook that
     answers on the way out (reset_transaction, disconnect) is not heard */
  if (closed) return 1 ;
  if (code == 421 || code == 221) closed = 1 ;
  last = code ;
  count++ ;
  if (code == 500 || code == 501 || code == 503 || code == 504 || code == 555) errors++ ;
  for (;;)
  {
    char const *nl = strchr(text, '\n') ;
    size_t tl = nl ? (size_t)(nl - text) : strlen(text) ;
    size_t n ;
    int last = !nl || !nl[1] || ++nlines >= SMTP_REPLY_LINES_MAX ;
    n = uint_fmt(line, code) ;
    line[n++] = last ? ' ' : '-' ;
    if (esc)
    {
      size_t el = strlen(esc) ;
      memcpy(line + n, esc, el) ;
      n += el ;
      if (tl) line[n++] = ' ' ;
    }
    n += sanitise(line + n, text, tl) ;
    if (log_wants(LOGINFO))
    {
      line[n] = 0 ;
      log_core(LOGINFO, line, (char *)0) ;
    }
    line[n++] = '\r' ; line[n++] = '\n' ;
    if (!io_put(line, n)) return 0 ;
    if (last) return 1 ;
    text = nl + 1 ;
  }
}

static rule const *lookup (int hook, int v)
{
  size_t i = 0 ;
  for (; i < sizeof(table) / sizeof(rule) ; i++)
    if (table[i].hook == hook && table[i].verdict == v) return table + i ;
  return 0 ;
}

/* Expands %s in a default text. */
static void expand (stralloc *sa, char const *t, char const *subject)
{
  char const *p = strstr(t, "%s") ;
  sa->len = 0 ;
  if (!p) { stralloc_cats(sa, t) ; stralloc_0(sa) ; return ; }
  stralloc_catb(sa, t, p - t) ;
  stralloc_cats(sa, subject ? subject : "") ;
  stralloc_cats(sa, p + 2) ;
  stralloc_0(sa) ;
}

int reply_verdict (int hook, int v, char const *subject, char const *msg)
{
  static stralloc text = STRALLOC_ZERO ;
  rule const *r ;
  int h = hook >= 0 && hook < HOOK_MAX ? hooktab_rows[hook].reply_as : hook ;
  unsigned int code ;
  char const *esc ;
  char escbuf[16] ;
  if (msg && !*msg) msg = 0 ;
  /* DONE: the plugin answered itself (qp_reply); a 421 or 221 of its own
     closes the channel as well (RFC 5321 3.8) */
  if (v == DONE) return last == 421 || last == 221 ? REPLY_CLOSE : REPLY_DONE ;
  /* the pre-hooks and the hooks whose success reply the caller builds go on */
  if ((v == OK || v == DECLINED) && h != hook) return REPLY_CONTINUE ;
  if ((v == OK || v == DECLINED) && (hook == HOOK_CONNECT || hook == HOOK_HELO)) return REPLY_CONTINUE ;
  r = lookup(h, v) ;
  if (!r) return REPLY_CONTINUE ;
  code = r->code ;
  esc = r->esc ;
  if (msg)
  {
    size_t n = 0, ml = strlen(msg) ;
    /* "NNN " override, same class as the table's code */
    if (ml >= 4 && msg[0] == '0' + (char)(code / 100) && msg[1] >= '0' && msg[1] <= '9'
     && msg[2] >= '0' && msg[2] <= '9' && msg[3] == ' ')
    {
      code = (msg[0] - '0') * 100 + (msg[1] - '0') * 10 + (msg[2] - '0') ;
      msg += 4 ;
      ml -= 4 ;
    }
    if (isesc(msg, ml, &n))
    {
      /* the plugin's code keeps its subject and detail; its class follows
         the reply's (RFC 3463 2: a 5.4.6 refusal sent as a temporary 421
         is 4.4.6), so reject_type temp keeps the reason's code */
      if (esc && (code / 100 == 4 || code / 100 == 5) && (msg[0] == '4' || msg[0] == '5') && n < sizeof(escbuf))
      {
        memcpy(escbuf, msg, n) ;
        escbuf[0] = '0' + (char)(code / 100) ;
        escbuf[n] = 0 ;
        esc = escbuf ;
      }
      msg += n ;
      while (*msg == ' ') msg++ ;
    }
    if (!*msg) msg = 0 ;
  }
  if (!msg)
  {
    expand(&text, r->text, subject) ;
    msg = text.s ? text.s : "" ;
  }
  if (!reply_send(code, esc, msg)) return REPLY_IOERROR ;
  /* RFC 5321 3.8: a 421 (and a 221) means the channel is closing, whoever chose it */
  return r->close || code == 421 || code == 221 ? REPLY_CLOSE : REPLY_SENT ;
}

int reply_rule (int hook, int v, unsigned int *code, int *closes)
{
  rule const *r = lookup(hook, v) ;
  if (!r) return 0 ;
  *code = r->code ;
  *closes = r->close || r->code == 421 || r->code == 221 ;
  return 1 ;
}

int reply_closing (char const *esc, char const *why)
{
  static stralloc t = STRALLOC_ZERO ;
  t.len = 0 ;
  if (!stralloc_cats(&t, sess.me.len ? sess.me.s : "qcsmtpd") || !stralloc_catb(&t, " ", 1)
   || !stralloc_cats(&t, why) || !stralloc_0(&t)) return 0 ;
  log_core(LOGNOTICE, "closing connection: ", why, (char *)0) ;
  return reply_send(421, esc, t.s) ;
}

int reply_outcome (int r)
{
  return r == REPLY_CLOSE ? QP_CMD_CLOSE : r == REPLY_IOERROR ? QP_CMD_FAIL : QP_CMD_OK ;
}
