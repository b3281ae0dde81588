/* ISC license. */
/* addr.c: parses and formats SMTP paths; no allocation except into the
   caller's stralloc, never trusts a length it did not check. */

#include "addr.h"

#include <string.h>
#include <arpa/inet.h>

#include <skalibs/bytestr.h>

static int isatext (unsigned char c)
{
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1 ;
  return c && !!strchr("!#$%&'*+-/=?^_`{|}~", c) ;
}

static int isletdig (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ;
}

int addr_isascii (char const *s, size_t len)
{
  size_t i = 0 ;
  for (; i < len ; i++) if ((unsigned char)s[i] >= 128) return 0 ;
  return 1 ;
}

int addr_domain_ok (char const *s, size_t len)
{
  size_t i = 0, lab = 0 ;
  if (!len || len > 255) return 0 ;
  for (; i < len ; i++)
  {
    unsigned char c = s[i] ;
    if (c == '.')
    {
      if (!lab || s[i-1] == '-') return 0 ;
      lab = 0 ;
      continue ;
    }
    if (!isletdig(c) && c != '-') return 0 ;
    if (!lab && c == '-') return 0 ;
    if (++lab > 63) return 0 ;
  }
  return lab && s[len-1] != '-' ;
}

static int ip_ok (int af, char const *s, size_t len)
{
  char buf[64] ;
  unsigned char out[16] ;
  if (len >= sizeof(buf)) return 0 ;
  memcpy(buf, s, len) ; buf[len] = 0 ;
  return inet_pton(af, buf, out) == 1 ;
}

/* s points after '['; returns the length of the literal content before ']', or 0. */
static size_t literal (char const *s, size_t len)
{
  size_t n = 0 ;
  while (n < len && s[n] != ']')
  {
    unsigned char c = s[n] ;
    if (c < 33 || c > 126 || c == '[' || c == '\\') return 0 ;
    n++ ;
  }
  if (n == len || !n) return 0 ;
  if (s[0] >= '0' && s[0] <= '9') return ip_ok(AF_INET, s, n) ? n : 0 ;
  if (n > 5 && case_startb(s, n, "IPv6:")) return ip_ok(AF_INET6, s + 5, n - 5) ? n : 0 ;
  /* General-address-literal: Standardized-tag ":" 1*dcontent */
  {
    char const *colon = memchr(s, ':', n) ;
    size_t i ;
    if (!colon || colon == s || (size_t)(colon - s) == n - 1) return 0 ;
    for (i = 0 ; s + i < colon ; i++) if (!isletdig(s[i]) && s[i] != '-') return 0 ;
  }
  return n ;
}

/* Parses the domain or address literal at s; returns its length, 0 if invalid. */
static size_t domain (char const *s, size_t len)
{
  size_t n = 0 ;
  if (len && s[0] == '[')
  {
    size_t l = literal(s + 1, len - 1) ;
    return l ? l + 2 : 0 ;
  }
  while (n < len && (isletdig(s[n]) || s[n] == '-' || s[n] == '.')) n++ ;
  return addr_domain_ok(s, n) ? n : 0 ;
}

/* Source route "@a,@b:"; returns its length (0 if absent), or (size_t)-1 if malformed. */
static size_t route (char const *s, size_t len)
{
  size_t i = 0 ;
  if (!len || s[0] != '@') return 0 ;
  for (;;)
  {
    size_t d ;
    if (i >= len || s[i] != '@') return (size_t)-1 ;
    i++ ;
    d = domain(s + i, len - i) ;
    if (!d) return (size_t)-1 ;
    i += d ;
    if (i < len && s[i] == ',') { i++ ; continue ; }
    if (i < len && s[i] == ':') return i + 1 ;
    return (size_t)-1 ;
  }
}

/* Local part at s into out; returns its length in s, 0 if invalid. */
static size_t localpart (char const *s, size_t len, stralloc *out)
{
  size_t i = 0 ;
  if (len && s[0] == '"')
  {
    for (i = 1 ; i < len ; i++)
    {
      unsigned char c = s[i] ;
      if (c == '"') return i + 1 ;
      if (c == '\\')
      {
        if (++i >= len) return 0 ;
        c = s[i] ;
        if (c < 32 || c > 126) return 0 ;
      }
      else if (c < 32 || c > 126) return 0 ;
      if (!stralloc_catb(out, (char const *)&c, 1)) return 0 ;
    }
    return 0 ;
  }
  /* Dot-string; dots are tolerated anywhere (some deployed addresses have
     "a..b" or a trailing dot) but an atom character is required. */
  {
    int atom = 0 ;
    while (i < len && (isatext(s[i]) || s[i] == '.')) atom |= s[i++] != '.' ;
    if (!atom || !stralloc_catb(out, s, i)) return 0 ;
  }
  return i ;
}

int addr_parse_path (char const *s, size_t len, stralloc *out, size_t *end, unsigned int flags)
{
  size_t i = 1, r, l, d, base = out->len ;
  if (!len || s[0] != '<') return 0 ;
  if (len >= 2 && s[1] == '>')
  {
    if (!(flags & ADDR_NULL_OK)) return 0 ;
    if (!stralloc_0(out)) return 0 ;
    out->len-- ;
    *end = 2 ;
    return 1 ;
  }
  if ((flags & ADDR_POSTMASTER_OK) && len >= 12 && case_startb(s + 1, 11, "postmaster>"))
  {
    if (!stralloc_catb(out, s + 1, 10) || !stralloc_0(out)) return 0 ;
    out->len-- ;
    *end = 12 ;
    return 1 ;
  }
  r = route(s + 1, len - 1) ;
  if (r == (size_t)-1) return 0 ;
  i += r ;
  l = localpart(s + i, len - i, out) ;
  if (!l || out->len == base) goto bad ;
  i += l ;
  if (i >= len || s[i] != '@') goto bad ;
  i++ ;
  d = domain(s + i, len - i) ;
  if (!d) goto bad ;
  if (!stralloc_catb(out, "@", 1) || !stralloc_catb(out, s + i, d)) goto bad ;
  i += d ;
  if (i >= len || s[i] != '>') goto bad ;
  if (!stralloc_0(out)) goto bad ;
  out->len-- ;
  *end = i + 1 ;
  return 1 ;
 bad:
  out->len = base ;
  return 0 ;
}

static int needquote (char const *s, size_t len)
{
  size_t i = 0 ;
  if (!len || s[0] == '.' || s[len-1] == '.') return 1 ;
  for (; i < len ; i++)
  {
    if (s[i] == '.') { if (s[i+1] == '.') return 1 ; continue ; }
    if (!isatext(s[i])) return 1 ;
  }
  return 0 ;
}

/* The '@' between local part and domain: the last one, unless the domain is
   an address literal, which may itself hold an '@' ([tag:a@b]). */
static char const *domain_at (char const *mbox)
{
  size_t n = strlen(mbox) ;
  if (n && mbox[n-1] == ']')
  {
    char const *lb = strrchr(mbox, '[') ;
    if (lb && lb > mbox && lb[-1] == '@') return lb - 1 ;
  }
  return strrchr(mbox, '@') ;
}

int addr_format (char const *mbox, stralloc *sa)
{
  char const *at = domain_at(mbox) ;
  size_t llen = at ? (size_t)(at - mbox) : strlen(mbox) ;
  if (!stralloc_catb(sa, "<", 1)) return 0 ;
  if (*mbox && needquote(mbox, llen))
  {
    size_t i = 0 ;
    if (!stralloc_catb(sa, "\"", 1)) return 0 ;
    for (; i < llen ; i++)
    {
      if ((mbox[i] == '"' || mbox[i] == '\\') && !stralloc_catb(sa, "\\", 1)) return 0 ;
      if (!stralloc_catb(sa, mbox + i, 1)) return 0 ;
    }
    if (!stralloc_catb(sa, "\"", 1)) return 0 ;
    if (at && !stralloc_cats(sa, at)) return 0 ;
  }
  else if (!stralloc_cats(sa, mbox)) return 0 ;
  return stralloc_catb(sa, ">", 1) ;
}
