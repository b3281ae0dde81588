/* ISC license. */
/* plugin.h: the only header a plugin includes. It names the hooks and verdicts and
   declares the small API through which a plugin sees the session; plugins never
   write to the client (except through qp_reply after deciding DONE). */

#ifndef QCSMTPD_PLUGIN_H
#define QCSMTPD_PLUGIN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <skalibs/stralloc.h>

/* Verdicts, as qpsmtpd's constants. DECLINED is 0 so that an empty hook
   slot and "not my business" mean the same thing. */
enum qp_verdict_e
{
  DECLINED = 0,
  OK,
  DENY,
  DENYSOFT,
  DENY_DISCONNECT,
  DENYSOFT_DISCONNECT,
  DONE,
  QP_VERDICT_MAX
} ;

/* Hooks, in the order they usually fire; names as in qpsmtpd (see doc/hooks). */
enum qp_hook_e
{
  HOOK_CONNECT = 0,
  HOOK_HELO,
  HOOK_EHLO,
  HOOK_MAIL_PRE,
  HOOK_MAIL,
  HOOK_RCPT_PRE,
  HOOK_RCPT,
  HOOK_DATA,
  HOOK_DATA_HEADERS_END,
  HOOK_DATA_POST_HEADERS,
  HOOK_DATA_POST,
  HOOK_QUEUE_PRE,
  HOOK_QUEUE,
  HOOK_QUEUE_POST,
  HOOK_RECEIVED_LINE,
  HOOK_AUTH,
  HOOK_AUTH_PLAIN,
  HOOK_AUTH_LOGIN,
  HOOK_AUTH_CRAM_MD5,
  HOOK_VRFY,
  HOOK_NOOP,
  HOOK_HELP,
  HOOK_QUIT,
  HOOK_UNRECOGNIZED_COMMAND,
  HOOK_RESET_TRANSACTION,
  HOOK_DISCONNECT,
  HOOK_POST_CONNECTION,
  HOOK_DENY,
  HOOK_OK,
  HOOK_LOGGING,
  HOOK_MAX
} ;

/* Log levels, qpsmtpd's (syslog numbering). */
enum qp_loglevel_e
{
  LOGEMERG = 0, LOGALERT, LOGCRIT, LOGERROR, LOGWARN, LOGNOTICE, LOGINFO, LOGDEBUG
} ;

/* What a hook is called with. Which fields are set depends on the hook:
   helo/ehlo: arg = the host argument
   mail_pre/rcpt_pre: arg = the raw argument after "FROM:"/"TO:" (before parsing)
   mail: arg = the sender address without brackets ("" for the null sender)
   rcpt: arg = the recipient address without brackets
   vrfy/noop/help: arg = the rest of the command line ("" if none)
   unrecognized_command: arg = the verb (lower-cased), arg2 = the rest of the line
   deny/ok: arg = the name of the plugin that answered, arg2 = its first message
            line ("" if none), code = its verdict
   logging: arg = the plugin name or "core", arg2 = the log text, arg3 = the
            hook name ("" outside hooks), code = the level
   received_line: arg = the protocol word (SMTP, ESMTP, ESMTPS, ...)
   auth*: arg = the mechanism (lower-cased), arg2 = the user, arg3 = the
          password (plain) or the client's response (cram-md5), arg4 = the ticket
   every other hook: nothing. */
typedef struct qp_hookarg_s qp_hookarg, *qp_hookarg_ref ;
struct qp_hookarg_s
{
  char const *arg ;
  char const *arg2 ;
  char const *arg3 ;
  char const *arg4 ;
  int code ;
} ;

/* A hook function gets the instance state that init() produced and returns a
   verdict; the message that goes with it is set with qp_msg(). */
typedef int qp_hook_fn (void *state, qp_hookarg const *a) ;
typedef qp_hook_fn *qp_hook_fn_ref ;

/* init() gets the arguments from control/plugins (argv[0] is the first argument,
   not the name) and may store a state pointer. It returns 1, or 0 after logging
   why the arguments or the plugin's control files are unusable: that makes the
   whole configuration invalid (421 4.3.0 at the greeting). */
typedef int qp_init_fn (void **state, unsigned int argc, char const *const *argv) ;

#define QP_PLUGIN_TESTONLY 0x1u

typedef struct qp_plugin_s qp_plugin, *qp_plugin_ref ;
struct qp_plugin_s
{
  char const *name ;                  /* qpsmtpd's name: "queue/qmail-queue" */
  char const *const *aliases ;        /* NULL-terminated list of old names, or NULL */
  qp_init_fn *init ;                  /* may be NULL */
  qp_hook_fn_ref hook[HOOK_MAX] ;     /* NULL = not registered for that hook */
  unsigned int flags ;
} ;


 /* Reply text */

/* qp_msg appends text to the message of the verdict being returned; a '\n'
   starts a new reply line. The text may begin with a reply code and an
   enhanced status code ("553 5.7.1 text") whose class agrees with the verdict;
   otherwise the core supplies both from its reply table (doc/hooks). */
extern void qp_msg (char const *) ;
extern void qp_msgn (char const *, size_t) ;
/* qp_reply sends a reply now; only for a plugin that then returns DONE. The
   core adds the enhanced code X.0.0 of the reply's class (none on 3xx, on the
   greeting, or in the connect/helo/ehlo hooks, RFC 2034), unless text starts
   with one. Returns 1, or 0 if the client cannot be written to. */
extern int qp_reply (unsigned int code, char const *text) ;


 /* Connection */

extern char const *qp_remote_ip (void) ;      /* "unknown" if none; ::ffff: stripped */
extern char const *qp_remote_host (void) ;    /* NULL if unknown */
extern char const *qp_remote_info (void) ;    /* NULL if unknown */
extern char const *qp_remote_port (void) ;    /* NULL if unknown */
extern char const *qp_local_ip (void) ;       /* NULL if unknown */
extern char const *qp_local_host (void) ;     /* NULL if unknown */
extern char const *qp_local_port (void) ;     /* NULL if unknown */
extern char const *qp_me (void) ;             /* control/me or the host name */
extern char const *qp_helo_host (void) ;      /* NULL before an accepted HELO/EHLO */
extern int qp_is_ehlo (void) ;
extern int qp_is_tls (void) ;
extern char const *qp_auth_user (void) ;     /* NULL unless authenticated */
extern char const *qp_auth_mech (void) ;     /* "plain", "login", "cram-md5"; NULL unless authenticated */
/* In the ehlo hook: adds an EHLO keyword line ("STARTTLS", "AUTH PLAIN LOGIN").
   1 ok, 0 no memory. */
extern int qp_capability_add (char const *) ;
extern int qp_relay_client (void) ;
extern void qp_set_relay_client (int) ;
extern unsigned int qp_timeout (void) ;       /* timeoutsmtpd, seconds */
extern char const *qp_spool_dir (void) ;
extern uint64_t qp_databytes (void) ;         /* 0 = no limit */

#define QP_CONN 0
#define QP_TXN 1
/* Notes: string values keyed by string, per connection (QP_CONN) or per
   transaction (QP_TXN, forgotten at every reset). qp_note_set with a NULL
   value deletes; it returns 1, or 0 on allocation failure. */
extern char const *qp_note_get (int scope, char const *key) ;
extern int qp_note_set (int scope, char const *key, char const *value) ;


 /* Transaction */

extern char const *qp_sender (void) ;              /* NULL before MAIL; "" null sender */
extern unsigned int qp_rcpt_count (void) ;
extern char const *qp_rcpt (unsigned int) ;         /* NULL past the end */
extern int qp_rcpt_add (char const *) ;            /* 1 ok, 0 no memory */
extern int qp_rcpt_remove (unsigned int) ;         /* 1 ok, 0 no such index */
/* the value of an ESMTP parameter of the MAIL or RCPT being processed, keyword
   matched case-insensitively; "" for a keyword without value; NULL if absent */
extern char const *qp_param (char const *keyword) ;
/* in mail_pre/rcpt_pre: replace the raw argument; in mail/rcpt: replace the
   address that will be stored (without brackets). 1 ok, 0 no memory. */
extern int qp_addr_set (char const *) ;
extern uint64_t qp_data_size (void) ;              /* message bytes as stored */


 /* Headers of the message being received (valid from data_headers_end on).
    Names compare case-insensitively; values are returned as they arrived,
    folding included, without the name, the colon, leading blanks or the final
    newline. Index n counts the fields of that name from 0. */

extern unsigned int qp_header_count (char const *name) ;
extern char const *qp_header_get (char const *name, unsigned int n) ;  /* NULL if none */
extern int qp_header_add (char const *name, char const *value, int prepend) ;
extern int qp_header_replace (char const *name, unsigned int n, char const *value) ;
extern int qp_header_delete (char const *name, unsigned int n) ;

/* The message as it will be queued (header block, then body), LF line ends.
   Reads up to len bytes at offset off; returns the number read, 0 at the end,
   -1 on error. qp_message_size gives its total length. qp_body_read is the same
   for the body alone. */
extern ssize_t qp_message_read (uint64_t off, char *buf, size_t len) ;
extern uint64_t qp_message_size (void) ;
extern ssize_t qp_body_read (uint64_t off, char *buf, size_t len) ;


 /* Control files (doc/qcsmtpd.8 for the lookup order and syntax) */

/* First line of the file, trimmed, into sa (NUL-terminated).
   1 found, 0 missing, -1 unreadable (errno set). */
extern int qp_control_line (char const *name, stralloc *sa) ;
/* Every value line (trimmed, no blanks or comments, $include done), each
   NUL-terminated, appended to sa. 1 found, 0 missing, -1 error. */
extern int qp_control_list (char const *name, stralloc *sa) ;
/* A decimal number from the first line; *n untouched if missing.
   1 found, 0 missing, -1 error or not a number. */
extern int qp_control_uint (char const *name, uint64_t *n) ;
/* Looks key up in the cdb file "name" (e.g. "morercpthosts.cdb").
   1 found, 0 not found or no such file, -1 unreadable or corrupt. */
extern int qp_control_cdb (char const *name, char const *key, size_t keylen) ;


 /* Logging: the pieces are concatenated, the list ends with a NULL. The core
    adds the pid, the level and the plugin's name. */

extern void qp_log (int level, char const *s, ...) ;


 /* Secrets (for auth plugins) */

/* 1 if the two strings are equal, 0 if not, in a time that depends on the
   lengths only, never on where they differ. */
extern int qp_secret_equal (char const *a, size_t alen, char const *b, size_t blen) ;
/* RFC 2195: 1 if hexdigest (32 hexadecimal digits, either case) is the
   HMAC-MD5 of ticket keyed with secret, else 0; compared in constant time. */
extern int qp_cram_md5_verify (char const *ticket, char const *secret, char const *hexdigest) ;
/* Zeroes n octets at p in a way the compiler does not optimise away. */
extern void qp_wipe (void *p, size_t n) ;


 /* Child processes: no shell, no PATH search, every other fd close-on-exec.
    fdmap[i] becomes fd i in the child; -1 means /dev/null for fds 0 and 1,
   the log for fd 2, closed for the others; n <= 8; the child's signal
   dispositions are the defaults.
    qp_spawn returns the pid, or -1 with errno set.
    qp_wait waits at most timeout seconds, then kills the child with SIGKILL;
    it returns 1 and the wait status in *wstat, 0 on timeout (child killed and
    reaped), -1 on error. */

extern pid_t qp_spawn (char const *const *argv, int const *fdmap, unsigned int n) ;
extern int qp_wait (pid_t pid, int *wstat, unsigned int timeout) ;

#endif
