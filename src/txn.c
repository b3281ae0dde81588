/* ISC license. */
/* txn.c: transaction storage, reused across RSET (len = 0, capacity kept). */

#include "txn.h"

#include <string.h>

txn txn_cur = TXN_ZERO ;

void txn_reset (txn *t)
{
  t->active = 0 ;
  t->sender.len = 0 ;
  t->rcpts.len = 0 ;
  genalloc_setlen(size_t, &t->rcptoff, 0) ;
  t->notes.len = 0 ;
  t->params.len = 0 ;
  t->body8 = 0 ;
}

int txn_sender_set (txn *t, char const *s)
{
  if (!stralloc_copys(&t->sender, s) || !stralloc_0(&t->sender)) return 0 ;
  t->sender.len-- ;
  return 1 ;
}

unsigned int txn_rcpt_count (txn const *t)
{
  return genalloc_len(size_t, &t->rcptoff) ;
}

char const *txn_rcpt (txn const *t, unsigned int i)
{
  if (i >= txn_rcpt_count(t)) return 0 ;
  return t->rcpts.s + genalloc_s(size_t, &t->rcptoff)[i] ;
}

int txn_rcpt_add (txn *t, char const *s)
{
  size_t off = t->rcpts.len ;
  if (!stralloc_cats(&t->rcpts, s) || !stralloc_0(&t->rcpts)) return 0 ;
  if (!genalloc_append(size_t, &t->rcptoff, &off)) { t->rcpts.len = off ; return 0 ; }
  return 1 ;
}

/* The mailbox's octets stay in rcpts until the next reset. */
int txn_rcpt_remove (txn *t, unsigned int i)
{
  unsigned int n = txn_rcpt_count(t) ;
  size_t *o = genalloc_s(size_t, &t->rcptoff) ;
  if (i >= n) return 0 ;
  memmove(o + i, o + i + 1, (n - i - 1) * sizeof(size_t)) ;
  genalloc_setlen(size_t, &t->rcptoff, n - 1) ;
  return 1 ;
}
