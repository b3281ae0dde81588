/* ISC license. */
/* notes.c: small linear key/value store; bounded by NOTES_MAX. */

#include "notes.h"

#include <string.h>
#include <errno.h>

#include "limits.h"

static size_t find (stralloc const *sa, char const *key, size_t *end)
{
  size_t i = 0 ;
  while (i < sa->len)
  {
    char const *k = sa->s + i ;
    size_t kl = strlen(k) ;
    size_t vl = strlen(k + kl + 1) ;
    if (!strcmp(k, key)) { *end = i + kl + vl + 2 ; return i ; }
    i += kl + vl + 2 ;
  }
  return (size_t)-1 ;
}

char const *notes_get (stralloc const *sa, char const *key)
{
  size_t end ;
  size_t i = find(sa, key, &end) ;
  if (i == (size_t)-1) return 0 ;
  return sa->s + i + strlen(key) + 1 ;
}

int notes_set (stralloc *sa, char const *key, char const *value)
{
  size_t end ;
  size_t i = find(sa, key, &end) ;
  size_t old = i == (size_t)-1 ? 0 : end - i ;
  if (value && sa->len - old + strlen(key) + strlen(value) + 2 > NOTES_MAX) { errno = ENOSPC ; return 0 ; }
  if (i != (size_t)-1)
  {
    memmove(sa->s + i, sa->s + end, sa->len - end) ;
    sa->len -= end - i ;
  }
  if (!value) return 1 ;
  {
    /* room for the whole record first, so a failure leaves no partial one */
    size_t kl = strlen(key), vl = strlen(value) ;
    if (!stralloc_readyplus(sa, kl + vl + 2)) return 0 ;
    memcpy(sa->s + sa->len, key, kl + 1) ;
    memcpy(sa->s + sa->len + kl + 1, value, vl + 1) ;
    sa->len += kl + vl + 2 ;
  }
  return 1 ;
}
