/* ISC license. */
/* dnsparse.c: reads DNS answers (RFC 1035 4.1) defensively: every length is
   checked against the packet, compression pointers must point backwards
   (so no loop), and what is kept is bounded (limits.h DNS_*). */

#include "dnsparse.h"

#include <string.h>
#include <stdlib.h>

#include <arpa/inet.h>

#include <skalibs/stralloc.h>
#include <skalibs/fmtscan.h>
#include <skalibs/types.h>

#define HEADER 12

static unsigned int u16 (unsigned char const *p) { return ((unsigned int)p[0] << 8) | p[1] ; }
static uint32_t u32 (unsigned char const *p)
{
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3] ;
}

/* Reads the name at *pos into out (dotted, no final dot, at most 255
   octets with its NUL), moving *pos past it. 1 ok, 0 malformed. */
static int name_read (unsigned char const *pkt, size_t len, size_t *pos, char *out)
{
  size_t p = *pos, o = 0, end = 0 ;
  size_t floor = p ;     /* a pointer must go below where this name part starts */
  int jumped = 0 ;
  for (;;)
  {
    unsigned int c ;
    if (p >= len) return 0 ;
    c = pkt[p] ;
    if (!c)
    {
      if (!jumped) end = p + 1 ;
      break ;
    }
    if ((c & 0xc0) == 0xc0)
    {
      size_t target ;
      if (p + 1 >= len) return 0 ;
      target = ((c & 0x3f) << 8) | pkt[p + 1] ;
      if (target >= floor || target < HEADER) return 0 ;
      if (!jumped) end = p + 2 ;
      jumped = 1 ;
      floor = target ;
      p = target ;
      continue ;
    }
    if (c & 0xc0) return 0 ;          /* 0x40, 0x80: extended label types */
    if (p + 1 + c > len) return 0 ;
    if (o + (o > 0) + c > 253) return 0 ;    /* RFC 1035 3.1: 255 octets on the wire, 253 as text */
    if (o) out[o++] = '.' ;
    for (unsigned int i = 0 ; i < c ; i++)
    {
      unsigned char ch = pkt[p + 1 + i] ;
      out[o++] = (ch > 32 && ch < 127 && ch != '.') ? (char)ch : '?' ;
    }
    p += 1 + c ;
  }
  out[o] = 0 ;
  *pos = end ;
  return 1 ;
}

/* printable ASCII kept, anything else '?' */
static int text_add (stralloc *sa, unsigned char const *s, size_t n)
{
  size_t start = sa->len ;
  if (!stralloc_readyplus(sa, n)) return 0 ;
  for (size_t i = 0 ; i < n ; i++)
    sa->s[start + i] = (s[i] >= 32 && s[i] < 127) ? (char)s[i] : '?' ;
  sa->len += n ;
  return 1 ;
}

void dnsanswer_free (dnsanswer *a)
{
  stralloc_free(&a->text) ;
  a->n = 0 ;
}

static int fail (char const **why, char const *what)
{
  if (why) *why = what ;
  return QP_DNS_TEMPFAIL ;
}

static int parse (unsigned char const *pkt, size_t len, unsigned int qtype, dnsanswer *a, char const **why)
{
  size_t pos = HEADER ;
  size_t offs[DNS_RR_MAX] ;
  unsigned int qd, an, rcode, i ;
  char name[256] ;
  a->n = 0 ;
  a->text.len = 0 ;
  if (why) *why = 0 ;
  if (len < HEADER) return fail(why, "shorter than a header") ;
  if (!(pkt[2] & 0x80)) return fail(why, "not a response") ;
  if (pkt[2] & 0x02) return fail(why, "truncated") ;
  rcode = pkt[3] & 0x0f ;
  qd = u16(pkt + 4) ;
  an = u16(pkt + 6) ;
  if (rcode == 3) return QP_DNS_NXDOMAIN ;
  if (rcode) return fail(why, "error rcode") ;
  for (i = 0 ; i < qd ; i++)
  {
    if (!name_read(pkt, len, &pos, name)) return fail(why, "malformed question") ;
    if (pos + 4 > len) return fail(why, "malformed question") ;
    pos += 4 ;
  }
  for (i = 0 ; i < an ; i++)
  {
    unsigned int type, rdlen ;
    uint32_t ttl ;
    size_t rd ;
    qp_dnsrr *r ;
    if (!name_read(pkt, len, &pos, name)) return fail(why, "malformed record name") ;
    if (pos + 10 > len) return fail(why, "record header past the end") ;
    type = u16(pkt + pos) ;
    ttl = u32(pkt + pos + 4) ;
    rdlen = u16(pkt + pos + 8) ;
    rd = pos + 10 ;
    if (rd + rdlen > len) return fail(why, "record data past the end") ;
    pos = rd + rdlen ;
    if (type != qtype || u16(pkt + rd - 8) != 1) continue ;     /* other types, classes other than IN */
    if (a->n >= DNS_RR_MAX) continue ;                          /* kept: the first DNS_RR_MAX */
    r = a->rr + a->n ;
    memset(r, 0, sizeof *r) ;
    r->type = type ;
    r->ttl = ttl > 0x7fffffffU ? 0 : (unsigned int)ttl ;
    offs[a->n] = a->text.len ;
    switch (type)
    {
      case QP_DNS_A :
      {
        char fmt[IP4_FMT] ;
        if (rdlen != 4) return fail(why, "A record not 4 octets") ;
        memcpy(r->ip, pkt + rd, 4) ;
        fmt[ip4_fmt(fmt, (char const *)r->ip)] = 0 ;
        if (!stralloc_cats(&a->text, fmt)) return fail(why, "out of memory") ;
        break ;
      }
      case QP_DNS_AAAA :
      {
        char fmt[IP6_FMT] ;
        if (rdlen != 16) return fail(why, "AAAA record not 16 octets") ;
        memcpy(r->ip, pkt + rd, 16) ;
        fmt[ip6_fmt(fmt, (char const *)r->ip)] = 0 ;
        if (!stralloc_cats(&a->text, fmt)) return fail(why, "out of memory") ;
        break ;
      }
      case QP_DNS_MX :
      {
        size_t p = rd + 2 ;
        if (rdlen < 3) return fail(why, "MX record too short") ;
        r->pref = u16(pkt + rd) ;
        if (!name_read(pkt, rd + rdlen, &p, name) || p != rd + rdlen) return fail(why, "malformed MX record") ;
        if (!stralloc_cats(&a->text, name)) return fail(why, "out of memory") ;
        break ;
      }
      case QP_DNS_PTR :
      {
        size_t p = rd ;
        if (!name_read(pkt, rd + rdlen, &p, name) || p != rd + rdlen) return fail(why, "malformed PTR record") ;
        if (!stralloc_cats(&a->text, name)) return fail(why, "out of memory") ;
        break ;
      }
      case QP_DNS_TXT :
      {
        size_t p = rd ;
        if (rdlen > DNS_RR_TEXT_MAX + 256) return fail(why, "TXT record over the size limit") ;
        while (p < rd + rdlen)
        {
          unsigned int n = pkt[p] ;
          if (p + 1 + n > rd + rdlen) return fail(why, "malformed TXT record") ;
          if (!text_add(&a->text, pkt + p + 1, n)) return fail(why, "out of memory") ;
          p += 1 + n ;
        }
        if (a->text.len - offs[a->n] > DNS_RR_TEXT_MAX) return fail(why, "TXT record over the size limit") ;
        break ;
      }
      default : return fail(why, "unsupported type") ;
    }
    if (a->text.len - a->n > DNS_ANSWER_TEXT_MAX) return fail(why, "answer text over the size limit") ;   /* without the NULs */
    if (!stralloc_0(&a->text)) return fail(why, "out of memory") ;
    a->n++ ;
  }
  for (i = 0 ; i < a->n ; i++) a->rr[i].text = a->text.s + offs[i] ;
  return a->n ? QP_DNS_ANSWER : QP_DNS_NODATA ;
}

int dns_parse (unsigned char const *pkt, size_t len, unsigned int qtype, dnsanswer *a, char const **why)
{
  int r = parse(pkt, len, qtype, a, why) ;
  if (r != QP_DNS_ANSWER) a->n = 0 ;    /* records read before a failure are not an answer */
  return r ;
}

int dns_name_ok (char const *name)
{
  size_t n = strlen(name), i, label = 0 ;
  if (n && name[n - 1] == '.') n-- ;
  if (!n || n > 253) return 0 ;
  for (i = 0 ; i < n ; i++)
  {
    char c = name[i] ;
    if (c == '.')
    {
      if (!label) return 0 ;
      label = 0 ;
      continue ;
    }
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return 0 ;
    if (++label > 63) return 0 ;
  }
  return label > 0 ;
}

int dns_revname (char const *ip, char const *zone, stralloc *sa)
{
  static char const hex[] = "0123456789abcdef" ;
  unsigned char a[16] ;
  size_t start = sa->len ;
  size_t zl = strlen(zone) ;
  int i ;
  if (zl && zone[zl - 1] == '.') zl-- ;
  /* inet_pton: skalibs' ip6_scan does not take the embedded IPv4 forms
     (::ffff:192.0.2.1), which RFC 4291 2.2 allows */
  if (inet_pton(AF_INET, ip, a) == 1)
  {
    for (i = 3 ; i >= 0 ; i--)
    {
      char fmt[UINT_FMT] ;
      size_t k = uint_fmt(fmt, a[i]) ;
      if (!stralloc_catb(sa, fmt, k) || !stralloc_catb(sa, ".", 1)) goto err ;
    }
  }
  else if (inet_pton(AF_INET6, ip, a) == 1)
  {
    for (i = 15 ; i >= 0 ; i--)
    {
      char nib[4] = { hex[a[i] & 15], '.', hex[a[i] >> 4], '.' } ;
      if (!stralloc_catb(sa, nib, 4)) goto err ;
    }
  }
  else return 0 ;
  if (!stralloc_catb(sa, zone, zl) || !stralloc_0(sa)) goto err ;
  if (sa->len - start - 1 > 253) goto err ;
  return 1 ;
 err:
  sa->len = start ;
  return 0 ;
}
