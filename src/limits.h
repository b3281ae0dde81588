/* ISC license. */
/* limits.h: every limit of the SMTP core in one place (STYLE 6). */

#ifndef QCSMTPD_LIMITS_H
#define QCSMTPD_LIMITS_H

#define SMTP_LINE_MAX 512            /* command line incl. CRLF, RFC 5321 4.5.3.1.4 */
#define SMTP_RCPT_MAX 100            /* default recipients per message, RFC 5321 4.5.3.1.8 */
#define SMTP_HOPS_MAX 100            /* Received + Delivered-To fields, RFC 5321 6.3 */
#define SMTP_HEADER_MAX 262144       /* header block kept in memory for plugins */
#define SMTP_ERRORS_MAX 20           /* error replies before we give up on a client */
#define SMTP_TIMEOUT_DEFAULT 1200    /* timeoutsmtpd, seconds, as qmail-smtpd */
/* The slow-client limits (qcsmtpd.8): an honest 50 MB message at 64 kbit/s
   takes 6554 s of DATA at 8000 bytes/s; the defaults leave it room. */
#define SMTP_SESSION_DEFAULT 10800   /* timeoutsession: 3 hours */
#define SMTP_DATARATE_DEFAULT 512    /* mindatarate: bytes/s, 1/16 of 64 kbit/s */
#define SMTP_REPLY_LINE_MAX 400      /* text octets per reply line, RFC 5321 4.5.3.1.5 */
#define SMTP_REPLY_LINES_MAX 20
#define CONTROL_INCLUDE_DEPTH 8
#define CONTROL_FILE_MAX 4194304     /* octets of one text control file, and of one file with its $includes (EFBIG past it) */
#define CONTROL_CDB_MAX 16           /* cdb files kept open at once */
#define CONTROL_CDB_VALUE_MAX 65536   /* octets of one cdb value given to a plugin */
#define POLICY_BUDGET_DEFAULT 300    /* seconds plugins may spend waiting per connection (control/policy_budget) */
#define NAUGHTY_MAX 4096             /* octets of deferred refusal text kept */
#define IO_INSIZE 16384
#define IO_OUTSIZE 8192
#define SPOOL_BUFSIZE 65536
#define NOTES_MAX 65536              /* octets of notes per scope */
#define SPAWN_FDMAX 8
#define TLS_HANDSHAKE_TIMEOUT 60      /* seconds at most, less if timeoutsmtpd is smaller */
#define STORE_MAPSIZE_DEFAULT 64     /* MiB of LMDB map (control/store_mapsize) */
#define STORE_MAPSIZE_MAX 65536
#define STORE_LOCK_MS 2000           /* longest wait for the store lock (and at most the policy budget left) */
#define STORE_SWEEP_MAX 32           /* records each write transaction checks for expiry */
#define STORE_NS_MAX 64              /* octets of a store namespace */
#define STORE_KEY_MAX 400            /* octets of a store key (LMDB keys are at most 511) */
#define STORE_VALUE_MAX 65536        /* octets of a store value */
#define STORE_REDIS_MS 1000          /* deadline of the Redis connect and of each command (and at most the policy budget left) */
#define STORE_REDIS_SLACK 60         /* seconds a Redis key outlives its expiry (the value's own expiry decides; Redis only reclaims) */
#define RESP_LINE_MAX 512            /* octets of a RESP status, error or length line */
#define RESP_BULK_MAX (STORE_VALUE_MAX + 64)  /* octets of a bulk reply: a stored value and its head */
#define AUTH_FAILURES_MAX 3          /* failed AUTH commands before 421 */
#define AUTH_LINE_MAX 12288          /* an AUTH continuation line, RFC 4954 4 */
#define AUTH_USER_MAX 255            /* octets of an AUTH user name */
#define AUTH_THROTTLE_MAX 1000000    /* control/auth_fail_limit: failures */
#define AUTH_THROTTLE_MAX_S "1000000"
#define AUTH_THROTTLE_SECS_MAX 604800  /* control/auth_fail_limit: a window of at most a week */
#define AUTH_THROTTLE_SECS_MAX_S "604800"
#define ARGS_WORDS_MAX 64            /* argument words of one control/plugins line */
#define ARGS_ROWS_MAX 64             /* rows of one plugin's argument table */
#define DNS_QUERIES_MAX 200          /* distinct DNS queries per connection (uribl: 20 hosts x zones) */
#define DNS_RR_MAX 32                /* records kept from one answer */
#define DNS_RR_TEXT_MAX 4096         /* octets of one record's text (TXT strings joined) */
#define DNS_ANSWER_TEXT_MAX 16384    /* octets of text of one answer */
#define DNS_TIMEOUT_DEFAULT 3        /* control/dns_timeout: seconds per try */
#define DNS_TRIES_DEFAULT 2          /* control/dns_tries: tries per server */
#define DNS_SERVERS_MAX 8            /* lines of control/dns_servers used */
#define ARGS_ERR_MAX 300             /* octets of an argument error, its NUL included */

#endif
