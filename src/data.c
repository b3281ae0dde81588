/* ISC license. */
/* data.c: byte-level DATA state machine; pure, no I/O. */

#include "data.h"

#include <string.h>

enum { S_BOL = 0, S_DOT, S_DOTCR, S_MID, S_CR } ;

int data_feed (datafsm *f, char const *in, size_t len, char *out, size_t *outlen, size_t *used)
{
  size_t i = 0, o = 0 ;
  unsigned char st = f->state ;
  int ret = DATA_MORE ;
  while (i < len)
  {
    unsigned char c = in[i] ;
    switch (st)
    {
      case S_MID :
      {
        /* fast path: copy a run of ordinary octets */
        size_t j = i ;
        while (j < len && in[j] != '\r' && in[j] != '\n') j++ ;
        if (j > i) { memcpy(out + o, in + i, j - i) ; o += j - i ; i = j ; continue ; }
        if (c == '\r') st = S_CR ;
        else { ret = DATA_BARE ; goto end ; }
        break ;
      }
      case S_BOL :
        if (c == '.') st = S_DOT ;
        else if (c == '\r') st = S_CR ;
        else if (c == '\n') { ret = DATA_BARE ; goto end ; }
        else { out[o++] = c ; st = S_MID ; }
        break ;
      case S_DOT :
        /* RFC 5321 4.5.2: a leading dot is removed when other characters follow */
        if (c == '\r') st = S_DOTCR ;
        else if (c == '\n') { ret = DATA_BARE ; goto end ; }
        else { out[o++] = c ; st = S_MID ; }
        break ;
      case S_DOTCR :
        if (c == '\n') { i++ ; ret = DATA_END ; st = S_BOL ; goto end ; }
        ret = DATA_BARE ; goto end ;
      case S_CR :
        if (c == '\n') { out[o++] = '\n' ; st = S_BOL ; }
        else { ret = DATA_BARE ; goto end ; }
        break ;
    }
    i++ ;
  }
 end:
  f->state = st ;
  *outlen = o ;
  *used = i ;
  return ret ;
}
