/* ISC license. */
/* smtpdata.c: the DATA command: receives the message into the spool, runs the
   data hooks and the queue hooks. A 250 goes out only when a queue plugin said
   OK; a bare LF or CR ends the session without queueing anything. */

#include "smtpdata.h"

#include <string.h>
#include <strings.h>
#include <errno.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "limits.h"
#include "auth.h"
#include "qcsmtpd/plugin.h"
#include "data.h"
#include "hook.h"
#include "io.h"
#include "log.h"
#include "msg.h"
#include "received.h"
#include "reset.h"
#include "reply.h"
#include "session.h"
#include "txn.h"

typedef struct rx_s rx ;
struct rx_s
{
  int over ;          /* databytes exceeded: the rest is read and dropped */
  int spoolerr ;      /* errno of a failed spool write, 0 if none */
  int hdrfired ;      /* data_headers_end has run */
  int deferred ;      /* DENY or DENYSOFT from data_headers_end, else DECLINED */
  stralloc dmsg ;     /* and its message */
  int ending ;        /* QP_CMD_* once the session cannot go on */
} ;

static rx st = { .dmsg = STRALLOC_ZERO } ;

/* data_headers_end: a *_DISCONNECT answers now; DENY/DENYSOFT answer after
   the end of data (the client is still sending); the rest goes on. */
static int headers_end (void)
{
  int v ;
  st.hdrfired = 1 ;
  v = hook_run0(HOOK_DATA_HEADERS_END) ;
  if (v == DENY_DISCONNECT || v == DENYSOFT_DISCONNECT)
  {
    reply_verdict(HOOK_DATA_HEADERS_END, v, 0, hook_message()) ;
    st.ending = QP_CMD_CLOSE ;
    return 0 ;
  }
  if (v == DENY || v == DENYSOFT)
  {
    st.deferred = v ;
    st.dmsg.len = 0 ;
    if (!stralloc_cats(&st.dmsg, hook_message()) || !stralloc_0(&st.dmsg)) st.dmsg.len = 0 ;
    st.over = 1 ;
  }
  return 1 ;
}

static void store (char const *s, size_t len)
{
  if (st.over || st.spoolerr) return ;
  if (sess.databytes && msg_stored() + len > sess.databytes) { st.over = 1 ; return ; }
  if (!msg_write(s, len)) st.spoolerr = errno ? errno : EIO ;
}

/* Reads the client's data up to CRLF.CRLF; 1 when it was read whole, 0
   when the session must end (st.ending). */
static int receive (void)
{
  static char out[IO_INSIZE] ;
  datafsm f = DATAFSM_ZERO ;
  uint64_t got = 0 ;
  io_rate_begin() ;
  for (;;)
  {
    char const *p ;
    size_t olen, used ;
    int r ;
    ssize_t n = io_peek(&p) ;
    if (n < 0) { st.ending = QP_CMD_FAIL ; return 0 ; }
    if (!n)
    {
      log_core(LOGNOTICE, "client closed the connection in the middle of DATA; nothing queued", (char *)0) ;
      st.ending = QP_CMD_FAIL ;
      return 0 ;
    }
    r = data_feed(&f, p, (size_t)n, out, &olen, &used) ;
    io_consume(used) ;
    got += used ;
    /* control/mindatarate: a client that trickles is not let hold a slot
       for ever; the grace is timeoutsmtpd, as for a silent one */
    if (r != DATA_END && io_rate_low(got, sess.mindatarate, sess.timeout))
    {
      log_core(LOGWARN, "data from ", sess.remoteip, " below mindatarate; nothing queued", (char *)0) ;
      reply_closing("4.4.2", "Data rate too low, closing connection") ;
      st.ending = QP_CMD_FAIL ;
      errno = 0 ;   /* answered: not a timeout for the command loop to report */
      return 0 ;
    }
    store(out, olen) ;
    if (!st.hdrfired && msg_header_done() && !headers_end()) return 0 ;
    if (r == DATA_BARE)
    {
      /* RFC 5321 2.3.8: CR and LF only as CRLF; a lenient reading of a bare
         one would let a client smuggle a second message past us */
      log_core(LOGWARN, "bare LF or CR in DATA from ", sess.remoteip, "; nothing queued", (char *)0) ;
      reply_closing("4.5.2", "Bare LF or CR in message text (RFC 5321 2.3.8), closing connection") ;
      st.ending = QP_CMD_FAIL ;
      return 0 ;
    }
    if (r == DATA_END) return 1 ;
  }
}

/* Checks made once the whole message is in; 1 if it may go on. */
static int verdict_of_reception (void)
{
  if (!st.spoolerr && !msg_end()) st.spoolerr = errno ? errno : EIO ;
  if (!st.hdrfired && !headers_end()) return 0 ;
  if (st.deferred != DECLINED)
  {
    st.ending = reply_outcome(reply_verdict(HOOK_DATA_HEADERS_END, st.deferred, 0, st.dmsg.len ? st.dmsg.s : 0)) ;
    return 0 ;
  }
  if (st.spoolerr)
  {
    log_core(LOGERROR, "spool write failed: ", strerror(st.spoolerr), (char *)0) ;
    reply_send(451, "4.3.0", "Error writing the message to disk; try again later") ;
    return 0 ;
  }
  if (msg_header_toolarge()) { reply_send(552, "5.3.4", "Header block too large") ; return 0 ; }
  if (msg_hops() >= SMTP_HOPS_MAX) { reply_send(554, "5.4.6", "Too many hops, this message is looping") ; return 0 ; }
  if (st.over) { reply_send(552, "5.3.4", "Message size exceeds fixed maximum message size") ; return 0 ; }
  return 1 ;
}

/* 1 if an Authentication-Results value names us as its authserv-id
   (RFC 8601 2.2: the first token, after any comments and white space). */
static int ar_ours (char const *s)
{
  size_t n, ml = strlen(sess.me.s) ;
  for (;;)
  {
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++ ;
    if (*s != '(') break ;
    for (int depth = 0 ; *s ; s++)
    {
      if (*s == '\\' && s[1]) { s++ ; continue ; }
      if (*s == '(') depth++ ;
      else if (*s == ')' && !--depth) { s++ ; break ; }
    }
  }
  if (*s == '"') s++ ;
  n = strcspn(s, " \t\r\n;(\"") ;
  return n == ml && !strncasecmp(s, sess.me.s, n) ;
}

/* RFC 8601 5: a field that claims our authserv-id came from outside; it is
   kept, renamed Original-Authentication-Results (at the end of the header). */
static int ar_rename (void)
{
  static stralloc v = STRALLOC_ZERO ;
  unsigned int i = 0 ;
  while (i < msg_header_count("Authentication-Results"))
  {
    char const *s = msg_header_get("Authentication-Results", i) ;
    if (!s || !ar_ours(s)) { i++ ; continue ; }
    if (!stralloc_copys(&v, s) || !stralloc_0(&v)) return 0 ;
    if (!msg_header_delete("Authentication-Results", i)) return 0 ;
    if (!msg_header_add("Original-Authentication-Results", v.s, 0)) return 0 ;
    log_core(LOGINFO, "renamed an Authentication-Results field claiming to be ours", (char *)0) ;
  }
  return 1 ;
}

/* RFC 8601 2.7.4: "<me>; auth=pass (<mech>) smtp.auth=<user>" for an
   authenticated client, then the results plugins gave (qp_auth_result:
   iprev and the like); without either the message is left as qmail leaves
   it. The user is written as is when it is a dot-atom with '@', else as a
   quoted string; nothing the client sent can end the field. */
static int ar_add (void)
{
  static stralloc v = STRALLOC_ZERO ;
  char const *u = sess.authuser.s ;
  size_t i = 0 ;
  int plain = sess.authuser.len > 0 ;
  for (; i < sess.authuser.len ; i++)
  {
    unsigned char c = u[i] ;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c && strchr("!#$%&'*+-/=?^_`{|}~.@", c))))
      plain = 0 ;
  }
  v.len = 0 ;
  if (!stralloc_cats(&v, sess.me.s)) return 0 ;
  if (sess.authuser.len)
  {
    if (!stralloc_cats(&v, "; auth=pass (") || !stralloc_cats(&v, qp_auth_mech()) || !stralloc_cats(&v, ") smtp.auth=")) return 0 ;
    if (!plain && !stralloc_catb(&v, "\"", 1)) return 0 ;
    for (i = 0 ; i < sess.authuser.len ; i++)
    {
      unsigned char c = u[i] ;
      char o = c < 32 || c > 126 ? '?' : (char)c ;
      if (!plain && (o == '"' || o == '\\') && !stralloc_catb(&v, "\\", 1)) return 0 ;
      if (!stralloc_catb(&v, &o, 1)) return 0 ;
    }
    if (!plain && !stralloc_catb(&v, "\"", 1)) return 0 ;
  }
  if (!stralloc_catb(&v, sess.arresults.s, sess.arresults.len)) return 0 ;
  if (!stralloc_0(&v)) return 0 ;
  return msg_header_add("Authentication-Results", v.s, 1) ;
}

static int trace (void)
{
  static stralloc value = STRALLOC_ZERO ;
  char const *proto = received_proto() ;
  qp_hookarg a = { .hook = HOOK_RECEIVED_LINE, .v = { proto } } ;
  int v = hook_run(HOOK_RECEIVED_LINE, &a) ;
  value.len = 0 ;
  if (v == OK && *hook_message()) { if (!stralloc_copys(&value, hook_message())) return 0 ; }
  else if (!received_build(&value, proto)) return 0 ;
  if (!stralloc_0(&value)) return 0 ;
  if (!ar_rename()) return 0 ;
  if (!msg_header_add("Received", value.s, 1)) return 0 ;
  return (!sess.authuser.len && !sess.arresults.len) || ar_add() ;
}

/* Runs a filtering hook; 1 if the message goes on. */
/* Runs a filtering hook; 1 if the message goes on. */
static int filter (int hook)
{
  int v = hook_run0(hook) ;
  int r = reply_verdict(hook, v, 0, hook_message()) ;
  st.ending = reply_outcome(r) ;
  return r == REPLY_CONTINUE ;
}

static void deliver (void)
{
  int v, r ;
  if (!trace()) { reply_send(451, "4.3.0", "Out of memory; try again later") ; return ; }
  if (!filter(HOOK_DATA_POST_HEADERS) || !filter(HOOK_DATA_POST) || !filter(HOOK_QUEUE_PRE)) return ;
  v = hook_run0(HOOK_QUEUE) ;
  r = reply_verdict(HOOK_QUEUE, v, 0, hook_message()) ;
  if (v == OK) log_core(LOGNOTICE, "queued from ", sess.remoteip, " by ", hook_who(), (char *)0) ;
  hook_run0(HOOK_QUEUE_POST) ;
  st.ending = reply_outcome(r) ;
}

int smtp_data (void *state, char *arg)
{
  int v, r ;
  (void)state ; (void)arg ;
  st.ending = QP_CMD_OK ;
  v = hook_run0(HOOK_DATA) ;
  r = reply_verdict(HOOK_DATA, v, 0, hook_message()) ;
  if (r != REPLY_CONTINUE) { reset_txn() ; return reply_outcome(r) ; }
  if (!msg_begin(session_spooldir()))
  {
    log_core(LOGERROR, "cannot open a spool file in ", session_spooldir(), ": ", strerror(errno), (char *)0) ;
    reply_send(451, "4.3.0", "Unable to spool message; try again later") ;
    reset_txn() ;
    return QP_CMD_OK ;
  }
  st.over = st.spoolerr = st.hdrfired = 0 ;
  st.deferred = DECLINED ;
  reply_send(354, 0, "go ahead, end data with <CR><LF>.<CR><LF>") ;
  if (receive() && verdict_of_reception()) deliver() ;
  /* RFC 5321 4.1.1.4: whatever the outcome, the transaction is over */
  reset_txn() ;
  return st.ending ;
}
