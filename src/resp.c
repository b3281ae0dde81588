/* ISC license. */
/* resp.c: RESP2 replies and commands (resp.h). The parser reads only what
   the store's commands can get back (GET, SET, DEL, EVAL, AUTH, SELECT):
   an array or a RESP3 type is a protocol error, not something to skip,
   and every length is bounded before anything is kept. */

#include <string.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "limits.h"
#include "resp.h"

/* The line at buf ending in CRLF: its length without the CRLF, -2 if not
   there yet, -1 if it is too long or holds a lone CR or LF. */
static long line (char const *buf, size_t len)
{
  size_t max = len < RESP_LINE_MAX + 2 ? len : RESP_LINE_MAX + 2 ;
  for (size_t i = 0 ; i < max ; i++)
  {
    if (buf[i] == '\n') return -1 ;
    if (buf[i] != '\r') continue ;
    if (i + 1 == len) return -2 ;
    return buf[i + 1] == '\n' ? (long)i : -1 ;
  }
  return len < RESP_LINE_MAX + 2 ? -2 : -1 ;
}

/* A signed decimal of the whole span, written as Redis writes them: 1
   and *n, or 0. */
static int number (char const *s, size_t len, int64_t *n)
{
  int neg = len && s[0] == '-' ;
  uint64_t u = 0 ;
  size_t i = neg ;
  if (i == len || len - i > 19) return 0 ;
  /* as Redis writes them: no leading zero, no "-0" */
  if (s[i] == '0' && (len - i > 1 || neg)) return 0 ;
  for (; i < len ; i++)
  {
    if (s[i] < '0' || s[i] > '9') return 0 ;
    u = u * 10 + (uint64_t)(s[i] - '0') ;
  }
  if (u > (uint64_t)INT64_MAX + neg) return 0 ;
  *n = neg ? (int64_t)(0 - u) : (int64_t)u ;
  return 1 ;
}

long resp_parse (char const *buf, size_t len, resp_reply *r)
{
  long l ;
  int64_t n ;
  if (!len) return 0 ;
  l = line(buf + 1, len - 1) ;
  if (l == -2) return 0 ;
  if (l < 0) return -1 ;
  r->n = 0 ;
  r->s = 0 ;
  r->len = 0 ;
  switch (buf[0])
  {
    case RESP_STATUS :
    case RESP_ERROR :
      r->type = buf[0] ;
      r->s = buf + 1 ;
      r->len = (size_t)l ;
      return l + 3 ;
    case RESP_INTEGER :
      if (!number(buf + 1, (size_t)l, &r->n)) return -1 ;
      r->type = RESP_INTEGER ;
      return l + 3 ;
    case RESP_BULK :
      if (!number(buf + 1, (size_t)l, &n)) return -1 ;
      if (n == -1)
      {
        r->type = RESP_NIL ;
        return l + 3 ;
      }
      if (n < 0 || n > RESP_BULK_MAX) return -1 ;
      if (len - (size_t)(l + 3) < (size_t)n + 2) return 0 ;
      if (buf[l + 3 + n] != '\r' || buf[l + 4 + n] != '\n') return -1 ;
      r->type = RESP_BULK ;
      r->s = buf + l + 3 ;
      r->len = (size_t)n ;
      return l + 5 + (long)n ;
    default :
      return -1 ;
  }
}

int resp_command (stralloc *sa, unsigned int argc, char const *const *argv, size_t const *lens)
{
  char fmt[SIZE_FMT] ;
  if (!stralloc_catb(sa, "*", 1) || !stralloc_catb(sa, fmt, uint_fmt(fmt, argc)) || !stralloc_catb(sa, "\r\n", 2)) return 0 ;
  for (unsigned int i = 0 ; i < argc ; i++)
    if (!stralloc_catb(sa, "$", 1) || !stralloc_catb(sa, fmt, size_fmt(fmt, lens[i])) || !stralloc_catb(sa, "\r\n", 2)
     || !stralloc_catb(sa, argv[i], lens[i]) || !stralloc_catb(sa, "\r\n", 2)) return 0 ;
  return 1 ;
}
