/* ISC license. */
/* api.c: implements plugin.h on top of the session, the transaction and the
   message; plugins see nothing else of the core. */

#include "api.h"

#include <string.h>
#include <stdarg.h>
#include <errno.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <arpa/inet.h>

#include "config.h"
#include "qcsmtpd/plugin.h"
#include "cmd.h"
#include "control.h"
#include "hook.h"
#include "hooktab.h"
#include "io.h"
#include "log.h"
#include "msg.h"
#include "notes.h"
#include "reply.h"
#include "session.h"
#include "spool.h"
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
  char esc[16] ;
  size_t n ;
  if (code < 200 || code > 599) return 0 ;
  if (!text) text = "" ;
  /* RFC 2034: no enhanced code on the greeting and the HELO/EHLO replies */
  if (code / 100 == 3 || code == 220 || log_hookid == HOOK_CONNECT || log_hookid == HOOK_HELO || log_hookid == HOOK_EHLO)
    return reply_send(code, 0, text) ;
  /* an enhanced code of the reply's class at the start of the text is the
     code of every line (RFC 3463); anything else is text ("2.5 inch") */
  n = reply_esc_len(text, strlen(text)) ;
  if (n && text[0] == '0' + (char)(code / 100) && n < sizeof(esc))
  {
    memcpy(esc, text, n) ;
    esc[n] = 0 ;
    text += n ;
    while (*text == ' ') text++ ;
    return reply_send(code, esc, text) ;
  }
  esc[0] = '0' + code / 100 ;
  memcpy(esc + 1, ".0.0", 5) ;
  return reply_send(code, esc, text) ;
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

char const *qp_version (void) { return QCSMTPD_VERSION ; }
unsigned int qp_command_count (void) { return sess.commands ; }

qp_ip const *qp_remote_addr (void)
{
  static qp_ip ip ;
  static char const *parsed = 0 ;
  if (parsed != sess.remoteip)
  {
    /* an IPv6 zone index (fe80::1%eth0) says nothing of the address */
    char buf[64] ;
    size_t n = strcspn(sess.remoteip, "%") ;
    if (n >= sizeof buf) n = 0 ;
    memcpy(buf, sess.remoteip, n) ;
    buf[n] = 0 ;
    if (!qp_ip_parse(buf, &ip)) ip.family = 0 ;
    parsed = sess.remoteip ;
  }
  return &ip ;
}

int qp_client_key (stralloc *sa)
{
  static char const hex[] = "0123456789abcdef" ;
  qp_ip const *ip = qp_remote_addr() ;
  if (ip->family != 6) return stralloc_cats(sa, qp_remote_ip()) ;
  /* the /64 written in full ("2001:0db8:0000:0001::/64"): one text per
     prefix, whatever form the client's address came in */
  for (unsigned int i = 0 ; i < 8 ; i++)
  {
    char c[2] = { hex[ip->a[i] >> 4], hex[ip->a[i] & 15] } ;
    if (!stralloc_catb(sa, c, 2) || ((i & 1) && !stralloc_catb(sa, ":", 1))) return 0 ;
  }
  return stralloc_cats(sa, ":/64") ;
}

int qp_ip_parse (char const *s, qp_ip *ip)
{
  memset(ip, 0, sizeof(*ip)) ;
  if (!s) return 0 ;
  if (inet_pton(AF_INET, s, ip->a) == 1) { ip->family = 4 ; return 1 ; }
  if (inet_pton(AF_INET6, s, ip->a) == 1)
  {
    static unsigned char const mapped[12] = { 0,0,0,0,0,0,0,0,0,0,0xff,0xff } ;
    ip->family = 6 ;
    /* ::ffff:a.b.c.d compares as a.b.c.d (DESIGN 1) */
    if (!memcmp(ip->a, mapped, 12)) { memmove(ip->a, ip->a + 12, 4) ; memset(ip->a + 4, 0, 12) ; ip->family = 4 ; }
    return 1 ;
  }
  return 0 ;
}

int qp_ip_match (qp_ip const *ip, qp_ip const *net, unsigned int bits)
{
  unsigned int whole = bits / 8, rest = bits % 8 ;
  if (!ip->family || ip->family != net->family || bits > (ip->family == 4 ? 32u : 128u)) return 0 ;
  if (memcmp(ip->a, net->a, whole)) return 0 ;
  if (rest)
  {
    unsigned char m = (unsigned char)(0xff << (8 - rest)) ;
    if ((ip->a[whole] & m) != (net->a[whole] & m)) return 0 ;
  }
  return 1 ;
}

/* The _OWN scopes: the key seen through the running instance's name. */
static char const *ownkey (char const *key, stralloc *sa)
{
  instance const *in = hook_running() ;
  sa->len = 0 ;
  if (!stralloc_cats(sa, in ? in->name : "core") || !stralloc_catb(sa, "/", 1) || !stralloc_cats(sa, key) || !stralloc_0(sa)) return 0 ;
  return sa->s ;
}

static stralloc *store (int scope)
{
  return scope == QP_TXN || scope == QP_TXN_OWN ? &txn_cur.notes : &sess.notes ;
}

char const *qp_note_get (int scope, char const *key)
{
  static stralloc k = STRALLOC_ZERO ;
  if (scope == QP_CONN_OWN || scope == QP_TXN_OWN) key = ownkey(key, &k) ;
  return key ? notes_get(store(scope), key) : 0 ;
}

int qp_note_set (int scope, char const *key, char const *value)
{
  static stralloc k = STRALLOC_ZERO ;
  if (scope == QP_CONN_OWN || scope == QP_TXN_OWN) key = ownkey(key, &k) ;
  return key && notes_set(store(scope), key, value) ;
}

 /* karma (qpsmtpd's adjust_karma): the connection note "karma", decimal
    text, so that the note API and test/note see the same value */

int qp_karma (void)
{
  char const *v = notes_get(&sess.notes, "karma") ;
  int k = 0 ;
  if (!v || !int_scan(v, &k)) return 0 ;
  return k ;
}

int qp_karma_adjust (int delta)
{
  char fmt[INT_FMT] ;
  int64_t k = (int64_t)qp_karma() + delta ;
  /* bounded, so that no run of adjustments can overflow an int */
  if (k > QP_KARMA_MAX) k = QP_KARMA_MAX ;
  if (k < -QP_KARMA_MAX) k = -QP_KARMA_MAX ;
  fmt[int_fmt(fmt, (int)k)] = 0 ;
  if (!notes_set(&sess.notes, "karma", fmt)) return 0 ;
  if (log_wants_plugin(LOGDEBUG))
  {
    char d[INT_FMT] ;
    d[int_fmt(d, delta)] = 0 ;
    qp_log(LOGDEBUG, "karma ", delta > 0 ? "+" : "", d, " (now ", fmt, ")", (char *)0) ;
  }
  return 1 ;
}

 /* Hook arguments by name (the hook table names the slots) */

char const *qp_arg (qp_hookarg const *a, char const *name)
{
  int i = a ? hooktab_arg(a->hook, name) : -1 ;
  return i < 0 ? 0 : a->v[i] ;
}

int qp_arg_code (qp_hookarg const *a) { return a ? a->code : 0 ; }
int qp_arg_hook (qp_hookarg const *a) { return a ? a->hook : -1 ; }
int qp_hook_find (char const *name) { return hooktab_find(name) ; }
char const *qp_hook_name (int hook) { return hooktab_name(hook) ; }

char const *qp_hook_argname (int hook, unsigned int i)
{
  if (hook < 0 || hook >= HOOK_MAX || i >= HOOKTAB_ARGS) return 0 ;
  return hooktab_rows[hook].args[i] ;
}
char const *qp_verdict_name (int v) { return verdict_name(v) ; }

 /* reject / reject_type (reference/qpsmtpd.md 1.3) */

int qp_reject_mode (void)
{
  instance const *in = hook_running() ;
  return in ? in->reject : QP_REJECT_YES ;
}

int qp_reject_verdict (void)
{
  instance const *in = hook_running() ;
  return in && in->reject_type ? in->reject_type : DENY ;
}

int qp_reject (char const *msg)
{
  int mode = qp_reject_mode() ;
  int v = qp_reject_verdict() ;
  if (mode == QP_REJECT_NO)
  {
    qp_log(LOGINFO, "fail, tolerated", msg ? ": " : "", msg ? msg : "", (char *)0) ;
    return DECLINED ;
  }
  if (mode == QP_REJECT_NAUGHTY)
  {
    qp_log(LOGINFO, "fail, deferred to naughty", msg ? ": " : "", msg ? msg : "", (char *)0) ;
    /* the refusal cannot be kept: refuse now, temporarily (fail closed) */
    return qp_naughty_store(hook_running() && hook_running()->reject_type_given ? v : DECLINED, msg) ? DECLINED : DENYSOFT ;
  }
  if (msg) qp_msg(msg) ;
  return v ;
}

char const *qp_sender (void) { return txn_cur.active ? txn_cur.sender.s : 0 ; }
int qp_sender_set (char const *s) { return txn_cur.active && txn_sender_set(&txn_cur, s) ; }
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
char const *qp_header_raw (char const *name, unsigned int n) { return msg_header_raw(name, n) ; }
int qp_body_begin (void) { return spool_replace_begin() ; }
int qp_body_write (char const *s, size_t len) { return spool_replace_write(s, len) ; }
int qp_body_commit (void) { return msg_body_commit() ; }
void qp_body_abort (void) { spool_replace_abort() ; }
int qp_header_add (char const *name, char const *v, int prepend) { return msg_header_add(name, v, prepend) ; }

int qp_auth_result (char const *resinfo)
{
  size_t start = sess.arresults.len, n = strlen(resinfo) ;
  if (!stralloc_catb(&sess.arresults, "; ", 2) || !stralloc_catb(&sess.arresults, resinfo, n))
  {
    sess.arresults.len = start ;
    return 0 ;
  }
  for (size_t i = start + 2 ; i < sess.arresults.len ; i++)
    if ((unsigned char)sess.arresults.s[i] < 32 || (unsigned char)sess.arresults.s[i] > 126) sess.arresults.s[i] = '?' ;
  return 1 ;
}
int qp_header_insert (unsigned int index, char const *name, char const *v) { return msg_header_insert(index, name, v) ; }
int qp_header_replace (char const *name, unsigned int n, char const *v) { return msg_header_replace(name, n, v) ; }
int qp_header_delete (char const *name, unsigned int n) { return msg_header_delete(name, n) ; }

ssize_t qp_message_read (uint64_t off, char *buf, size_t len) { return msg_read(off, buf, len) ; }
uint64_t qp_message_size (void) { return msg_total() ; }
ssize_t qp_body_read (uint64_t off, char *buf, size_t len) { return msg_body_read(off, buf, len) ; }

int qp_control_line (char const *name, stralloc *sa) { return control_readline(name, sa) ; }
int qp_control_list (char const *name, stralloc *sa) { return control_readlist(name, sa) ; }
int qp_control_cdb (char const *name, char const *key, size_t keylen) { return control_cdb(name, key, keylen) ; }
int qp_control_cdb_get (char const *name, char const *key, size_t keylen, stralloc *value) { return control_cdb_get(name, key, keylen, value) ; }
int qp_control_path (char const *name, stralloc *sa) { return control_path(name, sa) ; }

int qp_control_uint (char const *name, uint64_t *n)
{
  return control_readuint(name, n) ;
}

void qp_log (int level, char const *s, ...)
{
  va_list ap ;
  if (!log_wants_plugin(level)) return ;
  va_start(ap, s) ;
  log_plugin_v(level, s, ap) ;
  va_end(ap) ;
}

int qp_log_wants (int level) { return log_wants_plugin(level) ; }

int qp_log_shape (stralloc *sa, qp_hookarg const *a)
{
  char const *plugin = qp_arg(a, "plugin") ;
  char const *hook = qp_arg(a, "hook") ;
  char const *text = qp_arg(a, "text") ;
  if (plugin && strcmp(plugin, "core"))
  {
    if (!qp_cat_printable(sa, plugin) || !stralloc_cats(sa, " plugin: ")) return 0 ;
  }
  else if (hook && *hook)
  {
    if (!stralloc_cats(sa, "running plugin (") || !qp_cat_printable(sa, hook) || !stralloc_cats(sa, "): ")) return 0 ;
  }
  return qp_cat_printable(sa, text ? text : "") && stralloc_catb(sa, "\n", 1) ;
}

int qp_loglevel_arg (char const *arg, char const *name, int *max)
{
  uint64_t n = LOGWARN ;
  if (arg)
  {
    if (qp_loglevel_scan(arg, max)) return 1 ;
    qp_log(LOGERROR, "usage: ", name, " [level] (0-7 or LOGDEBUG, LOGINFO, ...), not ", arg, (char *)0) ;
    return 0 ;
  }
  if (control_readuint("loglevel", &n) < 0)
  {
    qp_log(LOGERROR, "control/loglevel is unreadable or not a number", (char *)0) ;
    return 0 ;
  }
  *max = n > LOGDEBUG ? LOGDEBUG : (int)n ;
  return 1 ;
}
