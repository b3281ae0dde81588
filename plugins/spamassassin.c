/* ISC license. */
/* spamassassin: a spamd client (SPAMC/1.5 HEADERS) at data_post. It streams
   the message from the spool to spamd over TCP or a unix socket under one
   deadline, parses the bounded reply, copies spamd's X-Spam-* fields into
   the message, munges the Subject, refuses over the threshold and leaves the
   score in notes. It never holds the message in memory and never waits
   past its deadline or the policy budget. */

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define SD_PORT 783                 /* spamd's registered port */
#define SD_LINE_MAX 512             /* a line of the reply's head */
#define SD_HEAD_LINES 16            /* lines of the reply's head */
#define SD_BODY_MAX (256 * 1024)    /* the header block spamd sends back */
#define SD_FIELDS_MAX 16            /* X-Spam-* fields kept from it */
#define SD_VALUE_MAX 8192           /* one field's value, folding included */
#define SD_NUM_DIGITS 9             /* integer digits of a score */
#define SD_CHUNK 16384              /* message octets per read from the spool */

typedef struct sdfield_s sdfield ;
struct sdfield_s
{
  size_t name, namelen ;   /* offsets into the reply buffer */
  size_t value, valuelen ;
} ;

/* A parsed reply: offsets into the caller's buffer, never pointers. */
typedef struct sdreply_s sdreply ;
struct sdreply_s
{
  unsigned int code ;        /* spamd's status (0 EX_OK) */
  size_t msg, msglen ;       /* its text */
  int spam ;                 /* -1: no Spam line; 0 False/No; 1 True/Yes */
  int64_t score, required ;  /* thousandths */
  size_t scoretext, scorelen, reqtext, reqlen ;
  size_t nfields ;
  sdfield field[SD_FIELDS_MAX] ;
  char const *why ;          /* what is wrong, on -1 */
} ;

/* Reads a decimal "-12.345" (fraction truncated to thousandths) from s[0..len).
   1 ok, 0 not a number. */
static int num_scan (char const *s, size_t len, int64_t *v)
{
  size_t i = 0, d = 0 ;
  int neg = 0 ;
  int64_t n = 0 ;
  unsigned int frac = 0 ;
  if (i < len && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-' ;
  for (; i < len && s[i] >= '0' && s[i] <= '9' ; i++, d++)
  {
    if (d >= SD_NUM_DIGITS) return 0 ;
    n = n * 10 + (s[i] - '0') ;
  }
  if (!d) return 0 ;
  n *= 1000 ;
  if (i < len && s[i] == '.')
  {
    size_t f = 0 ;
    for (i++ ; i < len && s[i] >= '0' && s[i] <= '9' ; i++, f++)
    {
      if (f >= SD_NUM_DIGITS) return 0 ;
      if (f < 3) frac = frac * 10 + (unsigned int)(s[i] - '0') ;
    }
    if (!f) return 0 ;
    while (f++ < 3) frac *= 10 ;
    n += frac ;
  }
  if (i != len) return 0 ;
  *v = neg ? -n : n ;
  return 1 ;
}

/* Length of the line at s (up to max octets, LF excluded) in [s, s+len):
   the offset of its LF, -1 when there is none yet, -2 when it is too long. */
static long line_end (char const *s, size_t len, size_t max)
{
  char const *lf = memchr(s, '\n', len < max + 1 ? len : max + 1) ;
  if (lf) return lf - s ;
  return len > max ? -2 : -1 ;
}

static size_t trim (char const *s, size_t len)
{
  while (len && (s[len-1] == '\r' || s[len-1] == ' ' || s[len-1] == '\t')) len-- ;
  return len ;
}

/* "SPAMD/1.1 0 EX_OK": 1 and r->code, r->msg, else 0. */
static int status_parse (char const *s, size_t len, size_t base, sdreply *r)
{
  size_t i = 6 ;
  unsigned int code = 0 ;
  if (len < 8 || memcmp(s, "SPAMD/", 6)) return 0 ;
  while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) i++ ;
  if (i == 6 || i >= len || s[i] != ' ') return 0 ;
  if (++i >= len || s[i] < '0' || s[i] > '9') return 0 ;
  for (; i < len && s[i] >= '0' && s[i] <= '9' ; i++)
  {
    if (code > 999) return 0 ;
    code = code * 10 + (unsigned int)(s[i] - '0') ;
  }
  if (i < len && s[i] != ' ') return 0 ;
  while (i < len && s[i] == ' ') i++ ;
  r->code = code ;
  r->msg = base + i ;
  r->msglen = len - i ;
  return 1 ;
}

/* "Spam: True ; 15.0 / 5.0" (spamd also writes Yes/No to old clients). */
static int spam_parse (char const *s, size_t len, size_t base, sdreply *r)
{
  char const *semi = memchr(s, ';', len) ;
  char const *slash ;
  size_t a, b, c, d ;
  if (!semi) return 0 ;
  a = trim(s, (size_t)(semi - s)) ;
  if ((a == 4 && !strncasecmp(s, "True", 4)) || (a == 3 && !strncasecmp(s, "Yes", 3))) r->spam = 1 ;
  else if ((a == 5 && !strncasecmp(s, "False", 5)) || (a == 2 && !strncasecmp(s, "No", 2))) r->spam = 0 ;
  else return 0 ;
  a = (size_t)(semi - s) + 1 ;
  slash = memchr(s + a, '/', len - a) ;
  if (!slash) return 0 ;
  while (a < len && s[a] == ' ') a++ ;
  b = trim(s + a, (size_t)(slash - s) - a) ;
  c = (size_t)(slash - s) + 1 ;
  while (c < len && s[c] == ' ') c++ ;
  d = trim(s + c, len - c) ;
  if (!num_scan(s + a, b, &r->score) || !num_scan(s + c, d, &r->required)) return 0 ;
  r->scoretext = base + a ; r->scorelen = b ;
  r->reqtext = base + c ; r->reqlen = d ;
  return 1 ;
}

/* One line of the head: 1 understood or ignored, 0 malformed. */
static int head_line (char const *s, size_t len, size_t base, sdreply *r, uint64_t *clen)
{
  char const *colon = memchr(s, ':', len) ;
  size_t n, v ;
  if (!colon || colon == s) return 0 ;
  n = (size_t)(colon - s) ;
  v = n + 1 ;
  while (v < len && (s[v] == ' ' || s[v] == '\t')) v++ ;
  if (n == 14 && !strncasecmp(s, "Content-length", 14))
  {
    int64_t x ;
    if (*clen != (uint64_t)-1 || !num_scan(s + v, len - v, &x) || x < 0 || x % 1000) return 0 ;
    *clen = (uint64_t)x / 1000 ;
    return *clen <= SD_BODY_MAX ;
  }
  if (n == 4 && !strncasecmp(s, "Spam", 4)) return r->spam < 0 && spam_parse(s + v, len - v, base + v, r) ;
  return 1 ;
}

/* The returned header block: every X-Spam-* field, unfolded never,
   bounded. 1 ok, 0 malformed or over the bounds. */
static int fields_parse (char const *s, size_t len, size_t base, sdreply *r)
{
  size_t i = 0 ;
  while (i < len)
  {
    size_t start = i, colon ;
    char const *lf ;
    if (s[i] == '\n' || (s[i] == '\r' && i + 1 < len && s[i+1] == '\n')) return 1 ;   /* the empty line ends it */
    if (s[i] == ' ' || s[i] == '\t') return 0 ;   /* a continuation with nothing to continue */
    for (;;)   /* to the end of the field: its line and its continuations */
    {
      lf = memchr(s + i, '\n', len - i) ;
      if (!lf) return 0 ;
      i = (size_t)(lf - s) + 1 ;
      if (i >= len || (s[i] != ' ' && s[i] != '\t')) break ;
    }
    lf = memchr(s + start, ':', i - start) ;
    if (!lf) return 0 ;
    colon = (size_t)(lf - s) ;
    if (colon - start > 7 && !strncasecmp(s + start, "X-Spam-", 7))
    {
      size_t v = colon + 1, e = i - 1 ;
      sdfield *f ;
      if (r->nfields >= SD_FIELDS_MAX) return 0 ;
      while (v < e && (s[v] == ' ' || s[v] == '\t')) v++ ;
      if (e > v && s[e-1] == '\r') e-- ;
      if (e - v > SD_VALUE_MAX) return 0 ;
      for (size_t k = start ; k < colon ; k++)
        if (s[k] <= ' ' || s[k] > '~') return 0 ;   /* RFC 5322 2.2: ftext */
      f = &r->field[r->nfields++] ;
      f->name = base + start ; f->namelen = colon - start ;
      f->value = base + v ; f->valuelen = e - v ;
    }
  }
  return 0 ;   /* no empty line */
}

/* Parses a whole reply in buf[0..len). 1 complete (r filled), 0 more octets
   are needed, -1 protocol error (r->why says what). Bounded: the head is
   at most SD_HEAD_LINES lines of SD_LINE_MAX octets and the body at most
   SD_BODY_MAX octets; octets after the announced body are an error. */
static int sd_parse (char const *buf, size_t len, sdreply *r)
{
  size_t off = 0 ;
  uint64_t clen = (uint64_t)-1 ;
  unsigned int lines = 0 ;
  memset(r, 0, sizeof *r) ;
  r->spam = -1 ;
  for (;;)
  {
    long e = line_end(buf + off, len - off, SD_LINE_MAX) ;
    size_t l ;
    if (e == -1) return 0 ;
    if (e == -2) { r->why = "a line of the head is too long" ; return -1 ; }
    l = trim(buf + off, (size_t)e) ;
    if (!lines)
    {
      if (!status_parse(buf + off, l, off, r)) { r->why = "no SPAMD/ status line" ; return -1 ; }
    }
    else if (!l) { off += (size_t)e + 1 ; break ; }
    else if (!head_line(buf + off, l, off, r, &clen)) { r->why = "a malformed line in the head" ; return -1 ; }
    off += (size_t)e + 1 ;
    if (++lines > SD_HEAD_LINES) { r->why = "too many lines in the head" ; return -1 ; }
  }
  if (r->code) return len > off ? (r->why = "octets after an error status", -1) : 1 ;
  if (r->spam < 0) { r->why = "no Spam line" ; return -1 ; }
  if (clen == (uint64_t)-1) { r->why = "no Content-length" ; return -1 ; }
  if (len - off < clen) return 0 ;
  if (len - off > clen) { r->why = "more octets than Content-length" ; return -1 ; }
  if (!fields_parse(buf + off, (size_t)clen, off, r)) { r->why = "a malformed or oversized header block" ; return -1 ; }
  return 1 ;
}


 /* The instance */

#define SD_OLD_DROP 0
#define SD_OLD_RENAME 1
#define SD_OLD_KEEP 2
#define SD_DEFER_AUTO 0

typedef struct sd_s sd ;
struct sd_s
{
  char const *reject ;          /* "N" (score), "userprefs", or NULL: never refuse */
  char const *munge ;           /* munge_subject_threshold, or NULL */
  char const *prefix ;          /* subject_prefix argument, or NULL */
  int old ;                     /* leave_old_headers: SD_OLD_* */
  char const *socket ;          /* spamd_socket */
  char const *user ;            /* spamd_user, or NULL: no User line */
  int headers ;                 /* 1 add spamd's fields, 0 "none" */
  unsigned int max_size ;       /* octets; larger messages are not scanned */
  unsigned int timeout ;        /* seconds for the whole exchange */
  int relayclient ;             /* 0 skip relay clients, 1 scan them */
  int defer ;                   /* defer_on_error: auto, no, yes, 0, 1 */
  /* from init */
  int rejmode ;                 /* 0 never, 1 score >= rejscore, 2 spamd's verdict */
  int64_t rejscore ;
  int mungeon ;
  int64_t mungescore ;
  int defers ;                  /* a failed scan is deferred (1) or passed (0) */
  stralloc subject ;            /* the prefix, NUL-terminated */
  qp_peer peer ;
} ;

static char const *const sd_old_choices[] = { "drop", "rename", "keep", 0 } ;
static char const *const sd_headers_choices[] = { "none", "add", 0 } ;
static char const *const sd_relay_choices[] = { "skip", "check", 0 } ;
static char const *const sd_defer_choices[] = { "auto", "no", "yes", "0", "1", 0 } ;

static qp_argdef const sd_args[] =
{
  { .name = "reject", .type = QP_ARG_STRING, .off = offsetof(sd, reject), .meta = "N|userprefs" },
  { .name = "reject_threshold", .type = QP_ARG_STRING, .off = offsetof(sd, reject), .meta = "N|userprefs" },
  { .name = "munge_subject_threshold", .type = QP_ARG_STRING, .off = offsetof(sd, munge), .meta = "N" },
  { .name = "subject_prefix", .type = QP_ARG_STRING, .off = offsetof(sd, prefix), .meta = "TEXT" },
  { .name = "leave_old_headers", .type = QP_ARG_ENUM, .off = offsetof(sd, old), .def = "rename", .choices = sd_old_choices },
  { .name = "spamd_socket", .type = QP_ARG_STRING, .off = offsetof(sd, socket), .def = "127.0.0.1:783", .meta = "HOST:PORT|PATH" },
  { .name = "spamd_user", .type = QP_ARG_STRING, .off = offsetof(sd, user), .meta = "USER" },
  { .name = "headers", .type = QP_ARG_ENUM, .off = offsetof(sd, headers), .def = "add", .choices = sd_headers_choices },
  { .name = "size_limit", .type = QP_ARG_UINT, .off = offsetof(sd, max_size), .def = "500000", .min = 1, .max = 0 },
  { .name = "max_size", .type = QP_ARG_UINT, .off = offsetof(sd, max_size), .min = 1, .max = 0 },
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(sd, timeout), .def = "60", .min = 1, .max = 600 },
  { .name = "relayclient", .type = QP_ARG_ENUM, .off = offsetof(sd, relayclient), .def = "skip", .choices = sd_relay_choices },
  { .name = "defer_on_error", .type = QP_ARG_ENUM, .off = offsetof(sd, defer), .def = "auto", .choices = sd_defer_choices },
  { 0 }
} ;

static char const *const sd_subject_default = "*** SPAM ***" ;

/* "N" with at most 3 decimals, N >= 0: 1 and *v; 0 not a threshold. */
static int threshold_scan (char const *s, int64_t *v)
{
  char const *dot = strchr(s, '.') ;
  if (dot && strlen(dot + 1) > 3) return 0 ;
  return *s != '-' && *s != '+' && num_scan(s, strlen(s), v) ;
}

/* "host:port", "[v6]:port", "host" (port 783); host an address or
   localhost (the core's resolver is for policy lookups, and a spamd
   address that changes under a running server would be a surprise). */
static int inet_setup (sd *st, char const *s)
{
  char const *port = 0 ;
  size_t hl ;
  unsigned int p = SD_PORT ;
  if (*s == '[')
  {
    char const *e = strchr(s, ']') ;
    if (!e || (e[1] && e[1] != ':')) return 0 ;
    hl = (size_t)(e - s - 1) ; s++ ;
    if (e[1]) port = e + 2 ;
  }
  else
  {
    char const *c = strrchr(s, ':') ;
    if (c && strchr(s, ':') != c) c = 0 ;   /* a bare IPv6 address: no port */
    hl = c ? (size_t)(c - s) : strlen(s) ;
    if (c) port = c + 1 ;
  }
  if (port)
  {
    int64_t x ;
    if (!*port || strchr(port, '.') || !num_scan(port, strlen(port), &x) || *port == '-' || *port == '+' || x < 1000 || x > 65535000) return 0 ;
    p = (unsigned int)(x / 1000) ;
  }
  return qp_peer_inet(&st->peer, s, hl, p) ;
}

static int socket_setup (sd *st)
{
  char const *s = st->socket ;
  if (!strchr(s, '/')) return inet_setup(st, s) ;
  return qp_peer_unix(&st->peer, s) ;
}

static int sd_init (void *state)
{
  sd *st = state ;
  int r ;
  if (st->reject && !strcasecmp(st->reject, "userprefs")) st->rejmode = 2 ;
  else if (st->reject)
  {
    if (!threshold_scan(st->reject, &st->rejscore))
    {
      qp_log(LOGERROR, "config error: reject: '", st->reject, "' is neither a score (e.g. 5 or 7.5) nor userprefs", (char *)0) ;
      return 0 ;
    }
    st->rejmode = st->rejscore > 0 ;   /* reject 0: never, as qpsmtpd */
  }
  if (st->munge)
  {
    if (!threshold_scan(st->munge, &st->mungescore))
    {
      qp_log(LOGERROR, "config error: munge_subject_threshold: '", st->munge, "' is not a score (e.g. 5 or 7.5)", (char *)0) ;
      return 0 ;
    }
    st->mungeon = 1 ;
  }
  if (!socket_setup(st))
  {
    qp_log(LOGERROR, "config error: spamd_socket: '", st->socket, "' is neither host:port (an IP address or localhost, port 1-65535) nor an absolute socket path of at most 107 octets", (char *)0) ;
    return 0 ;
  }
  if (st->user && (!*st->user || strpbrk(st->user, "\r\n")))
  {
    qp_log(LOGERROR, "config error: spamd_user: empty or not one line", (char *)0) ;
    return 0 ;
  }
  st->defers = st->defer == SD_DEFER_AUTO ? st->rejmode != 0 : st->defer == 2 || st->defer == 4 ;
  if (st->prefix) r = 1 ;
  else
  {
    r = qp_control_line("subject_prefix", &st->subject) ;
    if (r < 0)
    {
      qp_log(LOGERROR, "control/subject_prefix: ", strerror(errno), (char *)0) ;
      return 0 ;
    }
    if (r && st->subject.len) return 1 ;
    st->subject.len = 0 ;
  }
  if (!stralloc_cats(&st->subject, st->prefix ? st->prefix : sd_subject_default) || !stralloc_0(&st->subject))
  {
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    return 0 ;
  }
  return 1 ;
}


 /* The exchange with spamd: one connection per message, under one deadline */

/* The User line: spamd_user, or with "vpopmail" the recipient when there is
   exactly one (spamd then applies that mailbox's preferences, as qpsmtpd). */
static char const *sd_user (sd const *st)
{
  if (!strcasecmp(st->user, "vpopmail") && qp_rcpt_count() == 1) return qp_rcpt(0) ;
  return st->user ;
}

typedef struct conv_s conv ;
struct conv_s
{
  int fd ;
  uint64_t deadline ;     /* qp_clock_ms */
  stralloc reply ;
  char const *what ;      /* the failure, for the log */
  int err ;               /* its errno, 0 if none */
} ;

/* Waits for fd under the deadline (qp_await adds the policy budget).
   1 ready, 0 failed (c->what set). */
static int conv_wait (conv *c, int events, char const *what)
{
  int r = qp_await_until(c->fd, events, c->deadline) ;
  if (r > 0) return 1 ;
  c->what = what ;
  c->err = r ? errno : ETIMEDOUT ;
  return 0 ;
}

static int conv_connect (conv *c, sd const *st)
{
  c->fd = qp_peer_connect(&st->peer, c->deadline) ;
  if (c->fd < 0) { c->what = "connect" ; c->err = errno ; return 0 ; }
  return 1 ;
}

/* Writes all of s under the deadline. 1 ok, 0 failed. */
static int conv_write (conv *c, char const *s, size_t len)
{
  while (len)
  {
    ssize_t w = send(c->fd, s, len, MSG_NOSIGNAL) ;
    if (w < 0)
    {
      if (errno == EINTR) continue ;
      if (errno != EAGAIN && errno != EWOULDBLOCK) { c->what = "send" ; c->err = errno ; return 0 ; }
      if (!conv_wait(c, QP_WRITE, "send")) return 0 ;
      continue ;
    }
    s += w ; len -= (size_t)w ;
  }
  return 1 ;
}

static int conv_request (conv *c, sd const *st, uint64_t size)
{
  char num[24] ;
  size_t i = sizeof num ;
  stralloc req = STRALLOC_ZERO ;
  int ok ;
  num[--i] = 0 ;
  do num[--i] = '0' + (char)(size % 10) ; while (size /= 10) ;
  /* HEADERS (spamc -z's request, the one qpsmtpd makes): the answer is the
     header block as SpamAssassin rewrote it, whose X-Spam-* fields are what
     we add; PROCESS would send the whole message back, SYMBOLS and CHECK
     no fields at all */
  ok = stralloc_cats(&req, "HEADERS SPAMC/1.5\r\nContent-length: ")
    && stralloc_cats(&req, num + i) && stralloc_cats(&req, "\r\n")
    && (!st->user || (stralloc_cats(&req, "User: ") && stralloc_cats(&req, sd_user(st)) && stralloc_cats(&req, "\r\n")))
    && stralloc_cats(&req, "\r\n") ;
  if (!ok) { c->what = "request" ; c->err = errno ; }
  else ok = conv_write(c, req.s, req.len) ;
  stralloc_free(&req) ;
  return ok ;
}

/* Streams the message from the spool: exactly size octets, never more than
   SD_CHUNK in memory. */
static int conv_message (conv *c, uint64_t size)
{
  char buf[SD_CHUNK] ;
  uint64_t off = 0 ;
  for (;;)
  {
    ssize_t r = qp_message_read(off, buf, sizeof buf) ;
    if (r < 0) { c->what = "reading the message from the spool" ; c->err = errno ; return 0 ; }
    if (!r) break ;
    if (!conv_write(c, buf, (size_t)r)) return 0 ;
    off += (uint64_t)r ;
  }
  if (off != size) { c->what = "the message changed size while it was read" ; c->err = 0 ; return 0 ; }
  shutdown(c->fd, SHUT_WR) ;   /* spamd reads Content-length octets; this only helps a confused one fail fast */
  return 1 ;
}

/* Reads until the reply parses. 1 and *r, 0 failed. */
static int conv_reply (conv *c, sdreply *r)
{
  for (;;)
  {
    ssize_t n ;
    int p ;
    if (!stralloc_readyplus(&c->reply, 4096)) { c->what = "reading the reply" ; c->err = errno ; return 0 ; }
    n = recv(c->fd, c->reply.s + c->reply.len, 4096, 0) ;
    if (n < 0)
    {
      if (errno == EINTR) continue ;
      if (errno != EAGAIN && errno != EWOULDBLOCK) { c->what = "reading the reply" ; c->err = errno ; return 0 ; }
      if (!conv_wait(c, QP_READ, "waiting for the reply")) return 0 ;
      continue ;
    }
    c->reply.len += (size_t)n ;
    p = sd_parse(c->reply.s, c->reply.len, r) ;
    if (p > 0) return 1 ;
    if (p < 0) { c->what = r->why ; c->err = 0 ; return 0 ; }
    if (!n) { c->what = "spamd closed the connection before its reply was complete" ; c->err = 0 ; return 0 ; }
    if (c->reply.len > SD_BODY_MAX + SD_HEAD_LINES * (SD_LINE_MAX + 1))
    { c->what = "the reply is too long" ; c->err = 0 ; return 0 ; }
  }
}


 /* What the hook does with a reply */

static int field_is (stralloc const *b, sdfield const *f, char const *name)
{
  return f->namelen == strlen(name) && !strncasecmp(b->s + f->name, name, f->namelen) ;
}

/* Old X-Spam-* fields of the names spamd sent (and the usual ones), from
   an earlier filter or forged by the sender: renamed X-Old-Spam-*, dropped or
   kept (leave_old_headers). */
static int old_fields (sd const *st, char const *name)
{
  unsigned int n = qp_header_count(name) ;
  stralloc v = STRALLOC_ZERO, nn = STRALLOC_ZERO ;
  int ok = 1 ;
  if (st->old == SD_OLD_KEEP || !n) return 1 ;
  if (st->old == SD_OLD_RENAME)
  {
    /* qpsmtpd's new name: the first '-' becomes "-Old-" (X-Old-Spam-Status) */
    char const *dash = strchr(name, '-') ;
    size_t k = dash ? (size_t)(dash - name) : strlen(name) ;
    ok = stralloc_catb(&nn, name, k) && stralloc_cats(&nn, "-Old") && stralloc_cats(&nn, name + k) && stralloc_0(&nn) ;
    for (unsigned int i = 0 ; ok && i < n ; i++)
      ok = stralloc_copys(&v, qp_header_get(name, i)) && stralloc_0(&v) && qp_header_add(nn.s, v.s, 0) ;
  }
  while (ok && n--) ok = qp_header_delete(name, n) ;
  stralloc_free(&v) ; stralloc_free(&nn) ;
  return ok ;
}

static char const *const sd_usual[] =
{
  "X-Spam-Checker-Version", "X-Spam-Flag", "X-Spam-Level", "X-Spam-Status", "X-Spam-Report", "X-Spam-User", 0
} ;

static int add_fields (sd const *st, stralloc const *b, sdreply const *r)
{
  stralloc name = STRALLOC_ZERO, value = STRALLOC_ZERO ;
  int ok = 1 ;
  for (unsigned int i = 0 ; ok && sd_usual[i] ; i++) ok = old_fields(st, sd_usual[i]) ;
  for (size_t i = 0 ; ok && i < r->nfields ; i++)
  {
    int usual = 0 ;
    for (unsigned int j = 0 ; sd_usual[j] ; j++) usual |= field_is(b, &r->field[i], sd_usual[j]) ;
    if (usual) continue ;
    ok = stralloc_copyb(&name, b->s + r->field[i].name, r->field[i].namelen) && stralloc_0(&name)
      && old_fields(st, name.s) ;
  }
  for (size_t i = 0 ; ok && i < r->nfields ; i++)
  {
    sdfield const *f = &r->field[i] ;
    name.len = value.len = 0 ;
    ok = stralloc_catb(&name, b->s + f->name, f->namelen) && stralloc_0(&name) ;
    for (size_t k = 0 ; ok && k < f->valuelen ; k++)
      if (b->s[f->value + k] != '\r') ok = stralloc_catb(&value, b->s + f->value + k, 1) ;
    ok = ok && stralloc_0(&value) && qp_header_add(name.s, value.s, 0) ;
  }
  /* several recipients: one user's preferences scored it for all; say whose */
  if (ok && st->user && qp_rcpt_count() > 1) ok = qp_header_add("X-Spam-User", st->user, 0) ;
  stralloc_free(&name) ; stralloc_free(&value) ;
  return ok ;
}

static int munge_subject (sd const *st)
{
  char const *old = qp_header_get("Subject", 0) ;
  stralloc v = STRALLOC_ZERO ;
  int ok = stralloc_cats(&v, st->subject.s) ;
  if (ok && old && *old) ok = stralloc_cats(&v, " ") && stralloc_cats(&v, old) ;
  ok = ok && stralloc_0(&v) && (old ? qp_header_replace("Subject", 0, v.s) : qp_header_add("Subject", v.s, 0)) ;
  stralloc_free(&v) ;
  return ok ;
}

static int notes_set (stralloc const *b, sdreply const *r)
{
  char score[24], req[24] ;
  size_t sl = r->scorelen < sizeof score ? r->scorelen : sizeof score - 1 ;
  size_t rl = r->reqlen < sizeof req ? r->reqlen : sizeof req - 1 ;
  memcpy(score, b->s + r->scoretext, sl) ; score[sl] = 0 ;
  memcpy(req, b->s + r->reqtext, rl) ; req[rl] = 0 ;
  return qp_note_set(QP_TXN, "spam_score", score)
    && qp_note_set(QP_TXN, "spam_required", req)
    && qp_note_set(QP_TXN, "spamassassin", r->spam ? "Yes" : "No") ;
}

static void log_result (char const *what, stralloc const *b, sdreply const *r, int level)
{
  stralloc l = STRALLOC_ZERO ;
  if (stralloc_cats(&l, "score=") && stralloc_catb(&l, b->s + r->scoretext, r->scorelen)
   && stralloc_cats(&l, " required=") && stralloc_catb(&l, b->s + r->reqtext, r->reqlen) && stralloc_0(&l))
    qp_log(level, what, l.s, (char *)0) ;
  stralloc_free(&l) ;
}

/* The scan could not be made: one log line, then pass or defer. */
static int sd_fault (sd const *st, conv const *c)
{
  qp_log(LOGERROR, "error: spamd ", st->socket, ": ", c->what, c->err ? ": " : "", c->err ? strerror(c->err) : "",
    st->defers ? "; message deferred" : "; message passed unscanned", (char *)0) ;
  if (!st->defers) return DECLINED ;
  qp_msg("451 4.3.0 Unable to scan for spam, try again later") ;
  return DENYSOFT ;
}

static int sd_skip (sd const *st)
{
  char const *w ;
  if (qp_relay_client() && !st->relayclient) { qp_log(LOGINFO, "skip: relay client", (char *)0) ; return 1 ; }
  w = qp_note_get(QP_CONN, "whitelisthost") ;
  if (w && *w) { qp_log(LOGINFO, "skip: whitelisted host", (char *)0) ; return 1 ; }
  w = qp_note_get(QP_TXN, "whitelistsender") ;
  if (w && *w) { qp_log(LOGINFO, "skip: whitelisted sender", (char *)0) ; return 1 ; }
  return 0 ;
}

static int sd_decide (sd const *st, stralloc const *b, sdreply const *r)
{
  int spam = st->rejmode == 2 ? r->spam : st->rejmode == 1 && r->score >= st->rejscore ;
  if (r->spam) qp_karma_adjust(-1) ;
  else if (r->score < 0) qp_karma_adjust(1) ;
  if (!notes_set(b, r)) qp_log(LOGERROR, "error: out of memory: no spam_score note", (char *)0) ;
  if (spam)
  {
    int v = qp_reject_verdict() ;
    log_result("fail: spam score exceeded threshold: ", b, r, LOGINFO) ;
    /* qpsmtpd's 552 (RFC 3463 5.7.1); a temporary reject_type gets the core's 4xx */
    qp_msg(v == DENY || v == DENY_DISCONNECT ? "552 5.7.1 spam score exceeded threshold" : "spam score exceeded threshold") ;
    return v ;
  }
  if ((st->headers && !add_fields(st, b, r)) || (st->mungeon && r->score >= st->mungescore && !munge_subject(st)))
  {
    qp_log(LOGERROR, "error: out of memory while adding the X-Spam fields; message deferred", (char *)0) ;
    qp_msg("451 4.3.0 Unable to scan for spam, try again later") ;
    return DENYSOFT ;
  }
  log_result(r->spam ? "pass: spam by spamd's threshold, tagged: " : "pass: ", b, r, LOGINFO) ;
  return DECLINED ;
}

/* "spamd answered 76 Bad header line: ..." in a static buffer, printable */
static char const *status_text (stralloc const *b, sdreply const *r)
{
  static char t[120] ;
  size_t n = 0 ;
  char const *p = "spamd answered status " ;
  unsigned int code = r->code, d = 1000 ;
  while (*p) t[n++] = *p++ ;
  while (d > code && d > 1) d /= 10 ;
  for (; d ; d /= 10) t[n++] = '0' + (char)(code / d % 10) ;
  t[n++] = ' ' ;
  for (size_t i = 0 ; i < r->msglen && n < sizeof t - 1 ; i++)
  {
    char ch = b->s[r->msg + i] ;
    t[n++] = ch >= ' ' && ch <= '~' ? ch : '?' ;
  }
  t[n] = 0 ;
  return t ;
}

static int sd_data_post (void *state, qp_hookarg const *a)
{
  sd *st = state ;
  conv c = { .fd = -1, .reply = STRALLOC_ZERO } ;
  sdreply r ;
  uint64_t size = qp_message_size() ;
  int v ;
  (void)a ;
  if (sd_skip(st)) return DECLINED ;
  if (size > st->max_size)
  {
    char n[24], m[24] ;
    size_t i = sizeof n, j = sizeof m ;
    unsigned int ms = st->max_size ;
    n[--i] = 0 ; m[--j] = 0 ;
    do n[--i] = '0' + (char)(size % 10) ; while (size /= 10) ;
    do m[--j] = '0' + (char)(ms % 10) ; while (ms /= 10) ;
    qp_log(LOGINFO, "skip: message of ", n + i, " octets is over max_size ", m + j, (char *)0) ;
    return DECLINED ;
  }
  c.deadline = qp_clock_ms() + (uint64_t)st->timeout * 1000 ;
  if (conv_connect(&c, st) && conv_request(&c, st, size) && conv_message(&c, size) && conv_reply(&c, &r))
  {
    if (r.code) { c.what = status_text(&c.reply, &r) ; c.err = 0 ; v = sd_fault(st, &c) ; }
    else v = sd_decide(st, &c.reply, &r) ;
  }
  else v = sd_fault(st, &c) ;
  if (c.fd >= 0) close(c.fd) ;
  stralloc_free(&c.reply) ;
  return v ;
}

qp_plugin const plugin_spamassassin =
{
  .name = "spamassassin",
  .state_size = sizeof(sd),
  .args = sd_args,
  .init = &sd_init,
  .hook = { [HOOK_DATA_POST] = &sd_data_post },
} ;
