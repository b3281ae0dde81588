/* ISC license. */
/* txn.h: the mail transaction: sender, recipients, notes (RFC 5321 3.3). */

#ifndef QCSMTPD_TXN_H
#define QCSMTPD_TXN_H

#include <skalibs/stralloc.h>
#include <skalibs/genalloc.h>

typedef struct txn_s txn ;
struct txn_s
{
  int active ;          /* MAIL accepted */
  stralloc sender ;     /* NUL-terminated mailbox, "" for <>; len excludes the NUL */
  stralloc rcpts ;      /* NUL-terminated mailboxes, one after another */
  genalloc rcptoff ;    /* size_t: offsets into rcpts */
  stralloc notes ;
  stralloc params ;     /* ESMTP parameters of the MAIL/RCPT being processed */
  int body8 ;           /* BODY=8BITMIME given */
} ;
#define TXN_ZERO { .active = 0, .sender = STRALLOC_ZERO, .rcpts = STRALLOC_ZERO, .rcptoff = GENALLOC_ZERO, .notes = STRALLOC_ZERO, .params = STRALLOC_ZERO, .body8 = 0 }

extern txn txn_cur ;

/* Forgets the transaction, keeps the storage. */
extern void txn_reset (txn *) ;
extern int txn_sender_set (txn *, char const *) ;
extern unsigned int txn_rcpt_count (txn const *) ;
extern char const *txn_rcpt (txn const *, unsigned int) ;
extern int txn_rcpt_add (txn *, char const *) ;
extern int txn_rcpt_remove (txn *, unsigned int) ;

#endif
