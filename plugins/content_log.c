/* ISC license. */
/* content_log: appends every accepted message, as it will be queued, to a
   file whose name is a strftime(3) pattern (control/content_log_file,
   default mail/%Y%m%d: one file a day under the working directory, as
   qpsmtpd). The file is an mbox (mboxrd: a From_ line per message, body
   lines starting with "From " quoted with '>'), so messages stay apart.
   A log file that cannot be written (missing directory, full disk, lock
   held) is logged and the mail goes on: the archive never costs a message. */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

#define LOCK_MS 2000      /* longest wait for another session's append */

typedef struct cl_s cl ;
struct cl_s
{
  stralloc pattern ;
  int enabled ;
} ;

static int cl_init (void *state)
{
  cl *st = state ;
  uint64_t on = 1 ;
  int r = qp_control_uint("content_log_enabled", &on) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "control/content_log_enabled: ", errno == EINVAL ? "not a number" : strerror(errno), (char *)0) ;
    return 0 ;
  }
  st->enabled = !!on ;
  r = qp_control_line("content_log_file", &st->pattern) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "unable to read control/content_log_file: ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  if (!r && !stralloc_copys(&st->pattern, "mail/%Y%m%d")) return 0 ;
  if (!stralloc_0(&st->pattern)) return 0 ;
  if (st->pattern.len > PATH_MAX / 2)
  {
    qp_log(LOGERROR, "control/content_log_file: the pattern is too long", (char *)0) ;
    return 0 ;
  }
  return 1 ;
}

/* An exclusive lock on the whole file within LOCK_MS: other sessions append
   to the same file. 1, or 0. */
static int lock (int fd)
{
  struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 } ;
  unsigned int waited = 0 ;
  while (fcntl(fd, F_SETLK, &fl) < 0)
  {
    struct timespec ts = { .tv_sec = 0, .tv_nsec = 5000000 } ;
    if (errno == EINTR) continue ;
    if ((errno != EAGAIN && errno != EACCES) || waited >= LOCK_MS) return 0 ;
    nanosleep(&ts, 0) ;
    waited += 5 ;
  }
  return 1 ;
}

static int put (int fd, char const *s, size_t len)
{
  while (len)
  {
    ssize_t w = write(fd, s, len) ;
    if (w < 0) { if (errno == EINTR) continue ; return 0 ; }
    s += w ;
    len -= (size_t)w ;
  }
  return 1 ;
}

/* The message, its "From " lines quoted (mboxrd: ">From ", ">>From " ... get
   one more '>'), then an empty line; one write per buffer. A full buffer is
   used up to its last line end, so every line starts a later read when it
   does not fit, and its first octets are always seen whole. 1, or 0 with errno. */
static int copy (int fd)
{
  char buf[16384] ;
  stralloc out = STRALLOC_ZERO ;
  uint64_t off = 0 ;
  int bol = 1, ok = 1 ;
  for (;;)
  {
    ssize_t n = qp_message_read(off, buf, sizeof buf) ;
    size_t use, i = 0 ;
    if (n <= 0) { ok = !n ; break ; }
    use = (size_t)n ;
    if (use == sizeof buf)
    {
      char const *last = memrchr(buf, '\n', use) ;
      if (last) use = (size_t)(last - buf) + 1 ;
    }
    out.len = 0 ;
    while (ok && i < use)
    {
      char const *nl = memchr(buf + i, '\n', use - i) ;
      size_t end = nl ? (size_t)(nl - buf) + 1 : use, k = i ;
      if (bol)
      {
        while (k < end && buf[k] == '>') k++ ;
        if (end - k >= 5 && !memcmp(buf + k, "From ", 5)) ok = stralloc_catb(&out, ">", 1) ;
      }
      ok = ok && stralloc_catb(&out, buf + i, end - i) ;
      bol = !!nl ;
      i = end ;
    }
    if (!ok || !put(fd, out.s, out.len)) { ok = 0 ; break ; }
    off += use ;
  }
  if (ok && !bol && !put(fd, "\n", 1)) ok = 0 ;
  if (ok && !put(fd, "\n", 1)) ok = 0 ;
  {
    int e = errno ;
    stralloc_free(&out) ;
    errno = e ;
  }
  return ok ;
}

static int cl_data_post (void *state, qp_hookarg const *a)
{
  cl *st = state ;
  time_t now = (time_t)qp_now() ;
  struct tm tm ;
  char path[PATH_MAX] ;
  char date[64] ;
  stralloc from = STRALLOC_ZERO ;
  struct stat sb ;
  int fd ;
  (void)a ;
  if (!st->enabled) return DECLINED ;
  if (!localtime_r(&now, &tm) || !strftime(path, sizeof path, st->pattern.s, &tm))
  {
    qp_log(LOGWARN, "control/content_log_file: the pattern gives no file name; message not logged", (char *)0) ;
    return DECLINED ;
  }
  fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0640) ;
  if (fd < 0)
  {
    qp_log(LOGWARN, "cannot open ", path, ": ", strerror(errno), "; message not logged", (char *)0) ;
    return DECLINED ;
  }
  if (!lock(fd))
  {
    qp_log(LOGWARN, "cannot lock ", path, ": ", errno ? strerror(errno) : "busy", "; message not logged", (char *)0) ;
    close(fd) ;
    return DECLINED ;
  }
  /* where this record starts, to take it back if it cannot be whole */
  if (fstat(fd, &sb) < 0) sb.st_size = -1 ;
  strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", &tm) ;
  if (!stralloc_cats(&from, "From ") || !stralloc_cats(&from, *qp_sender() ? qp_sender() : "MAILER-DAEMON")
   || !stralloc_cats(&from, " ") || !stralloc_cats(&from, date) || !stralloc_cats(&from, "\n")
   || !put(fd, from.s, from.len) || !copy(fd))
  {
    int e = errno ;
    if (S_ISREG(sb.st_mode) && sb.st_size >= 0) ftruncate(fd, sb.st_size) ;
    qp_log(LOGWARN, "cannot write ", path, ": ", strerror(e), "; message not logged", (char *)0) ;
  }
  else qp_log(LOGDEBUG, "message logged to ", path, (char *)0) ;
  stralloc_free(&from) ;
  close(fd) ;
  return DECLINED ;
}

qp_plugin const plugin_content_log =
{
  .name = "content_log",
  .state_size = sizeof(cl),
  .init = &cl_init,
  .hook = { [HOOK_DATA_POST] = &cl_data_post },
} ;
