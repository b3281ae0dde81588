/* ISC license. */
/* smtp.h: the SMTP command loop (RFC 5321 4.1), the only module that ends
   the process. */

#ifndef QCSMTPD_SMTP_H
#define QCSMTPD_SMTP_H

/* Builds the command/keyword/parameter table from the core's rows and the
   loaded plugins (after plugins_load). 1 ok, 0 configuration error, logged. */
extern int smtp_config (void) ;

/* With configured 0: 421 4.3.0 and exit 100. Else sends the greeting
   (after implicit TLS and the connect hook) and serves commands; never
   returns. */
extern void smtp_run (int configured) __attribute__((noreturn)) ;

/* How the process ends: _exit unless replaced (the session fuzzer unwinds
   with longjmp instead). */
extern void (*smtp_exit) (int) __attribute__((noreturn)) ;

/* Forgets everything of the session except its configuration, so that
   another session can run in the same process (fuzzing only). */
extern void smtp_reset (void) ;

/* Ends the session: flushes, forgets the transaction, runs disconnect and
   post-connection, closes TLS, exits. */
extern void smtp_end (int exitcode) __attribute__((noreturn)) ;

#endif
