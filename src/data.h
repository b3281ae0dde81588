/* ISC license. */
/* data.h: the DATA transparency state machine (RFC 5321 4.5.2, 2.3.8).
   Converts the client's stream into the stored message: CRLF → LF, a leading
   dot removed; ends only at CRLF "." CRLF; any bare CR or LF is an error. */

#ifndef QCSMTPD_DATA_H
#define QCSMTPD_DATA_H

#include <stddef.h>

#define DATA_MORE 0     /* all input used, end not reached */
#define DATA_END 1      /* end of data reached */
#define DATA_BARE 2     /* bare CR or LF: the message must not be queued */

typedef struct datafsm_s datafsm ;
struct datafsm_s
{
  unsigned char state ;
} ;
#define DATAFSM_ZERO { .state = 0 }

/* Feeds len octets from in. Output (never longer than the input) goes to out,
   its length to *outlen; *used is the number of input octets consumed (all of
   them unless DATA_END or DATA_BARE). Returns DATA_MORE, DATA_END or DATA_BARE. */
extern int data_feed (datafsm *, char const *in, size_t len, char *out, size_t *outlen, size_t *used) ;

#endif
