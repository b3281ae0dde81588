/* ISC license. */
/* store_redis.c: the store's calls (qp_store_*) on a Redis server, for
   several hosts that share state (doc/fleet). Chosen by control/store_redis
   (IP:PORT, [IPv6]:PORT or a unix socket path); our own RESP2 client
   (resp.c): hiredis resolves names with getaddrinfo, which would bring NSS
   into the static binary, and we need only literals and a socket path.

   One connection per session, opened at the first call and kept. Every
   connect and every command has a deadline: STORE_REDIS_MS, and never past
   the policy budget. A session that meets a deadline gives up the store for
   the rest of the connection (a hanging server costs it one wait, not one
   per call); a reset connection (a restarted server) is opened again, and
   get, put and delete are sent once more; an increment never is, since the
   first may have been applied.

   Values carry their own expiry on qp_now()'s clock, as LMDB's records do,
   as text: "EXPIRY:KIND:DATA" (EXPIRY epoch seconds, 0 none; KIND s bytes,
   c a decimal counter). The key's Redis TTL is only for reclaiming: the
   expiry plus STORE_REDIS_SLACK, given relative (PX), so that a test clock
   years away from the server's changes nothing. An increment is one Lua
   script, atomic on the server. Keys are "qc:" namespace ":" key. */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "qcsmtpd/plugin.h"
#include "limits.h"
#include "resp.h"
#include "store.h"

static int fd = -1 ;
static int broken = 0 ;        /* a deadline passed or the configuration is bad: no more tries */
static stralloc out = STRALLOC_ZERO ;
static stralloc in = STRALLOC_ZERO ;
static int64_t deadline ;      /* monotonic ms of the call in progress */

static int64_t mono_ms (void)
{
  struct timespec ts ;
  clock_gettime(CLOCK_MONOTONIC, &ts) ;
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 ;
}

static void start_clock (void)
{
  unsigned int left = qp_budget_left() ;
  deadline = mono_ms() + (left < STORE_REDIS_MS ? left : STORE_REDIS_MS) ;
}

/* Waits for fd to be ready for events within the call's deadline: 1, or 0
   (errno ETIMEDOUT or poll's). */
static int await (short events)
{
  for (;;)
  {
    struct pollfd p = { .fd = fd, .events = events } ;
    int64_t left = deadline - mono_ms() ;
    int r ;
    if (left <= 0) { errno = ETIMEDOUT ; return 0 ; }
    r = poll(&p, 1, (int)left) ;
    if (r > 0) return 1 ;
    if (!r) { errno = ETIMEDOUT ; return 0 ; }
    if (errno != EINTR) return 0 ;
  }
}

static void disconnect (void)
{
  if (fd >= 0) close(fd) ;
  fd = -1 ;
  in.len = 0 ;
}

/* The server's address from control/store_redis into ss: 1, or 0 after
   logging (and the store is off for the connection). */
static int address (struct sockaddr_storage *ss, socklen_t *sl)
{
  stralloc a = STRALLOC_ZERO ;
  int r = qp_control_line("store_redis", &a) ;
  int ok = 0 ;
  memset(ss, 0, sizeof *ss) ;
  if (r <= 0) store_fail("control/store_redis", r < 0 ? strerror(errno) : "empty") ;
  else if (a.s[0] == '/')
  {
    struct sockaddr_un *un = (struct sockaddr_un *)ss ;
    if (a.len >= sizeof un->sun_path) store_fail("control/store_redis", "the socket path is too long") ;
    else
    {
      un->sun_family = AF_UNIX ;
      memcpy(un->sun_path, a.s, a.len + 1) ;
      *sl = sizeof *un ;
      ok = 1 ;
    }
  }
  else
  {
    /* IP:PORT or [IPv6]:PORT; the port is after the last colon */
    char *colon = strrchr(a.s, ':') ;
    char *host = a.s ;
    uint16_t port ;
    size_t pl ;
    if (colon) *colon = 0 ;
    if (host[0] == '[' && colon && colon > host + 1 && colon[-1] == ']') { host++ ; colon[-1] = 0 ; }
    pl = colon ? uint16_scan(colon + 1, &port) : 0 ;
    if (!colon || !pl || colon[1 + pl] || !port)
      store_fail("control/store_redis", "not IP:PORT, [IPv6]:PORT or a socket path") ;
    else if (inet_pton(AF_INET, host, &((struct sockaddr_in *)ss)->sin_addr) == 1 && host == a.s)
    {
      struct sockaddr_in *in4 = (struct sockaddr_in *)ss ;
      in4->sin_family = AF_INET ;
      in4->sin_port = htons(port) ;
      *sl = sizeof *in4 ;
      ok = 1 ;
    }
    else if (host != a.s && inet_pton(AF_INET6, host, &((struct sockaddr_in6 *)ss)->sin6_addr) == 1)
    {
      struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss ;
      in6->sin6_family = AF_INET6 ;
      in6->sin6_port = htons(port) ;
      *sl = sizeof *in6 ;
      ok = 1 ;
    }
    else store_fail("control/store_redis", "not IP:PORT, [IPv6]:PORT or a socket path (names are not looked up)") ;
  }
  stralloc_free(&a) ;
  return ok ;
}

static int roundtrip (unsigned int argc, char const *const *argv, size_t const *lens, resp_reply *r) ;

/* Logs what with the server's error text (bounded), or with dflt when
   the reply is not an error. */
static void fail_reply (char const *what, resp_reply const *r, char const *dflt)
{
  char why[200] ;
  size_t n = r->type == RESP_ERROR ? (r->len < sizeof why - 1 ? r->len : sizeof why - 1) : 0 ;
  memcpy(why, r->s, n) ;
  why[n] = 0 ;
  store_fail(what, n ? why : dflt) ;
}

/* Connects, then AUTH and SELECT as the control files say: 1, or 0 after
   logging (errno ETIMEDOUT when a deadline passed). */
static int connect_redis (void)
{
  struct sockaddr_storage ss ;
  socklen_t sl = 0 ;
  stralloc a = STRALLOC_ZERO ;
  resp_reply r ;
  int e, err = 0 ;
  socklen_t el = sizeof err ;
  if (!address(&ss, &sl)) { broken = 1 ; errno = EIO ; return 0 ; }
  fd = socket(ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0) ;
  if (fd < 0) { store_fail("cannot make a socket for Redis", strerror(errno)) ; errno = EIO ; return 0 ; }
  if (connect(fd, (struct sockaddr *)&ss, sl) < 0)
  {
    if (errno != EINPROGRESS && errno != EAGAIN) goto fail ;
    if (!await(POLLOUT)) goto fail ;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &el) < 0) goto fail ;
    if (err) { errno = err ; goto fail ; }
  }
  e = qp_control_line("store_redis_password", &a) ;
  if (e < 0) { store_fail("control/store_redis_password", strerror(errno)) ; goto off ; }
  if (e > 0)
  {
    /* "password", or "user password" for a Redis 6 ACL user */
    char *sp = strchr(a.s, ' ') ;
    char const *argv[3] = { "AUTH", a.s, 0 } ;
    size_t lens[3] = { 4, a.len, 0 } ;
    unsigned int argc = 2 ;
    if (sp)
    {
      *sp = 0 ;
      lens[1] = (size_t)(sp - a.s) ;
      argv[2] = sp + 1 ;
      lens[2] = a.len - lens[1] - 1 ;
      argc = 3 ;
    }
    e = roundtrip(argc, argv, lens, &r) ;
    memset(a.s, 0, a.len) ;
    if (!e) goto fail ;
    if (r.type != RESP_STATUS)
    {
      /* the server's words (WRONGPASS ...), never the password */
      fail_reply("Redis refused AUTH", &r, "unexpected reply") ;
      goto off ;
    }
  }
  a.len = 0 ;
  e = qp_control_line("store_redis_db", &a) ;
  if (e)
  {
    unsigned int db ;
    char const *argv[2] = { "SELECT", a.s } ;
    size_t lens[2] = { 6, a.len } ;
    if (e < 0 || !uint_scan(a.s, &db) || a.s[uint_scan(a.s, &db)])
    {
      store_fail("control/store_redis_db", e < 0 ? strerror(errno) : "not a database number") ;
      goto off ;
    }
    if (!roundtrip(2, argv, lens, &r)) goto fail ;
    if (r.type != RESP_STATUS) { store_fail("Redis refused SELECT", "see control/store_redis_db") ; goto off ; }
  }
  stralloc_free(&a) ;
  return 1 ;
 fail:
  e = errno ;
  store_fail("cannot talk to Redis (control/store_redis)", strerror(e)) ;
  if (e == ETIMEDOUT) broken = 1 ;
  stralloc_free(&a) ;
  disconnect() ;
  errno = EIO ;
  return 0 ;
 off:
  broken = 1 ;
  stralloc_free(&a) ;
  disconnect() ;
  errno = EIO ;
  return 0 ;
}

/* Sends one command and reads its reply (valid until the next call): 1,
   or 0 with errno (ETIMEDOUT, ECONNRESET for a closed connection, EPROTO
   for a reply we do not accept). */
static int roundtrip (unsigned int argc, char const *const *argv, size_t const *lens, resp_reply *r)
{
  size_t done = 0 ;
  out.len = 0 ;
  in.len = 0 ;
  if (!resp_command(&out, argc, argv, lens)) return 0 ;
  while (done < out.len)
  {
    ssize_t w = send(fd, out.s + done, out.len - done, MSG_NOSIGNAL) ;
    if (w >= 0) { done += (size_t)w ; continue ; }
    if (errno == EINTR) continue ;
    if (errno != EAGAIN) { if (errno == EPIPE) errno = ECONNRESET ; return 0 ; }
    if (!await(POLLOUT)) return 0 ;
  }
  for (;;)
  {
    long p = resp_parse(in.s, in.len, r) ;
    ssize_t n ;
    if (p > 0)
    {
      /* one command, one reply: anything more is a stream out of step */
      if ((size_t)p != in.len) { errno = EPROTO ; return 0 ; }
      return 1 ;
    }
    if (p < 0) { errno = EPROTO ; return 0 ; }
    if (!stralloc_readyplus(&in, 4096)) return 0 ;
    n = read(fd, in.s + in.len, 4096) ;
    if (n > 0) { in.len += (size_t)n ; continue ; }
    if (!n) { errno = ECONNRESET ; return 0 ; }
    if (errno == EINTR) continue ;
    if (errno != EAGAIN) return 0 ;
    if (!await(POLLIN)) return 0 ;
  }
}

/* One command under the call's deadline; idempotent ones once more on a
   new connection if the old one was reset. 1 and *r, or 0 (logged). */
static int call (unsigned int argc, char const *const *argv, size_t const *lens, resp_reply *r, int idempotent)
{
  if (broken) { errno = EIO ; return 0 ; }
  start_clock() ;
  for (unsigned int attempt = 0 ;; attempt++)
  {
    int e ;
    if (fd < 0 && !connect_redis()) return 0 ;
    if (roundtrip(argc, argv, lens, r))
    {
      if (r->type != RESP_ERROR || (r->len >= 12 && !memcmp(r->s, "QCNOTCOUNTER", 12))) return 1 ;
      fail_reply("Redis answered an error", r, "") ;
      errno = EIO ;
      return 0 ;
    }
    e = errno ;
    disconnect() ;
    if (e == ECONNRESET && idempotent && !attempt) continue ;
    if (e == ETIMEDOUT) broken = 1 ;
    store_fail("Redis", e == EPROTO ? "a reply out of protocol" : e == ECONNRESET ? "the connection was closed" : strerror(e)) ;
    errno = EIO ;
    return 0 ;
  }
}

/* "qc:" ns ":" key into sa: 1, or 0 (EINVAL, ENOMEM) */
static int mkkey (stralloc *sa, char const *ns, char const *key, size_t klen)
{
  size_t n = strlen(ns) ;
  if (!n || n > STORE_NS_MAX || klen > STORE_KEY_MAX) { errno = EINVAL ; return 0 ; }
  sa->len = 0 ;
  return stralloc_catb(sa, "qc:", 3) && stralloc_catb(sa, ns, n) && stralloc_catb(sa, ":", 1)
      && stralloc_catb(sa, key, klen) ;
}

/* Splits a stored value: 1 and the parts, or 0 if it is not ours. */
static int unpack (char const *s, size_t len, int64_t *expires, char *kind, char const **data, size_t *dlen)
{
  char const *c = memchr(s, ':', len) ;
  int64_t e = 0 ;
  size_t i ;
  if (!c || c == s || (size_t)(c - s) > 19) return 0 ;
  for (i = 0 ; s + i < c ; i++)
  {
    if (s[i] < '0' || s[i] > '9') return 0 ;
    e = e * 10 + (s[i] - '0') ;
  }
  i++ ;
  if (len < i + 2 || s[i + 1] != ':') return 0 ;
  *expires = e ;
  *kind = s[i] ;
  *data = s + i + 2 ;
  *dlen = len - i - 2 ;
  return 1 ;
}

int store_redis_get (char const *ns, char const *key, size_t klen, stralloc *value, int64_t *expires)
{
  static stralloc k = STRALLOC_ZERO ;
  resp_reply r ;
  char const *argv[2] = { "GET", 0 } ;
  size_t lens[2] = { 3, 0 } ;
  int64_t e ;
  char kind ;
  char const *data ;
  size_t dlen ;
  if (!mkkey(&k, ns, key, klen)) return -1 ;
  argv[1] = k.s ; lens[1] = k.len ;
  if (!call(2, argv, lens, &r, 1)) return -1 ;
  if (r.type == RESP_NIL) return 0 ;
  if (r.type != RESP_BULK) { store_fail("Redis", "GET answered something else than a value") ; errno = EIO ; return -1 ; }
  /* not ours, or expired on our clock: as good as gone */
  if (!unpack(r.s, r.len, &e, &kind, &data, &dlen) || (e && e <= qp_now())) return 0 ;
  if (expires) *expires = e ;
  value->len = 0 ;
  return stralloc_catb(value, data, dlen) ? 1 : -1 ;
}

int store_redis_put (char const *ns, char const *key, size_t klen, char const *value, size_t vlen, unsigned int ttl)
{
  static stralloc k = STRALLOC_ZERO, v = STRALLOC_ZERO ;
  resp_reply r ;
  char fmt[LONG_FMT] ;
  char px[ULONG_FMT] ;
  char const *argv[5] = { "SET", 0, 0, "PX", px } ;
  size_t lens[5] = { 3, 0, 0, 2, 0 } ;
  int64_t e = ttl ? qp_now() + ttl : 0 ;
  if (!mkkey(&k, ns, key, klen)) return -1 ;
  if (vlen > STORE_VALUE_MAX) { errno = EINVAL ; return -1 ; }
  v.len = 0 ;
  if (!stralloc_catb(&v, fmt, int64_fmt(fmt, e)) || !stralloc_catb(&v, ":s:", 3) || !stralloc_catb(&v, value, vlen)) return -1 ;
  argv[1] = k.s ; lens[1] = k.len ;
  argv[2] = v.s ; lens[2] = v.len ;
  lens[4] = uint64_fmt(px, ((uint64_t)ttl + STORE_REDIS_SLACK) * 1000) ;
  if (!call(ttl ? 5 : 3, argv, lens, &r, 1)) return -1 ;
  if (r.type != RESP_STATUS) { store_fail("Redis", "SET answered something else than OK") ; errno = EIO ; return -1 ; }
  return 1 ;
}

/* Atomic on the server: read, check expiry and kind, add, write back with
   the key's expiry kept (a new counter gets now + ttl), as LMDB's incr.
   Lua's numbers are doubles: a counter is exact up to 2^53 and saturates
   there (LMDB's at 2^63), rather than wrapping or losing its sign. */
static char const incr_script[] =
  "local v = redis.call('GET', KEYS[1])\n"
  "local now, delta, ttl, slack = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])\n"
  "local exp, n = 0, 0\n"
  "if ttl > 0 then exp = now + ttl end\n"
  "if v then\n"
  "  local a = string.find(v, ':', 1, true)\n"
  "  local e = a and tonumber(string.sub(v, 1, a - 1))\n"
  "  if e and (e == 0 or e > now) then\n"
  "    if string.sub(v, a + 1, a + 2) ~= 'c:' then return redis.error_reply('QCNOTCOUNTER not a counter') end\n"
  "    exp = e\n"
  "    n = tonumber(string.sub(v, a + 3)) or 0\n"
  "  end\n"
  "end\n"
  "n = n + delta\n"
  "if n > 9007199254740992 then n = 9007199254740992 elseif n < -9007199254740992 then n = -9007199254740992 end\n"
  "local s = string.format('%d:c:%d', exp, n)\n"
  "if exp > 0 then redis.call('SET', KEYS[1], s, 'PX', (exp - now + slack) * 1000)\n"
  "else redis.call('SET', KEYS[1], s) end\n"
  "return n\n" ;

int store_redis_incr (char const *ns, char const *key, size_t klen, int64_t delta, unsigned int ttl, int64_t *result)
{
  static stralloc k = STRALLOC_ZERO ;
  resp_reply r ;
  char now[LONG_FMT], d[LONG_FMT], t[UINT_FMT], sl[UINT_FMT] ;
  char const *argv[8] = { "EVAL", incr_script, "1", 0, now, d, t, sl } ;
  size_t lens[8] = { 4, sizeof incr_script - 1, 1, 0, 0, 0, 0, 0 } ;
  if (!mkkey(&k, ns, key, klen)) return -1 ;
  argv[3] = k.s ; lens[3] = k.len ;
  lens[4] = int64_fmt(now, qp_now()) ;
  lens[5] = int64_fmt(d, delta) ;
  lens[6] = uint_fmt(t, ttl) ;
  lens[7] = uint_fmt(sl, STORE_REDIS_SLACK) ;
  if (!call(8, argv, lens, &r, 0)) return -1 ;
  if (r.type == RESP_ERROR) { errno = EINVAL ; return -1 ; }
  if (r.type != RESP_INTEGER) { store_fail("Redis", "the increment answered something else than a number") ; errno = EIO ; return -1 ; }
  if (result) *result = r.n ;
  return 1 ;
}

int store_redis_del (char const *ns, char const *key, size_t klen)
{
  static stralloc k = STRALLOC_ZERO ;
  resp_reply r ;
  char const *argv[2] = { "DEL", 0 } ;
  size_t lens[2] = { 3, 0 } ;
  if (!mkkey(&k, ns, key, klen)) return -1 ;
  argv[1] = k.s ; lens[1] = k.len ;
  if (!call(2, argv, lens, &r, 1)) return -1 ;
  if (r.type != RESP_INTEGER) { store_fail("Redis", "DEL answered something else than a number") ; errno = EIO ; return -1 ; }
  return r.n > 0 ;
}
