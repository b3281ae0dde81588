/* ISC license. */
/* smtp.h: the SMTP command loop and its handlers (RFC 5321 4.1). */

#ifndef QCSMTPD_SMTP_H
#define QCSMTPD_SMTP_H

/* Sends the greeting (after the connect hook) and serves commands; never returns. */
extern void smtp_run (void) __attribute__((noreturn)) ;

/* How the process ends: _exit unless replaced (the session fuzzer unwinds
   with longjmp instead). */
extern void (*smtp_exit) (int) __attribute__((noreturn)) ;

/* Forgets everything of the session except its configuration, so that
   another session can run in the same process (fuzzing only). */
extern void smtp_reset (void) ;

/* Ends the session: flushes, runs disconnect and post-connection, exits. */
extern void smtp_finish (int exitcode) __attribute__((noreturn)) ;

/* 421 with "<me> why", then smtp_finish(exitcode). */
extern void smtp_abort (int exitcode, char const *esc, char const *why) __attribute__((noreturn)) ;

/* Read or write failure: timeout → 421 4.4.2, else a silent end. */
extern void smtp_ioerror (void) __attribute__((noreturn)) ;

/* Acts on a reply_verdict outcome: ends the session on REPLY_CLOSE (exit 0) or
   REPLY_IOERROR (exit 111); returns 1 if the command goes on. */
extern int smtp_outcome (int r) ;

/* Forgets the transaction (firing reset_transaction if there was one). */
extern void smtp_txn_discard (void) ;

/* Runs tls_engine_cur's handshake (STARTTLS after its 220, or implicit TLS
   before the greeting) within timeoutsmtpd, at most TLS_HANDSHAKE_TIMEOUT.
   On failure, logs and ends the session without a reply; else sets
   sess.tls, forgets HELO, the transaction and AUTH state, sets the tls_*
   connection notes and logs the protocol and cipher. */
extern void smtp_tls_handshake (void) ;

/* An unrecognized command (the unrecognized_command hook and its reply);
   AUTH without an auth plugin is one. */
extern void smtp_unrecognized (char const *verb, char const *rest) ;

/* The DATA command, in smtpdata.c. */
extern void smtp_data (char *arg) ;

#endif
