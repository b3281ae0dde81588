/* ISC license. */
/* tests/unit/notes.c: the notes store (src/notes.h) and the transaction's
   recipients and reset (src/txn.h). */

#include <string.h>
#include <stdlib.h>
#include <errno.h>

#include <skalibs/stralloc.h>
#include <skalibs/genalloc.h>

#include "limits.h"
#include "notes.h"
#include "txn.h"
#include "unit.h"

static int is (char const *got, char const *exp)
{
  if (!exp) return !got ;
  return got && !strcmp(got, exp) ;
}

static void test_notes (void)
{
  stralloc sa = STRALLOC_ZERO ;
  char const *v ;
  int r ;

  v = notes_get(&sa, "a") ;
  unit_check(!v, "get from empty", "got \"%s\"", unit_escs(v)) ;
  r = notes_set(&sa, "a", "1") ;
  v = notes_get(&sa, "a") ;
  unit_check(r && is(v, "1"), "set then get", "r=%d got \"%s\"", r, unit_escs(v)) ;
  r = notes_set(&sa, "b", "2") ;
  unit_check(r && is(notes_get(&sa, "a"), "1") && is(notes_get(&sa, "b"), "2"), "two keys", "r=%d", r) ;
  r = notes_set(&sa, "a", "3") ;
  unit_check(r && is(notes_get(&sa, "a"), "3") && is(notes_get(&sa, "b"), "2") && sa.len == 8, "overwrite keeps one entry",
    "r=%d a \"%s\" len %zu", r, unit_escs(notes_get(&sa, "a")), sa.len) ;
  r = notes_set(&sa, "a", "a much longer value than before") ;
  unit_check(r && is(notes_get(&sa, "a"), "a much longer value than before") && is(notes_get(&sa, "b"), "2"),
    "overwrite with a longer value", "r=%d", r) ;
  r = notes_set(&sa, "a", 0) ;
  unit_check(r && !notes_get(&sa, "a") && is(notes_get(&sa, "b"), "2") && sa.len == 4, "delete", "r=%d len %zu", r, sa.len) ;
  r = notes_set(&sa, "zz", 0) ;
  unit_check(r && sa.len == 4, "delete an absent key", "r=%d len %zu", r, sa.len) ;
  r = notes_set(&sa, "e", "") ;
  v = notes_get(&sa, "e") ;
  unit_check(r && v && !*v, "empty value is present", "r=%d got \"%s\"", r, unit_escs(v)) ;
  r = notes_set(&sa, "", "emptykey") ;
  unit_check(r && is(notes_get(&sa, ""), "emptykey"), "empty key", "r=%d", r) ;
  r = notes_set(&sa, "ab", "x") ;
  unit_check(r && !notes_get(&sa, "abc") && is(notes_get(&sa, "ab"), "x"), "prefix or extension of a key is absent", "r=%d", r) ;
  r = notes_set(&sa, "k", "b") ;
  unit_check(r && is(notes_get(&sa, "b"), "2"), "a value is never taken for a key", "b is \"%s\"", unit_escs(notes_get(&sa, "b"))) ;
  notes_set(&sa, "b", 0) ;
  unit_check(!notes_get(&sa, "b") && is(notes_get(&sa, "k"), "b"), "a key named like a value", "k \"%s\"", unit_escs(notes_get(&sa, "k"))) ;
  r = notes_set(&sa, "\xc3\xa9\x01 key", "\xff value\t") ;
  unit_check(r && is(notes_get(&sa, "\xc3\xa9\x01 key"), "\xff value\t"), "8-bit and control octets", "r=%d", r) ;

  /* many keys, deleting every other one */
  {
    unsigned int i ;
    int ok = 1 ;
    char k[32], val[32] ;
    sa.len = 0 ;
    for (i = 0 ; i < 1000 ; i++) { snprintf(k, sizeof(k), "key%u", i) ; snprintf(val, sizeof(val), "val%u", i) ; if (!notes_set(&sa, k, val)) ok = 0 ; }
    for (i = 0 ; i < 1000 ; i += 2) { snprintf(k, sizeof(k), "key%u", i) ; if (!notes_set(&sa, k, 0)) ok = 0 ; }
    for (i = 0 ; i < 1000 && ok ; i++)
    {
      snprintf(k, sizeof(k), "key%u", i) ; snprintf(val, sizeof(val), "val%u", i) ;
      if (!is(notes_get(&sa, k), i & 1 ? val : 0)) ok = 0 ;
    }
    unit_check(ok, "1000 keys, half deleted", "mismatch at key%u", i) ;
  }

  /* NOTES_MAX: a set that would pass it fails with ENOSPC */
  {
    char *big = malloc(NOTES_MAX + 1) ;
    sa.len = 0 ;
    memset(big, 'v', NOTES_MAX) ;
    big[NOTES_MAX - 3] = 0 ;          /* "k\0" + value + "\0" = NOTES_MAX */
    r = notes_set(&sa, "k", big) ;
    unit_check(r && sa.len == NOTES_MAX, "exactly NOTES_MAX octets fit", "r=%d len %zu", r, sa.len) ;
    r = notes_set(&sa, "x", "") ;
    unit_check(!r && errno == ENOSPC && sa.len == NOTES_MAX, "one more note over NOTES_MAX fails with ENOSPC", "r=%d errno %d len %zu", r, errno, sa.len) ;
    r = notes_set(&sa, "k", "small") ;
    unit_check(r && is(notes_get(&sa, "k"), "small"), "overwrite at the limit with a smaller value", "r=%d", r) ;
    big[NOTES_MAX - 3] = 'v' ;
    big[NOTES_MAX - 2] = 0 ;
    sa.len = 0 ;
    errno = 0 ;
    r = notes_set(&sa, "k", big) ;
    unit_check(!r && errno == ENOSPC && sa.len == 0, "one octet over NOTES_MAX fails", "r=%d errno %d len %zu", r, errno, sa.len) ;
    /* a failed overwrite must keep the old value */
    notes_set(&sa, "keep", "old") ;
    notes_set(&sa, "other", "o") ;
    r = notes_set(&sa, "keep", big) ;
    v = notes_get(&sa, "keep") ;
    unit_check(!r && is(v, "old") && is(notes_get(&sa, "other"), "o"), "a failed overwrite keeps the old value",
      "r=%d keep is \"%s\"", r, unit_escs(v)) ;
    free(big) ;
  }
  stralloc_free(&sa) ;
}

static void test_txn (void)
{
  txn t = TXN_ZERO ;
  char const *v ;
  int r ;
  unit_check(txn_rcpt_count(&t) == 0 && !txn_rcpt(&t, 0), "empty", "count %u", txn_rcpt_count(&t)) ;
  r = txn_rcpt_remove(&t, 0) ;
  unit_check(!r, "remove from empty fails", "returned %d", r) ;
  r = txn_rcpt_add(&t, "a@x") && txn_rcpt_add(&t, "b@x") && txn_rcpt_add(&t, "c@x") ;
  unit_check(r && txn_rcpt_count(&t) == 3 && is(txn_rcpt(&t, 0), "a@x") && is(txn_rcpt(&t, 1), "b@x") && is(txn_rcpt(&t, 2), "c@x") && !txn_rcpt(&t, 3),
    "add three", "count %u", txn_rcpt_count(&t)) ;
  r = txn_rcpt_remove(&t, 1) ;
  unit_check(r && txn_rcpt_count(&t) == 2 && is(txn_rcpt(&t, 0), "a@x") && is(txn_rcpt(&t, 1), "c@x"), "remove the middle one",
    "count %u [1] \"%s\"", txn_rcpt_count(&t), unit_escs(txn_rcpt(&t, 1))) ;
  r = txn_rcpt_remove(&t, 2) ;
  unit_check(!r && txn_rcpt_count(&t) == 2, "remove out of range fails", "returned %d", r) ;
  r = txn_rcpt_remove(&t, (unsigned int)-1) ;
  unit_check(!r && txn_rcpt_count(&t) == 2, "remove index -1 fails", "returned %d", r) ;
  r = txn_rcpt_add(&t, "d@x") && txn_rcpt_remove(&t, 2) && txn_rcpt_remove(&t, 0) ;
  unit_check(r && txn_rcpt_count(&t) == 1 && is(txn_rcpt(&t, 0), "c@x"), "remove last and first", "count %u", txn_rcpt_count(&t)) ;
  r = txn_rcpt_add(&t, "") ;
  unit_check(r && txn_rcpt_count(&t) == 2 && is(txn_rcpt(&t, 1), ""), "empty recipient", "r=%d", r) ;
  r = txn_sender_set(&t, "s@x") ;
  unit_check(r && is(t.sender.s, "s@x"), "sender set", "r=%d", r) ;
  r = txn_sender_set(&t, "") ;
  unit_check(r && is(t.sender.s, ""), "null sender", "r=%d", r) ;

  /* reset: everything forgotten, storage kept */
  {
    size_t ra, oa, na, pa ;
    char *rs ;
    unsigned int i ;
    int ok = 1 ;
    for (i = 0 ; i < 200 ; i++) if (!txn_rcpt_add(&t, "somebody@example.com")) ok = 0 ;
    stralloc_cats(&t.notes, "k\0v") ; stralloc_0(&t.notes) ;
    stralloc_cats(&t.params, "size\0" "1") ; stralloc_0(&t.params) ;
    t.active = 1 ; t.body8 = 1 ;
    ra = t.rcpts.a ; oa = t.rcptoff.a ; na = t.notes.a ; pa = t.params.a ; rs = t.rcpts.s ;
    txn_reset(&t) ;
    unit_check(ok && !t.active && !t.body8 && !t.sender.len && !t.rcpts.len && !txn_rcpt_count(&t) && !t.notes.len && !t.params.len && !txn_rcpt(&t, 0),
      "reset forgets everything", "count %u", txn_rcpt_count(&t)) ;
    unit_check(t.rcpts.a == ra && t.rcptoff.a == oa && t.notes.a == na && t.params.a == pa && t.rcpts.s == rs,
      "reset keeps the capacity", "rcpts %zu/%zu off %zu/%zu", t.rcpts.a, ra, t.rcptoff.a, oa) ;
    for (i = 0 ; i < 200 ; i++) if (!txn_rcpt_add(&t, "somebody@example.com")) ok = 0 ;
    unit_check(ok && t.rcpts.s == rs && t.rcpts.a == ra && txn_rcpt_count(&t) == 200, "refilled after reset without growing",
      "a %zu/%zu", t.rcpts.a, ra) ;
  }

  /* many recipients, removed from the front one by one */
  {
    unsigned int i, n = 10000 ;
    int ok = 1 ;
    char b[32] ;
    txn_reset(&t) ;
    for (i = 0 ; i < n ; i++) { snprintf(b, sizeof(b), "r%u@x", i) ; if (!txn_rcpt_add(&t, b)) ok = 0 ; }
    for (i = 0 ; i < n && ok ; i++)
    {
      snprintf(b, sizeof(b), "r%u@x", i) ;
      if (!is(txn_rcpt(&t, 0), b) || !txn_rcpt_remove(&t, 0) || txn_rcpt_count(&t) != n - i - 1) ok = 0 ;
    }
    unit_check(ok, "10000 recipients added and removed in order", "failed at %u", i) ;
  }

  v = txn_rcpt(&t, 0) ;
  unit_check(!v, "empty after removing all", "got \"%s\"", unit_escs(v)) ;
  stralloc_free(&t.sender) ;
  stralloc_free(&t.rcpts) ;
  genalloc_free(size_t, &t.rcptoff) ;
  stralloc_free(&t.notes) ;
  stralloc_free(&t.params) ;
}

int main (void)
{
  unit_init("notes") ;
  test_notes() ;
  unit_module = "txn" ;
  test_txn() ;
  return unit_end() ;
}
