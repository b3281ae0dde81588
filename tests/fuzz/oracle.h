/* ISC license. */
/* oracle.h: the plugin fuzz/oracle, for the session_hooks harness only
   (included by session.c under FUZZ_HOOKS). It sits first in the chain, on
   every hook but logging, auth* and the deny/ok reports, and answers from a
   tape of octets taken from the input: one octet per hook call (DECLINED once
   the tape is used up).
     bits 0-2  verdict: DECLINED OK DENY DENYSOFT DENY_DISCONNECT
               DENYSOFT_DISCONNECT DONE, 7 an invalid value
     bits 3-4  message: none, plain text, "NNN X.Y.Z text" of the verdict's
               class (421 for some DENYSOFT),
               several lines with CR, control and 8-bit octets, one too long
     bits 5-7  something done through the plugin API first: replace the
               address, edit the header, add or remove a recipient, change the
               sender or read a raw field, reply now (only with DONE, as plugin.h says; 421
               and 221 too), set notes, read everything
   Every call goes through plugin.h only, as a real plugin's would. */

#ifndef QCSMTPD_FUZZ_ORACLE_H
#define QCSMTPD_FUZZ_ORACLE_H

#include "qcsmtpd/plugin.h"

static uint8_t const *tape = 0 ;
static size_t tapelen = 0 ;

static char const *const addrs[] =
{
  "", "<>", "a@example.com", "<x@elsewhere.example> SIZE=1", "bad address", "\xff@x.example", "postmaster", "<a@b.example"
} ;

static char const *const values[] =
{
  "oracle", "", "two\nlines", "a\n\nInjected: 1", "cr\r\nlf", "\n", "x\n \ny", "\xff\x01"
} ;

static char const *pick (char const *const *t, unsigned int n, unsigned int k) { return t[k % n] ; }

static void oracle_message (unsigned int kind, int v)
{
  char const *cls = v == OK ? "250 2.0.0" : (v == DENY || v == DENY_DISCONNECT) ? "550 5.7.1" : "451 4.7.1" ;
  /* a 421 chosen by a plugin's message closes the session too (RFC 5321 3.8) */
  if (kind == 2 && v == DENYSOFT && (tapelen & 1)) cls = "421 4.3.0" ;
  char buf[700] ;
  switch (kind)
  {
    case 1 : qp_msg("oracle text") ; break ;
    case 2 : qp_msg(cls) ; qp_msg(" oracle with codes") ; break ;
    case 3 :
      memset(buf, 'x', sizeof buf - 1) ;
      buf[sizeof buf - 1] = 0 ;
      qp_msg("first\nsecond\r\n\x01\xff third\n\nlast line\n") ;
      qp_msg(buf) ;
      for (int i = 0 ; i < 25 ; i++) qp_msg("\nmore") ;
      break ;
  }
}

/* Reads everything a plugin may read; the values are only touched. */
static void oracle_read (void)
{
  char buf[512] ;
  uint64_t off = 0 ;
  ssize_t r ;
  unsigned int i ;
  size_t sum = 0 ;
  char const *s ;
  while ((r = qp_message_read(off, buf, sizeof buf)) > 0) { off += (uint64_t)r ; sum += buf[0] ; }
  FUZZ_CHECK(r == 0, "qp_message_read returned %zd", r) ;
  FUZZ_CHECK(off == qp_message_size(), "qp_message_read gave %llu octets, qp_message_size says %llu",
    (unsigned long long)off, (unsigned long long)qp_message_size()) ;
  off = 0 ;
  while ((r = qp_body_read(off, buf, sizeof buf)) > 0) off += (uint64_t)r ;
  for (i = 0 ; (s = qp_rcpt(i)) ; i++) sum += strlen(s) ;
  FUZZ_CHECK(i == qp_rcpt_count(), "qp_rcpt gave %u recipients, qp_rcpt_count says %u", i, qp_rcpt_count()) ;
  s = qp_sender() ; if (s) sum += strlen(s) ;
  s = qp_header_get("subject", 0) ; if (s) sum += strlen(s) ;
  s = qp_param("SIZE") ; if (s) sum += strlen(s) ;
  s = qp_helo_host() ; if (s) sum += strlen(s) ;
  s = qp_note_get(QP_CONN, "k") ; if (s) sum += strlen(s) ;
  s = qp_note_get(QP_TXN, "k") ; if (s) sum += strlen(s) ;
  sum += qp_header_count("received") + qp_data_size() + qp_is_ehlo() + qp_relay_client() ;
  (void)sum ;
}

static void oracle_act (unsigned int act, unsigned int k, int hook)
{
  switch (act)
  {
    case 1 : qp_addr_set(pick(addrs, sizeof addrs / sizeof *addrs, k)) ; break ;
    case 2 :
      if (k & 1) qp_header_add(k & 2 ? "X-Oracle" : "Received", pick(values, sizeof values / sizeof *values, k >> 2), k & 4) ;
      else if (k & 2) qp_header_replace("Subject", 0, pick(values, sizeof values / sizeof *values, k >> 2)) ;
      else qp_header_delete("Received", 0) ;
      break ;
    case 3 : if (k & 1) qp_rcpt_add("added@example.com") ; else qp_rcpt_remove(k >> 1 & 3) ; break ;
    case 4 :
      /* the sender changed (up to the queue), or a raw header field read */
      if (k & 1) qp_sender_set(pick(addrs, sizeof addrs / sizeof *addrs, k >> 1)) ;
      else { char const *r = qp_header_raw("Subject", 0) ; if (r) FUZZ_CHECK(*r, "an empty raw field") ; }
      break ;
    case 5 :
    {
      /* a plugin answering itself before DONE */
      static unsigned int const codes[] = { 250, 252, 214, 451, 450, 550, 554, 421, 221 } ;
      unsigned int c = hook == HOOK_CONNECT ? 220 : codes[k % 9] ;
      qp_reply(c, k & 8 ? "oracle\nreplies" : "oracle replies") ;
      break ;
    }
    case 6 : qp_note_set(k & 1 ? QP_TXN : QP_CONN, "k", k & 2 ? 0 : pick(values, sizeof values / sizeof *values, k)) ; break ;
    case 7 : oracle_read() ; qp_set_relay_client(k & 1) ; break ;
  }
}

static int oracle (void *state, qp_hookarg const *a, int hook)
{
  unsigned int b ;
  int v ;
  (void)state ; (void)a ;
  if (!tapelen) return DECLINED ;
  b = *tape++ ; tapelen-- ;
  v = b & 7 ;
  if (v == 7) return 42 ;
  /* qp_reply is only for a plugin that then returns DONE (plugin.h) */
  if (b >> 5 != 5 || v == DONE) oracle_act(b >> 5, b ^ (unsigned int)tapelen, hook) ;
  oracle_message(b >> 3 & 3, v) ;
  return v ;
}

/* deny and ok: told about every verdict; their own verdict is ignored */
static int oracle_report (void *state, qp_hookarg const *a)
{
  (void)state ;
  FUZZ_CHECK(qp_arg(a, "plugin") && qp_arg(a, "message"), "deny/ok hook without the plugin name or message") ;
  qp_msg("ignored") ;
  return DENY ;
}

#define ORACLE_HOOK(h, n) static int oracle_##n (void *s, qp_hookarg const *a) { return oracle(s, a, h) ; }
ORACLE_HOOK(HOOK_CONNECT, connect)
ORACLE_HOOK(HOOK_HELO, helo)
ORACLE_HOOK(HOOK_EHLO, ehlo)
ORACLE_HOOK(HOOK_MAIL_PRE, mail_pre)
ORACLE_HOOK(HOOK_MAIL, mail)
ORACLE_HOOK(HOOK_RCPT_PRE, rcpt_pre)
ORACLE_HOOK(HOOK_RCPT, rcpt)
ORACLE_HOOK(HOOK_DATA, data)
ORACLE_HOOK(HOOK_DATA_HEADERS_END, data_headers_end)
ORACLE_HOOK(HOOK_DATA_POST_HEADERS, data_post_headers)
ORACLE_HOOK(HOOK_DATA_POST, data_post)
ORACLE_HOOK(HOOK_QUEUE_PRE, queue_pre)
ORACLE_HOOK(HOOK_QUEUE, queue)
ORACLE_HOOK(HOOK_QUEUE_POST, queue_post)
ORACLE_HOOK(HOOK_RECEIVED_LINE, received_line)
ORACLE_HOOK(HOOK_VRFY, vrfy)
ORACLE_HOOK(HOOK_NOOP, noop)
ORACLE_HOOK(HOOK_HELP, help)
ORACLE_HOOK(HOOK_QUIT, quit)
ORACLE_HOOK(HOOK_UNRECOGNIZED_COMMAND, unrecognized_command)
ORACLE_HOOK(HOOK_RESET_TRANSACTION, reset_transaction)
ORACLE_HOOK(HOOK_DISCONNECT, disconnect)
ORACLE_HOOK(HOOK_POST_CONNECTION, post_connection)

static qp_plugin const plugin_fuzz_oracle =
{
  .name = "fuzz/oracle",
  .aliases = 0,
  .init = 0,
  .hook =
  {
    [HOOK_CONNECT] = &oracle_connect, [HOOK_HELO] = &oracle_helo, [HOOK_EHLO] = &oracle_ehlo,
    [HOOK_MAIL_PRE] = &oracle_mail_pre, [HOOK_MAIL] = &oracle_mail, [HOOK_RCPT_PRE] = &oracle_rcpt_pre,
    [HOOK_RCPT] = &oracle_rcpt, [HOOK_DATA] = &oracle_data, [HOOK_DATA_HEADERS_END] = &oracle_data_headers_end,
    [HOOK_DATA_POST_HEADERS] = &oracle_data_post_headers, [HOOK_DATA_POST] = &oracle_data_post,
    [HOOK_QUEUE_PRE] = &oracle_queue_pre, [HOOK_QUEUE] = &oracle_queue, [HOOK_QUEUE_POST] = &oracle_queue_post,
    [HOOK_RECEIVED_LINE] = &oracle_received_line, [HOOK_VRFY] = &oracle_vrfy, [HOOK_NOOP] = &oracle_noop,
    [HOOK_HELP] = &oracle_help, [HOOK_QUIT] = &oracle_quit, [HOOK_UNRECOGNIZED_COMMAND] = &oracle_unrecognized_command,
    [HOOK_RESET_TRANSACTION] = &oracle_reset_transaction, [HOOK_DISCONNECT] = &oracle_disconnect,
    [HOOK_POST_CONNECTION] = &oracle_post_connection, [HOOK_DENY] = &oracle_report, [HOOK_OK] = &oracle_report,
  },
  .flags = 0,
} ;

extern qp_plugin const plugin_relay, plugin_badmailfrom, plugin_rcpt_ok, plugin_queue_qmail_queue ;

/* This harness's plugin table: the default set and the oracle (it replaces
   the generated tests/plugin_table_check.c, which the linker then leaves out:
   so it defines everything that file defines). */
qp_plugin const *const plugin_table[] =
{
  &plugin_fuzz_oracle, &plugin_relay, &plugin_badmailfrom, &plugin_rcpt_ok, &plugin_queue_qmail_queue, 0
} ;
int const plugins_testing = 1 ;

#endif
