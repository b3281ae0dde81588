/* ISC license. */
/* loadcheck: refuses connections while the one-minute load average, read
   from /proc/loadavg (or the file the argument loadavg names), is above
   max_load. qpsmtpd's loadcheck. A load it cannot read or understand is
   logged and never a reason to refuse mail. */

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include <qcsmtpd/plugin.h>

/* the first field of /proc/loadavg is a few octets; a file that does not
   give it in the first line is garbage, whatever its size */
#define LC_READ_MAX 128
/* loads and limits are kept in hundredths, up to 10^6 */
#define LC_LOAD_MAX 100000000UL

typedef struct lc_s lc ;
struct lc_s
{
  char const *max_arg ;     /* max_load, as given */
  char const *path ;        /* loadavg */
  char const *uptime ;      /* accepted, unused (doc/plugins/loadcheck) */
  unsigned int cache_time ; /* accepted, unused */
  unsigned long max ;       /* max_load in hundredths */
} ;

static qp_argdef const lc_args[] =
{
  { .name = "max_load", .type = QP_ARG_STRING, .off = offsetof(lc, max_arg), .def = "7", .meta = "LOAD" },
  { .name = "cache_time", .type = QP_ARG_UINT, .off = offsetof(lc, cache_time), .def = "10", .max = 86400, .meta = "SECONDS" },
  { .name = "uptime", .type = QP_ARG_STRING, .off = offsetof(lc, uptime), .def = "/usr/bin/uptime", .meta = "PATH" },
  { .name = "loadavg", .type = QP_ARG_STRING, .off = offsetof(lc, path), .def = "/proc/loadavg", .meta = "PATH" },
  { 0 }
} ;

/* Parses a decimal "12", "0.52", "7.5" at s into hundredths (further
   decimals are dropped). Returns the octets read, 0 if s is no number. */
static size_t load_scan (char const *s, unsigned long *h)
{
  size_t i = 0 ;
  unsigned long n = 0 ;
  unsigned int frac = 0 ;
  while (s[i] >= '0' && s[i] <= '9')
  {
    n = n * 10 + (unsigned long)(s[i++] - '0') ;
    if (n > LC_LOAD_MAX / 100) return 0 ;
  }
  if (!i) return 0 ;
  n *= 100 ;
  if (s[i] == '.')
  {
    size_t start = ++i ;
    while (s[i] >= '0' && s[i] <= '9')
    {
      if (i - start < 2) frac = frac * 10 + (unsigned int)(s[i] - '0') ;
      i++ ;
    }
    if (i == start) return 0 ;
    if (i - start == 1) frac *= 10 ;
  }
  *h = n + frac ;
  return i ;
}

/* 1 and the first field in buf (NUL-terminated, at most len - 1 octets),
   0 with errno set. */
static int load_read (char const *path, char *buf, size_t len)
{
  ssize_t r ;
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) ;
  if (fd < 0) return 0 ;
  do r = read(fd, buf, len - 1) ;
  while (r < 0 && errno == EINTR) ;
  close(fd) ;
  if (r < 0) return 0 ;
  buf[r] = 0 ;
  buf[strcspn(buf, " \t\n")] = 0 ;
  return 1 ;
}

static int lc_connect (void *state, qp_hookarg const *a)
{
  lc const *st = state ;
  char buf[LC_READ_MAX] ;
  unsigned long load ;
  size_t n ;
  (void)a ;
  if (!load_read(st->path, buf, sizeof buf))
  {
    qp_log(LOGERROR, "error: unable to read ", st->path, ": ", strerror(errno), "; load not checked", (char *)0) ;
    return DECLINED ;
  }
  n = load_scan(buf, &load) ;
  if (!n || buf[n])
  {
    qp_log(LOGERROR, "error: ", st->path, " does not start with a load average; load not checked", (char *)0) ;
    return DECLINED ;
  }
  if (load <= st->max)
  {
    qp_log(LOGDEBUG, "pass: load ", buf, ", max_load ", st->max_arg, (char *)0) ;
    return DECLINED ;
  }
  /* our fault, not the client's: a temporary refusal at connect, which
     the core gives as 421 and close (RFC 5321 3.8) */
  qp_log(LOGWARN, "fail: local load too high: ", buf, " > max_load ", st->max_arg, (char *)0) ;
  return qp_reject("Server load too high, please try again later.") ;
}

static int lc_init (void *state)
{
  lc *st = state ;
  size_t n = load_scan(st->max_arg, &st->max) ;
  if (!n || st->max_arg[n] || !st->max)
  {
    qp_log(LOGERROR, "config error: max_load: '", st->max_arg, "' is not a load above 0 (e.g. 7 or 7.5)", (char *)0) ;
    return 0 ;
  }
  if (st->path[0] != '/')
  {
    qp_log(LOGERROR, "config error: loadavg: '", st->path, "' is not an absolute path", (char *)0) ;
    return 0 ;
  }
  return 1 ;
}

qp_plugin const plugin_loadcheck =
{
  .name = "loadcheck",
  .state_size = sizeof(lc),
  .args = lc_args,
  .init = &lc_init,
  .hook = { [HOOK_CONNECT] = &lc_connect },
  .reject_type = DENYSOFT,
} ;
