/* ISC license. */
/* addr.h: RFC 5321 4.1.2 paths and mailboxes. Pure parsers: 1 valid, 0 syntax error. */

#ifndef QCSMTPD_ADDR_H
#define QCSMTPD_ADDR_H

#include <stddef.h>
#include <skalibs/stralloc.h>

#define ADDR_NULL_OK 0x1u          /* "<>" accepted (reverse-path) */
#define ADDR_POSTMASTER_OK 0x2u    /* bare "<postmaster>" accepted (forward-path) */

/* s starts with '<'. On success out holds the mailbox with the source route
   dropped, quotes removed and escapes resolved ("" for "<>"), NUL-terminated
   (out->len excludes the NUL), and *end is the index just after '>'. */
extern int addr_parse_path (char const *s, size_t len, stralloc *out, size_t *end, unsigned int flags) ;

/* 1 if every octet of s is 7-bit ASCII. */
extern int addr_isascii (char const *s, size_t len) ;

/* Appends "<mailbox>" to sa, quoting the local part when it is not a dot-string.
   1 ok, 0 no memory. */
extern int addr_format (char const *mbox, stralloc *sa) ;

/* 1 if s (len octets) is a syntactically valid domain name. */
extern int addr_domain_ok (char const *s, size_t len) ;

#endif
