/* ISC license. */
/* base64.c: RFC 4648 base64 for SMTP AUTH. Strict on input (canonical form
   only: RFC 4648 3.5 lets a decoder refuse non-zero pad bits, and one
   encoding per value leaves nothing for two parsers to disagree on). */

#include "base64.h"

static char const alphabet[64] =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/" ;

size_t base64_encode (char *out, char const *in, size_t len)
{
  unsigned char const *s = (unsigned char const *)in ;
  size_t o = 0 ;
  for (; len >= 3 ; s += 3, len -= 3)
  {
    out[o++] = alphabet[s[0] >> 2] ;
    out[o++] = alphabet[(s[0] & 3) << 4 | s[1] >> 4] ;
    out[o++] = alphabet[(s[1] & 15) << 2 | s[2] >> 6] ;
    out[o++] = alphabet[s[2] & 63] ;
  }
  if (len)
  {
    out[o++] = alphabet[s[0] >> 2] ;
    out[o++] = alphabet[(s[0] & 3) << 4 | (len == 2 ? s[1] >> 4 : 0)] ;
    out[o++] = len == 2 ? alphabet[(s[1] & 15) << 2] : '=' ;
    out[o++] = '=' ;
  }
  return o ;
}

/* 0..63, or -1 for anything else ('=' included) */
static int value (unsigned char c)
{
  if (c >= 'A' && c <= 'Z') return c - 'A' ;
  if (c >= 'a' && c <= 'z') return c - 'a' + 26 ;
  if (c >= '0' && c <= '9') return c - '0' + 52 ;
  if (c == '+') return 62 ;
  if (c == '/') return 63 ;
  return -1 ;
}

int base64_decode (char *out, size_t *outlen, char const *in, size_t len)
{
  unsigned char const *s = (unsigned char const *)in ;
  size_t i = 0, o = 0 ;
  if (len & 3) return 0 ;
  for (; i < len ; i += 4)
  {
    int last = i + 4 == len ;
    int pad = last ? (s[i+3] == '=') + (s[i+2] == '=' && s[i+3] == '=') : 0 ;
    int a = value(s[i]), b = value(s[i+1]) ;
    int c = pad == 2 ? 0 : value(s[i+2]) ;
    int d = pad ? 0 : value(s[i+3]) ;
    if (a < 0 || b < 0 || c < 0 || d < 0) return 0 ;
    if (pad == 2 && (b & 15)) return 0 ;
    if (pad == 1 && (c & 3)) return 0 ;
    out[o++] = (char)(a << 2 | b >> 4) ;
    if (pad < 2) out[o++] = (char)((b & 15) << 4 | c >> 2) ;
    if (!pad) out[o++] = (char)((c & 3) << 6 | d) ;
  }
  *outlen = o ;
  return 1 ;
}
