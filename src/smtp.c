/* ISC license. */
/* smtp.c: the command loop, the core's command rows and their handlers
   (except DATA and AUTH). Replies go through reply.c only; state changes only
   after a command is accepted. This is the only module that ends the process
   (smtp_end): every handler and sub-engine returns an outcome. */

#include "smtp.h"

#include <string.h>
#include <strings.h>
#include <errno.h>
#include <unistd.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "config.h"
#include "limits.h"
#include "qcsmtpd/plugin.h"
#include "addr.h"
#include "api.h"
#include "auth.h"
#include "cmd.h"
#include "hook.h"
#include "io.h"
#include "localip.h"
#include "log.h"
#include "msg.h"
#include "naughty.h"
#include "registry.h"
#include "reply.h"
#include "reset.h"
#include "session.h"
#include "smtpdata.h"
#include "tls.h"
#include "txn.h"

void (*smtp_exit) (int) __attribute__((noreturn)) = &_exit ;
static int finishing = 0 ;

/* The one way out (STYLE: one fatal path): flushes, forgets the
   transaction, runs disconnect and post-connection once, closes TLS. */
void smtp_end (int exitcode)
{
  io_flush() ;
  if (!finishing)
  {
    finishing = 1 ;
    log_core(LOGINFO, "click, disconnecting", (char *)0) ;
    reset_txn() ;
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
  reply_reset() ;
  auth_reset() ;
  naughty_reset() ;
  tls_engine_cur = 0 ;
  sess.helo.len = 0 ;
  sess.helo_seen = sess.ehlo = sess.relay = sess.tls = 0 ;
  sess.authuser.len = 0 ;
  sess.notes.len = 0 ;
  sess.commands = 0 ;
}

/* A read or write failed: a timeout gets its 421 (RFC 5321 4.5.3.2), else
   the client is gone. */
static void ioerror (void) __attribute__((noreturn)) ;
static void ioerror (void)
{
  if (errno == ETIMEDOUT)
  {
    /* the connection's own limit, or one read or write's (timeoutsmtpd) */
    if (io_session_over())
    {
      log_core(LOGWARN, "connection from ", sess.remoteip, " reached timeoutsession", (char *)0) ;
      reply_closing("4.4.2", "Connection time limit reached, closing connection") ;
    }
    else reply_closing("4.4.2", "Timeout, closing connection") ;
    smtp_end(111) ;
  }
  log_core(LOGINFO, "connection lost: ", strerror(errno), (char *)0) ;
  smtp_end(111) ;
}

static int oom (void)
{
  reply_closing("4.3.0", "out of memory") ;
  return QP_CMD_FAIL ;
}

 /* HELO and EHLO (RFC 5321 4.1.1.1) */

static int keyword_size (void *state, stralloc *sa)
{
  char fmt[UINT64_FMT] ;
  (void)state ;
  if (!sess.databytes) return 1 ;
  fmt[uint64_fmt(fmt, sess.databytes)] = 0 ;
  return stralloc_catb(sa, " ", 1) && stralloc_cats(sa, fmt) ;
}

static int helo (char *arg, int ehlo)
{
  static stralloc info = STRALLOC_ZERO ;
  qp_hookarg a = { .hook = ehlo ? HOOK_EHLO : HOOK_HELO } ;
  char *sp ;
  int v, r ;
  if (!*arg)
  {
    reply_send(501, "5.5.4", ehlo ? "ehlo requires domain/address - see RFC 5321 4.1.1.1"
                                   : "helo requires domain/address - see RFC 5321 4.1.1.1") ;
    return QP_CMD_OK ;
  }
  sp = strchr(arg, ' ') ;
  if (sp) *sp = 0 ;
  a.v[0] = arg ;
  v = hook_run(a.hook, &a) ;
  r = reply_verdict(a.hook, v, 0, hook_message()) ;
  if (r != REPLY_CONTINUE) return reply_outcome(r) ;
  /* RFC 5321 4.1.4: a second HELO or EHLO is taken, and resets the state
     as RSET would (qpsmtpd refused it with 503 and kept the transaction) */
  reset_txn() ;
  if (!stralloc_copys(&sess.helo, arg) || !stralloc_0(&sess.helo)) return oom() ;
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
  else if (!registry_ehlo(&info)) return oom() ;
  if (!stralloc_0(&info)) return oom() ;
  /* RFC 2034: no enhanced status codes in replies to HELO and EHLO */
  reply_send(250, 0, info.s) ;
  return QP_CMD_OK ;
}

static int do_helo (void *s, char *arg) { (void)s ; return helo(arg, 0) ; }
static int do_ehlo (void *s, char *arg) { (void)s ; return helo(arg, 1) ; }

 /* MAIL and RCPT (RFC 5321 4.1.1.2, 4.1.1.3) */

/* Runs a *_pre hook on the raw argument; QP_CMD_OK with *go set and *raw
   updated if the command goes on. */
static int prehook (int hook, char const **raw, int *go)
{
  qp_hookarg a = { .hook = hook, .v = { *raw } } ;
  int v, r ;
  api_addr_reset() ;
  /* the parameters are parsed after this hook: none of the previous command's */
  txn_cur.params.len = 0 ;
  v = hook_run(hook, &a) ;
  r = reply_verdict(hook, v, *raw, hook_message()) ;
  *go = r == REPLY_CONTINUE ;
  if (api_addr_override()) *raw = api_addr_override() ;
  return reply_outcome(r) ;
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
  /* qmail-smtpd: a literal naming this host is this host's name */
  if (!stralloc_0(into) || (into->len--, !localip_rewrite(into)))
  {
    reply_send(451, "4.3.0", "Out of memory; try again later") ;
    return 0 ;
  }
  return 1 ;
}

/* Every parameter has an owner that accepts its value (RFC 5321 4.1.1.11:
   555 for one nobody implements). 1 ok; 0 after replying. */
static int params (unsigned int where)
{
  size_t i = 0 ;
  while (i < txn_cur.params.len)
  {
    char const *k = txn_cur.params.s + i ;
    char const *val = k + strlen(k) + 1 ;
    instance const *owner ;
    qp_paramdef const *p = registry_param(k, where, &owner) ;
    i = (size_t)(val - txn_cur.params.s) + strlen(val) + 1 ;
    if (!p)
    {
      reply_send(555, "5.5.4", where == QP_PARAM_MAIL ? "Unsupported MAIL parameter" : "Unsupported RCPT parameter") ;
      return 0 ;
    }
    if (p->check && !hook_call_param(owner, p->check, val)) return 0 ;
  }
  return 1 ;
}

/* SIZE (RFC 1870 6) */
static int param_size (void *state, char const *size)
{
  uint64_t n ;
  size_t k = uint64_scan(size, &n) ;
  (void)state ;
  if (!k || size[k]) { reply_send(501, "5.5.4", "Syntax error in parameters") ; return 0 ; }
  if (sess.databytes && n > sess.databytes)
  {
    reply_send(552, "5.3.4", "Message size exceeds fixed maximum message size") ;
    return 0 ;
  }
  return 1 ;
}

/* BODY (RFC 6152 2): 7BIT and 8BITMIME; another value (BINARYMIME, RFC
   3030, needs CHUNKING, which we do not offer) is a parameter value we do
   not implement: 555 (RFC 5321 4.1.1.11) */
static int param_body (void *state, char const *body)
{
  (void)state ;
  if (!strcasecmp(body, "8BITMIME")) txn_cur.body8 = 1 ;
  else if (strcasecmp(body, "7BIT")) { reply_send(555, "5.5.4", "Unsupported BODY value") ; return 0 ; }
  return 1 ;
}

static int do_mail (void *s, char *arg)
{
  static stralloc subject = STRALLOC_ZERO ;
  size_t k = cmd_keyword(arg, "from:") ;
  char const *raw ;
  qp_hookarg a = { .hook = HOOK_MAIL } ;
  int v, r, go ;
  (void)s ;
  if (!k) { reply_send(501, "5.5.2", "Syntax error in command") ; return QP_CMD_OK ; }
  if (sess.tls_required && !sess.tls) { reply_send(530, "5.7.0", "Must issue a STARTTLS command first") ; return QP_CMD_OK ; }
  /* RFC 5321 3.3: MAIL clears the buffers; an open transaction is dropped */
  reset_txn() ;
  raw = arg + k ;
  r = prehook(HOOK_MAIL_PRE, &raw, &go) ;
  if (!go) return r ;
  if (!*raw) raw = "<>" ;
  if (!path(raw, &txn_cur.sender, ADDR_NULL_OK, "5.1.7", "could not parse your mail from command")) return QP_CMD_OK ;
  if (!params(QP_PARAM_MAIL)) { txn_reset(&txn_cur) ; return QP_CMD_OK ; }
  api_addr_reset() ;
  a.v[0] = txn_cur.sender.s ;
  txn_cur.active = 1 ;   /* the hook sees the sender; undone below if refused */
  v = hook_run(HOOK_MAIL, &a) ;
  if (api_addr_override() && !txn_sender_set(&txn_cur, api_addr_override())) return oom() ;
  subject.len = 0 ;
  if (!addr_format(txn_cur.sender.s, &subject) || !stralloc_0(&subject)) return oom() ;
  if (v != OK && v != DECLINED) txn_reset(&txn_cur) ;
  return reply_outcome(reply_verdict(HOOK_MAIL, v, subject.s, hook_message())) ;
}

static int do_rcpt (void *s, char *arg)
{
  static stralloc rcpt = STRALLOC_ZERO ;
  static stralloc subject = STRALLOC_ZERO ;
  size_t k = cmd_keyword(arg, "to:") ;
  char const *raw ;
  char const *final ;
  qp_hookarg a = { .hook = HOOK_RCPT } ;
  int v, r, go ;
  (void)s ;
  if (!k) { reply_send(501, "5.5.2", "Syntax error in command") ; return QP_CMD_OK ; }
  raw = arg + k ;
  r = prehook(HOOK_RCPT_PRE, &raw, &go) ;
  if (!go) return r ;
  if (!path(raw, &rcpt, ADDR_POSTMASTER_OK, "5.1.3", "could not parse recipient")) return QP_CMD_OK ;
  if (!params(QP_PARAM_RCPT)) return QP_CMD_OK ;
  if (txn_rcpt_count(&txn_cur) >= sess.maxrcpt)
  {
    /* RFC 5321 4.5.3.1.10: 452 and the client sends the rest later */
    reply_send(452, "4.5.3", "Too many recipients") ;
    return QP_CMD_OK ;
  }
  api_addr_reset() ;
  a.v[0] = rcpt.s ;
  v = hook_run(HOOK_RCPT, &a) ;
  final = api_addr_override() ? api_addr_override() : rcpt.s ;
  subject.len = 0 ;
  if (!addr_format(rcpt.s, &subject) || !stralloc_0(&subject)) return oom() ;
  if (v == OK && !txn_rcpt_add(&txn_cur, final)) return oom() ;
  return reply_outcome(reply_verdict(HOOK_RCPT, v, subject.s, hook_message())) ;
}

static int do_rset (void *s, char *arg)
{
  (void)s ; (void)arg ;
  reset_txn() ;
  reply_send(250, "2.0.0", "OK") ;
  return QP_CMD_OK ;
}

static int simple (int hook, char *arg, char const *subject)
{
  qp_hookarg a = { .hook = hook, .v = { arg } } ;
  int v = hook_run(hook, &a) ;
  int r = reply_verdict(hook, v, subject, hook_message()) ;
  if (hook == HOOK_QUIT) return r == REPLY_IOERROR ? QP_CMD_FAIL : QP_CMD_CLOSE ;
  return reply_outcome(r) ;
}

static int do_noop (void *s, char *arg) { (void)s ; return simple(HOOK_NOOP, arg, 0) ; }
static int do_vrfy (void *s, char *arg) { (void)s ; return simple(HOOK_VRFY, arg, 0) ; }
static int do_help (void *s, char *arg) { (void)s ; return simple(HOOK_HELP, arg, 0) ; }
static int do_quit (void *s, char *arg) { (void)s ; return simple(HOOK_QUIT, arg, sess.me.s) ; }

 /* The core's rows (plugins add theirs through their descriptors) */

static qp_command const commands[] =
{
  { "helo", &do_helo, 0 },
  { "ehlo", &do_ehlo, 0 },
  { "mail", &do_mail, QP_CMD_NEEDS_HELO },
  { "rcpt", &do_rcpt, QP_CMD_NEEDS_MAIL },
  { "data", &smtp_data, QP_CMD_NO_ARGS | QP_CMD_NEEDS_MAIL | QP_CMD_NEEDS_RCPT | QP_CMD_LAST },
  { "rset", &do_rset, 0 },
  { "noop", &do_noop, 0 },
  { "vrfy", &do_vrfy, 0 },
  { "help", &do_help, 0 },
  { "quit", &do_quit, QP_CMD_LAST },
  { 0, 0, 0 }
} ;

/* AUTH is a command only when a plugin can check credentials */
static qp_command const command_auth[] =
{
  { "auth", &auth_command, 0 },
  { 0, 0, 0 }
} ;

static qp_keyword const keywords_first[] =
{
  { "PIPELINING", 0 },
  { "8BITMIME", 0 },
  { "SIZE", &keyword_size },
  { 0, 0 }
} ;

static qp_keyword const keywords_last[] =
{
  { "AUTH", &auth_keyword },
  { "ENHANCEDSTATUSCODES", 0 },
  { 0, 0 }
} ;

static qp_paramdef const mailparams[] =
{
  { "size", QP_PARAM_MAIL, &param_size },
  { "body", QP_PARAM_MAIL, &param_body },
  { "auth", QP_PARAM_MAIL, &auth_param },
  { 0, 0, 0 }
} ;

int smtp_config (void)
{
  /* kept by the registry for the life of the process */
  static registry_core core =
  {
    .commands = commands,
    .keywords_first = keywords_first,
    .keywords_last = keywords_last,
    .params = mailparams,
  } ;
  core.commands_more = auth_available() ? command_auth : 0 ;
  return auth_config() && registry_build(&core) ;
}

 /* Dispatch */

static int unrecognized (char const *verb, char const *rest)
{
  qp_hookarg a = { .hook = HOOK_UNRECOGNIZED_COMMAND, .v = { verb, rest } } ;
  int v = hook_run(HOOK_UNRECOGNIZED_COMMAND, &a) ;
  return reply_outcome(reply_verdict(HOOK_UNRECOGNIZED_COMMAND, v, 0, hook_message())) ;
}

/* The table's preconditions, in this order; 1 after refusing. */
static int refused (unsigned int flags, char const *arg)
{
  if ((flags & QP_CMD_NO_ARGS) && *arg) reply_send(501, "5.5.4", "Syntax error (no parameters allowed)") ;
  else if ((flags & (QP_CMD_NEEDS_HELO | QP_CMD_NEEDS_EHLO)) && !sess.helo_seen) reply_send(503, "5.5.1", "please say hello first ...") ;
  else if ((flags & QP_CMD_NEEDS_EHLO) && !sess.ehlo) reply_send(503, "5.5.1", "EHLO first") ;
  else if ((flags & QP_CMD_NOT_IN_TLS) && sess.tls) reply_send(503, "5.5.1", "Already in TLS") ;
  else if ((flags & QP_CMD_NEEDS_MAIL) && !txn_cur.active) reply_send(503, "5.5.1", "MAIL first") ;
  else if ((flags & QP_CMD_NOT_IN_TXN) && txn_cur.active) reply_send(503, "5.5.1", "Not allowed during a mail transaction") ;
  else if ((flags & QP_CMD_NEEDS_RCPT) && !txn_rcpt_count(&txn_cur)) reply_send(503, "5.5.1", "RCPT first") ;
  else return 0 ;
  return 1 ;
}

static int dispatch (char *line)
{
  char verb[CMD_VERB_MAX + 1] ;
  char *arg ;
  char masked[48] ;
  instance const *owner ;
  qp_command const *c ;
  int r ;
  /* never an AUTH initial response in the log */
  if (log_wants(LOGINFO)) log_core(LOGINFO, "dispatching ", auth_log_line(line, masked, sizeof(masked)), (char *)0) ;
  if (!cmd_split(line, verb, &arg)) return unrecognized("", line) ;
  c = registry_command(verb, &owner) ;
  if (!c) return unrecognized(verb, arg) ;
  if (refused(c->flags, arg)) return QP_CMD_OK ;
  r = owner ? hook_call_command(owner, c->run, arg) : (*c->run)(0, arg) ;
  /* RFC 2920 3.1: the client waits for this reply before it sends more.
     Replies go out before any read that would block, so nothing is flushed
     here (a flush per command costs pipelined clients a delayed ACK each);
     a client that did not wait is only noted. */
  if (r == QP_CMD_OK && (c->flags & QP_CMD_LAST) && io_pending() && log_wants(LOGDEBUG))
    log_core(LOGDEBUG, "client pipelined past ", verb, (char *)0) ;
  return r ;
}

static void greet (void)
{
  static stralloc g = STRALLOC_ZERO ;
  int v, r ;
  /* implicit TLS (RFC 8314 3.3): the handshake comes before anything else,
     so connect plugins see the session as the client will */
  if (tls_implicit_start && !sess.tls)
  {
    int t = (*tls_implicit_start)() ;
    if (t != QP_CMD_OK) smtp_end(t == QP_CMD_CLOSE ? 0 : 111) ;
  }
  v = hook_run0(HOOK_CONNECT) ;
  r = reply_verdict(HOOK_CONNECT, v, 0, hook_message()) ;
  if (r == REPLY_CLOSE) smtp_end(0) ;
  if (r == REPLY_IOERROR) ioerror() ;
  if (r != REPLY_CONTINUE) return ;
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
  if (!stralloc_0(&g)) { oom() ; smtp_end(111) ; }
  reply_send(220, 0, g.s) ;
}

void smtp_run (int configured)
{
  char line[SMTP_LINE_MAX] ;
  if (!configured)
  {
    /* DESIGN 1: never half a configuration; the reason is in the log */
    reply_closing("4.3.0", "Service temporarily unavailable (configuration error)") ;
    io_flush() ;
    (*smtp_exit)(100) ;
  }
  greet() ;
  for (;;)
  {
    size_t len ;
    int r = io_getline(line, sizeof(line), &len) ;
    if (r < 0) ioerror() ;
    if (!r) smtp_end(0) ;
    sess.commands++ ;
    if (r == 2) reply_send(500, "5.5.2", "Line too long") ;
    else if (strlen(line) != len) reply_send(500, "5.5.2", "NUL characters are not allowed") ;
    else
    {
      r = dispatch(line) ;
      if (r == QP_CMD_CLOSE) smtp_end(0) ;
      if (r == QP_CMD_FAIL) { if (errno == ETIMEDOUT) ioerror() ; smtp_end(111) ; }
    }
    if (reply_errors() >= SMTP_ERRORS_MAX)
    {
      reply_closing("4.7.0", "Too many errors, closing connection") ;
      smtp_end(0) ;
    }
  }
}
