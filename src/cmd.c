/* ISC license. */
/* cmd.c: splits command lines; knows nothing of SMTP state. */

#include "cmd.h"

#include <string.h>

#include <skalibs/bytestr.h>

int cmd_split (char *line, char *verb, char **arg)
{
  size_t i = 0, n ;
  char *a ;
  while (line[i] && line[i] != ' ')
  {
    unsigned char c = line[i] ;
    if (i >= CMD_VERB_MAX) return 0 ;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return 0 ;
    verb[i] = (c >= 'A' && c <= 'Z') ? c + 32 : c ;
    i++ ;
  }
  if (!i) return 0 ;
  verb[i] = 0 ;
  a = line + i ;
  while (*a == ' ') a++ ;
  n = strlen(a) ;
  while (n && (a[n-1] == ' ' || a[n-1] == '\t')) a[--n] = 0 ;
  *arg = a ;
  return 1 ;
}

size_t cmd_keyword (char const *s, char const *keyword)
{
  size_t n = strlen(keyword) ;
  if (strlen(s) < n || !case_startb(s, n, keyword)) return 0 ;
  while (s[n] == ' ') n++ ;
  return n ;
}

static int keychar (unsigned char c, int first)
{
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1 ;
  return !first && c == '-' ;
}

int cmd_params (char const *s, stralloc *sa)
{
  size_t base = sa->len ;
  for (;;)
  {
    size_t k = 0, v ;
    while (*s == ' ') s++ ;
    if (!*s) return 1 ;
    while (keychar(s[k], !k)) k++ ;
    if (!k || (s[k] && s[k] != ' ' && s[k] != '=')) goto bad ;
    {
      size_t i = 0 ;
      for (; i < k ; i++)
      {
        char c = s[i] ;
        if (c >= 'A' && c <= 'Z') c += 32 ;
        if (!stralloc_catb(sa, &c, 1)) goto bad ;
      }
    }
    if (!stralloc_0(sa)) goto bad ;
    s += k ;
    if (*s == '=')
    {
      s++ ;
      for (v = 0 ; s[v] && s[v] != ' ' ; v++)
      {
        unsigned char c = s[v] ;
        if (c < 33 || c > 126 || c == '=') goto bad ;
      }
      if (!v) goto bad ;
      if (!stralloc_catb(sa, s, v)) goto bad ;
      s += v ;
    }
    if (!stralloc_0(sa)) goto bad ;
  }
 bad:
  sa->len = base ;
  return 0 ;
}

char const *cmd_param_get (stralloc const *sa, char const *key)
{
  size_t i = 0 ;
  while (i < sa->len)
  {
    char const *k = sa->s + i ;
    char const *v = k + strlen(k) + 1 ;
    if (!strcmp(k, key)) return v ;
    i = (v - sa->s) + strlen(v) + 1 ;
  }
  return 0 ;
}
