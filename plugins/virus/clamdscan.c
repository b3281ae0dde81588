/* ISC license. */
/* virus/clamdscan: a clamd client. At data_post it streams the message from
   the spool to clamd with INSTREAM, over TCP or a unix socket, in bounded
   chunks and within a deadline, and refuses (552) or marks what clamd finds.
   It never holds the whole message in memory and never waits unbounded. */

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/types.h>

#include <qcsmtpd/plugin.h>

/* clamd's INSTREAM (clamd(8)): "zINSTREAM\0", then chunks of a 4-octet
   big-endian length and the octets, a zero length to end; the z prefix
   makes clamd end its reply with a NUL. */
#define CLAMD_CHUNK 65536           /* octets per chunk: bounded memory */
#define CLAMD_REPLY_MAX 1024        /* a longer reply is a protocol error */
#define CLAMD_NAME_MAX 256          /* a virus name, and the version text */
#define CLAMD_DEFAULT_SOCKET "/var/run/clamav/clamd.ctl"   /* ClamAV::Client's */

enum { R_CLEAN, R_FOUND, R_ERROR, R_PROTO } ;

typedef struct cs_s cs ;
struct cs_s
{
  char const *socket ;       /* clamd_socket */
  char const *host ;         /* clamd_host */
  unsigned int port ;        /* clamd_port; 0: the unix socket */
  int deny ;                 /* deny_viruses */
  int defer ;                /* defer_on_error */
  unsigned int max_size ;    /* kB */
  int scan_all ;
  unsigned int timeout ;     /* seconds per scan */
  qp_peer peer ;
  char version[CLAMD_NAME_MAX] ;   /* clamd's, asked once per process */
  char where[128] ;          /* the address, for the log */
} ;

static qp_argdef const cs_args[] =
{
  { .name = "clamd_socket", .type = QP_ARG_STRING, .off = offsetof(cs, socket), .def = CLAMD_DEFAULT_SOCKET, .meta = "PATH" },
  { .name = "clamd_host", .type = QP_ARG_STRING, .off = offsetof(cs, host), .def = "localhost", .meta = "IP" },
  { .name = "clamd_port", .type = QP_ARG_UINT, .off = offsetof(cs, port), .min = 1, .max = 65535 },
  { .name = "deny_viruses", .type = QP_ARG_BOOL, .off = offsetof(cs, deny), .def = "yes" },
  { .name = "defer_on_error", .type = QP_ARG_BOOL, .off = offsetof(cs, defer), .def = "no" },
  { .name = "max_size", .type = QP_ARG_UINT, .off = offsetof(cs, max_size), .def = "1024", .min = 1, .max = 4194304 },
  { .name = "scan_all", .type = QP_ARG_BOOL, .off = offsetof(cs, scan_all), .def = "1" },
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(cs, timeout), .def = "30", .min = 1, .max = 3600 },
  { 0 }
} ;

/* The reply parser. s holds the reply without its NUL, len octets.
   Returns R_CLEAN ("stream: OK"), R_FOUND ("stream: NAME FOUND", NAME
   copied to name, at most namemax - 1 octets of printable ASCII without
   blanks), R_ERROR (a line ending in " ERROR", clamd's own failure, the
   text copied to name, cut and made printable) or R_PROTO (anything else). */
static int reply_parse (char const *s, size_t len, char *name, size_t namemax)
{
  static char const pre[] = "stream: " ;
  size_t n ;
  if (!namemax) return R_PROTO ;
  name[0] = 0 ;
  if (len > CLAMD_REPLY_MAX || memchr(s, 0, len)) return R_PROTO ;
  if (len >= 6 && !memcmp(s + len - 6, " ERROR", 6))
  {
    n = len - 6 < namemax - 1 ? len - 6 : namemax - 1 ;
    for (size_t i = 0 ; i < n ; i++) name[i] = s[i] >= 32 && s[i] < 127 ? s[i] : '?' ;
    name[n] = 0 ;
    return R_ERROR ;
  }
  if (len < sizeof pre - 1 || memcmp(s, pre, sizeof pre - 1)) return R_PROTO ;
  s += sizeof pre - 1 ; len -= sizeof pre - 1 ;
  if (len == 2 && !memcmp(s, "OK", 2)) return R_CLEAN ;
  if (len < 7 || memcmp(s + len - 6, " FOUND", 6)) return R_PROTO ;
  n = len - 6 ;
  if (n >= namemax) return R_PROTO ;
  for (size_t i = 0 ; i < n ; i++) if (s[i] <= 32 || s[i] >= 127) return R_PROTO ;
  memcpy(name, s, n) ;
  name[n] = 0 ;
  return R_FOUND ;
}

/* Waits for fd until the deadline (the policy budget bounds it too).
   1 ready, 0 with errno ETIMEDOUT or set by qp_await. */
static int wait_for (int fd, int events, uint64_t deadline)
{
  int r = qp_await_until(fd, events, deadline) ;
  if (!r) errno = ETIMEDOUT ;
  return r > 0 ;
}

/* Sends len octets. 1, or 0 with errno (EPIPE, ECONNRESET: clamd closed). */
static int send_all (int fd, char const *s, size_t len, uint64_t deadline)
{
  while (len)
  {
    ssize_t w = send(fd, s, len, MSG_NOSIGNAL) ;
    if (w < 0)
    {
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return 0 ;
      if (!wait_for(fd, QP_WRITE, deadline)) return 0 ;
      continue ;
    }
    s += w ; len -= (size_t)w ;
  }
  return 1 ;
}

/* Reads the reply up to its NUL into buf (CLAMD_REPLY_MAX + 1 octets).
   Its length, or -1 with errno: ETIMEDOUT, EPROTO (closed before the NUL,
   or too long), or the read's. */
static ssize_t reply_read (int fd, char *buf, uint64_t deadline)
{
  size_t len = 0 ;
  for (;;)
  {
    char *nul ;
    ssize_t r = read(fd, buf + len, CLAMD_REPLY_MAX + 1 - len) ;
    if (r < 0)
    {
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) return -1 ;
      if (!wait_for(fd, QP_READ, deadline)) return -1 ;
      continue ;
    }
    if (!r) return (errno = EPROTO, -1) ;
    nul = memchr(buf + len, 0, (size_t)r) ;
    len += (size_t)r ;
    if (nul) return nul - buf ;
    if (len > CLAMD_REPLY_MAX) return (errno = EPROTO, -1) ;
  }
}

/* Streams the message as INSTREAM chunks. 1, or 0 with errno; *spool is
   set when the failure was reading our own spool. */
static int stream_message (int fd, uint64_t deadline, int *spool)
{
  static char buf[4 + CLAMD_CHUNK] ;
  uint64_t off = 0 ;
  if (!send_all(fd, "zINSTREAM", 10, deadline)) return 0 ;
  for (;;)
  {
    ssize_t r = qp_message_read(off, buf + 4, CLAMD_CHUNK) ;
    if (r < 0) { *spool = 1 ; return 0 ; }
    buf[0] = (char)((uint32_t)r >> 24) ; buf[1] = (char)((uint32_t)r >> 16) ;
    buf[2] = (char)((uint32_t)r >> 8) ; buf[3] = (char)(uint32_t)r ;
    if (!send_all(fd, buf, 4 + (size_t)r, deadline)) return 0 ;
    if (!r) return 1 ;
    off += (uint64_t)r ;
  }
}

/* One INSTREAM scan. The R_* outcome; name gets the virus name, or for
   R_ERROR and R_PROTO the reason. */
static int scan (cs const *st, uint64_t deadline, char *name, size_t namemax)
{
  static char reply[CLAMD_REPLY_MAX + 1] ;
  int spool = 0, sent, e ;
  ssize_t len ;
  int fd = qp_peer_connect(&st->peer, deadline) ;
  if (fd < 0)
  {
    snprintf(name, namemax, "unable to connect to clamd at %s: %s", st->where, strerror(errno)) ;
    return R_ERROR ;
  }
  sent = stream_message(fd, deadline, &spool) ;
  e = errno ;
  if (!sent && (spool || (e != EPIPE && e != ECONNRESET)))
  {
    close(fd) ;
    snprintf(name, namemax, "%s: %s", spool ? "unable to read the spool" : "unable to send the message to clamd", strerror(e)) ;
    return R_ERROR ;
  }
  /* clamd may answer before it closes, as for "INSTREAM size limit
     exceeded": read what it said even when the send failed */
  len = reply_read(fd, reply, deadline) ;
  if (len < 0)
  {
    e = errno ;
    close(fd) ;
    snprintf(name, namemax, "%s: %s", sent ? "no reply from clamd" : "clamd closed the connection during the message",
      e == EPROTO ? "connection closed or reply too long" : strerror(e)) ;
    return R_ERROR ;
  }
  close(fd) ;
  e = reply_parse(reply, (size_t)len, name, namemax) ;
  switch (e)
  {
    case R_FOUND : return R_FOUND ;   /* found is found, even in a part */
    case R_CLEAN :
      if (sent) return R_CLEAN ;
      snprintf(name, namemax, "clamd closed the connection during the message") ;
      return R_ERROR ;
    case R_ERROR :
    {
      char said[CLAMD_NAME_MAX] ;
      memcpy(said, name, namemax < sizeof said ? namemax : sizeof said) ;
      said[sizeof said - 1] = 0 ;
      snprintf(name, namemax, "clamd: %.200s ERROR", said) ;
      return R_ERROR ;
    }
    default :
    {
      char seen[65] ;
      size_t n = (size_t)len < sizeof seen - 1 ? (size_t)len : sizeof seen - 1 ;
      for (size_t i = 0 ; i < n ; i++) seen[i] = reply[i] >= 32 && reply[i] < 127 ? reply[i] : '?' ;
      seen[n] = 0 ;
      snprintf(name, namemax, "unexpected reply from clamd: \"%s\"", seen) ;
      return R_ERROR ;
    }
  }
}

/* clamd's version for X-Virus-Checked, as qpsmtpd: the text before the
   first '/' of "ClamAV 1.4.6/27000/date", "ClamAV" when it cannot be had.
   Asked once per process, on its own connection, after a clean scan,
   within what is left of the scan's deadline. */
static char const *version (cs *st, uint64_t deadline)
{
  char reply[CLAMD_REPLY_MAX + 1] ;
  ssize_t len = -1 ;
  int fd ;
  if (st->version[0]) return st->version ;
  fd = qp_peer_connect(&st->peer, deadline) ;
  if (fd >= 0)
  {
    if (send_all(fd, "zVERSION", 9, deadline)) len = reply_read(fd, reply, deadline) ;
    close(fd) ;
  }
  if (len <= 0) return "ClamAV" ;
  {
    size_t n = 0 ;
    while (n < (size_t)len && n < sizeof st->version - 1 && reply[n] != '/' && reply[n] >= 32 && reply[n] < 127) n++ ;
    if (!n) return "ClamAV" ;
    memcpy(st->version, reply, n) ;
    st->version[n] = 0 ;
  }
  return st->version ;
}

/* qpsmtpd's test for scan_all 0: a Content-Type of multipart/ with a
   boundary parameter, i.e. a message that can carry an attachment. */
static int is_multipart (void)
{
  char const *ct = qp_header_get("Content-Type", 0) ;
  char const *m, *b ;
  if (!ct) return 0 ;
  m = strcasestr(ct, "multipart/") ;
  if (!m) return 0 ;
  b = strcasestr(m, "boundary=") ;
  if (!b) return 0 ;
  b += 9 ;
  if (*b == '"') b++ ;
  return *b && *b != '"' ;
}

static int failed (cs const *st, char const *why)
{
  if (!st->defer)
  {
    qp_log(LOGERROR, "skip, error: ", why, " (the message passes: defer_on_error is off)", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGERROR, "error: ", why, " (deferred: defer_on_error)", (char *)0) ;
  qp_msg("451 4.3.0 Unable to scan for viruses") ;
  return DENYSOFT ;
}

static int header (char const *name, char const *value)
{
  if (qp_header_add(name, value, 1)) return 1 ;
  qp_log(LOGERROR, "error: unable to add ", name, ": ", strerror(errno), (char *)0) ;
  return 0 ;
}

static int found (cs const *st, char const *name)
{
  char msg[32 + CLAMD_NAME_MAX] ;
  qp_log(LOGNOTICE, "fail, found virus ", name, (char *)0) ;
  qp_karma_adjust(-1) ;
  if (st->deny)
  {
    int perm = qp_reject_mode() == QP_REJECT_YES
      && (qp_reject_verdict() == DENY || qp_reject_verdict() == DENY_DISCONNECT) ;
    int r ;
    /* qpsmtpd's 552 (RFC 5321 4.2.3: the message is refused for its
       content); only a permanent refusal may carry it (doc/hooks, Messages) */
    snprintf(msg, sizeof msg, "%sVirus found: %s", perm ? "552 5.7.1 " : "", name) ;
    r = qp_reject(msg) ;
    if (r != DECLINED) return r ;
  }
  /* marked, not refused: a message clamd found infected never passes
     without saying so */
  if (!header("X-Virus-Found", "Yes") || !header("X-Virus-Details", name))
  {
    qp_msg("451 4.3.0 Unable to mark the message") ;
    return DENYSOFT ;
  }
  return DECLINED ;
}

static int clean (cs *st, uint64_t deadline)
{
  char checked[CLAMD_NAME_MAX + 300] ;
  qp_log(LOGINFO, "pass, clean", (char *)0) ;
  snprintf(checked, sizeof checked, "by %s on %s", version(st, deadline), qp_me()) ;
  /* the marks are information only: a clean message passes without them */
  header("X-Virus-Found", "No") ;
  header("X-Virus-Checked", checked) ;
  return DECLINED ;
}

static int cs_data_post (void *state, qp_hookarg const *a)
{
  cs *st = state ;
  char name[CLAMD_NAME_MAX] ;
  uint64_t size = qp_message_size() ;
  uint64_t deadline ;
  (void)a ;
  if (qp_note_get(QP_CONN, "naughty"))
  {
    /* a refusal is already stored for the naughty plugin */
    qp_log(LOGINFO, "skip, naughty", (char *)0) ;
    return DECLINED ;
  }
  if (size > (uint64_t)st->max_size * 1024)
  {
    char fmt[24] ;
    snprintf(fmt, sizeof fmt, "%llu", (unsigned long long)size) ;
    qp_log(LOGINFO, "skip, too big (", fmt, ")", (char *)0) ;
    return DECLINED ;
  }
  if (!st->scan_all && !is_multipart())
  {
    qp_log(LOGINFO, "skip, not multipart", (char *)0) ;
    return DECLINED ;
  }
  deadline = qp_clock_ms() + (uint64_t)st->timeout * 1000 ;
  switch (scan(st, deadline, name, sizeof name))
  {
    case R_CLEAN : return clean(st, deadline) ;
    case R_FOUND : return found(st, name) ;
    default : return failed(st, name) ;
  }
}

/* The address clamd listens on: clamd_port given, TCP to clamd_host (an
   IP address; "localhost" is 127.0.0.1: no name lookup here), else the
   unix socket clamd_socket, an absolute path. */
static int cs_init (void *state)
{
  cs *st = state ;
  if (st->port)
  {
    char const *h = strcasecmp(st->host, "localhost") ? st->host : "127.0.0.1" ;
    if (!qp_peer_inet(&st->peer, st->host, strlen(st->host), st->port))
    {
      /* no name lookup: the plugin must not wait on DNS for its own server */
      qp_log(LOGERROR, "clamd_host '", st->host, "' is no IP address (or localhost)", (char *)0) ;
      return 0 ;
    }
    snprintf(st->where, sizeof st->where, "%s port %u", h, st->port) ;
    return 1 ;
  }
  if (!qp_peer_unix(&st->peer, st->socket))
  {
    qp_log(LOGERROR, "clamd_socket '", st->socket, "' is no absolute path of at most 107 octets", (char *)0) ;
    return 0 ;
  }
  snprintf(st->where, sizeof st->where, "%s", st->socket) ;
  return 1 ;
}

qp_plugin const plugin_virus_clamdscan =
{
  .name = "virus/clamdscan",
  .state_size = sizeof(cs),
  .args = cs_args,
  .init = &cs_init,
  .hook = { [HOOK_DATA_POST] = &cs_data_post },
} ;
