/* ISC license. */
/* resp.h: the part of Redis' protocol (RESP2) that the store speaks:
   commands as arrays of bulk strings, replies that are a status, an
   error, an integer, a bulk string or nil. */
#ifndef QCSMTPD_RESP_H
#define QCSMTPD_RESP_H

#include <stddef.h>
#include <stdint.h>

#include <skalibs/stralloc.h>

#define RESP_STATUS '+'
#define RESP_ERROR '-'
#define RESP_INTEGER ':'
#define RESP_BULK '$'
#define RESP_NIL 'n'

typedef struct resp_reply_s resp_reply ;
struct resp_reply_s
{
  int type ;             /* RESP_* */
  int64_t n ;            /* RESP_INTEGER */
  char const *s ;        /* status, error text or bulk data, inside the buffer parsed */
  size_t len ;
} ;

/* One reply at the start of buf: the octets it takes (> 0) and *r; 0 if
   buf holds only a beginning of one; -1 if it is not a reply we accept
   (a line over RESP_LINE_MAX, a bulk over RESP_BULK_MAX, an array or a
   RESP3 type, a bad number, a missing CRLF). */
extern long resp_parse (char const *buf, size_t len, resp_reply *r) ;

/* Appends the command argv[0..argc) (lens[i] octets each) to sa. 1, or 0
   no memory. */
extern int resp_command (stralloc *sa, unsigned int argc, char const *const *argv, size_t const *lens) ;

#endif
