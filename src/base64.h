/* ISC license. */
/* base64.h: the base64 alphabet of RFC 4648 section 4, as SMTP AUTH uses it
   (RFC 4954 section 4): padded, no line breaks, no white space. */

#ifndef QCSMTPD_BASE64_H
#define QCSMTPD_BASE64_H

#include <stddef.h>

/* Octets base64_encode writes for len input octets. */
#define BASE64_ENCLEN(len) ((((len) + 2) / 3) * 4)
/* Octets base64_decode may write for len input octets (at most). */
#define BASE64_DECLEN(len) (((len) / 4) * 3)

/* Encodes len octets of in into out (BASE64_ENCLEN(len) octets, not
   NUL-terminated); returns that length. */
extern size_t base64_encode (char *out, char const *in, size_t len) ;

/* Decodes len octets of in into out (room for BASE64_DECLEN(len)); *outlen
   gets the decoded length. Pure parser: 1 valid, 0 syntax error (a character
   outside the alphabet, a length not a multiple of 4, '=' other than one or
   two at the end, or non-zero bits under the padding). An empty input is
   valid and decodes to nothing. */
extern int base64_decode (char *out, size_t *outlen, char const *in, size_t len) ;

#endif
