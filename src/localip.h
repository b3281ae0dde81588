/* ISC license. */
/* localip.h: qmail-smtpd's localiphost (reference/qmail.md 1.6): an address
   literal naming one of this host's own addresses is written as a name. */

#ifndef QCSMTPD_LOCALIP_H
#define QCSMTPD_LOCALIP_H

#include <skalibs/stralloc.h>

/* If the mailbox in sa (NUL-terminated, len without the NUL) ends in
   "@[a.b.c.d]" or "@[IPv6:...]" naming one of this host's addresses (its
   interfaces', TCPLOCALIP's, 0.0.0.0 or ::), replaces the literal with
   control/localiphost, else me. 1 ok (rewritten or not), 0 no memory. */
extern int localip_rewrite (stralloc *sa) ;

#endif
