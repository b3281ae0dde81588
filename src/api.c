/* ISC license. */
/* api.c: implements plugin.h on top of the session, the transaction and the
   message; plugins see nothing else of the core. */

#include "api.h"

#include <string.h>
#include <stdarg.h>
#include <errno.h>

#include <skalibs/stralloc.h>

#include "plugin.h"
#include "cmd.h"
#include "control.h"
#include "hook.h"
#include "io.h"
#include "log.h"
#include "msg.h"
#include "notes.h"
#include "reply.h"
#include "session.h"
#include "txn.h"

static stralloc override = STRALLOC_ZERO ;
static int overridden = 0 ;

void api_addr_reset (void) { overridden = 0 ; }
char const *api_addr_override (void) { return overridden ? override.s : 0 ; }

int qp_addr_set (char const *s)
{
  if (!stralloc_copys(&override, s) || !stralloc_0(&override)) return 0 ;
  overridden = 1 ;
  return 1 ;
}

void qp_msg (char const *s) { hook_msg_append(s, strlen(s)) ; }
void qp_msgn (char const *s, size_t len) { hook_msg_append(s, len) ; }

int qp_reply (unsigned int code, char const *text)
{
  char esc[8] ;
  char const *e = 0 ;
  if (code < 200 || code > 599) return 0 ;
  if (!text) text = "" ;
  /* RFC 2034: no enhanced code on the greeting and the HELO/EHLO replies */
  if (code / 100 != 3 && code != 220 && hook_cur != HOOK_CONNECT && hook_cur != HOOK_HELO && hook_cur != HOOK_EHLO
   && !(text[0] >= '2' && text[0] <= '5' && text[1] == '.'))
  {
    esc[0] = '0' + code / 100 ;
    memcpy(esc + 1, ".0.0", 5) ;
    e = esc ;
  }
  return reply_send(code, e, text) ;
}

char const *qp_remote_ip (void) { return sess.remoteip ; }
char const *qp_remote_host (void) { return sess.remotehost ; }
char const *qp_remote_info (void) { return sess.remoteinfo ; }
char const *qp_remote_port (void) { return sess.remoteport ; }
char const *qp_local_ip (void) { return sess.localip ; }
char const *qp_local_host (void) { return sess.localhost ; }
char const *qp_local_port (void) { return sess.localport ; }
char const *qp_me (void) { return sess.me.s ; }
char const *qp_helo_host (void) { return sess.helo_seen ? sess.helo.s : 0 ; }
int qp_is_ehlo (void) { return sess.ehlo ; }
int qp_is_tls (void) { return sess.tls ; }
char const *qp_auth_user (void) { return sess.authuser.len ? sess.authuser.s : 0 ; }
int qp_relay_client (void) { return sess.relay ; }
void qp_set_relay_client (int r) { sess.relay = !!r ; }
unsigned int qp_timeout (void) { return sess.timeout ; }
char const *qp_spool_dir (void) { return session_spooldir() ; }
uint64_t qp_databytes (void) { return sess.databytes ; }

int qp_capability_add (char const *s)
{
  return stralloc_cats(&sess.caps, s) && stralloc_0(&sess.caps) ;
}

char const *qp_note_get (int scope, char const *key)
{
  return notes_get(scope == QP_TXN ? &txn_cur.notes : &sess.notes, key) ;
}

int qp_note_set (int scope, char const *key, char const *value)
{
  return notes_set(scope == QP_TXN ? &txn_cur.notes : &sess.notes, key, value) ;
}

char const *qp_sender (void) { return txn_cur.active ? txn_cur.sender.s : 0 ; }
unsigned int qp_rcpt_count (void) { return txn_rcpt_count(&txn_cur) ; }
char const *qp_rcpt (unsigned int i) { return txn_rcpt(&txn_cur, i) ; }
int qp_rcpt_add (char const *s) { return txn_rcpt_add(&txn_cur, s) ; }
int qp_rcpt_remove (unsigned int i) { return txn_rcpt_remove(&txn_cur, i) ; }
uint64_t qp_data_size (void) { return msg_stored() ; }

char const *qp_param (char const *keyword)
{
  char key[64] ;
  size_t i = 0 ;
  for (; keyword[i] && i < sizeof(key) - 1 ; i++)
    key[i] = (keyword[i] >= 'A' && keyword[i] <= 'Z') ? keyword[i] + 32 : keyword[i] ;
  key[i] = 0 ;
  return cmd_param_get(&txn_cur.params, key) ;
}

unsigned int qp_header_count (char const *name) { return msg_header_count(name) ; }
char const *qp_header_get (char const *name, unsigned int n) { return msg_header_get(name, n) ; }
int qp_header_add (char const *name, char const *v, int prepend) { return msg_header_add(name, v, prepend) ; }
int qp_header_replace (char const *name, unsigned int n, char const *v) { return msg_header_replace(name, n, v) ; }
int qp_header_delete (char const *name, unsigned int n) { return msg_header_delete(name, n) ; }

ssize_t qp_message_read (uint64_t off, char *buf, size_t len) { return msg_read(off, buf, len) ; }
uint64_t qp_message_size (void) { return msg_total() ; }
ssize_t qp_body_read (uint64_t off, char *buf, size_t len) { return msg_body_read(off, buf, len) ; }

int qp_control_line (char const *name, stralloc *sa) { return control_readline(name, sa) ; }
int qp_control_list (char const *name, stralloc *sa) { return control_readlist(name, sa) ; }
int qp_control_cdb (char const *name, char const *key, size_t keylen) { return control_cdb(name, key, keylen) ; }

int qp_control_uint (char const *name, uint64_t *n)
{
  return control_readuint(name, n) ;
}

void qp_log (int level, char const *s, ...)
{
  va_list ap ;
  if (level > log_level && !log_hooked) return ;
  va_start(ap, s) ;
  log_v(level, log_plugin ? log_plugin : "?", s, ap) ;
  va_end(ap) ;
}
