/* ISC license. */
/* reset.h: forgetting what the client told us, at the points RFC 5321 and
   RFC 3207 say so. */

#ifndef QCSMTPD_RESET_H
#define QCSMTPD_RESET_H

/* Forgets the transaction (firing reset_transaction if there was one). */
extern void reset_txn (void) ;

/* Forgets everything learnt from the client (RFC 3207 4.2, after a TLS
   handshake): HELO, the transaction, AUTH state. */
extern void reset_client (void) ;

#endif
