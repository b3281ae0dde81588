/* ISC license. */
/* rfc5322.h: pure parsers of RFC 5322 header values, the obsolete syntax of
   its section 4 accepted (RFC 5322 4: "MUST ... be accepted and parsed").
   Octets above 127 are taken as text where text is allowed (RFC 6532
   UTF8-non-ascii); control characters are errors. Linear time, no
   recursion, nothing kept between calls. */

#ifndef QCSMTPD_RFC5322_H
#define QCSMTPD_RFC5322_H

#include <stddef.h>
#include <stdint.h>
#include <skalibs/stralloc.h>

#define RFC5322_ADDR_MAX 1000      /* mailboxes in one address-list */
#define RFC5322_ADDRSPEC_MAX 998   /* octets of one addr-spec (a line, RFC 5322 2.1.1) */

/* RFC 5322 3.3 date-time of len octets (folding and comments allowed where
   CFWS is): optional day-of-week (a valid name, not checked against the
   date), day, month name (any case), year (2 digits: 50..99 are 19xx, 00..49
   20xx; 3 digits: + 1900, RFC 5322 4.3), hh:mm[:ss] (60 allowed, leap
   second), zone +hhmm/-hhmm or an obsolete name (UT GMT EST EDT CST CDT MST
   MDT PST PDT; military letters count as +0000, RFC 5322 4.3). 1 and *t,
   seconds since 1970-01-01T00:00:00Z (negative before), or 0 on a syntax
   error or an impossible date (Feb 30, hour 24, minute 60, zone minutes 60,
   a year before 1900 or after 9999). */
extern int rfc5322_date_parse (char const *s, size_t len, int64_t *t) ;

/* RFC 5322 3.4 address-list (also a mailbox-list), obsolete forms included:
   empty elements (", ,"), a route before the addr-spec ("<@a,@b:u@d>",
   dropped), CFWS between the words of a local part or a domain. Appends each
   mailbox's addr-spec, "local@domain" followed by a NUL, in order; group
   members are mailboxes, a group may be empty; display names and comments
   are dropped; a quoted local part keeps its quotes, unfolded; a domain
   literal keeps its brackets. Returns the number of mailboxes, or -1 on a
   syntax error, more than RFC5322_ADDR_MAX mailboxes, an addr-spec longer
   than RFC5322_ADDRSPEC_MAX, or no memory (errno ENOMEM); sa->len is then
   as on entry. */
extern int rfc5322_addrlist_parse (char const *s, size_t len, stralloc *sa) ;

#endif
