/* ISC license. */
/* smtp.c: the command table and the command handlers except DATA. Replies go
   through reply.c only; state changes only after a command is accepted. */

#include "smtp.h"

#include <string.h>
#include <errno.h>
#include <unistd.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "config.h"
#include "limits.h"
#include "plugin.h"
#include "addr.h"
#include "api.h"
#include "auth.h"
#include "cmd.h"
#include "hook.h"
#include "io.h"
#include "log.h"
#include "msg.h"
#include "reply.h"
#include "session.h"
#include "tls.h"
#include "txn.h"

void (*smtp_exit) (int) __attribute__((noreturn)) = &_exit ;
static int finishing = 0 ;

void smtp_finish (int exitcode)
{
  io_flush() ;
  if (!finishing)
  {
    finishing = 1 ;
    smtp_txn_discard() ;
    hook_run0(HOOK_DISCONNECT) ;
    hook_run0(HOOK_POST_CONNECTION) ;
    if (sess.tls && tls_engine_cur) (*tls_engine_cur->close)() ;
  }
  (*smtp_exit)(exitcode) ;
}

void smtp_reset (void)
{
  finishing = 0 ;
  txn_reset(&txn_cur) ;
  msg_reset() ;
  io_reset() ;
  reply_errors = 0 ;
  reply_last = 0 ;
  auth_reset() ;
  sess.helo.len = 0 ;
  sess.helo_seen = sess.ehlo = sess.relay = sess.tls = 0 ;
  sess.authuser.len = 0 ;
  sess.caps.len = 0 ;
  sess.notes.len = 0 ;
}

void smtp_abort (int exitcode, char const *esc, char const *why)
{
  static stralloc t = STRALLOC_ZERO ;
  t.len = 0 ;
  if (stralloc_cats(&t, sess.me.s) && stralloc_catb(&t, " ", 1) && stralloc_cats(&t, why) && stralloc_0(&t))
    reply_send(421, esc, t.s) ;
  log_core(LOGNOTICE, "closing connection: ", why, (char *)0) ;
  smtp_finish(exitcode) ;
}

void smtp_ioerror (void)
{
  if (errno == ETIMEDOUT) smtp_abort(111, "4.4.2", "Timeout, closing connection") ;
  log_core(LOGINFO, "connection lost: ", strerror(errno), (char *)0) ;
  smtp_finish(111) ;
}

void smtp_txn_discard (void)
{
  if (txn_cur.active) hook_run0(HOOK_RESET_TRANSACTION) ;
  txn_reset(&txn_cur) ;
  msg_reset() ;
}

int smtp_outcome (int r)
{
  if (r == REPLY_CLOSE) smtp_finish(0) ;
  if (r == REPLY_IOERROR) smtp_ioerror() ;
  return r == REPLY_CONTINUE ;
}

static void helo (char *arg, int ehlo)
{
  static stralloc info = STRALLOC_ZERO ;
  qp_hookarg a = { 0 } ;
  char *sp ;
  int v ;
  if (!*arg)
  {
    reply_send(501, "5.5.4", ehlo ? "ehlo requires domain/address - see RFC 5321 4.1.1.1"
                                   : "helo requires domain/address - see RFC 5321 4.1.1.1") ;
    return ;
  }
  if (sess.helo_seen) { reply_send(503, "5.5.1", "but you already said HELO ...") ; return ; }
  sp = strchr(arg, ' ') ;
  if (sp) *sp = 0 ;
  a.arg = arg ;
  sess.caps.len = 0 ;
  v = hook_run(ehlo ? HOOK_EHLO : HOOK_HELO, &a) ;
  if (!smtp_outcome(reply_verdict(ehlo ? HOOK_EHLO : HOOK_HELO, v, 0))) return ;
  smtp_txn_discard() ;
  if (!stralloc_copys(&sess.helo, arg) || !stralloc_0(&sess.helo)) smtp_abort(111, "4.3.0", "out of memory") ;
  sess.helo.len-- ;
  sess.helo_seen = 1 ;
  sess.ehlo = ehlo ;
  info.len = 0 ;
  stralloc_cats(&info, sess.me.s) ;
  stralloc_cats(&info, " Hi ") ;
  session_remote_info(&info) ;
  stralloc_cats(&info, " [") ;
  stralloc_cats(&info, sess.remoteip) ;
  stralloc_cats(&info, "]") ;
  if (!ehlo) stralloc_cats(&info, "; I am so happy to meet you.") ;
  else
  {
    size_t i = 0 ;
    stralloc_cats(&info, "\nPIPELINING\n8BITMIME\nSIZE") ;
    if (sess.databytes)
    {
      char fmt[UINT64_FMT] ;
      fmt[uint64_fmt(fmt, sess.databytes)] = 0 ;
      stralloc_catb(&info, " ", 1) ;
      stralloc_cats(&info, fmt) ;
    }
    if (tls_engine_cur && !sess.tls) stralloc_cats(&info, "\nSTARTTLS") ;
    if (!auth_ehlo(&info)) smtp_abort(111, "4.3.0", "out of memory") ;
    for (; i < sess.caps.len ; i += strlen(sess.caps.s + i) + 1)
    {
      stralloc_catb(&info, "\n", 1) ;
      stralloc_cats(&info, sess.caps.s + i) ;
    }
    stralloc_cats(&info, "\nENHANCEDSTATUSCODES") ;
  }
  if (!stralloc_0(&info)) smtp_abort(111, "4.3.0", "out of memory") ;
  /* RFC 2034: no enhanced status codes in replies to HELO and EHLO */
  reply_send(250, 0, info.s) ;
}

static void do_helo (char *arg) { helo(arg, 0) ; }
static void do_ehlo (char *arg) { helo(arg, 1) ; }

/* Runs a *_pre hook on the raw argument; 1 and *raw updated if it goes on. */
static int prehook (int hook, char const **raw)
{
  qp_hookarg a = { .arg = *raw } ;
  int v ;
  api_addr_reset() ;
  v = hook_run(hook, &a) ;
  if (!smtp_outcome(reply_verdict(hook, v, *raw))) return 0 ;
  if (api_addr_override()) *raw = api_addr_override() ;
  return 1 ;
}

/* Checks the ESMTP parameters of MAIL (RFC 1870 SIZE, RFC 6152 BODY). */
static int mailparams (void)
{
  char const *size = cmd_param_get(&txn_cur.params, "size") ;
  char const *body = cmd_param_get(&txn_cur.params, "body") ;
  if (size)
  {
    uint64_t n ;
    size_t k = uint64_scan(size, &n) ;
    if (!k || size[k]) { reply_send(501, "5.5.4", "Syntax error in parameters") ; return 0 ; }
    if (sess.databytes && n > sess.databytes)
    {
      reply_send(552, "5.3.4", "Message size exceeds fixed maximum message size") ;
      return 0 ;
    }
  }
  if (body)
  {
    if (!strcasecmp(body, "8BITMIME")) txn_cur.body8 = 1 ;
    else if (strcasecmp(body, "7BIT")) { reply_send(501, "5.5.4", "Syntax error in parameters") ; return 0 ; }
  }
  return 1 ;
}

/* Parses "<path> params" into into (a mailbox) and txn_cur.params.
   1 ok; 0 after replying. */
static int path (char const *raw, stralloc *into, unsigned int flags, char const *esc, char const *text)
{
  size_t len = strlen(raw), end ;
  into->len = 0 ;
  if (!addr_isascii(raw, len))
  {
    reply_send(553, "5.6.7", "Non-ASCII addresses are not supported") ;
    return 0 ;
  }
  if (!addr_parse_path(raw, len, into, &end, flags))
  {
    reply_send(501, esc, text) ;
    return 0 ;
  }
  txn_cur.params.len = 0 ;
  if ((raw[end] && raw[end] != ' ') || !cmd_params(raw + end, &txn_cur.params))
  {
    reply_send(501, "5.5.4", "Syntax error in parameters") ;
    return 0 ;
  }
  return 1 ;
}

static void do_mail (char *arg)
{
  static stralloc subject = STRALLOC_ZERO ;
  size_t k = cmd_keyword(arg, "from:") ;
  char const *raw ;
  qp_hookarg a = { 0 } ;
  int v ;
  if (!sess.helo_seen) { reply_send(503, "5.5.1", "please say hello first ...") ; return ; }
  if (!k) { reply_send(501, "5.5.2", "Syntax error in command") ; return ; }
  if (sess.tls_required && !sess.tls) { reply_send(530, "5.7.0", "Must issue a STARTTLS command first") ; return ; }
  /* RFC 5321 3.3: MAIL clears the buffers; an open transaction is dropped */
  smtp_txn_discard() ;
  raw = arg + k ;
  if (!prehook(HOOK_MAIL_PRE, &raw)) return ;
  if (!*raw) raw = "<>" ;
  if (!path(raw, &txn_cur.sender, ADDR_NULL_OK, "5.1.7", "could not parse your mail from command")) return ;
  if (!stralloc_0(&txn_cur.sender)) smtp_abort(111, "4.3.0", "out of memory") ;
  txn_cur.sender.len-- ;
  if (!mailparams()) return ;
  auth_mail_param() ;
  api_addr_reset() ;
  a.arg = txn_cur.sender.s ;
  txn_cur.active = 1 ;   /* the hook sees the sender; undone below if refused */
  v = hook_run(HOOK_MAIL, &a) ;
  if (api_addr_override() && !txn_sender_set(&txn_cur, api_addr_override())) smtp_abort(111, "4.3.0", "out of memory") ;
  subject.len = 0 ;
  if (!addr_format(txn_cur.sender.s, &subject) || !stralloc_0(&subject)) smtp_abort(111, "4.3.0", "out of memory") ;
  if (v != OK && v != DECLINED) { txn_cur.active = 0 ; txn_reset(&txn_cur) ; }
  smtp_outcome(reply_verdict(HOOK_MAIL, v, subject.s)) ;
}

static void do_rcpt (char *arg)
{
  static stralloc rcpt = STRALLOC_ZERO ;
  static stralloc subject = STRALLOC_ZERO ;
  size_t k = cmd_keyword(arg, "to:") ;
  char const *raw ;
  char const *final ;
  qp_hookarg a = { 0 } ;
  int v ;
  if (!k) { reply_send(501, "5.5.2", "Syntax error in command") ; return ; }
  if (!txn_cur.active) { reply_send(503, "5.5.1", "Use MAIL before RCPT") ; return ; }
  raw = arg + k ;
  if (!prehook(HOOK_RCPT_PRE, &raw)) return ;
  if (!path(raw, &rcpt, ADDR_POSTMASTER_OK, "5.1.3", "could not parse recipient")) return ;
  if (!stralloc_0(&rcpt)) smtp_abort(111, "4.3.0", "out of memory") ;
  rcpt.len-- ;
  if (txn_rcpt_count(&txn_cur) >= sess.maxrcpt)
  {
    /* RFC 5321 4.5.3.1.10: 452 and the client sends the rest later */
    reply_send(452, "4.5.3", "Too many recipients") ;
    return ;
  }
  api_addr_reset() ;
  a.arg = rcpt.s ;
  v = hook_run(HOOK_RCPT, &a) ;
  final = api_addr_override() ? api_addr_override() : rcpt.s ;
  subject.len = 0 ;
  if (!addr_format(rcpt.s, &subject) || !stralloc_0(&subject)) smtp_abort(111, "4.3.0", "out of memory") ;
  if (v == OK && !txn_rcpt_add(&txn_cur, final)) smtp_abort(111, "4.3.0", "out of memory") ;
  smtp_outcome(reply_verdict(HOOK_RCPT, v, subject.s)) ;
}

static void do_rset (char *arg)
{
  (void)arg ;
  smtp_txn_discard() ;
  reply_send(250, "2.0.0", "OK") ;
}

/* After a handshake: everything learnt from the client is forgotten (RFC
   3207 4.2), the tls_* notes are set. */
static void tls_started (void)
{
  sess.tls = 1 ;
  smtp_txn_discard() ;
  sess.helo.len = 0 ;
  sess.helo_seen = sess.ehlo = 0 ;
  sess.caps.len = 0 ;
  auth_reset() ;
  /* what plugins may want to know (doc/plugins/tls) */
  if (!qp_note_set(QP_CONN, "tls_enabled", "1")
   || !qp_note_set(QP_CONN, "tls_protocol", tls_state.protocol[0] ? tls_state.protocol : 0)
   || !qp_note_set(QP_CONN, "tls_cipher", tls_state.cipher[0] ? tls_state.cipher : 0)
   || !qp_note_set(QP_CONN, "tls_sni", tls_state.sni[0] ? tls_state.sni : 0)
   || !qp_note_set(QP_CONN, "tls_peer_subject", tls_state.peer_subject[0] ? tls_state.peer_subject : 0))
    smtp_abort(111, "4.3.0", "out of memory") ;
  log_core(LOGINFO, "TLS started with ", sess.remoteip, ": ", tls_state.protocol[0] ? tls_state.protocol : "?", " ",
    tls_state.cipher[0] ? tls_state.cipher : "?", (char *)0) ;
}

void smtp_tls_handshake (void)
{
  unsigned int t = sess.timeout < TLS_HANDSHAKE_TIMEOUT ? sess.timeout : TLS_HANDSHAKE_TIMEOUT ;
  if (!(*tls_engine_cur->handshake)(t))
  {
    /* no plaintext reply is valid any more (reference/qmail.md 3.7 item 5) */
    log_core(LOGNOTICE, "TLS handshake with ", sess.remoteip, " failed, closing connection", (char *)0) ;
    smtp_finish(0) ;
  }
  tls_started() ;
}

/* RFC 3207. The reply to STARTTLS is the last plaintext the client gets:
   whatever it sent after the command is thrown away, unread (CVE-2011-0411),
   and everything learnt from it so far is forgotten (RFC 3207 4.2). */
static void do_starttls (char *arg)
{
  if (!tls_engine_cur) { smtp_unrecognized("starttls", arg) ; return ; }
  if (*arg) { reply_send(501, "5.5.4", "Syntax error (no parameters allowed)") ; return ; }
  if (sess.tls) { reply_send(503, "5.5.1", "Already in TLS") ; return ; }
  if (sess.authuser.len) { reply_send(503, "5.5.1", "STARTTLS after AUTH is not allowed") ; return ; }
  if (!(*tls_engine_cur->prepare)()) { reply_send(454, "4.7.0", "TLS not available due to temporary reason") ; return ; }
  if (!reply_send(220, "2.0.0", "Ready to start TLS") || !io_flush()) smtp_ioerror() ;
  io_discard_input() ;
  smtp_tls_handshake() ;
}

static void simple (int hook, char *arg, char const *subject)
{
  qp_hookarg a = { .arg = arg } ;
  int v = hook_run(hook, &a) ;
  int r = reply_verdict(hook, v, subject) ;
  if (hook == HOOK_QUIT) smtp_finish(0) ;
  smtp_outcome(r) ;
}

static void do_noop (char *arg) { simple(HOOK_NOOP, arg, 0) ; }
static void do_vrfy (char *arg) { simple(HOOK_VRFY, arg, 0) ; }
static void do_help (char *arg) { simple(HOOK_HELP, arg, 0) ; }
static void do_quit (char *arg) { simple(HOOK_QUIT, arg, sess.me.s) ; }

typedef struct command_s command ;
struct command_s
{
  char const *verb ;
  void (*handler) (char *) ;
} ;

static command const commands[] =
{
  { "helo", &do_helo },
  { "ehlo", &do_ehlo },
  { "mail", &do_mail },
  { "rcpt", &do_rcpt },
  { "data", &smtp_data },
  { "rset", &do_rset },
  { "noop", &do_noop },
  { "vrfy", &do_vrfy },
  { "help", &do_help },
  { "quit", &do_quit },
  { "starttls", &do_starttls },
  { "auth", &smtp_auth },
} ;

void smtp_unrecognized (char const *verb, char const *rest)
{
  qp_hookarg a = { .arg = verb, .arg2 = rest } ;
  int v = hook_run(HOOK_UNRECOGNIZED_COMMAND, &a) ;
  smtp_outcome(reply_verdict(HOOK_UNRECOGNIZED_COMMAND, v, 0)) ;
}

static void dispatch (char *line)
{
  char verb[CMD_VERB_MAX + 1] ;
  char *arg ;
  size_t i = 0 ;
  char masked[48] ;
  /* never an AUTH initial response in the log */
  if (log_wants(LOGDEBUG)) log_core(LOGDEBUG, "dispatching ", auth_log_line(line, masked, sizeof(masked)), (char *)0) ;
  if (!cmd_split(line, verb, &arg)) { smtp_unrecognized("", line) ; return ; }
  for (; i < sizeof(commands) / sizeof(command) ; i++)
    if (!strcmp(verb, commands[i].verb)) { (*commands[i].handler)(arg) ; return ; }
  smtp_unrecognized(verb, arg) ;
}

static void greet (void)
{
  static stralloc g = STRALLOC_ZERO ;
  int v = hook_run0(HOOK_CONNECT) ;
  int r = reply_verdict(HOOK_CONNECT, v, 0) ;
  if (!smtp_outcome(r)) return ;
  g.len = 0 ;
  if (sess.greeting.len)
  {
    char const *s = sess.greeting.s ;
    char const *p = s ;
    int has = 0 ;
    /* RFC 5321 4.2: the text should say ESMTP; add it as qmail and qpsmtpd do */
    while ((p = strstr(p, "ESMTP")))
    {
      if ((p == s || p[-1] == ' ') && (!p[5] || p[5] == ' ')) { has = 1 ; break ; }
      p += 5 ;
    }
    stralloc_cats(&g, s) ;
    if (!has) stralloc_cats(&g, " ESMTP") ;
  }
  else
  {
    stralloc_cats(&g, sess.me.s) ;
    stralloc_cats(&g, " ESMTP qcsmtpd " QCSMTPD_VERSION " ready") ;
  }
  if (!stralloc_0(&g)) smtp_abort(111, "4.3.0", "out of memory") ;
  reply_send(220, 0, g.s) ;
}

void smtp_run (void)
{
  char line[SMTP_LINE_MAX] ;
  greet() ;
  for (;;)
  {
    size_t len ;
    int r = io_getline(line, sizeof(line), &len) ;
    if (r < 0) smtp_ioerror() ;
    if (!r) smtp_finish(0) ;
    if (r == 2) reply_send(500, "5.5.2", "Line too long") ;
    else if (strlen(line) != len) reply_send(500, "5.5.2", "NUL characters are not allowed") ;
    else dispatch(line) ;
    if (reply_errors >= SMTP_ERRORS_MAX) smtp_abort(0, "4.7.0", "Too many errors, closing connection") ;
  }
}
