/* ISC license. */
/* auth.h: SMTP AUTH (RFC 4954) with the SASL mechanisms PLAIN (RFC 4616),
   LOGIN and CRAM-MD5 (RFC 2195). The core runs the exchange and the auth
   hooks; plugins (under plugins/auth/) only verify credentials. */

#ifndef QCSMTPD_AUTH_H
#define QCSMTPD_AUTH_H

#include <stddef.h>
#include <skalibs/stralloc.h>

#include "limits.h"


/* The AUTH EHLO keyword's offer (qp_keyword_fn): appends " PLAIN LOGIN
   CRAM-MD5" to sa and returns 1, or 0 when AUTH is not offered now
   (already authenticated, or tls_before_auth outside TLS). */
extern int auth_keyword (void *state, stralloc *sa) ;

/* 1 if an auth hook is registered (else AUTH is an unknown command). */
extern int auth_available (void) ;

/* Reads control/auth_fail_limit when AUTH is offered: 1 usable (or
   absent: no throttling), 0 after logging a configuration error. */
extern int auth_config (void) ;

/* The AUTH command (qp_command_fn); arg is what follows the verb (wiped
   before return). Returns a QP_CMD_* outcome. */
extern int auth_command (void *state, char *arg) ;

/* Forgets the failure count and the mechanism (a new session in the same
   process, or after STARTTLS). */
extern void auth_reset (void) ;

/* MAIL's AUTH= parameter (RFC 4954 5, a qp_param_fn): for an
   authenticated client, its xtext-decoded value ("<>" when it does not
   decode) goes to the transaction note "auth_param". Never refuses. */
extern int auth_param (void *state, char const *value) ;

/* What the debug log may show of a command line: the line itself, or for
   an AUTH command only "AUTH <mechanism> ..." (in buf, max octets). */
extern char const *auth_log_line (char const *line, char *buf, size_t max) ;

/* Pure parsers of the decoded SASL responses, 1 valid, 0 syntax error.
   buf holds len octets and has room for one more (a NUL is written there);
   the pointers returned point into buf, each NUL-terminated. */

/* PLAIN (RFC 4616 2): [authzid] NUL authcid NUL passwd, exactly two NULs,
   authcid and passwd not empty. */
extern int auth_plain_split (char *buf, size_t len, char const **authzid, char const **authcid, char const **passwd) ;

/* CRAM-MD5 (RFC 2195 2): user SP digest, split at the last space; user not
   empty and without NUL; digest 32 hexadecimal digits (either case). */
extern int auth_cram_split (char *buf, size_t len, char const **user, char const **digest) ;

/* LOGIN: a user name or a password: not empty, no NUL. */
extern int auth_login_ok (char *buf, size_t len) ;

/* Decodes an xtext (RFC 3461 4) of len octets into out (room for len + 1,
   NUL-terminated). 1 valid, 0 syntax error. */
extern int auth_xtext_decode (char *out, char const *in, size_t len) ;

#endif
