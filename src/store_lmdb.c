/* ISC license. */
/* store_lmdb.c: the store's calls (qp_store_*, through store.c) on an LMDB
   environment under control/store_dir, opened at the first call so that a
   session whose plugins never ask pays nothing.

   Locking is ours, not LMDB's (MDB_NOLOCK): an fcntl lock on store_dir/lock,
   shared for a read transaction and exclusive for a write one, taken with
   F_SETLK in a loop under a deadline (STORE_LOCK_MS and the policy budget).
   So no session ever waits on the store for longer than that, and the
   kernel drops the lock of a session killed in the middle of an update
   (LMDB's own writer mutex has no timeout, and its reader table keeps the
   slots of killed processes until someone checks). Transactions are a few
   microseconds long: readers and writers excluding each other costs
   nothing here, and it is what MDB_NOLOCK asks of the caller.

   Records: key = namespace NUL key; value = 8 octets of expiry (big-endian
   epoch seconds, 0 none), 1 octet of kind ('s' bytes, 'c' counter: 8
   octets big-endian two's complement), then the data. An expired record
   reads as missing; a write that meets one replaces it, and every write
   transaction also sweeps STORE_SWEEP_MAX records onward from where the
   previous one stopped (a cursor kept under the reserved key NUL "sweep"),
   so expired records go away without a daemon and without a full scan. */

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <lmdb.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "qcsmtpd/plugin.h"
#include "limits.h"
#include "store.h"

#define HEAD 9     /* expiry (8) + kind (1) */

static MDB_env *env = 0 ;
static MDB_dbi dbi ;
static int lockfd = -1 ;
static int state = 0 ;     /* 0 not opened, 1 open, -1 unusable for this connection */
#define fail store_fail

/* Takes the lock (F_RDLCK or F_WRLCK) within STORE_LOCK_MS and the
   policy budget: 1, or 0 (errno ETIMEDOUT or the fcntl error), logged. */
static int lock (short type)
{
  struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 } ;
  unsigned int left = qp_budget_left(), waited = 0, step = 1 ;
  if (left > STORE_LOCK_MS) left = STORE_LOCK_MS ;
  for (;;)
  {
    struct timespec ts ;
    if (!fcntl(lockfd, F_SETLK, &fl)) return 1 ;
    if (errno == EINTR) continue ;
    if (errno != EAGAIN && errno != EACCES)
    {
      fail("cannot lock store_dir/lock", strerror(errno)) ;
      return 0 ;
    }
    if (waited >= left)
    {
      fail("store_dir/lock", "held by another session for longer than the deadline") ;
      errno = ETIMEDOUT ;
      return 0 ;
    }
    /* 1, 2, 4 ... 16 ms: a transaction takes microseconds */
    ts.tv_sec = 0 ;
    ts.tv_nsec = (long)step * 1000000 ;
    nanosleep(&ts, 0) ;
    waited += step ;
    if (step < 16) step <<= 1 ;
  }
}

static void unlock (void)
{
  struct flock fl = { .l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 } ;
  fcntl(lockfd, F_SETLK, &fl) ;
}

static int open_store (void)
{
  stralloc dir = STRALLOC_ZERO ;
  uint64_t mib = STORE_MAPSIZE_DEFAULT ;
  MDB_txn *txn ;
  int r ;
  if (state) return state > 0 ;
  state = -1 ;
  r = qp_control_line("store_dir", &dir) ;
  if (r <= 0)
  {
    fail("control/store_dir", r < 0 ? strerror(errno) : "not set: no store") ;
    stralloc_free(&dir) ;
    return 0 ;
  }
  r = qp_control_uint("store_mapsize", &mib) ;
  if (r < 0 || mib < 1 || mib > STORE_MAPSIZE_MAX)
  {
    fail("control/store_mapsize", "not a number of MiB from 1 to " "65536") ;
    stralloc_free(&dir) ;
    return 0 ;
  }
  {
    size_t n = dir.len ;
    int e ;
    if (!stralloc_cats(&dir, "/lock") || !stralloc_0(&dir)) { fail("store", "out of memory") ; stralloc_free(&dir) ; return 0 ; }
    lockfd = open(dir.s, O_RDWR | O_CREAT | O_CLOEXEC, 0660) ;
    e = errno ;
    dir.len = n ;
    dir.s[n] = 0 ;
    if (lockfd < 0)
    {
      stralloc_catb(&dir, ": ", 2) ;
      stralloc_cats(&dir, strerror(e)) ;
      stralloc_0(&dir) ;
      fail("cannot open the LMDB environment in store_dir", dir.s) ;
      stralloc_free(&dir) ;
      return 0 ;
    }
  }
  /* the first process to open a new environment writes its meta pages */
  if (!lock(F_WRLCK)) { stralloc_free(&dir) ; close(lockfd) ; lockfd = -1 ; return 0 ; }
  r = mdb_env_create(&env) ;
  if (!r) r = mdb_env_set_mapsize(env, (size_t)mib << 20) ;
  /* MDB_NOLOCK: our fcntl lock instead (above). MDB_NOMETASYNC: data pages
     are flushed at commit, the meta page lazily; a system crash may lose
     the last transaction, never the structure. */
  if (!r) r = mdb_env_open(env, dir.s, MDB_NOTLS | MDB_NOLOCK | MDB_NOMETASYNC, 0660) ;
  if (r)
  {
    unlock() ;
    close(lockfd) ;
    lockfd = -1 ;
    stralloc_catb(&dir, ": ", 2) ;
    stralloc_cats(&dir, mdb_strerror(r)) ;
    stralloc_0(&dir) ;
    fail("cannot open the LMDB environment in store_dir", dir.s) ;
    if (env) mdb_env_close(env) ;
    env = 0 ;
    stralloc_free(&dir) ;
    return 0 ;
  }
  stralloc_free(&dir) ;
  r = mdb_txn_begin(env, 0, 0, &txn) ;
  if (!r) r = mdb_dbi_open(txn, 0, 0, &dbi) ;
  if (!r) r = mdb_txn_commit(txn) ;
  else mdb_txn_abort(txn) ;
  unlock() ;
  if (r)
  {
    fail("cannot open the database", mdb_strerror(r)) ;
    mdb_env_close(env) ;
    env = 0 ;
    close(lockfd) ;
    lockfd = -1 ;
    return 0 ;
  }
  state = 1 ;
  return 1 ;
}

static void put64 (unsigned char *p, uint64_t v)
{
  for (int i = 7 ; i >= 0 ; i--) { p[i] = (unsigned char)v ; v >>= 8 ; }
}

static uint64_t get64 (unsigned char const *p)
{
  uint64_t v = 0 ;
  for (int i = 0 ; i < 8 ; i++) v = v << 8 | p[i] ;
  return v ;
}

/* ns NUL key into buf: its length, or 0 (EINVAL) */
static size_t mkkey (char *buf, char const *ns, char const *key, size_t klen)
{
  size_t n = strlen(ns) ;
  if (!n || n > STORE_NS_MAX || memchr(ns, 0, n) || klen > STORE_KEY_MAX) { errno = EINVAL ; return 0 ; }
  memcpy(buf, ns, n) ;
  buf[n] = 0 ;
  memcpy(buf + n + 1, key, klen) ;
  return n + 1 + klen ;
}

static int expired (MDB_val const *v, int64_t now)
{
  uint64_t e ;
  if (v->mv_size < HEAD) return 1 ;     /* not ours: as good as gone */
  e = get64(v->mv_data) ;
  return e && (int64_t)e <= now ;
}

/* A read or write transaction; a map another process grew is adopted. */
static int begin (unsigned int flags, MDB_txn **txn)
{
  int r ;
  if (!lock(flags & MDB_RDONLY ? F_RDLCK : F_WRLCK)) return 0 ;
  r = mdb_txn_begin(env, 0, flags, txn) ;
  if (r == MDB_MAP_RESIZED)
  {
    r = mdb_env_set_mapsize(env, 0) ;
    if (!r) r = mdb_txn_begin(env, 0, flags, txn) ;
  }
  if (r) { fail("cannot begin a transaction", mdb_strerror(r)) ; unlock() ; }
  return !r ;
}

/* Ends a read transaction. */
static void end (MDB_txn *txn)
{
  mdb_txn_abort(txn) ;
  unlock() ;
}

static int commit (MDB_txn *txn, int r)
{
  if (!r) r = mdb_txn_commit(txn) ;
  else mdb_txn_abort(txn) ;
  unlock() ;
  if (!r) return 1 ;
  fail(r == MDB_MAP_FULL ? "the map is full (raise control/store_mapsize)" : "cannot write", mdb_strerror(r)) ;
  errno = r == MDB_MAP_FULL ? ENOSPC : EIO ;
  return 0 ;
}

/* Deletes the expired records among the next STORE_SWEEP_MAX from the
   sweep cursor, and moves the cursor. Errors here only end the sweep. */
static void sweep (MDB_txn *txn, int64_t now)
{
  static char const mark[6] = { 0, 's', 'w', 'e', 'e', 'p' } ;
  MDB_val mk = { .mv_size = sizeof mark, .mv_data = (void *)mark } ;
  MDB_val k, v, at ;
  MDB_cursor *c ;
  char pos[STORE_NS_MAX + 1 + STORE_KEY_MAX] ;
  size_t plen = 0 ;
  int r ;
  if (!mdb_get(txn, dbi, &mk, &at) && at.mv_size <= sizeof pos)
  {
    memcpy(pos, at.mv_data, at.mv_size) ;
    plen = at.mv_size ;
  }
  if (mdb_cursor_open(txn, dbi, &c)) return ;
  k.mv_size = plen ; k.mv_data = pos ;
  r = plen ? mdb_cursor_get(c, &k, &v, MDB_SET_RANGE) : mdb_cursor_get(c, &k, &v, MDB_FIRST) ;
  for (unsigned int i = 0 ; i < STORE_SWEEP_MAX ; i++)
  {
    if (r == MDB_NOTFOUND) { r = mdb_cursor_get(c, &k, &v, MDB_FIRST) ; if (r) break ; }
    else if (r) break ;
    if (k.mv_size && ((char *)k.mv_data)[0] && expired(&v, now)) mdb_cursor_del(c, 0) ;
    r = mdb_cursor_get(c, &k, &v, MDB_NEXT) ;
  }
  plen = 0 ;
  if (!r && k.mv_size <= sizeof pos) { memcpy(pos, k.mv_data, k.mv_size) ; plen = k.mv_size ; }
  mdb_cursor_close(c) ;
  at.mv_size = plen ; at.mv_data = pos ;
  mdb_put(txn, dbi, &mk, &at, 0) ;
}

int store_lmdb_get (char const *ns, char const *key, size_t klen, stralloc *value, int64_t *expires)
{
  char kb[STORE_NS_MAX + 1 + STORE_KEY_MAX] ;
  MDB_val k, v ;
  MDB_txn *txn ;
  int r ;
  k.mv_size = mkkey(kb, ns, key, klen) ;
  k.mv_data = kb ;
  if (!k.mv_size) return -1 ;
  if (!open_store()) { errno = EIO ; return -1 ; }
  if (!begin(MDB_RDONLY, &txn)) { errno = EIO ; return -1 ; }
  r = mdb_get(txn, dbi, &k, &v) ;
  if (r == MDB_NOTFOUND || (!r && expired(&v, qp_now()))) { end(txn) ; return 0 ; }
  if (r)
  {
    fail("cannot read", mdb_strerror(r)) ;
    end(txn) ;
    errno = EIO ;
    return -1 ;
  }
  if (expires) *expires = (int64_t)get64(v.mv_data) ;
  value->len = 0 ;
  if (((unsigned char *)v.mv_data)[8] == 'c' && v.mv_size == HEAD + 8)
  {
    /* a counter reads as its decimal value */
    char fmt[LONG_FMT] ;
    uint64_t u = get64((unsigned char *)v.mv_data + HEAD) ;
    r = stralloc_catb(value, fmt, int64_fmt(fmt, (int64_t)u)) ;
  }
  else r = stralloc_catb(value, (char *)v.mv_data + HEAD, v.mv_size - HEAD) ;
  end(txn) ;
  return r ? 1 : -1 ;
}

/* The new record's bytes: expiry, kind, data. */
static int record (stralloc *sa, int64_t expires, char kind, char const *data, size_t len)
{
  unsigned char h[HEAD] ;
  put64(h, (uint64_t)expires) ;
  h[8] = (unsigned char)kind ;
  sa->len = 0 ;
  return stralloc_catb(sa, (char *)h, HEAD) && stralloc_catb(sa, data, len) ;
}

int store_lmdb_put (char const *ns, char const *key, size_t klen, char const *value, size_t vlen, unsigned int ttl)
{
  char kb[STORE_NS_MAX + 1 + STORE_KEY_MAX] ;
  stralloc rec = STRALLOC_ZERO ;
  MDB_val k, v ;
  MDB_txn *txn ;
  int64_t now = qp_now() ;
  int r ;
  k.mv_size = mkkey(kb, ns, key, klen) ;
  k.mv_data = kb ;
  if (!k.mv_size) return -1 ;
  if (vlen > STORE_VALUE_MAX) { errno = EINVAL ; return -1 ; }
  if (!record(&rec, ttl ? now + ttl : 0, 's', value, vlen)) return -1 ;
  if (!open_store() || !begin(0, &txn)) { stralloc_free(&rec) ; errno = EIO ; return -1 ; }
  v.mv_size = rec.len ; v.mv_data = rec.s ;
  r = mdb_put(txn, dbi, &k, &v, 0) ;
  if (!r) sweep(txn, now) ;
  stralloc_free(&rec) ;
  return commit(txn, r) ? 1 : -1 ;
}

int store_lmdb_incr (char const *ns, char const *key, size_t klen, int64_t delta, unsigned int ttl, int64_t *result)
{
  char kb[STORE_NS_MAX + 1 + STORE_KEY_MAX] ;
  unsigned char rec[HEAD + 8] ;
  MDB_val k, v ;
  MDB_txn *txn ;
  int64_t now = qp_now(), n = 0, expires = ttl ? now + ttl : 0 ;
  int r ;
  k.mv_size = mkkey(kb, ns, key, klen) ;
  k.mv_data = kb ;
  if (!k.mv_size) return -1 ;
  if (!open_store() || !begin(0, &txn)) { errno = EIO ; return -1 ; }
  r = mdb_get(txn, dbi, &k, &v) ;
  if (!r && !expired(&v, now))
  {
    if (v.mv_size != HEAD + 8 || ((unsigned char *)v.mv_data)[8] != 'c')
    {
      end(txn) ;
      errno = EINVAL ;
      return -1 ;
    }
    expires = (int64_t)get64(v.mv_data) ;
    n = (int64_t)get64((unsigned char *)v.mv_data + HEAD) ;
  }
  else if (r && r != MDB_NOTFOUND) return commit(txn, r) ? 1 : -1 ;
  /* wraps like Redis would refuse to: saturate instead of overflowing */
  if (delta > 0 && n > INT64_MAX - delta) n = INT64_MAX ;
  else if (delta < 0 && n < INT64_MIN - delta) n = INT64_MIN ;
  else n += delta ;
  put64(rec, (uint64_t)expires) ;
  rec[8] = 'c' ;
  put64(rec + HEAD, (uint64_t)n) ;
  v.mv_size = sizeof rec ; v.mv_data = rec ;
  r = mdb_put(txn, dbi, &k, &v, 0) ;
  if (!r) sweep(txn, now) ;
  if (!commit(txn, r)) return -1 ;
  if (result) *result = n ;
  return 1 ;
}

int store_lmdb_del (char const *ns, char const *key, size_t klen)
{
  char kb[STORE_NS_MAX + 1 + STORE_KEY_MAX] ;
  MDB_val k ;
  MDB_txn *txn ;
  int r ;
  k.mv_size = mkkey(kb, ns, key, klen) ;
  k.mv_data = kb ;
  if (!k.mv_size) return -1 ;
  if (!open_store() || !begin(0, &txn)) { errno = EIO ; return -1 ; }
  r = mdb_del(txn, dbi, &k, 0) ;
  if (r == MDB_NOTFOUND) { end(txn) ; return 0 ; }
  return commit(txn, r) ? 1 : -1 ;
}
