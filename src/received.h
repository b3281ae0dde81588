/* ISC license. */
/* received.h: our trace field (RFC 5321 4.4, RFC 3848 protocol words). */

#ifndef QCSMTPD_RECEIVED_H
#define QCSMTPD_RECEIVED_H

#include <skalibs/stralloc.h>

/* The protocol word for the With clause: SMTP, ESMTP, ESMTPS, ESMTPA, ESMTPSA. */
extern char const *received_proto (void) ;

/* Appends the value of our Received: field (without "Received: ") to sa.
   1 ok, 0 no memory. */
extern int received_build (stralloc *sa, char const *proto) ;

/* Appends an RFC 5322 date-time in UTC for the time t. */
extern int received_date (stralloc *sa, long long t) ;

#endif
