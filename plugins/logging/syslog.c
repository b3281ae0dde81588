/* ISC license. */
/* logging/syslog: sends log events as RFC 3164 datagrams to the local
   syslog socket (/dev/log, or the logsock path), written here rather than
   through syslog(3) so that a dead or full syslog costs lines, never time:
   every send is non-blocking, a line that does not go is counted. */

#include <stddef.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

/* RFC 3164 4.1: a packet is 1024 octets at most */
#define SL_PACKET_MAX 1024
#define SL_IDENT_MAX 48
/* the longest wait for a full syslog queue before lines are dropped */
#define SL_WAIT_MS 20

typedef struct sl_s sl ;
struct sl_s
{
  char const *loglevel ;   /* the arguments */
  char const *priority ;
  char const *ident ;
  char const *facility ;
  char const *logsock ;
  int max ;
  int fixed ;              /* the severity of every line, -1: the event's level */
  int fac ;
  struct sockaddr_un sa ;
  socklen_t salen ;
  int fd ;                 /* the socket + 1 (the state starts zeroed): 0 none */
  int said ;               /* the first failure was reported on fd 2 */
  int stalled ;            /* the last line was dropped: no more waiting */
  int done ;
  int lasterr ;
  unsigned long dropped ;  /* lines lost and not yet reported */
  char pid[24] ;
  char buf[SL_PACKET_MAX] ;
} ;

static char const *const sevs[8] =
{
  "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"
} ;

typedef struct fac_s fac ;
struct fac_s { char const *name ; int code ; } ;

/* syslog(3)'s facilities, RFC 3164 4.1.1 numbering */
static fac const facs[] =
{
  { "kern", 0 }, { "user", 1 }, { "mail", 2 }, { "daemon", 3 }, { "auth", 4 },
  { "syslog", 5 }, { "lpr", 6 }, { "news", 7 }, { "uucp", 8 }, { "cron", 9 },
  { "authpriv", 10 }, { "ftp", 11 }, { "local0", 16 }, { "local1", 17 },
  { "local2", 18 }, { "local3", 19 }, { "local4", 20 }, { "local5", 21 },
  { "local6", 22 }, { "local7", 23 }, { 0, 0 }
} ;

/* "LOG_" or "LOG" in front is optional, as both spellings occur in qpsmtpd configurations */
static char const *unprefix (char const *s)
{
  if (!strncasecmp(s, "LOG_", 4)) return s + 4 ;
  if (!strncasecmp(s, "LOG", 3)) return s + 3 ;
  return s ;
}

/* 1 and *n, or 0: qpsmtpd's levels, or syslog's severity names (LOG_ERR) */
static int parse_level (char const *s, int *n)
{
  if (qp_loglevel_scan(unprefix(s), n)) return 1 ;
  s = unprefix(s) ;
  for (int i = 0 ; i < 8 ; i++)
    if (!strcasecmp(s, sevs[i])) { *n = i ; return 1 ; }
  return 0 ;
}

static int parse_facility (char const *s, int *n)
{
  s = unprefix(s) ;
  for (fac const *f = facs ; f->name ; f++)
    if (!strcasecmp(s, f->name)) { *n = f->code ; return 1 ; }
  return 0 ;
}

/* Our own lines go to fd 2: through qp_log they would come back here. */
static void say (sl *st, char const *a, char const *b, char const *c, char const *d)
{
  char line[SL_PACKET_MAX] ;
  int n = snprintf(line, sizeof line, "qcsmtpd: %s warn plugin=logging/syslog %s%s%s%s\n",
    st->pid, a, b ? b : "", c ? c : "", d ? d : "") ;
  if (n < 0) return ;
  if ((size_t)n >= sizeof line) { n = sizeof line - 1 ; line[n - 1] = '\n' ; }
  while (write(2, line, (size_t)n) < 0 && errno == EINTR) ;
}

 /* Packets */

static size_t cat_clean (char *buf, size_t len, char const *s)
{
  for (; *s && len < SL_PACKET_MAX ; s++)
  {
    unsigned char c = (unsigned char)*s ;
    if (c == '\n' || c == '\r' || c == '\t') c = ' ' ;
    else if (c < 32 || c > 126) c = '?' ;
    buf[len++] = (char)c ;
  }
  return len ;
}

/* RFC 3164 4.1: "<PRI>Mmm dd hh:mm:ss TAG[pid]: ", without the HOSTNAME
   field, as syslog(3) writes to the local socket (the daemon adds its own) */
static size_t head (sl *st, int sev)
{
  time_t t = (time_t)qp_now() ;
  struct tm tm ;
  char ts[32] = "" ;
  int n ;
  if (localtime_r(&t, &tm)) strftime(ts, sizeof ts, "%b %e %H:%M:%S", &tm) ;
  n = snprintf(st->buf, sizeof st->buf, "<%d>%s %s[%s]: ", st->fac * 8 + sev, ts, st->ident, st->pid) ;
  return n < 0 ? 0 : (size_t)n ;
}

static void drop_socket (sl *st)
{
  if (st->fd) close(st->fd - 1) ;
  st->fd = 0 ;
}

/* Connected, because then Linux polls the daemon's receive queue: a
   POLLOUT means a datagram would be taken. 1 ok, 0 errno set. */
static int ensure_socket (sl *st)
{
  int fd ;
  if (st->fd) return 1 ;
  fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0) ;
  if (fd < 0) return 0 ;
  if (connect(fd, (struct sockaddr *)&st->sa, st->salen) < 0)
  {
    int e = errno ;
    close(fd) ;
    return (errno = e, 0) ;
  }
  st->fd = fd + 1 ;
  return 1 ;
}

static int send1 (sl *st, size_t len)
{
  ssize_t w ;
  if (!ensure_socket(st)) return 0 ;
  do w = send(st->fd - 1, st->buf, len, MSG_DONTWAIT | MSG_NOSIGNAL) ;
  while (w < 0 && errno == EINTR) ;
  if (w == (ssize_t)len) return 1 ;
  if (w >= 0) errno = EMSGSIZE ;
  return 0 ;
}

/* 1 sent, 0 not (the caller counts it). A daemon that restarted (a new
   socket at the path) is connected to again; a full queue gets one short
   wait, and none while lines are being dropped, so a daemon that does not
   read costs SL_WAIT_MS once, not per line. */
static int sendit (sl *st, size_t len)
{
  if (send1(st, len)) { st->stalled = 0 ; return 1 ; }
  if (errno == ECONNREFUSED || errno == ENOTCONN || errno == ECONNRESET || errno == EDESTADDRREQ)
  {
    drop_socket(st) ;
    if (send1(st, len)) { st->stalled = 0 ; return 1 ; }
  }
  st->lasterr = errno ;
  if (errno == EAGAIN && st->fd && !st->stalled && qp_await(st->fd - 1, QP_WRITE, SL_WAIT_MS) > 0)
  {
    if (send1(st, len)) return 1 ;
    st->lasterr = errno ;
  }
  st->stalled = 1 ;
  if (!st->said) say(st, "unable to send to ", st->sa.sun_path, ": ", strerror(st->lasterr)) ;
  st->said = 1 ;
  return 0 ;
}

static int report (sl *st)
{
  char n[64] ;
  size_t len ;
  if (!st->dropped) return 1 ;
  snprintf(n, sizeof n, "%lu", st->dropped) ;
  len = head(st, LOGWARN) ;
  len = cat_clean(st->buf, len, "logging/syslog: ") ;
  len = cat_clean(st->buf, len, n) ;
  len = cat_clean(st->buf, len, " log lines dropped (syslog socket full or absent)") ;
  if (!sendit(st, len)) return 0 ;
  st->dropped = 0 ;
  return 1 ;
}

static int sl_logging (void *state, qp_hookarg const *a)
{
  sl *st = state ;
  char const *plugin = qp_arg(a, "plugin") ;
  char const *hook = qp_arg(a, "hook") ;
  char const *text = qp_arg(a, "text") ;
  int level = qp_arg_code(a) ;
  size_t len ;
  if (level > st->max || st->done) return DECLINED ;
  if (!report(st)) { st->dropped++ ; return DECLINED ; }
  len = head(st, st->fixed >= 0 ? st->fixed : (level & 7)) ;
  if (plugin && strcmp(plugin, "core"))
  {
    if (hook && *hook)
    {
      len = cat_clean(st->buf, len, "(") ;
      len = cat_clean(st->buf, len, hook) ;
      len = cat_clean(st->buf, len, ") ") ;
    }
    len = cat_clean(st->buf, len, plugin) ;
    len = cat_clean(st->buf, len, ": ") ;
  }
  len = cat_clean(st->buf, len, text ? text : "") ;
  if (!sendit(st, len)) st->dropped++ ;
  return DECLINED ;
}

/* the last hook: a count that never reached syslog goes to fd 2 */
static int sl_end (void *state, qp_hookarg const *a)
{
  sl *st = state ;
  (void)a ;
  if (st->done) return DECLINED ;
  if (st->dropped && st->fd) report(st) ;
  if (st->dropped)
  {
    char n[64] ;
    snprintf(n, sizeof n, "%lu", st->dropped) ;
    say(st, n, " log lines dropped: ", st->sa.sun_path, 0) ;
  }
  drop_socket(st) ;
  st->done = 1 ;
  return DECLINED ;
}

 /* Start */

static int bad (char const *what, char const *value, char const *accepted)
{
  qp_log(LOGERROR, "bad ", what, " ", value, " (", accepted, ")", (char *)0) ;
  return 0 ;
}

static int ident_ok (char const *s)
{
  size_t n = strlen(s) ;
  if (!n || n > SL_IDENT_MAX) return 0 ;
  for (; *s ; s++)
    if (!(*s >= 'a' && *s <= 'z') && !(*s >= 'A' && *s <= 'Z') && !(*s >= '0' && *s <= '9')
      && *s != '_' && *s != '-' && *s != '.') return 0 ;
  return 1 ;
}

/* qpsmtpd's logsock named Sys::Syslog's transports; only the local
   datagram socket is spoken here: "unix" (/dev/log) or a path */
static int sock_path (sl *st)
{
  char const *p = st->logsock ? st->logsock : "unix" ;
  size_t n ;
  if (!strcmp(p, "unix")) p = "/dev/log" ;
  if (p[0] != '/')
    return bad("logsock", p, "unix or the absolute path of a unix datagram socket; udp, tcp, stream and console are not supported") ;
  n = strlen(p) ;
  if (n >= sizeof st->sa.sun_path) return bad("logsock", p, "path too long") ;
  st->sa.sun_family = AF_UNIX ;
  memcpy(st->sa.sun_path, p, n + 1) ;
  st->salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1) ;
  return 1 ;
}

static int sl_init (void *state)
{
  sl *st = state ;
  st->max = LOGWARN ;
  st->fixed = -1 ;
  st->fac = 2 ;
  if (st->loglevel && !parse_level(st->loglevel, &st->max))
    return bad("loglevel", st->loglevel, "0-7 or LOGDEBUG, LOGINFO, ...") ;
  if (st->priority && !parse_level(st->priority, &st->fixed))
    return bad("priority", st->priority, "0-7 or LOG_DEBUG, LOG_INFO, LOG_NOTICE, LOG_WARNING, LOG_ERR, ...") ;
  if (st->facility && !parse_facility(st->facility, &st->fac))
    return bad("facility", st->facility, "LOG_MAIL, LOG_DAEMON, LOG_LOCAL0-7, ...") ;
  if (!st->ident) st->ident = "qpsmtpd" ;
  if (!ident_ok(st->ident)) return bad("ident", st->ident, "1-48 of letters, digits, _ - .") ;
  snprintf(st->pid, sizeof st->pid, "%ld", (long)getpid()) ;
  return sock_path(st) ;
}

static qp_argdef const sl_args[] =
{
  { .name = "loglevel", .type = QP_ARG_STRING, .off = offsetof(sl, loglevel), .meta = "L" },
  { .name = "priority", .type = QP_ARG_STRING, .off = offsetof(sl, priority), .meta = "P" },
  { .name = "ident", .type = QP_ARG_STRING, .off = offsetof(sl, ident), .meta = "NAME" },
  { .name = "facility", .type = QP_ARG_STRING, .off = offsetof(sl, facility), .meta = "F" },
  { .name = "logsock", .type = QP_ARG_STRING, .off = offsetof(sl, logsock), .meta = "unix|PATH" },
  { 0 }
} ;

qp_plugin const plugin_logging_syslog =
{
  .name = "logging/syslog",
  .aliases = 0,
  .state_size = sizeof(sl),
  .args = sl_args,
  .init = &sl_init,
  .hook = { [HOOK_LOGGING] = &sl_logging, [HOOK_POST_CONNECTION] = &sl_end },
  .flags = 0,
} ;
