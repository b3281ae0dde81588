/* ISC license. */
/* auth.h: SMTP AUTH (RFC 4954) with the SASL mechanisms PLAIN (RFC 4616),
   LOGIN and CRAM-MD5 (RFC 2195). The core runs the exchange and the auth
   hooks; plugins (under plugins/auth/) only verify credentials. */

#ifndef QCSMTPD_AUTH_H
#define QCSMTPD_AUTH_H

#include <skalibs/stralloc.h>

/* The EHLO keyword line for AUTH ("AUTH PLAIN LOGIN CRAM-MD5") appended to
   sa with a leading '\n', or nothing when AUTH is not offered now (no auth
   hook registered, already authenticated, or tls_before_auth outside TLS). */
extern int auth_ehlo (stralloc *sa) ;

/* The AUTH command; arg is what follows the verb. */
extern void smtp_auth (char *arg) ;

/* Forgets the failure count and the mechanism (a new session in the same
   process, or after STARTTLS). */
extern void auth_reset (void) ;

/* The mechanism that succeeded, lower-cased ("plain"), or "" */
extern char const *auth_mech (void) ;

#endif
