/* ISC license. */
/* dnsparse.h: the DNS answer parser (RFC 1035 4.1) and the query-name
   helpers of the resolver. Pure functions over bytes: no I/O, no c-ares,
   so that tests/fuzz/dns.c can drive them with any packet. */

#ifndef QCSMTPD_DNSPARSE_H
#define QCSMTPD_DNSPARSE_H

#include <stddef.h>
#include <stdint.h>
#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"
#include "limits.h"

/* An answer: its records of the asked type (at most DNS_RR_MAX), whose
   texts point into text (fixed once the parse is over). */
typedef struct dnsanswer_s dnsanswer ;
struct dnsanswer_s
{
  qp_dnsrr rr[DNS_RR_MAX] ;
  unsigned int n ;
  stralloc text ;
} ;
#define DNSANSWER_ZERO { .n = 0, .text = STRALLOC_ZERO }

/* Parses the reply pkt (len octets) to a question of type qtype: returns
   QP_DNS_ANSWER (a->n > 0), QP_DNS_NODATA, QP_DNS_NXDOMAIN, or
   QP_DNS_TEMPFAIL (a failure rcode, or a packet that breaks the format or
   the limits; *why then says what, for the log). Records of the type are
   kept whatever their owner (a CNAME chain's end has the target's name). */
extern int dns_parse (unsigned char const *pkt, size_t len, unsigned int qtype, dnsanswer *a, char const **why) ;
extern void dnsanswer_free (dnsanswer *a) ;

/* 1 if name (without or with one final dot) is a domain name a query may
   carry: 1 to 253 octets, labels of 1 to 63 letters, digits, - and _. */
extern int dns_name_ok (char const *name) ;

/* The name of ip (IPv4 dotted quad or IPv6 text) in zone: reversed octets
   (4.3.2.1.zone) or reversed nibbles (RFC 5782), appended to sa with a NUL.
   1 ok, 0 not an address or the name would be too long (sa unchanged). */
extern int dns_revname (char const *ip, char const *zone, stralloc *sa) ;

#endif
