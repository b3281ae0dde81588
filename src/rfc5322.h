/* ISC license. */
/* rfc5322.h: pure parsers of RFC 5322 header values (date-time, address-list),
   the obsolete syntax of its section 4 accepted ("MUST be accepted and
   parsed"). Linear time, no recursion, nothing kept between calls; they never
   print, never exit and read nothing past len.

   Decisions the RFC leaves open, or where we depart from it:
   - Octets above 127 (RFC 6532's UTF-8) are text in comments, quoted
     strings and atoms, so a raw UTF-8 display name parses: mail without
     SMTPUTF8 should not carry them, but much does, and refusing a whole
     message for its display name would refuse mail its sender cannot fix.
     An addr-spec that holds one is still a syntax error: no address we
     return carries an 8-bit octet (qcsmtpd offers no SMTPUTF8).
   - XXX: NUL and the other controls but HT (obs-NO-WS-CTL, obs-qp of RFC 5322
     4.1) are refused in comments, quoted strings, domain literals and
     quoted-pairs alike: no value we return carries one, and no mailer that
     matters sends them.
   - A line break is CRLF, or a bare LF (the form the core stores header
     lines in, src/msg.c); it must be followed by SP or HT (folding, 3.2.2;
     obs-FWS allows lines of blanks only), except one at the very end of the
     input (the field's own terminator, for callers that keep it). A bare CR,
     or a line break followed by anything else, is a syntax error.
   - Nesting of comments is counted, not recursed, to any depth. */

#ifndef QCSMTPD_RFC5322_H
#define QCSMTPD_RFC5322_H

#include <stddef.h>
#include <stdint.h>
#include <skalibs/stralloc.h>

#define RFC5322_ADDR_MAX 1000      /* mailboxes in one address-list */
#define RFC5322_ADDRSPEC_MAX 998   /* octets of one addr-spec (a line, RFC 5322 2.1.1) */

/* Parses the RFC 5322 3.3 date-time of len octets into *t, seconds since
   1970-01-01T00:00:00Z with the zone applied (negative before 1970): 1 ok,
   0 on a syntax error or an impossible date (*t then untouched).
   - CFWS wherever the obsolete grammar (4.3) allows it, trailing CFWS too;
     any other trailing text is an error.
   - Day-of-week optional; if present it must be a valid name followed by ','
     but it is not checked against the date (mail clients get it wrong; the
     RFC says nothing of a mismatch).
   - Month, day and zone names in any case (RFC 5234 2.3).
   - Year: 2 digits 00-49 are 20xx, 50-99 19xx; 3 digits + 1900 (4.3); 4 or
     more digits as written (leading zeros allowed, 4*DIGIT); the result must
     be 1900..9999 ("1900 or later", 3.3; 9999 our bound).
   - Day 1 or 2 digits, valid for the month (29 Feb only in leap years,
     Gregorian). Hour, minute, second exactly 2 digits; hour 00-23, minute
     00-59, second 00-60: 60 (a leap second) is accepted at any minute and
     counts as second 0 of the next minute. Seconds optional.
   - Zone: +hhmm/-hhmm with minutes 00-59 (hours 00-99), which needs a blank
     or a comment before it ("zone = FWS ..."); or an obsolete name UT GMT
     EST EDT CST CDT MST MDT PST PDT, or a military letter (A-I, K-Z), which
     4.3 says to take as "-0000": +0000 here. */
extern int rfc5322_date_parse (char const *s, size_t len, int64_t *t) ;

/* Parses the RFC 5322 3.4 address-list (also a mailbox-list) of len octets,
   appending each mailbox's addr-spec to sa as "local@domain" and a NUL, in
   order: the number of mailboxes (>= 0), or -1 with sa->len as on entry and
   errno EINVAL on a syntax error or a limit, ENOMEM if out of memory.
   - Obsolete forms: empty elements (", ,", a leading or trailing comma); a
     route "@a,@b:" before the addr-spec in angle brackets (dropped); CFWS
     between the words and dots of a local part or domain (dropped); a
     local part of quoted and plain words mixed ("a"."b"); dots in display
     names ("Joe Q. Public").
   - Empty input, CFWS only, or commas only: 0 (Bcc may be empty, 3.6.3). A
     caller that needs a mailbox checks for > 0.
   - Groups: their members are mailboxes, counted and appended; a group may
     be empty ("undisclosed-recipients:;"); groups do not nest. Groups are
     accepted wherever a list is (RFC 6854 allows them in From).
   - Display names and comments are dropped. A quoted local part is kept
     with its quotes and backslashes exactly as written, only unfolded (CR,
     LF removed): no canonical form is made, so "a"@b and a@b differ. A
     domain literal is kept with its brackets, unfolded.
   - At most RFC5322_ADDR_MAX mailboxes, each addr-spec at most
     RFC5322_ADDRSPEC_MAX octets after unfolding; more is an error. */
extern int rfc5322_addrlist_parse (char const *s, size_t len, stralloc *sa) ;

#endif
