/* ISC license. */
/* qcsmtpd/plugin.h: the only header a plugin includes; plugins are compiled
   with this directory alone on the include path, so nothing else of the core
   is reachable (DESIGN 10). It names the hooks and verdicts, the descriptor
   through which a plugin adds hooks, commands, EHLO keywords, MAIL/RCPT
   parameters and arguments, and the API through which it sees the session.
   Plugins never write to the client except through qp_reply (doc/plugin-api). */

#ifndef QCSMTPD_PLUGIN_H
#define QCSMTPD_PLUGIN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <skalibs/stralloc.h>

/* Verdicts, as qpsmtpd's constants. DECLINED is 0 so that an empty hook
   slot and "not my business" mean the same thing. Any other value returned
   by a deciding hook is taken as DENYSOFT and logged (fail closed). */
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

/* Hooks, in the order they usually fire; names as in qpsmtpd. doc/hooks is
   checked against the core's hook table (names, kinds, arguments). */
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


 /* Hook arguments, read by name (doc/hooks lists each hook's names):
      helo, ehlo: "host"
      mail_pre, rcpt_pre: "raw" (the argument after FROM:/TO:, unparsed)
      mail, rcpt: "address" (without brackets; "" is the null sender)
      vrfy, noop, help: "rest" (the rest of the line, "" if none)
      unrecognized_command: "verb" (lower-cased), "rest"
      received_line: "protocol" (SMTP, ESMTP, ESMTPS, ESMTPA, ESMTPSA)
      auth, auth-plain, auth-login, auth-cram-md5: "mechanism" (lower-cased),
        "user", "password" (plain; the client's digest for cram-md5), "ticket"
      deny, ok: "plugin" (the instance that answered), "message" (its first line)
      logging: "plugin" (or "core"), "text", "hook" ("" outside hooks)
    qp_arg returns NULL for a name the hook does not have. */

typedef struct qp_hookarg_s qp_hookarg ;
extern char const *qp_arg (qp_hookarg const *a, char const *name) ;
/* deny/ok: the verdict given; logging: the level; else 0 */
extern int qp_arg_code (qp_hookarg const *a) ;
/* the hook being run (HOOK_*) */
extern int qp_arg_hook (qp_hookarg const *a) ;
/* hook id of a qpsmtpd hook name ("post-connection", "auth_plain" ...), -1 if none */
extern int qp_hook_find (char const *name) ;
extern char const *qp_hook_name (int hook) ;
/* the name of the hook's i-th argument (from 0), NULL past the last */
extern char const *qp_hook_argname (int hook, unsigned int i) ;
extern char const *qp_verdict_name (int verdict) ;

/* A hook function gets the instance's state and returns a verdict; the
   message that goes with it is set with qp_msg(). */
typedef int qp_hook_fn (void *state, qp_hookarg const *a) ;
typedef qp_hook_fn *qp_hook_fn_ref ;

/* init() runs once per instance at start, after the arguments were parsed
   into its state (descriptor .args, .state_size). It returns 1, or 0 after
   logging why the plugin's control files or arguments are unusable: the
   whole configuration is then invalid (421 4.3.0 at the greeting). */
typedef int qp_init_fn (void *state) ;


 /* Arguments (control/plugins words after the name), table-driven: the
    core parses them into the instance's state before init(), applies the
    defaults, accepts qpsmtpd's common arguments for every plugin and makes
    an unknown argument a configuration error naming the accepted ones. */

/* src/args.h holds the same block under the same guard (either header may
   come first) until its copy is dropped */

#define QP_ARG_BOOL 1    /* int: 0 1 yes no true false on off (any case) */
#define QP_ARG_UINT 2    /* unsigned int: decimal digits only, within [min, max] */
#define QP_ARG_ENUM 3    /* int: index of the value in choices (NULL-terminated), case-insensitive */
#define QP_ARG_STRING 4  /* char const *: the word itself (lives for the whole process) */
#define QP_ARG_LIST 5    /* stralloc: the value split on ',', empty items dropped, each "item\0"; repeats append */
#define QP_ARG_KV 6      /* stralloc: catch-all row (name "*"): any other keyword and its value, "key\0value\0" */
#define QP_ARG_REST 7    /* char const *: positional only: every remaining word joined by single spaces */
#define QP_ARG_TYPE 0xff
#define QP_ARG_POSITIONAL 0x100  /* filled in table order from words that are not keywords */
#define QP_ARG_REQUIRED 0x200    /* a positional that must be given */

typedef struct qp_argdef_s qp_argdef ;
struct qp_argdef_s
{
  char const *name ;            /* keyword, or the usage name of a positional; NULL ends the table */
  unsigned int type ;           /* QP_ARG_* | flags */
  size_t off ;                  /* offsetof() the destination in the state structure */
  char const *def ;             /* default, parsed as if given first; NULL: left zero */
  uint64_t min, max ;           /* QP_ARG_UINT range (max 0 means UINT_MAX) */
  char const *const *choices ;  /* QP_ARG_ENUM */
  char const *meta ;            /* usage placeholder ("N", "FILE"); NULL: from the type */
} ;

/* qpsmtpd's common arguments (reference/qpsmtpd.md 1.3), accepted by every
   plugin: loglevel N|+N|-N|LOGINFO..., reject 0|1|naughty, reject_type
   perm|temp|disconnect|temp_disconnect. A plugin's own row of that name wins. */
#define QP_REJECT_NO 0
#define QP_REJECT_YES 1
#define QP_REJECT_NAUGHTY 2

/* What a check that failed answers under the instance's reject and
   reject_type (doc/plugin-api): reject 0 logs "fail, tolerated" and gives
   DECLINED; reject 1 gives the reject_type's verdict with msg; reject
   naughty stores msg and that verdict for the naughty plugin (qp_naughty_*)
   and gives DECLINED. msg may be NULL (the hook's default text). */
extern int qp_reject (char const *msg) ;
/* The instance's reject setting (QP_REJECT_*) and reject_type verdict. */
extern int qp_reject_mode (void) ;
extern int qp_reject_verdict (void) ;


 /* Commands a plugin adds (descriptor .commands). The core checks the flags
    before calling the handler, with the core's own replies; the handler
    answers with qp_reply and returns a QP_CMD_* outcome. The core's own
    commands are rows of the same table. */

#define QP_CMD_NEEDS_HELO 0x01   /* 503 5.5.1 before HELO/EHLO */
#define QP_CMD_NEEDS_EHLO 0x02   /* 503 5.5.1 unless the client said EHLO */
#define QP_CMD_NEEDS_MAIL 0x04   /* 503 5.5.1 outside a transaction */
#define QP_CMD_NEEDS_RCPT 0x08   /* 503 5.5.1 before an accepted RCPT */
#define QP_CMD_NOT_IN_TXN 0x10   /* 503 5.5.1 inside a transaction */
#define QP_CMD_NOT_IN_TLS 0x20   /* 503 5.5.1 inside TLS */
#define QP_CMD_NO_ARGS 0x40      /* 501 5.5.4 when the command has arguments */
#define QP_CMD_LAST 0x80         /* RFC 2920 3.1: ends a pipelining group (logged when the client did not wait) */

#define QP_CMD_OK 0      /* answered; the session goes on */
#define QP_CMD_CLOSE 1   /* end the session (exit 0): after a 221 or 421, or when no reply can be given */
#define QP_CMD_FAIL 2    /* end the session (exit 111): the client is gone, or a temporary failure */

typedef int qp_command_fn (void *state, char *arg) ;
typedef struct qp_command_s qp_command ;
struct qp_command_s
{
  char const *verb ;       /* lower case, 1..12 of [a-z0-9_]; NULL ends the table */
  qp_command_fn *run ;     /* arg: the rest of the line, blanks trimmed, may be modified */
  unsigned int flags ;     /* QP_CMD_* */
} ;

/* EHLO keywords (descriptor .keywords). offer returns 1 to advertise the
   keyword now, after appending its parameters (" PLAIN LOGIN") to line if
   it has any; 0 not now. offer NULL: always advertised. */
typedef int qp_keyword_fn (void *state, stralloc *line) ;
typedef struct qp_keyword_s qp_keyword ;
struct qp_keyword_s
{
  char const *keyword ;    /* "STARTTLS"; NULL ends the table */
  qp_keyword_fn *offer ;
} ;

/* MAIL and RCPT parameters (descriptor .params). A parameter nobody owns
   gets 555 5.5.4 (RFC 5321 4.1.1.11). check gets the value ("" when the
   parameter has none) and returns 1 to accept it, or 0 after replying
   with qp_reply (the command is then refused). check NULL: accepted. */
#define QP_PARAM_MAIL 1
#define QP_PARAM_RCPT 2
typedef int qp_param_fn (void *state, char const *value) ;
typedef struct qp_param_s qp_paramdef ;
struct qp_param_s
{
  char const *keyword ;    /* lower case ("size"); NULL ends the table */
  unsigned int where ;     /* QP_PARAM_MAIL | QP_PARAM_RCPT */
  qp_param_fn *check ;
} ;


 /* The descriptor: the one object a plugin file exports, named plugin_<path>
    (queue/qmail-queue -> plugin_queue_qmail_queue). */

#define QP_PLUGIN_TESTONLY 0x1u      /* compiled into tests/qcsmtpd-check only */
#define QP_PLUGIN_REJECT_OFF 0x2u    /* reject defaults to 0 (log only) instead of 1 */
#define QP_PLUGIN_AFTER_DEFERRERS 0x4u  /* must be listed after every instance given reject naughty */

typedef struct qp_plugin_s qp_plugin, *qp_plugin_ref ;
struct qp_plugin_s
{
  char const *name ;                  /* qpsmtpd's name: "queue/qmail-queue" */
  char const *const *aliases ;        /* NULL-terminated old names, or NULL */
  size_t state_size ;                 /* zeroed state per instance; 0: state is NULL */
  qp_argdef const *args ;             /* argument table, or NULL (common arguments only) */
  qp_init_fn *init ;                  /* may be NULL */
  qp_hook_fn_ref hook[HOOK_MAX] ;     /* NULL = not registered for that hook */
  qp_command const *commands ;        /* or NULL */
  qp_keyword const *keywords ;        /* or NULL */
  qp_paramdef const *params ;         /* or NULL */
  char const *const *after ;          /* plugins that must come earlier when both are listed, or NULL */
  int reject_type ;                   /* default reject_type verdict; DECLINED (0) means DENY */
  unsigned int flags ;                /* QP_PLUGIN_* */
} ;


 /* Reply text */

/* qp_msg appends text to the message of the verdict being returned; a '\n'
   starts a new reply line. The text may begin with a reply code and an
   enhanced status code ("553 5.7.1 text") whose class agrees with the verdict;
   otherwise the core supplies both from its reply table (doc/hooks). */
extern void qp_msg (char const *) ;
extern void qp_msgn (char const *, size_t) ;
/* qp_reply sends a reply now: from a command handler or a parameter check,
   or from a hook that then returns DONE. The core adds the enhanced code
   X.0.0 of the reply's class (none on 3xx, on the greeting, or in the
   connect/helo/ehlo hooks, RFC 2034), unless text starts with one. A 421 or
   221 means the session is closing (RFC 5321 3.8). Returns 1, or 0 if the
   client cannot be written to. */
extern int qp_reply (unsigned int code, char const *text) ;
/* The version string ("0.1.0"). */
extern char const *qp_version (void) ;


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
extern int qp_relay_client (void) ;
extern void qp_set_relay_client (int) ;
extern unsigned int qp_timeout (void) ;       /* timeoutsmtpd, seconds */
extern char const *qp_spool_dir (void) ;
extern uint64_t qp_databytes (void) ;         /* 0 = no limit */
extern unsigned int qp_command_count (void) ; /* commands read so far in the session */

/* An IP address parsed once: family 4 or 6 (0: unknown), octets in network
   order (4 or 16 used). */
typedef struct qp_ip_s qp_ip ;
struct qp_ip_s
{
  unsigned char family ;
  unsigned char a[16] ;
} ;
/* The client's address (::ffff:a.b.c.d is family 4). */
extern qp_ip const *qp_remote_addr (void) ;
/* Appends the client's key for per-client state: its address, or for IPv6
   its /64 ("2001:0db8:0000:0001::/64"), which one host may change at every
   connection (privacy addresses, RFC 8981). 1 ok, 0 no memory. */
extern int qp_client_key (stralloc *sa) ;
/* Parses a dotted IPv4 or an IPv6 address (RFC 4291 2.2 forms). 1 ok, 0 not an address. */
extern int qp_ip_parse (char const *s, qp_ip *ip) ;
/* 1 if ip is in net/bits (same family; bits 0..32 or 0..128), else 0. */
extern int qp_ip_match (qp_ip const *ip, qp_ip const *net, unsigned int bits) ;

#define QP_CONN 0
#define QP_TXN 1
#define QP_CONN_OWN 2
#define QP_TXN_OWN 3
/* Notes: string values keyed by string, per connection (QP_CONN) or per
   transaction (QP_TXN, forgotten at every reset). The _OWN scopes are the
   same stores seen through the instance's name, so two instances of one
   plugin never collide. Shared keys are listed in doc/notes. qp_note_set
   with a NULL value deletes; it returns 1, or 0 on allocation failure. */
extern char const *qp_note_get (int scope, char const *key) ;
extern int qp_note_set (int scope, char const *key, char const *value) ;
/* qpsmtpd's adjust_karma: adds delta to the connection note "karma" (decimal
   text, kept within -QP_KARMA_MAX..QP_KARMA_MAX); 1, or 0 out of memory.
   qp_karma gives the note's value, 0 when absent or not a number. */
#define QP_KARMA_MAX 1000000
extern int qp_karma_adjust (int delta) ;
extern int qp_karma (void) ;


 /* Deferred rejection (qpsmtpd's naughty): qp_reject with reject naughty
    stores a refusal that the naughty plugin delivers later. */

/* Stores a refusal from the running instance: its message, and the verdict
   it asks for (DECLINED: let the naughty plugin choose, as qpsmtpd does for
   a deferring plugin without its own reject_type). The first verdict
   stored wins; messages accumulate. 1 ok, 0 no memory. */
extern int qp_naughty_store (int verdict, char const *msg) ;
/* DECLINED if nothing is stored; else the stored verdict, or dflt when
   none was asked for. The message lines ("(plugin) text", one per refusal)
   are appended to msg (NUL-terminated) if msg is not NULL. */
extern int qp_naughty (stralloc *msg, int dflt) ;
/* Forgets stored refusals (an AUTH success does this). */
extern void qp_naughty_clear (void) ;


 /* Transaction */

extern char const *qp_sender (void) ;              /* NULL before MAIL; "" null sender */
/* Replaces the envelope sender (without brackets, "" for <>), from MAIL on up
   to the queue hook. 1 ok, 0 no transaction or no memory. */
extern int qp_sender_set (char const *) ;
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
/* The whole field as it will be queued: name, colon, value, folding and the
   final LF, exactly as received (DKIM's simple canonicalisation needs it). */
extern char const *qp_header_raw (char const *name, unsigned int n) ;
extern int qp_header_add (char const *name, char const *value, int prepend) ;
/* A result for the core's Authentication-Results field (RFC 8601), e.g.
   "iprev=pass policy.iprev=192.0.2.1 (mail.example.com)": kept for the
   connection, written after the core's own auth= result in every message.
   Bytes outside printable ASCII become '?'. 1 ok, 0 no memory. */
extern int qp_auth_result (char const *resinfo) ;
/* Inserts a field before the index-th field of the whole header block (0:
   first; past the last: appended), as milter's SMFIR_INSHEADER. 1, or 0
   (bad name, out of memory). */
extern int qp_header_insert (unsigned int index, char const *name, char const *value) ;
extern int qp_header_replace (char const *name, unsigned int n, char const *value) ;
extern int qp_header_delete (char const *name, unsigned int n) ;

/* The message as it will be queued (header block, then body), LF line ends.
   Reads up to len bytes at offset off; returns the number read, 0 at the end,
   -1 on error. qp_message_size gives its total length. qp_body_read is the same
   for the body alone. */
extern ssize_t qp_message_read (uint64_t off, char *buf, size_t len) ;
extern uint64_t qp_message_size (void) ;
extern ssize_t qp_body_read (uint64_t off, char *buf, size_t len) ;
/* Replacing the body (up to the queue hook): qp_body_begin opens a new
   unnamed spool file, qp_body_write appends to it (LF line ends, no
   dot-stuffing), qp_body_commit makes it the body (the header block is kept),
   qp_body_abort forgets it. 1 ok, 0 error (errno set; nothing changed). */
extern int qp_body_begin (void) ;
extern int qp_body_write (char const *s, size_t len) ;
extern int qp_body_commit (void) ;
extern void qp_body_abort (void) ;

/* RFC 5322 3.3 date-time (obsolete forms accepted): 1 and *t
   (seconds since the epoch, UTC) or 0 on a syntax error or an impossible date. */
extern int qp_date_parse (char const *s, size_t len, int64_t *t) ;
/* RFC 5322 3.4 address-list (UTF-8 only in display names and comments):
   appends each addr-spec
   "local@domain\0" to sa; the number of mailboxes, or -1 on a syntax error
   (errno EINVAL) or out of memory (ENOMEM), sa unchanged. */
extern int qp_addrlist_parse (char const *s, size_t len, stralloc *sa) ;


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
/* The path of the file that would be read for name (first found in the
   lookup order), NUL-terminated in sa. 1 found, 0 none, -1 error. */
extern int qp_control_path (char const *name, stralloc *sa) ;
/* Looks key up in the cdb file "name" (e.g. "morercpthosts.cdb").
   1 found, 0 not found or no such file, -1 unreadable or corrupt. */
extern int qp_control_cdb (char const *name, char const *key, size_t keylen) ;
/* The same, and the value of the first record found is copied to value
   (NUL-terminated; value->len excludes the NUL). */
extern int qp_control_cdb_get (char const *name, char const *key, size_t keylen, stralloc *value) ;

 /* Address lists in qmail's badmailfrom format (badmailfrom, badrcptto):
    lines "key [reason]", key an address, "@host" or a POSIX extended regex
    matched case-insensitively against the whole address. mode says which
    keys are patterns: QP_ADDRLIST_LITERAL none (qmail), QP_ADDRLIST_AUTO
    those with one of / ^ $ * + ! % ? \ (qpsmtpd master), QP_ADDRLIST_PATTERN
    all (qpsmtpd 0.94's *_patterns files). The list lives in the plugin's
    state (zeroed: empty). */

#define QP_ADDRLIST_LITERAL 0
#define QP_ADDRLIST_AUTO 1
#define QP_ADDRLIST_PATTERN 2

typedef struct qp_addrlist_s qp_addrlist ;
struct qp_addrlist_s
{
  stralloc text ;
  struct qp_addrentry_s *e ;
  size_t n ;
} ;

typedef struct qp_addrmatch_s qp_addrmatch ;
struct qp_addrmatch_s
{
  char const *key ;      /* the entry (a literal one lower-cased) */
  char const *reason ;   /* NULL if the line has none */
  int pattern ;          /* 1 if the entry is a regex */
} ;

/* Appends control/file's entries (missing: none). 1, or 0 after logging:
   unreadable or too large, a bad pattern, no memory. A literal key that
   looks like a pattern is logged at info with hint (how to make it one;
   NULL: not logged); a literal key without @ at warn (it never matches). */
extern int qp_addrlist_load (qp_addrlist *l, char const *file, int mode, char const *hint) ;
/* 1 and *m for the first entry addr matches, else 0. The null sender and
   an address without user or host match nothing. */
extern int qp_addrlist_match (qp_addrlist const *l, char const *addr, qp_addrmatch *m) ;


 /* Logging: the pieces are concatenated, the list ends with a NULL. The core
    adds the pid, the level and the plugin's name, and filters by the
    instance's loglevel argument when it has one, else control/loglevel. */

extern void qp_log (int level, char const *s, ...) ;
/* For logging plugins. A level as qpsmtpd's configurations write it: a
   digit 0-7, LOGWARN, WARN, warn (any case; LOGRADAR is 0): 1 and *n, or 0. */
extern int qp_loglevel_scan (char const *s, int *n) ;
/* A logging plugin's level: its argument arg (NULL: none), else
   control/loglevel (default 4), as qpsmtpd's logging/warn. 1 and *max, or
   0 after logging "usage: NAME [level] ...". */
extern int qp_loglevel_arg (char const *arg, char const *name, int *max) ;
/* At the logging hook: appends the event in the shape of qpsmtpd's
   logging/connection_id and friends: "<plugin> plugin: <text>", "running
   plugin (<hook>): <text>" for the core inside a hook, "<text>" for the core
   elsewhere; printable ASCII, ended by LF. 1, or 0 no memory. */
extern int qp_log_shape (stralloc *sa, qp_hookarg const *a) ;
/* A verdict named in a control file as qpsmtpd's constants (any case):
   OK, DENY, DENYSOFT, DENY_DISCONNECT (old name DENYHARD),
   DENYSOFT_DISCONNECT, DECLINED; -1 for anything else, DONE included
   (nothing would answer the client). */
extern int qp_verdict_scan (char const *s) ;
/* "emerg" ... "debug" */
extern char const *qp_loglevel_name (int level) ;
/* Appends s with \t \r \n made spaces and other octets outside printable
   ASCII made '?', so that a log event stays one line. 1, or 0 no memory. */
extern int qp_cat_printable (stralloc *sa, char const *s) ;
/* 1 if a line of that level from the running instance would be logged. */
extern int qp_log_wants (int level) ;


 /* Store: state that outlives the connection, shared by every session
    process (greylisting triplets, karma, counters). Back end: LMDB under
    control/store_dir (doc/plugin-api, qcsmtpd.8). Keys are (namespace, key):
    one namespace per plugin, e.g. its name. A value may carry an expiry
    (ttl seconds from qp_now(); 0: none); an expired value reads as missing.
    Every call returns -1 on a store failure (errno EIO, ENOSPC when the map
    is full, EINVAL for a key over 400 octets), logged by the core once per
    connection; the plugin's page says whether it then passes or defers. */

extern int qp_store_get (char const *ns, char const *key, size_t klen, stralloc *value, int64_t *expires) ;
/* 1 and value replaced (expires: the epoch second it ends, 0 none; may be
   NULL), 0 missing or expired, -1 failure. */
extern int qp_store_put (char const *ns, char const *key, size_t klen, char const *value, size_t vlen, unsigned int ttl) ;
/* 1 stored, -1 failure. */
extern int qp_store_incr (char const *ns, char const *key, size_t klen, int64_t delta, unsigned int ttl, int64_t *result) ;
/* Atomically adds delta to the counter (a missing or expired one starts at
   0 with the expiry ttl; an existing one keeps its expiry, as Redis INCRBY);
   *result the new value. 1 ok, -1 failure (also: the value is not a counter). */
extern int qp_store_del (char const *ns, char const *key, size_t klen) ;
/* 1 deleted, 0 there was none, -1 failure. */
/* For qpsmtpd's db_dir and redis plugin arguments (NULL: not given): 1 if
   each names this host's store (control/store_dir on LMDB, control/store_redis
   on Redis), else 0 after logging both. */
extern int qp_store_args (char const *db_dir, char const *redis_server) ;


 /* Time: one clock for the whole process. qp_now is the wall clock in
    seconds (tests may fix it); waits are bounded by the deadline given and
    by the connection's policy budget (control/policy_budget seconds, the
    total time plugins may spend waiting), whichever ends first. */

extern int64_t qp_now (void) ;
/* Waits until fd is ready (QP_READ, QP_WRITE) or ms milliseconds passed.
   1 ready, 0 timed out or budget spent (errno ETIMEDOUT), -1 error. */
#define QP_READ 1
#define QP_WRITE 2
extern int qp_await (int fd, int events, unsigned int ms) ;
/* Milliseconds left of the policy budget. */
extern unsigned int qp_budget_left (void) ;
/* A monotonic clock in milliseconds, for a plugin's own deadlines, and
   qp_await until such a deadline (0 with ETIMEDOUT once it has passed). */
extern uint64_t qp_clock_ms (void) ;
extern int qp_await_until (int fd, int events, uint64_t deadline) ;

 /* Peers: the servers a plugin talks to (spamd, clamd, a milter). An
    address is an IP literal or a path, never a name (no plugin waits on DNS
    to reach its own filter). */
typedef struct qp_peer_s qp_peer ;
struct qp_peer_s
{
  struct sockaddr_storage addr ;
  socklen_t len ;
  int family ;                 /* AF_INET, AF_INET6 or AF_UNIX */
  unsigned int port ;          /* 0 for a unix socket */
  char text[108] ;             /* the address or the path, for log lines */
} ;
/* host (hostlen octets): an IPv4 or IPv6 literal, [IPv6], or localhost
   (127.0.0.1); port 1..65535. 1 ok, 0 not an address. */
extern int qp_peer_inet (qp_peer *, char const *host, size_t hostlen, unsigned int port) ;
/* An absolute path that fits a socket address (at most 107 octets). 1 ok, 0 not. */
extern int qp_peer_unix (qp_peer *, char const *path) ;
/* Connects before deadline (qp_clock_ms) and within the policy budget: the
   descriptor, non-blocking and close-on-exec, TCP_NODELAY on TCP; -1 with
   errno (ETIMEDOUT when the time ran out). */
extern int qp_peer_connect (qp_peer const *, uint64_t deadline) ;

/* Waits up to ms milliseconds for the client to send anything: 1 if it
   did (or closed), 0 if it stayed silent, -1 error. Sees the plaintext
   under TLS (native or UCSPI-TLS) and consumes nothing. */
extern int qp_client_talked (unsigned int ms) ;


 /* TLS (for the tls plugin): the core owns the transport; a plugin chooses
    the engine and drives STARTTLS through these. */

/* Native BearSSL engine with these files (one file may hold both). 1 ok, 0 path too long. */
extern int qp_tls_native (char const *certfile, char const *keyfile) ;
/* UCSPI-TLS helper engine, if SSLCTLFD/SSLREADFD/SSLWRITEFD are there. 1 yes, 0 no. */
extern int qp_tls_ucspi (void) ;
/* Handshake before the greeting (RFC 8314), done by the core before the connect hooks. */
extern void qp_tls_implicit (void) ;
/* 1 if STARTTLS can be offered now (an engine is set, not in TLS, native files readable). */
extern int qp_tls_offerable (void) ;
/* After STARTTLS was accepted: 1 if TLS can start (key decodable, helper there), 0 no (logged). */
extern int qp_tls_prepare (void) ;
/* After the 220 went out: flushes, forgets buffered input (CVE-2011-0411),
   runs the handshake and forgets HELO, the transaction and AUTH (RFC 3207
   4.2). 1 ok; 0 failed, logged: the session must close without a reply. */
extern int qp_tls_start (void) ;


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
    qp_wait waits at most timeout seconds (and the policy budget does not
    apply: a queue program is not policy), then kills the child with SIGKILL;
    it returns 1 and the wait status in *wstat, 0 on timeout (child killed and
    reaped), -1 on error. */

extern pid_t qp_spawn (char const *const *argv, int const *fdmap, unsigned int n) ;
extern int qp_wait (pid_t pid, int *wstat, unsigned int timeout) ;

 /* DNS: queries start at once and run in parallel through the core's
    resolver (c-ares, no threads: answers are read, and retries sent, in
    every wait of the core and while a plugin waits here);
    collect them later, under a deadline and the policy budget. Servers come
    from control/dns_servers, else /etc/resolv.conf; no /etc/hosts, no
    search list. The same type and name asked again in the connection is
    the same query (one packet, shared answer). */

#define QP_DNS_A 1
#define QP_DNS_PTR 12
#define QP_DNS_MX 15
#define QP_DNS_TXT 16
#define QP_DNS_AAAA 28

#define QP_DNS_PENDING 0    /* no answer yet */
#define QP_DNS_ANSWER 1     /* records of the type: qp_dns_rr */
#define QP_DNS_NODATA 2     /* the name exists, without a record of the type */
#define QP_DNS_NXDOMAIN 3   /* the name does not exist */
#define QP_DNS_TEMPFAIL 4   /* SERVFAIL, refused, no answer in time, an unusable
                               answer, or no resolver: never a reason to refuse
                               mail permanently */

typedef struct qp_dnsrr_s qp_dnsrr ;
struct qp_dnsrr_s
{
  unsigned int type ;       /* QP_DNS_* */
  unsigned int ttl ;
  unsigned int pref ;       /* MX: the preference */
  unsigned char ip[16] ;    /* A: 4 octets, AAAA: 16 */
  char const *text ;        /* A, AAAA: the address as text; MX: the exchange;
                               PTR: the name (no final dot, as every name
                               here); TXT: its strings joined, bytes outside
                               printable ASCII as '?' */
} ;

/* Starts a query (or finds the same one). Returns a handle, or -1 with
   errno EINVAL (not a domain name, or an unknown type) or ENOBUFS (the
   connection's queries are used up: DNS_QUERIES_MAX). */
extern int qp_dns_query (unsigned int type, char const *name) ;
/* Waits until each of the n handles has its answer, at most ms
   milliseconds (and the policy budget). Returns how many are still
   pending: 0 when all are answered. */
extern unsigned int qp_dns_wait (int const *h, unsigned int n, unsigned int ms) ;
/* QP_DNS_PENDING, _ANSWER, _NODATA, _NXDOMAIN or _TEMPFAIL. */
extern int qp_dns_status (int h) ;
/* Records of an answer: i from 0; NULL past the last one. */
extern qp_dnsrr const *qp_dns_rr (int h, unsigned int i) ;
/* The caller no longer needs h: the handle is invalid afterwards. */
extern void qp_dns_cancel (int h) ;
/* 1 if an A record of a DNS list answer is a listing (RFC 5782 2.3: an
   address in 127.0.0.0/8), 0 if not: anything else (a resolver that turns
   NXDOMAIN into an advertising address) and 127.255.255.x (the list's own
   error codes) are not. */
extern int qp_dns_listing (qp_dnsrr const *r) ;
/* 1 if name (one final dot allowed) can be asked: 1 to 253 octets, labels
   of 1 to 63 letters, digits, '-' and '_'. */
extern int qp_dns_name_ok (char const *name) ;
/* The name to ask for ip in zone: 4.3.2.1.zone for IPv4, reversed nibbles
   for IPv6 (RFC 5782; zone "in-addr.arpa" or "ip6.arpa" gives the PTR
   name), appended to sa with its NUL. 1 ok, 0 not an address or too long. */
extern int qp_dns_revname (char const *ip, char const *zone, stralloc *sa) ;

#endif
