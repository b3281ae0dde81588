/* ISC license. */
/* hosts_allow: decides at connect whether a client may talk to us: the
   lines of control/hosts_allow (ip[/mask] VERDICT [message], the most
   specific match wins), a limit on its concurrent sessions and one on its
   connection rate. Each session is its own process, so the count of
   sessions lives in the kernel: an fcntl lock on one byte of a file per
   address, held until the process ends (the kernel drops the locks of a
   killed one). The rate is a counter in the core's store. A limiter that
   cannot count lets the client in (logged): it must never refuse mail. */

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct rule_s rule ;
struct rule_s
{
  qp_ip net ;
  unsigned int bits ;
  int verdict ;
  size_t msg ;            /* offset in ha.text of the message, or (size_t)-1 */
} ;

typedef struct ha_s ha ;
struct ha_s
{
  unsigned int max_per_ip ;   /* concurrent sessions per address; 0: no limit */
  char const *max_rate ;      /* "N/SECONDS", or NULL: no rate limit */
  unsigned int rate_n, rate_secs ;
  stralloc text ;             /* the file's values, NUL-separated, split in place */
  rule *r ;
  size_t n ;
  int slotfd ;                /* the locked file while the session lives, or -1 */
  stralloc path ;             /* its name, for the removal at the end */
} ;

static qp_argdef const args[] =
{
  { .name = "max_per_ip", .type = QP_ARG_UINT, .off = offsetof(ha, max_per_ip), .def = "5", .min = 0, .max = 1000, .meta = "N" },
  { .name = "max_rate", .type = QP_ARG_STRING, .off = offsetof(ha, max_rate), .meta = "N/SECONDS" },
  { 0 }
} ;

#define NS "hosts_allow"
#define HA_FILE "control/hosts_allow"
/* attempts when the file of the address is being removed under us */
#define TAKE_TRIES 20

 /* control/hosts_allow */

static int bad (char const *line, char const *why)
{
  qp_log(LOGERROR, HA_FILE, ": bad line \"", line, "\": ", why, (char *)0) ;
  return 0 ;
}

/* Parses "ip[/mask]" in place. 1 ok, 0 after logging. */
static int parse_net (char *s, char const *line, rule *r)
{
  char *slash = strchr(s, '/') ;
  unsigned int max ;
  if (slash) *slash++ = 0 ;
  if (!qp_ip_parse(s, &r->net)) return bad(line, "not an IPv4 or IPv6 address") ;
  max = r->net.family == 4 ? 32 : 128 ;
  r->bits = max ;
  if (slash)
  {
    size_t k = uint_scan(slash, &r->bits) ;
    if (!k || slash[k] || r->bits > max) return bad(line, r->net.family == 4 ? "the mask is not 0 to 32" : "the mask is not 0 to 128") ;
  }
  return 1 ;
}

/* One value line: "ip[/mask] VERDICT [message]". 1 ok, 0 after logging. */
static int parse_line (ha *st, size_t off, rule *r)
{
  char *s = st->text.s + off, *v ;
  size_t k = strcspn(s, " \t") ;
  /* the line as it was, for the log: a copy before it is split */
  char line[256] ;
  size_t ln = strlen(s) < sizeof(line) - 1 ? strlen(s) : sizeof(line) - 1 ;
  memcpy(line, s, ln) ;
  line[ln] = 0 ;
  if (!s[k]) return bad(line, "no verdict after the address") ;
  s[k++] = 0 ;
  v = s + k + strspn(s + k, " \t") ;
  k = strcspn(v, " \t") ;
  r->msg = (size_t)-1 ;
  if (v[k])
  {
    v[k++] = 0 ;
    k += strspn(v + k, " \t") ;
    if (v[k]) r->msg = (size_t)(v + k - st->text.s) ;
  }
  /* DONE is refused too: at connect it would leave the client without a greeting */
  r->verdict = qp_verdict_scan(v) ;
  if (r->verdict < 0) return bad(line, "the verdict is not one of DECLINED OK DENY DENYSOFT DENY_DISCONNECT DENYSOFT_DISCONNECT") ;
  return parse_net(s, line, r) ;
}

/* 1 ok, 0 after logging: a line we cannot read stops the server (421 4.3.0
   to everyone) rather than letting through whom it was written to stop. */
static int load (ha *st)
{
  size_t count = 0, i ;
  int r = qp_control_list("hosts_allow", &st->text) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "unable to read ", HA_FILE, ": ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  for (i = 0 ; i < st->text.len ; i++) if (!st->text.s[i]) count++ ;
  if (!count) return 1 ;
  st->r = calloc(count, sizeof *st->r) ;
  if (!st->r) { qp_log(LOGERROR, "out of memory", (char *)0) ; return 0 ; }
  for (i = 0 ; i < st->text.len ; )
  {
    size_t next = i + strlen(st->text.s + i) + 1 ;
    if (!parse_line(st, i, st->r + st->n)) return 0 ;
    st->n++ ;
    i = next ;
  }
  return 1 ;
}

/* The rule with the longest mask that holds the client (the first of
   equals), or NULL: "192.0.2.4 DECLINED" carves a host out of
   "192.0.2.0/24 DENY" whatever their order (qpsmtpd took the first line). */
static rule const *lookup (ha const *st)
{
  qp_ip const *ip = qp_remote_addr() ;
  rule const *best = 0 ;
  for (size_t i = 0 ; i < st->n ; i++)
    if (qp_ip_match(ip, &st->r[i].net, st->r[i].bits) && (!best || st->r[i].bits > best->bits))
      best = st->r + i ;
  return best ;
}


 /* Arguments */

static int parse_rate (ha *st)
{
  char const *s = st->max_rate ;
  size_t k ;
  if (!s) return 1 ;
  k = uint_scan(s, &st->rate_n) ;
  if (k && s[k] == '/')
  {
    size_t j = uint_scan(s + k + 1, &st->rate_secs) ;
    if (j && !s[k + 1 + j] && st->rate_n >= 1 && st->rate_n <= 1000000 && st->rate_secs >= 1 && st->rate_secs <= 86400)
      return 1 ;
  }
  qp_log(LOGERROR, "max_rate ", s, ": expected N/SECONDS, N 1 to 1000000, SECONDS 1 to 86400", (char *)0) ;
  return 0 ;
}

static int ha_init (void *state)
{
  ha *st = state ;
  st->slotfd = -1 ;
  return parse_rate(st) && load(st) ;
}


 /* The client's name in files and keys: the address in hexadecimal, an
    IPv6 one by its /64 (one host gets a whole prefix). 1, or 0 if unknown. */

static int hexname (char *buf)
{
  static char const hex[16] = "0123456789abcdef" ;
  qp_ip const *ip = qp_remote_addr() ;
  unsigned int n = ip->family == 4 ? 4 : ip->family == 6 ? 8 : 0, i = 0 ;
  for (; i < n ; i++)
  {
    buf[2*i] = hex[ip->a[i] >> 4] ;
    buf[2*i+1] = hex[ip->a[i] & 15] ;
  }
  buf[2*n] = 0 ;
  return n > 0 ;
}


 /* Concurrency: byte i of store_dir/hosts_allow/<hexname> locked by a
    session is slot i taken. A session removes the file when it ends and no
    other holds a slot; whoever locked a slot in a file that was removed
    meanwhile (st_nlink 0) tries again with the new one. */

static void sleep_ms (unsigned int ms)
{
  struct timespec ts = { .tv_sec = 0, .tv_nsec = (long)ms * 1000000 } ;
  nanosleep(&ts, 0) ;
}

static int lockbyte (int fd, short type, off_t start, off_t len, int cmd)
{
  struct flock fl = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len } ;
  return fcntl(fd, cmd, &fl) ;
}

/* 1 if the lock that stopped us covers the whole file: a session removing it. */
static int being_removed (int fd, unsigned int max)
{
  struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = max } ;
  if (fcntl(fd, F_GETLK, &fl) < 0) return 0 ;
  return fl.l_type != F_UNLCK && fl.l_len == 0 ;
}

/* The directory and the file name into st->path. 1, or 0 after logging. */
static int slot_path (ha *st, char const *name)
{
  stralloc dir = STRALLOC_ZERO ;
  int r = qp_control_line("store_dir", &dir) ;
  if (r <= 0)
  {
    qp_log(LOGWARN, "control/store_dir: ", r < 0 ? strerror(errno) : "not set", "; the concurrency limit is not checked", (char *)0) ;
    stralloc_free(&dir) ;
    return 0 ;
  }
  st->path.len = 0 ;
  if (!stralloc_catb(&st->path, dir.s, dir.len) || !stralloc_cats(&st->path, "/" NS) || !stralloc_0(&st->path))
  {
    stralloc_free(&dir) ;
    qp_log(LOGWARN, "out of memory; the concurrency limit is not checked", (char *)0) ;
    return 0 ;
  }
  stralloc_free(&dir) ;
  if (mkdir(st->path.s, 0770) < 0 && errno != EEXIST)
  {
    qp_log(LOGWARN, "cannot create ", st->path.s, ": ", strerror(errno), "; the concurrency limit is not checked", (char *)0) ;
    return 0 ;
  }
  st->path.len-- ;
  if (!stralloc_catb(&st->path, "/", 1) || !stralloc_cats(&st->path, name) || !stralloc_0(&st->path))
  {
    qp_log(LOGWARN, "out of memory; the concurrency limit is not checked", (char *)0) ;
    return 0 ;
  }
  return 1 ;
}

/* One try: 1 slot taken (st->slotfd held), 0 all max taken, -1 failure
   (logged), -2 the file went away under us (try again). */
static int slot_try (ha *st, unsigned int max)
{
  struct stat sb ;
  unsigned int i = 0 ;
  int fd = open(st->path.s, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0660) ;
  if (fd < 0)
  {
    qp_log(LOGWARN, "cannot open ", st->path.s, ": ", strerror(errno), "; the concurrency limit is not checked", (char *)0) ;
    return -1 ;
  }
  for (; i < max ; i++)
  {
    if (!lockbyte(fd, F_WRLCK, (off_t)i, 1, F_SETLK)) break ;
    if (errno != EAGAIN && errno != EACCES)
    {
      qp_log(LOGWARN, "cannot lock ", st->path.s, ": ", strerror(errno), "; the concurrency limit is not checked", (char *)0) ;
      close(fd) ;
      return -1 ;
    }
  }
  if (fstat(fd, &sb) < 0 || !sb.st_nlink || (i >= max && being_removed(fd, max)))
  {
    close(fd) ;
    return -2 ;
  }
  if (i >= max) { close(fd) ; return 0 ; }
  st->slotfd = fd ;
  return 1 ;
}

/* 1 admitted (or not counted), 0 over the limit. */
static int slot_take (ha *st, unsigned int max, char const *name)
{
  if (!slot_path(st, name)) return 1 ;
  for (unsigned int t = 0 ; t < TAKE_TRIES ; t++)
  {
    int r = slot_try(st, max) ;
    if (r >= 0) return r ;
    if (r == -1) return 1 ;
    sleep_ms(1) ;
  }
  qp_log(LOGWARN, st->path.s, " kept being removed; the concurrency limit is not checked", (char *)0) ;
  return 1 ;
}

/* At the end: the file goes when nobody else holds a slot in it. Closing
   it would release the lock anyway; this keeps the directory small. */
static int ha_end (void *state, qp_hookarg const *a)
{
  ha *st = state ;
  (void)a ;
  if (st->slotfd < 0) return DECLINED ;
  lockbyte(st->slotfd, F_UNLCK, 0, 0, F_SETLK) ;
  if (!lockbyte(st->slotfd, F_WRLCK, 0, 0, F_SETLK)) unlink(st->path.s) ;
  close(st->slotfd) ;
  st->slotfd = -1 ;
  return DECLINED ;
}

/* The limit for this client: karma, when a plugin before us gave one,
   moves it as qpsmtpd's did (3 more for good karma, 1 for bad). */
static unsigned int limit (ha const *st)
{
  char const *k = qp_note_get(QP_CONN, "karma_history") ;
  long v ;
  size_t n ;
  if (!k) return st->max_per_ip ;
  n = long_scan(k, &v) ;
  if (!n || k[n]) return st->max_per_ip ;
  if (v > 0) return st->max_per_ip + 3 ;
  return v < 0 ? 1 : st->max_per_ip ;
}


 /* Rate: a counter per address and fixed window of rate_secs. */

/* 1 within the rate (or not counted), 0 over it. */
static int rate_ok (ha const *st, char const *name)
{
  char key[64] ;
  char fmt[UINT64_FMT] ;
  int64_t total ;
  size_t n = strlen(name) ;
  memcpy(key, name, n) ;
  key[n++] = '/' ;
  n += uint_fmt(key + n, st->rate_secs) ;
  key[n++] = '/' ;
  n += uint64_fmt(key + n, (uint64_t)qp_now() / st->rate_secs) ;
  if (qp_store_incr(NS, key, n, 1, st->rate_secs, &total) < 0)
  {
    qp_log(LOGWARN, "store failure: ", strerror(errno), "; the rate is not checked", (char *)0) ;
    return 1 ;
  }
  fmt[uint64_fmt(fmt, (uint64_t)total)] = 0 ;
  qp_log(LOGDEBUG, "connections in this window: ", fmt, (char *)0) ;
  return total <= (int64_t)st->rate_n ;
}

/* qp_reject with "too many connections from <ip><detail>, try again later" */
static int refuse (char const *detail)
{
  stralloc m = STRALLOC_ZERO ;
  int v ;
  /* qpsmtpd's text; a 421 at the greeting, where 4xx closes (RFC 5321 3.8) */
  if (!stralloc_cats(&m, "4.7.0 too many connections from ") || !stralloc_cats(&m, qp_remote_ip())
   || (detail[0] && !stralloc_cats(&m, detail)) || !stralloc_cats(&m, ", try again later") || !stralloc_0(&m))
    v = qp_reject(0) ;
  else v = qp_reject(m.s) ;
  stralloc_free(&m) ;
  return v ;
}

static int ha_connect (void *state, qp_hookarg const *a)
{
  ha *st = state ;
  rule const *r = lookup(st) ;
  char name[40] ;
  (void)a ;
  if (r && r->verdict != DECLINED)
  {
    qp_log(r->verdict == OK ? LOGDEBUG : LOGINFO, r->verdict == OK ? "pass: " : "fail: ", "listed in ", HA_FILE, " as ", qp_verdict_name(r->verdict), (char *)0) ;
    /* a message only goes with a refusal: the greeting stays the core's */
    if (r->msg != (size_t)-1 && r->verdict != OK) qp_msg(st->text.s + r->msg) ;
    return r->verdict ;
  }
  /* relay clients (RELAYCLIENT, relayclients) are our own: a submission
     host or a webmail behind one address may open many sessions */
  if (qp_relay_client() || !hexname(name)) return DECLINED ;
  if (st->rate_n && !rate_ok(st, name))
  {
    char detail[40] = " in " ;
    char *p = detail + 4 ;
    p += uint_fmt(p, st->rate_secs) ;
    strcpy(p, " seconds") ;
    qp_log(LOGINFO, "fail: over the rate of ", st->max_rate, (char *)0) ;
    return refuse(detail) ;
  }
  if (st->max_per_ip)
  {
    unsigned int max = limit(st) ;
    if (!slot_take(st, max, name))
    {
      char fmt[UINT_FMT + 40] = " (" ;
      size_t n = 2 + uint_fmt(fmt + 2, max) ;
      strcpy(fmt + n, " sessions)") ;
      qp_log(LOGINFO, "fail: over the concurrency limit", fmt, (char *)0) ;
      return refuse("") ;
    }
  }
  qp_log(LOGDEBUG, "pass", (char *)0) ;
  return DECLINED ;
}

qp_plugin const plugin_hosts_allow =
{
  .name = "hosts_allow",
  .state_size = sizeof(ha),
  .args = args,
  .init = &ha_init,
  .hook = { [HOOK_CONNECT] = &ha_connect, [HOOK_POST_CONNECTION] = &ha_end },
  .reject_type = DENYSOFT_DISCONNECT,
} ;
