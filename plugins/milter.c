/* ISC license. */
/* milter: the MTA side of the milter protocol, version 6 (sendmail's
   libmilter, Postfix's milter8). One connection per instance for the whole
   SMTP session; every stage from connect to end-of-message, the body
   streamed from the spool in chunks, every modification applied through the
   plugin API once the milter has accepted the message. A milter that cannot
   be reached, is too slow or breaks the protocol gets default_action. */

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/socket.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

 /* Protocol constants (libmilter's mfdef.h) */

#define MT_VERSION 6

#define SMFIC_ABORT 'A'
#define SMFIC_BODY 'B'
#define SMFIC_CONNECT 'C'
#define SMFIC_MACRO 'D'
#define SMFIC_BODYEOB 'E'
#define SMFIC_HELO 'H'
#define SMFIC_HEADER 'L'
#define SMFIC_MAIL 'M'
#define SMFIC_EOH 'N'
#define SMFIC_OPTNEG 'O'
#define SMFIC_QUIT 'Q'
#define SMFIC_RCPT 'R'
#define SMFIC_DATA 'T'

#define SMFIR_ADDRCPT '+'
#define SMFIR_DELRCPT '-'
#define SMFIR_ADDRCPT_PAR '2'
#define SMFIR_SHUTDOWN '4'
#define SMFIR_ACCEPT 'a'
#define SMFIR_REPLBODY 'b'
#define SMFIR_CONTINUE 'c'
#define SMFIR_DISCARD 'd'
#define SMFIR_CHGFROM 'e'
#define SMFIR_CONN_FAIL 'f'
#define SMFIR_ADDHEADER 'h'
#define SMFIR_INSHEADER 'i'
#define SMFIR_CHGHEADER 'm'
#define SMFIR_PROGRESS 'p'
#define SMFIR_QUARANTINE 'q'
#define SMFIR_REJECT 'r'
#define SMFIR_SKIP 's'
#define SMFIR_TEMPFAIL 't'
#define SMFIR_REPLYCODE 'y'
#define SMFIR_OPTNEG 'O'

#define SMFIF_ADDHDRS 0x01u
#define SMFIF_CHGBODY 0x02u
#define SMFIF_ADDRCPT 0x04u
#define SMFIF_DELRCPT 0x08u
#define SMFIF_CHGHDRS 0x10u
#define SMFIF_QUARANTINE 0x20u
#define SMFIF_CHGFROM 0x40u
#define SMFIF_ADDRCPT_PAR 0x80u
#define SMFIF_SETSYMLIST 0x100u
#define MT_ACTIONS 0x1ffu

#define SMFIP_NOCONNECT 0x1u
#define SMFIP_NOHELO 0x2u
#define SMFIP_NOMAIL 0x4u
#define SMFIP_NORCPT 0x8u
#define SMFIP_NOBODY 0x10u
#define SMFIP_NOHDRS 0x20u
#define SMFIP_NOEOH 0x40u
#define SMFIP_NR_HDR 0x80u
#define SMFIP_NOUNKNOWN 0x100u
#define SMFIP_NODATA 0x200u
#define SMFIP_SKIP 0x400u
#define SMFIP_RCPT_REJ 0x800u
#define SMFIP_NR_CONN 0x1000u
#define SMFIP_NR_HELO 0x2000u
#define SMFIP_NR_MAIL 0x4000u
#define SMFIP_NR_RCPT 0x8000u
#define SMFIP_NR_DATA 0x10000u
#define SMFIP_NR_UNKN 0x20000u
#define SMFIP_NR_EOH 0x40000u
#define SMFIP_NR_BODY 0x80000u
#define SMFIP_HDR_LEADSPC 0x100000u
#define SMFIP_MDS_256K 0x10000000u
#define SMFIP_MDS_1M 0x20000000u
/* every step we can leave out or not wait for; not RCPT_REJ: a recipient
   refused by an earlier plugin never reaches this one */
#define MT_PROTOCOL (0x7fu | SMFIP_NR_HDR | SMFIP_NOUNKNOWN | SMFIP_NODATA | SMFIP_SKIP \
  | SMFIP_NR_CONN | SMFIP_NR_HELO | SMFIP_NR_MAIL | SMFIP_NR_RCPT | SMFIP_NR_DATA | SMFIP_NR_UNKN \
  | SMFIP_NR_EOH | SMFIP_NR_BODY | SMFIP_HDR_LEADSPC | SMFIP_MDS_256K | SMFIP_MDS_1M)

#define SMFIM_CONNECT 0
#define SMFIM_HELO 1
#define SMFIM_ENVFROM 2
#define SMFIM_ENVRCPT 3
#define SMFIM_DATA 4
#define SMFIM_EOM 5
#define SMFIM_EOH 6
#define MT_STAGES 7

#define MT_DATA_MAX 65535u             /* data octets of a packet (libmilter's default) */
#define MT_DATA_256K 262143u
#define MT_DATA_1M 1048575u
#define MT_CHUNK_IN 32767              /* body octets read per chunk: at most 65534 with CRs added */
#define MT_SYMLIST_MAX 1024            /* one stage's macro list */
#define MT_MODS_MAX (1024u * 1024u)    /* buffered modifications of one message (bodies excepted) */
#define MT_FIELD_MAX (256u * 1024u)    /* one header field sent to the milter */
#define MT_EOM_MAX_MS (600 * 1000)     /* one end-of-message, progress included */


 /* The reply-packet parser: pure, bounded, fuzzed (tests/fuzz/milter.c) */

typedef struct mtpkt_s mtpkt ;
struct mtpkt_s
{
  char cmd ;
  size_t total ;          /* octets of the packet, length word included */
  size_t data, dlen ;     /* its data: offset into the buffer, length */
  uint32_t idx ;          /* INSHEADER, CHGHEADER */
  size_t s1, s1len ;      /* first string (name, address, reason, reply) */
  size_t s2, s2len ;      /* second string (value, ESMTP arguments); s2 0: none */
  char const *why ;       /* on -1 */
} ;

static uint32_t get32 (unsigned char const *p)
{
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3] ;
}

/* A NUL-terminated string starting at off, inside [off, end): 1 and its length, 0 none. */
static int cstr (char const *b, size_t off, size_t end, size_t *len)
{
  char const *z = off < end ? memchr(b + off, 0, end - off) : 0 ;
  if (!z) return 0 ;
  *len = (size_t)(z - (b + off)) ;
  return 1 ;
}

/* "550 5.7.1 text", "451-4.7.1 first\r\n451 4.7.1 last": a 4xx or 5xx code,
   an enhanced code of the same class if any (RFC 3463 2). 1 ok, 0 not. */
static int replycode_ok (char const *s, size_t len)
{
  size_t i = 3 ;
  if (len < 3 || (s[0] != '4' && s[0] != '5') || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9') return 0 ;
  if (len == 3) return 1 ;
  if (s[3] != ' ' && s[3] != '-') return 0 ;
  i = 4 ;
  if (i < len && s[i] >= '2' && s[i] <= '5' && i + 1 < len && s[i+1] == '.')
  {
    size_t k = i + 2, d ;
    if (s[i] != s[0]) return 0 ;
    for (int part = 0 ; part < 2 ; part++)
    {
      for (d = 0 ; k < len && s[k] >= '0' && s[k] <= '9' ; k++) d++ ;
      if (!d || d > 3) return 0 ;
      if (!part && (k >= len || s[k++] != '.')) return 0 ;
    }
    if (k < len && s[k] != ' ' && s[k] != '\r' && s[k] != '\n') return 0 ;
  }
  for (; i < len ; i++)
    if ((unsigned char)s[i] < ' ' && s[i] != '\r' && s[i] != '\n' && s[i] != '\t') return 0 ;
  return 1 ;
}

/* The data of a reply that carries strings: n (1 or 2, opt: the second
   may be missing) NUL-terminated strings filling it exactly. */
static int strings_parse (char const *b, mtpkt *p, size_t off, int n, int opt)
{
  size_t end = p->data + p->dlen ;
  if (!cstr(b, off, end, &p->s1len)) return 0 ;
  p->s1 = off ;
  off += p->s1len + 1 ;
  if (n == 1 || (opt && off == end)) return off == end ;
  if (!cstr(b, off, end, &p->s2len)) return 0 ;
  p->s2 = off ;
  return off + p->s2len + 1 == end ;
}

/* The data after OPTNEG's three words: (stage word, macro list NUL) pairs. */
static int symlists_ok (char const *b, size_t off, size_t end)
{
  while (off < end)
  {
    size_t l ;
    if (end - off < 5 || get32((unsigned char const *)b + off) >= MT_STAGES) return 0 ;
    off += 4 ;
    if (!cstr(b, off, end, &l) || l > MT_SYMLIST_MAX) return 0 ;
    off += l + 1 ;
  }
  return 1 ;
}

static int header_name_ok (char const *s, size_t len)
{
  if (!len) return 0 ;
  for (size_t i = 0 ; i < len ; i++)
    if (s[i] <= ' ' || s[i] > '~' || s[i] == ':') return 0 ;   /* RFC 5322 2.2: ftext */
  return 1 ;
}

static int mt_data_ok (char const *b, mtpkt *p)
{
  switch (p->cmd)
  {
    case SMFIR_ACCEPT : case SMFIR_CONTINUE : case SMFIR_DISCARD : case SMFIR_REJECT :
    case SMFIR_TEMPFAIL : case SMFIR_PROGRESS : case SMFIR_SKIP : case SMFIR_SHUTDOWN : case SMFIR_CONN_FAIL :
      return !p->dlen ;
    case SMFIR_REPLBODY :
      return 1 ;
    case SMFIR_OPTNEG :
      return p->dlen >= 12 && symlists_ok(b, p->data + 12, p->data + p->dlen) ;
    case SMFIR_REPLYCODE :
      return strings_parse(b, p, p->data, 1, 0) && replycode_ok(b + p->s1, p->s1len) ;
    case SMFIR_ADDHEADER :
      return strings_parse(b, p, p->data, 2, 0) && header_name_ok(b + p->s1, p->s1len) ;
    case SMFIR_INSHEADER : case SMFIR_CHGHEADER :
      if (p->dlen < 4) return 0 ;
      p->idx = get32((unsigned char const *)b + p->data) ;
      return strings_parse(b, p, p->data + 4, 2, 0) && header_name_ok(b + p->s1, p->s1len) ;
    case SMFIR_ADDRCPT : case SMFIR_DELRCPT :
      return strings_parse(b, p, p->data, 1, 0) && p->s1len ;
    case SMFIR_ADDRCPT_PAR : case SMFIR_CHGFROM :
      return strings_parse(b, p, p->data, 2, 1) ;
    case SMFIR_QUARANTINE :
      return strings_parse(b, p, p->data, 1, 0) ;
    default : return 0 ;
  }
}

/* Parses the packet at the start of buf[0..len): 1 complete (p filled),
   0 more octets needed, -1 protocol error (p->why). max bounds the data
   (64 KiB, or what MDS_256K/1M negotiated): a longer packet is refused as
   soon as its length word is read, before its data arrives. */
static int mt_parse (char const *buf, size_t len, size_t max, mtpkt *p)
{
  uint32_t n ;
  memset(p, 0, sizeof *p) ;
  if (len < 4) return 0 ;
  n = get32((unsigned char const *)buf) ;
  if (!n) { p->why = "a packet of length 0" ; return -1 ; }
  if (n - 1 > max) { p->why = "a packet longer than negotiated" ; return -1 ; }
  if (len < 4 + (size_t)n) return 0 ;
  p->cmd = buf[4] ;
  p->total = 4 + (size_t)n ;
  p->data = 5 ;
  p->dlen = n - 1 ;
  if (!strchr("+-24abcdefhimpqrstyO", p->cmd) || !p->cmd) { p->why = "an unknown reply" ; return -1 ; }
  if (!mt_data_ok(buf, p)) { p->why = "a malformed reply" ; return -1 ; }
  return 1 ;
}


 /* The instance */

#define MT_DEF_TEMPFAIL 0
#define MT_DEF_ACCEPT 1
#define MT_DEF_REJECT 2

typedef struct mt_s mt ;
struct mt_s
{
  char const *name ;
  char const *socket ;
  unsigned int ctimeout, cmdtimeout, bodytimeout ;
  int defact ;
  char const *qto ;
  /* from init */
  qp_peer peer ;
  /* the session */
  int fd ;                   /* -1: no connection */
  int dead ;                 /* skipped for the rest of the session */
  int sverdict ;             /* a refusal of every later command (connect/HELO, faults) */
  stralloc stext ;
  int sdiscard ;             /* every message of the session is discarded */
  uint32_t version, actions, pflags ;
  size_t maxdata ;
  stralloc sym[MT_STAGES] ;  /* SETSYMLIST: the macros asked for, per stage */
  unsigned char hassym[MT_STAGES] ;
  stralloc in, out ;
  /* the transaction */
  int intxn ;                /* MAIL sent, end-of-message not answered */
  int txndone ;              /* ACCEPT: nothing more for this transaction */
  int discard ;
  unsigned int txnno ;
  char txnid[48] ;
  char const *rcpt ;         /* the recipient being sent (macros) */
  stralloc mods ;            /* modification packets of end-of-message, in order */
  int body ;                 /* 1: a replacement body is being written */
  int bodycr ;               /* its last octet written was a held CR */
  int quarantine ;
  stralloc qreason ;
  stralloc rtext ;           /* the text of a REPLYCODE */
  unsigned int nfield ;      /* fields of the header block seen so far */
  unsigned int skip ;        /* the core's own trace fields on top, not shown to the milter */
  unsigned int skipar, skiprcv ;
  /* the exchange */
  uint64_t deadline, hardend ;
  unsigned int tmo ;
  char const *what ;
  int err ;
} ;

static char const *const mt_defact_choices[] = { "tempfail", "accept", "reject", 0 } ;

static qp_argdef const mt_args[] =
{
  { .name = "NAME", .type = QP_ARG_STRING | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(mt, name), .meta = "NAME" },
  { .name = "SOCKET", .type = QP_ARG_STRING | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(mt, socket), .meta = "SOCKET" },
  { .name = "connect_timeout", .type = QP_ARG_UINT, .off = offsetof(mt, ctimeout), .def = "10", .min = 1, .max = 600, .meta = "S" },
  { .name = "command_timeout", .type = QP_ARG_UINT, .off = offsetof(mt, cmdtimeout), .def = "30", .min = 1, .max = 600, .meta = "S" },
  { .name = "content_timeout", .type = QP_ARG_UINT, .off = offsetof(mt, bodytimeout), .def = "60", .min = 1, .max = 600, .meta = "S" },
  { .name = "default_action", .type = QP_ARG_ENUM, .off = offsetof(mt, defact), .def = "tempfail", .choices = mt_defact_choices },
  { .name = "quarantine_to", .type = QP_ARG_STRING, .off = offsetof(mt, qto), .meta = "ADDRESS" },
  { 0 }
} ;

static int port_scan (char const *s, unsigned int *port)
{
  unsigned int p = 0 ;
  size_t i = 0 ;
  for (; s[i] >= '0' && s[i] <= '9' ; i++)
  {
    p = p * 10 + (unsigned int)(s[i] - '0') ;
    if (p > 65535) return 0 ;
  }
  if (!i || s[i] || !p) return 0 ;
  *port = p ;
  return 1 ;
}

/* host (an address or localhost) and port text into the state. 1 ok, 0 not. */
static int inet_set (mt *st, char const *host, size_t hl, char const *port)
{
  unsigned int p ;
  return port_scan(port, &p) && qp_peer_inet(&st->peer, host, hl, p) ;
}

static int unix_set (mt *st, char const *path)
{
  return qp_peer_unix(&st->peer, path) ;
}

/* The socket forms of sendmail (inet:PORT@HOST, inet6:, unix:, local:),
   Postfix (inet:HOST:PORT), qpsmtpd (HOST:PORT, [V6]:PORT) and a bare path. */
static int socket_set (mt *st, char const *s)
{
  char const *at, *c ;
  if (!strncasecmp(s, "unix:", 5)) return unix_set(st, s + 5) ;
  if (!strncasecmp(s, "local:", 6)) return unix_set(st, s + 6) ;
  if (*s == '/') return unix_set(st, s) ;
  if (!strncasecmp(s, "inet6:", 6) || !strncasecmp(s, "inet:", 5))
  {
    s = strchr(s, ':') + 1 ;
    at = strchr(s, '@') ;
    if (at)
    {
      char port[8] ;
      size_t pl = (size_t)(at - s) ;
      if (!pl || pl >= sizeof port) return 0 ;
      memcpy(port, s, pl) ; port[pl] = 0 ;
      return inet_set(st, at + 1, strlen(at + 1), port) ;
    }
  }
  c = strrchr(s, ':') ;
  if (!c) return 0 ;
  /* a bare IPv6 address has colons of its own: only [v6]:port is taken */
  if (strchr(s, ':') != c && !(*s == '[' && c > s && c[-1] == ']')) return 0 ;
  return inet_set(st, s, (size_t)(c - s), c + 1) ;
}

static int mt_init (void *state)
{
  mt *st = state ;
  st->fd = -1 ;
  if (!*st->name || strlen(st->name) > 64 || strpbrk(st->name, " \t\r\n"))
  {
    qp_log(LOGERROR, "config error: NAME: '", st->name, "' must be 1 to 64 printable octets", (char *)0) ;
    return 0 ;
  }
  if (!socket_set(st, st->socket))
  {
    qp_log(LOGERROR, "config error: milter ", st->name, ": SOCKET '", st->socket,
      "' is none of HOST:PORT, [IPv6]:PORT, inet:PORT@HOST, inet:HOST:PORT, inet6:PORT@HOST, unix:/path, local:/path, /path"
      " (HOST an IP address or localhost, PORT 1-65535, path at most 107 octets)", (char *)0) ;
    return 0 ;
  }
  if (st->qto && (!*st->qto || strpbrk(st->qto, "<> \t\r\n") || !strchr(st->qto, '@')))
  {
    qp_log(LOGERROR, "config error: milter ", st->name, ": quarantine_to '", st->qto, "' is not an address user@domain", (char *)0) ;
    return 0 ;
  }
  return 1 ;
}


 /* Talking to the milter: deadlines, packets */

static void deadline_set (mt *st, unsigned int seconds)
{
  st->tmo = seconds ;
  st->deadline = qp_clock_ms() + (uint64_t)seconds * 1000 ;
  if (st->hardend && st->deadline > st->hardend) st->deadline = st->hardend ;
}

static int fail (mt *st, char const *what, int err)
{
  st->what = what ;
  st->err = err ;
  return 0 ;
}

static int mt_wait (mt *st, int events, char const *what)
{
  int r = qp_await_until(st->fd, events, st->deadline) ;
  if (r > 0) return 1 ;
  return fail(st, what, r ? errno : ETIMEDOUT) ;
}

static int mt_connect (mt *st)
{
  deadline_set(st, st->ctimeout) ;
  st->fd = qp_peer_connect(&st->peer, st->deadline) ;
  if (st->fd < 0) return fail(st, "connect", errno) ;
  return 1 ;
}

static int mt_write (mt *st, char const *s, size_t len)
{
  while (len)
  {
    ssize_t w = send(st->fd, s, len, MSG_NOSIGNAL) ;
    if (w < 0)
    {
      if (errno == EINTR) continue ;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return fail(st, "sending", errno) ;
      if (!mt_wait(st, QP_WRITE, "sending")) return 0 ;
      continue ;
    }
    s += w ; len -= (size_t)w ;
  }
  return 1 ;
}

/* Starts a packet of command cmd in st->out. */
static int pkt_start (mt *st, char cmd)
{
  st->out.len = 0 ;
  return stralloc_catb(&st->out, "\0\0\0\0", 4) && stralloc_catb(&st->out, &cmd, 1) ;
}

static int pkt_add (mt *st, char const *s, size_t len) { return stralloc_catb(&st->out, s, len) ; }
static int pkt_str (mt *st, char const *s) { return stralloc_catb(&st->out, s, strlen(s) + 1) ; }

static void put32 (unsigned char *p, uint32_t v)
{
  p[0] = (unsigned char)(v >> 24) ; p[1] = (unsigned char)(v >> 16) ; p[2] = (unsigned char)(v >> 8) ; p[3] = (unsigned char)v ;
}

static int pkt_send (mt *st)
{
  put32((unsigned char *)st->out.s, (uint32_t)(st->out.len - 4)) ;
  return mt_write(st, st->out.s, st->out.len) ;
}

static int pkt_simple (mt *st, char cmd, char const *data, size_t len)
{
  if (!pkt_start(st, cmd) || !pkt_add(st, data, len)) return fail(st, "out of memory", ENOMEM) ;
  return pkt_send(st) ;
}

/* Reads the next packet under the deadline into st->in. 1 and *p, 0 failed. */
static int pkt_read (mt *st, mtpkt *p)
{
  for (;;)
  {
    ssize_t n ;
    int r = mt_parse(st->in.s, st->in.len, st->maxdata, p) ;
    if (r > 0) return 1 ;
    if (r < 0) return fail(st, p->why, 0) ;
    if (!stralloc_readyplus(&st->in, 8192)) return fail(st, "out of memory", ENOMEM) ;
    n = recv(st->fd, st->in.s + st->in.len, 8192, 0) ;
    if (n < 0)
    {
      if (errno == EINTR) continue ;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return fail(st, "reading", errno) ;
      if (!mt_wait(st, QP_READ, "waiting for a reply")) return 0 ;
      continue ;
    }
    if (!n) return fail(st, st->in.len ? "the connection closed inside a packet" : "the connection closed", 0) ;
    st->in.len += (size_t)n ;
  }
}

static void pkt_consume (mt *st, mtpkt const *p)
{
  memmove(st->in.s, st->in.s + p->total, st->in.len - p->total) ;
  st->in.len -= p->total ;
}

static void mt_close (mt *st)
{
  if (st->fd >= 0) close(st->fd) ;
  st->fd = -1 ;
  st->in.len = 0 ;
}


 /* Macros (sendmail's names), per stage, or as SETSYMLIST asked */

static char const *const mt_macros[MT_STAGES] =
{
  "j {daemon_name} {if_addr} {if_name} {client_addr} {client_port} {client_name} _",
  "{tls_version} {cipher} {cipher_bits}",
  "i {auth_type} {auth_authen} {mail_addr} {mail_host} {mail_mailer}",
  "{rcpt_addr} {rcpt_host} {rcpt_mailer}",
  "",
  "i",
  ""
} ;

static char const *domain_of (char const *addr)
{
  char const *at = addr ? strrchr(addr, '@') : 0 ;
  return at ? at + 1 : "" ;
}

/* The value of macro name (without braces), or NULL: not sent. scratch for built values. */
static char const *macro_value (mt *st, char const *name, stralloc *scratch)
{
  char const *s ;
  if (!strcmp(name, "j") || !strcmp(name, "if_name")) return !strcmp(name, "if_name") && qp_local_host() ? qp_local_host() : qp_me() ;
  if (!strcmp(name, "daemon_name")) return "qcsmtpd" ;
  if (!strcmp(name, "if_addr")) return qp_local_ip() ;
  if (!strcmp(name, "client_addr")) return qp_remote_ip() ;
  if (!strcmp(name, "client_port")) return qp_remote_port() ;
  if (!strcmp(name, "client_name")) return qp_remote_host() ? qp_remote_host() : "unknown" ;
  if (!strcmp(name, "_"))
  {
    scratch->len = 0 ;
    s = qp_remote_host() ;
    if (!stralloc_cats(scratch, s ? s : "unknown") || !stralloc_cats(scratch, " [") || !stralloc_cats(scratch, qp_remote_ip())
     || !stralloc_cats(scratch, "]") || !stralloc_0(scratch)) return 0 ;
    return scratch->s ;
  }
  if (!strcmp(name, "i")) return st->txnid[0] ? st->txnid : 0 ;
  if (!strcmp(name, "auth_type"))
  {
    /* SASL names mechanisms in upper case (RFC 4422 3.1), as sendmail sends them */
    s = qp_auth_mech() ;
    if (!s) return 0 ;
    scratch->len = 0 ;
    for (; *s ; s++) if (!stralloc_catb(scratch, &(char){ *s >= 'a' && *s <= 'z' ? *s - 32 : *s }, 1)) return 0 ;
    if (!stralloc_0(scratch)) return 0 ;
    return scratch->s ;
  }
  if (!strcmp(name, "auth_authen")) return qp_auth_user() ;
  if (!strcmp(name, "mail_addr")) return qp_sender() ;
  if (!strcmp(name, "mail_host")) return qp_sender() ? domain_of(qp_sender()) : 0 ;
  if (!strcmp(name, "mail_mailer") || !strcmp(name, "rcpt_mailer")) return "smtp" ;
  if (!strcmp(name, "rcpt_addr")) return st->rcpt ;
  if (!strcmp(name, "rcpt_host")) return st->rcpt ? domain_of(st->rcpt) : 0 ;
  /* TLS: the core's connection notes (doc/plugins/tls); the cipher's name is
     OpenSSL's (ECDHE-RSA-AES256-GCM-SHA384), its strength read off it */
  if (!strcmp(name, "tls_version")) return qp_note_get(QP_CONN, "tls_protocol") ;
  if (!strcmp(name, "cipher")) return qp_note_get(QP_CONN, "tls_cipher") ;
  if (!strcmp(name, "cipher_bits"))
  {
    s = qp_note_get(QP_CONN, "tls_cipher") ;
    if (!s) return 0 ;
    if (strstr(s, "AES256") || strstr(s, "CHACHA20")) return "256" ;
    if (strstr(s, "AES128")) return "128" ;
    if (strstr(s, "DES-CBC3") || strstr(s, "3DES")) return "112" ;
    return 0 ;
  }
  return 0 ;
}

/* Appends "name\0value\0" for each macro of the list that has a value. */
static int macros_add (mt *st, char const *list)
{
  stralloc scratch = STRALLOC_ZERO ;
  char word[72] ;
  int ok = 1 ;
  while (ok && *list)
  {
    size_t l = strcspn(list, " \t,") ;
    if (l && l < sizeof word - 2)
    {
      char const *bare = list, *v ;
      size_t bl = l ;
      if (*bare == '{' && bl > 2 && bare[bl-1] == '}') { bare++ ; bl -= 2 ; }
      memcpy(word, bare, bl) ; word[bl] = 0 ;
      v = macro_value(st, word, &scratch) ;
      if (v)
      {
        char full[80] ;
        if (bl == 1) strcpy(full, word) ; else snprintf(full, sizeof full, "{%s}", word) ;
        ok = pkt_str(st, full) && pkt_str(st, v) ;
      }
    }
    list += l ;
    while (*list == ' ' || *list == '\t' || *list == ',') list++ ;
  }
  stralloc_free(&scratch) ;
  return ok ;
}

/* SMFIC_MACRO for the stage before command cmd; nothing when no macro has a value. */
static int macros_send (mt *st, int stage, char cmd)
{
  char const *list = st->hassym[stage] ? st->sym[stage].s : mt_macros[stage] ;
  if (!pkt_start(st, SMFIC_MACRO) || !pkt_add(st, &cmd, 1) || !macros_add(st, list)) return fail(st, "out of memory", ENOMEM) ;
  if (st->out.len == 6) return 1 ;
  return pkt_send(st) ;
}


 /* Replies */

#define MT_CONT 0
#define MT_ACCEPT 1
#define MT_REJECT 2
#define MT_TEMPFAIL 3
#define MT_REPLY 4
#define MT_DISCARD 5
#define MT_SKIP 6

static uint32_t const mt_modflag[128] =
{
  ['h'] = SMFIF_ADDHDRS, ['i'] = SMFIF_ADDHDRS, ['m'] = SMFIF_CHGHDRS, ['b'] = SMFIF_CHGBODY,
  ['+'] = SMFIF_ADDRCPT, ['2'] = SMFIF_ADDRCPT_PAR, ['-'] = SMFIF_DELRCPT,
  ['e'] = SMFIF_CHGFROM, ['q'] = SMFIF_QUARANTINE
} ;

static int body_part (mt *st, char const *s, size_t len) ;

/* A modification at end-of-message: kept (a replacement body goes to the
   spool at once) until the final reply says whether it applies. */
static int mod_keep (mt *st, mtpkt const *p)
{
  uint32_t f = mt_modflag[(unsigned char)p->cmd & 127] ;
  if (!(st->actions & f)) return fail(st, "a modification it did not ask for in negotiation", 0) ;
  if (p->cmd == SMFIR_REPLBODY) return body_part(st, st->in.s + p->data, p->dlen) ;
  if (st->mods.len + p->total > MT_MODS_MAX) return fail(st, "too many modifications", 0) ;
  if (!stralloc_catb(&st->mods, st->in.s, p->total)) return fail(st, "out of memory", ENOMEM) ;
  return 1 ;
}

/* Reads until the final reply of a stage. eom: modifications are allowed;
   body: SKIP is. 1 and the MT_* outcome, 0 failed. */
static int reply_read (mt *st, int eom, int body, int *outcome)
{
  for (;;)
  {
    mtpkt p ;
    if (!pkt_read(st, &p)) return 0 ;
    switch (p.cmd)
    {
      case SMFIR_CONTINUE : *outcome = MT_CONT ; break ;
      case SMFIR_ACCEPT : *outcome = MT_ACCEPT ; break ;
      case SMFIR_REJECT : *outcome = MT_REJECT ; break ;
      case SMFIR_TEMPFAIL : *outcome = MT_TEMPFAIL ; break ;
      case SMFIR_DISCARD : *outcome = MT_DISCARD ; break ;
      case SMFIR_REPLYCODE :
        if (!stralloc_copyb(&st->rtext, st->in.s + p.s1, p.s1len) || !stralloc_0(&st->rtext)) return fail(st, "out of memory", ENOMEM) ;
        *outcome = MT_REPLY ;
        break ;
      case SMFIR_SKIP :
        if (!body || !(st->pflags & SMFIP_SKIP)) return fail(st, "SKIP outside the body or not negotiated", 0) ;
        *outcome = MT_SKIP ;
        break ;
      case SMFIR_PROGRESS :
        /* still working: the wait starts again, within the bound of one end-of-message */
        pkt_consume(st, &p) ;
        deadline_set(st, st->tmo) ;
        continue ;
      case SMFIR_SHUTDOWN : case SMFIR_CONN_FAIL :
        return fail(st, "it is shutting down", 0) ;
      case SMFIR_OPTNEG :
        return fail(st, "an unexpected negotiation reply", 0) ;
      default :
        if (!eom) return fail(st, "a modification outside end-of-message", 0) ;
        if (!mod_keep(st, &p)) return 0 ;
        pkt_consume(st, &p) ;
        continue ;
    }
    pkt_consume(st, &p) ;
    return 1 ;
  }
}

/* Sends one stage's command and reads its reply unless nr (the milter's
   NR_* flag for it) says there is none. 1 and *outcome, 0 failed. */
static int ask (mt *st, char cmd, uint32_t nr, unsigned int timeout, int *outcome)
{
  int r ;
  *outcome = MT_CONT ;
  st->hardend = 0 ;
  deadline_set(st, timeout) ;
  /* PROGRESS restarts the wait, never past this */
  st->hardend = qp_clock_ms() + MT_EOM_MAX_MS ;
  put32((unsigned char *)st->out.s, (uint32_t)(st->out.len - 4)) ;
  if (st->out.s[4] != cmd) r = fail(st, "internal: packet mismatch", 0) ;
  else if (!mt_write(st, st->out.s, st->out.len)) r = 0 ;
  else if (nr && (st->pflags & nr)) r = 1 ;
  else r = reply_read(st, cmd == SMFIC_BODYEOB, cmd == SMFIC_BODY, outcome) ;
  st->hardend = 0 ;
  return r ;
}


 /* Negotiation */

static int symlists_take (mt *st, char const *b, size_t off, size_t end)
{
  while (off < end)
  {
    uint32_t stage = get32((unsigned char const *)b + off) ;
    size_t l = strlen(b + off + 4) ;
    if (!stralloc_copyb(&st->sym[stage], b + off + 4, l) || !stralloc_0(&st->sym[stage])) return 0 ;
    st->hassym[stage] = 1 ;
    off += 4 + l + 1 ;
  }
  return 1 ;
}

static int negotiate (mt *st)
{
  unsigned char w[12] ;
  mtpkt p ;
  uint32_t pf ;
  put32(w, MT_VERSION) ; put32(w + 4, MT_ACTIONS) ; put32(w + 8, MT_PROTOCOL) ;
  deadline_set(st, st->cmdtimeout) ;
  st->maxdata = MT_DATA_MAX ;
  if (!pkt_simple(st, SMFIC_OPTNEG, (char const *)w, 12) || !pkt_read(st, &p)) return 0 ;
  if (p.cmd != SMFIR_OPTNEG) return fail(st, "no negotiation reply", 0) ;
  st->version = get32((unsigned char *)st->in.s + 5) ;
  st->actions = get32((unsigned char *)st->in.s + 9) ;
  pf = get32((unsigned char *)st->in.s + 13) ;
  if (st->version < 2 || st->version > MT_VERSION) return fail(st, "a protocol version other than 2 to 6", 0) ;
  if (st->actions & ~MT_ACTIONS) return fail(st, "actions we did not offer", 0) ;
  if (pf & ~MT_PROTOCOL)
    qp_log(LOGINFO, "milter ", st->name, ": ignoring protocol flags it asked for and we did not offer", (char *)0) ;
  st->pflags = pf & MT_PROTOCOL ;
  /* DATA, the no-reply steps, SKIP and the rest came with version 4 (sendmail
     8.14 speaks 6): an older milter would take SMFIC_DATA for garbage */
  if (st->version < 4) st->pflags = (st->pflags & 0x7fu) | SMFIP_NODATA ;
  if (st->actions & SMFIF_SETSYMLIST && !symlists_take(st, st->in.s, p.data + 12, p.data + p.dlen))
    return fail(st, "out of memory", ENOMEM) ;
  pkt_consume(st, &p) ;
  st->maxdata = st->pflags & SMFIP_MDS_1M ? MT_DATA_1M : st->pflags & SMFIP_MDS_256K ? MT_DATA_256K : MT_DATA_MAX ;
  return 1 ;
}


 /* Outcomes: faults, refusals */

static char const *const mt_defact_names[] = { "tempfail", "accept", "reject" } ;

/* The session-long refusal: every later stage gives it. */
static int srefuse (mt *st, int verdict, char const *text)
{
  st->sverdict = verdict ;
  if (!stralloc_copys(&st->stext, text) || !stralloc_0(&st->stext)) st->stext.len = 0 ;
  return verdict ;
}

static int refusal (mt *st, int verdict, char const *a, char const *b)
{
  qp_msg(a) ; qp_msg(st->name) ; qp_msg(b) ;
  return verdict ;
}

/* The milter failed: one log line, the connection dropped, default_action
   (say: give the refusal now; at connect it comes with the next command). */
static int mt_fault (mt *st, char const *stage, int say)
{
  stralloc t = STRALLOC_ZERO ;
  int v = st->defact == MT_DEF_REJECT ? DENY : DENYSOFT ;
  qp_log(st->defact == MT_DEF_ACCEPT ? LOGWARN : LOGERROR, "error: milter ", st->name, " (", st->socket, ") at ", stage, ": ",
    st->what ? st->what : "failed", st->err ? ": " : "", st->err ? strerror(st->err) : "",
    "; default_action ", mt_defact_names[st->defact], (char *)0) ;
  mt_close(st) ;
  if (st->body) { qp_body_abort() ; st->body = 0 ; }
  if (st->defact == MT_DEF_ACCEPT) { st->dead = 1 ; return DECLINED ; }
  if (!stralloc_cats(&t, v == DENY ? "550 5.7.1 milter " : "451 4.7.1 milter ") || !stralloc_cats(&t, st->name)
   || !stralloc_cats(&t, v == DENY ? " unavailable" : " unavailable, try again later") || !stralloc_0(&t)) t.len = 0 ;
  srefuse(st, v, t.len ? t.s : v == DENY ? "550 5.7.1 milter unavailable" : "451 4.7.1 milter unavailable, try again later") ;
  stralloc_free(&t) ;
  if (say) qp_msg(st->stext.s) ;
  return v ;
}

/* "550-5.7.1 a\r\n550 5.7.1 b" -> "550 5.7.1 a\nb" for the core, which
   numbers the lines itself. */
static void msg_replycode (stralloc const *r)
{
  char const *s = r->s ;
  int first = 1 ;
  while (*s)
  {
    size_t l = strcspn(s, "\r\n") ;
    if (!first)
    {
      size_t k = 0 ;
      if (l >= 4 && (s[3] == '-' || s[3] == ' ')) k = 4 ;
      if (k && l > k + 1 && s[k] >= '2' && s[k] <= '5' && s[k+1] == '.')
      {
        while (k < l && s[k] != ' ') k++ ;
        while (k < l && s[k] == ' ') k++ ;
      }
      qp_msg("\n") ;
      qp_msgn(s + k, l - k) ;
    }
    else
    {
      qp_msgn(s, 3) ;
      qp_msg(" ") ;
      qp_msgn(s + (l > 4 ? 4 : l), l > 4 ? l - 4 : 0) ;
      if (l <= 4) qp_msg("Command refused by milter") ;
    }
    first = 0 ;
    s += l ;
    while (*s == '\r' || *s == '\n') s++ ;
  }
}

/* The milter's reply text for the log: one line, printable. */
static void log_reply (mt *st, char const *what)
{
  stralloc l = STRALLOC_ZERO ;
  if (qp_cat_printable(&l, st->rtext.s) && stralloc_0(&l)) qp_log(LOGINFO, "fail: milter ", st->name, what, l.s, (char *)0) ;
  stralloc_free(&l) ;
}

/* A refusing outcome as the verdict of the hook. */
static int outcome_verdict (mt *st, int o)
{
  switch (o)
  {
    case MT_REJECT : qp_log(LOGINFO, "fail: milter ", st->name, " rejected", (char *)0) ;
      return refusal(st, DENY, "550 5.7.1 Command rejected by milter ", "") ;
    case MT_TEMPFAIL : qp_log(LOGINFO, "fail: milter ", st->name, " tempfailed", (char *)0) ;
      return refusal(st, DENYSOFT, "451 4.7.1 Command temporarily refused by milter ", ", try again later") ;
    case MT_REPLY :
      log_reply(st, " replied ") ;
      msg_replycode(&st->rtext) ;
      return st->rtext.s[0] == '4' ? DENYSOFT : DENY ;
    case MT_DISCARD : qp_log(LOGINFO, "fail: milter ", st->name, " discarded the message", (char *)0) ;
      return refusal(st, DENY, "550 5.7.1 message discarded by milter ", "") ;
    default : return DECLINED ;
  }
}

/* The session refusal, repeated at every later command. */
static int sverdict (mt *st)
{
  qp_msg(st->stext.s) ;
  return st->sverdict ;
}

/* 1 if the milter takes part in this stage. */
static int active (mt const *st)
{
  return !st->dead && !st->sverdict && st->fd >= 0 ;
}


 /* Hooks: connection stages */

static int connect_data (mt *st)
{
  char const *host = qp_remote_host() ;
  char const *ip = qp_remote_ip() ;
  char const *port = qp_remote_port() ;
  qp_ip const *a = qp_remote_addr() ;
  unsigned int pn = 0 ;
  unsigned char pb[2] ;
  char fam = a->family == 4 ? '4' : a->family == 6 ? '6' : 'U' ;
  if (!port || !port_scan(port, &pn)) pn = 0 ;
  pb[0] = (unsigned char)(pn >> 8) ; pb[1] = (unsigned char)pn ;
  if (!pkt_start(st, SMFIC_CONNECT)) return 0 ;
  if (host) { if (!pkt_str(st, host)) return 0 ; }
  else if (!pkt_add(st, "[", 1) || !pkt_add(st, ip, strlen(ip)) || !pkt_str(st, "]")) return 0 ;
  if (!pkt_add(st, &fam, 1)) return 0 ;
  if (fam == 'U') return 1 ;
  return pkt_add(st, (char const *)pb, 2) && pkt_str(st, ip) ;
}

/* A refusal at connect or HELO holds for every later command but QUIT, as Postfix. */
static int conn_outcome (mt *st, int o)
{
  int v ;
  if (o == MT_ACCEPT)
  {
    qp_log(LOGINFO, "pass: milter ", st->name, " accepted the connection", (char *)0) ;
    pkt_simple(st, SMFIC_QUIT, "", 0) ;
    mt_close(st) ;
    st->dead = 1 ;
    return DECLINED ;
  }
  if (o == MT_DISCARD) { st->sdiscard = 1 ; return DECLINED ; }
  if (o == MT_CONT) return DECLINED ;
  v = o == MT_REPLY ? (st->rtext.s[0] == '4' ? DENYSOFT : DENY) : o == MT_REJECT ? DENY : DENYSOFT ;
  if (o == MT_REPLY) log_reply(st, " refused the session: ") ;
  else qp_log(LOGINFO, "fail: milter ", st->name, " refused the session: ", o == MT_REJECT ? "reject" : "tempfail", (char *)0) ;
  if (o == MT_REPLY)
  {
    /* keep the milter's own text for the later commands */
    stralloc t = STRALLOC_ZERO ;
    char const *s = st->rtext.s ;
    size_t l = strcspn(s, "\r\n") ;
    if (stralloc_catb(&t, s, l) && stralloc_0(&t)) { if (t.len > 4 && t.s[3] == '-') t.s[3] = ' ' ; srefuse(st, v, t.s) ; }
    else srefuse(st, v, v == DENY ? "550 5.7.1 refused by milter" : "451 4.7.1 refused by milter") ;
    stralloc_free(&t) ;
  }
  else
  {
    stralloc t = STRALLOC_ZERO ;
    if (stralloc_cats(&t, o == MT_REJECT ? "550 5.7.1 Command rejected by milter " : "451 4.7.1 Command temporarily refused by milter ")
     && stralloc_cats(&t, st->name) && (o == MT_REJECT || stralloc_cats(&t, ", try again later")) && stralloc_0(&t)) srefuse(st, v, t.s) ;
    else srefuse(st, v, o == MT_REJECT ? "550 5.7.1 Command rejected by milter" : "451 4.7.1 Command temporarily refused by milter") ;
    stralloc_free(&t) ;
  }
  return v ;
}

static int mt_connect_hook (void *state, qp_hookarg const *a)
{
  mt *st = state ;
  int o ;
  (void)a ;
  st->fd = -1 ;
  if (!mt_connect(st) || !negotiate(st)) { mt_fault(st, "connect", 0) ; return DECLINED ; }
  if (st->pflags & SMFIP_NOCONNECT) return DECLINED ;
  if (!macros_send(st, SMFIM_CONNECT, SMFIC_CONNECT)) { mt_fault(st, "connect", 0) ; return DECLINED ; }
  if (!connect_data(st)) { fail(st, "out of memory", ENOMEM) ; mt_fault(st, "connect", 0) ; return DECLINED ; }
  if (!ask(st, SMFIC_CONNECT, SMFIP_NR_CONN, st->cmdtimeout, &o)) { mt_fault(st, "connect", 0) ; return DECLINED ; }
  /* the greeting goes out: the refusal comes with the next command */
  conn_outcome(st, o) ;
  return DECLINED ;
}

static int mt_helo (void *state, qp_hookarg const *a)
{
  mt *st = state ;
  int o ;
  /* HELO itself is answered 250: a refused HELO would only make the core
     answer 503 to MAIL, hiding the milter's code and text; the refusal
     comes with MAIL, RCPT and DATA instead */
  if (!active(st) || (st->pflags & SMFIP_NOHELO)) return DECLINED ;
  if (!macros_send(st, SMFIM_HELO, SMFIC_HELO)) { mt_fault(st, "helo", 0) ; return DECLINED ; }
  if (!pkt_start(st, SMFIC_HELO) || !pkt_str(st, qp_arg(a, "host"))) { fail(st, "out of memory", ENOMEM) ; mt_fault(st, "helo", 0) ; return DECLINED ; }
  if (!ask(st, SMFIC_HELO, SMFIP_NR_HELO, st->cmdtimeout, &o)) { mt_fault(st, "helo", 0) ; return DECLINED ; }
  conn_outcome(st, o) ;
  return DECLINED ;
}


 /* Hooks: the transaction */

/* The outcome of a transaction stage. */
static int txn_outcome (mt *st, int o)
{
  if (o == MT_ACCEPT) { st->txndone = 1 ; return DECLINED ; }
  if (o == MT_DISCARD) { st->discard = 1 ; st->txndone = 1 ; return DECLINED ; }
  return outcome_verdict(st, o) ;
}

static int txn_active (mt const *st)
{
  return active(st) && !st->txndone ;
}

static int addr_pkt (mt *st, char cmd, char const *addr)
{
  return pkt_start(st, cmd) && pkt_add(st, "<", 1) && pkt_add(st, addr, strlen(addr)) && pkt_str(st, ">") ;
}

static int mt_mail (void *state, qp_hookarg const *a)
{
  mt *st = state ;
  int o ;
  if (st->sverdict) return sverdict(st) ;
  if (!active(st)) return DECLINED ;
  snprintf(st->txnid, sizeof st->txnid, "%llX.%ld.%u", (unsigned long long)qp_now(), (long)getpid(), ++st->txnno) ;
  if (st->pflags & SMFIP_NOMAIL) { st->intxn = 1 ; return DECLINED ; }
  if (!macros_send(st, SMFIM_ENVFROM, SMFIC_MAIL)) return mt_fault(st, "mail", 1) ;
  if (!addr_pkt(st, SMFIC_MAIL, qp_arg(a, "address"))) { fail(st, "out of memory", ENOMEM) ; return mt_fault(st, "mail", 1) ; }
  st->intxn = 1 ;
  if (!ask(st, SMFIC_MAIL, SMFIP_NR_MAIL, st->cmdtimeout, &o)) return mt_fault(st, "mail", 1) ;
  return txn_outcome(st, o) ;
}

static int mt_rcpt (void *state, qp_hookarg const *a)
{
  mt *st = state ;
  int o ;
  if (st->sverdict) return sverdict(st) ;
  if (!txn_active(st) || (st->pflags & SMFIP_NORCPT)) return DECLINED ;
  st->rcpt = qp_arg(a, "address") ;
  if (!macros_send(st, SMFIM_ENVRCPT, SMFIC_RCPT)) { st->rcpt = 0 ; return mt_fault(st, "rcpt", 1) ; }
  if (!addr_pkt(st, SMFIC_RCPT, st->rcpt)) { st->rcpt = 0 ; fail(st, "out of memory", ENOMEM) ; return mt_fault(st, "rcpt", 1) ; }
  st->rcpt = 0 ;
  if (!ask(st, SMFIC_RCPT, SMFIP_NR_RCPT, st->cmdtimeout, &o)) return mt_fault(st, "rcpt", 1) ;
  return txn_outcome(st, o) ;
}

static int mt_data (void *state, qp_hookarg const *a)
{
  mt *st = state ;
  int o ;
  (void)a ;
  if (st->sverdict) return sverdict(st) ;
  if (!txn_active(st) || (st->pflags & SMFIP_NODATA)) return DECLINED ;
  if (!macros_send(st, SMFIM_DATA, SMFIC_DATA)) return mt_fault(st, "data", 1) ;
  if (!pkt_start(st, SMFIC_DATA)) { fail(st, "out of memory", ENOMEM) ; return mt_fault(st, "data", 1) ; }
  if (!ask(st, SMFIC_DATA, SMFIP_NR_DATA, st->cmdtimeout, &o)) return mt_fault(st, "data", 1) ;
  return txn_outcome(st, o) ;
}


 /* The message: header fields, end of header, body chunks, end of message */

/* Sends one field "Name: value\n(folding)" as name\0value\0. 1, 0 failed; *o the outcome. */
/* The core's trace on top of the header block (its Authentication-Results,
   then its Received) is not shown, as sendmail shows a milter only the
   client's fields and those of earlier milters; header indexes from the
   milter count from after it. 1 if f is one of these. */
static int trace_field (mt *st, char const *f, size_t len)
{
  char const *me = qp_me() ;
  size_t ml = strlen(me) ;
  unsigned int n = st->nfield++ ;
  if (n != st->skip) return 0 ;
  if (!st->skipar && !st->skiprcv && len > 23 + ml && !strncasecmp(f, "Authentication-Results:", 23))
  {
    size_t i = 23 ;
    while (i < len && (f[i] == ' ' || f[i] == '\t')) i++ ;
    if (len - i > ml && !strncasecmp(f + i, me, ml) && strchr("; \t\r\n", f[i+ml])) { st->skipar = 1 ; st->skip++ ; return 1 ; }
    return 0 ;
  }
  if (!st->skiprcv && len > 9 && !strncasecmp(f, "Received:", 9)) { st->skiprcv = 1 ; st->skip++ ; return 1 ; }
  return 0 ;
}

static int field_send (mt *st, char const *f, size_t len, int *o)
{
  char const *colon = memchr(f, ':', len) ;
  size_t v, e = len ;
  *o = MT_CONT ;
  if (trace_field(st, f, len) || (st->pflags & SMFIP_NOHDRS)) return 1 ;
  if (!colon) return 1 ;   /* not a field (the core keeps such lines rare): not sent */
  while (e && (f[e-1] == '\n' || f[e-1] == '\r')) e-- ;
  v = (size_t)(colon - f) + 1 ;
  /* HDR_LEADSPC: the value exactly as it follows the colon; else without its leading blanks */
  if (!(st->pflags & SMFIP_HDR_LEADSPC)) while (v < e && (f[v] == ' ' || f[v] == '\t')) v++ ;
  /* a packet we send holds at most libmilter's 64 KiB of data (name, NUL,
     value, NUL), whatever the milter may send us: a longer field is cut */
  if ((size_t)(colon - f) + 2 + (e - v) > MT_DATA_MAX)
  {
    size_t keep = MT_DATA_MAX - 2 - (size_t)(colon - f) ;
    char fmt[ULONG_FMT] ;
    fmt[ulong_fmt(fmt, e - v)] = 0 ;
    qp_log(LOGINFO, "milter ", st->name, ": a header field of ", fmt, " octets cut to the milter protocol's 64 KiB", (char *)0) ;
    e = v + keep ;
  }
  if (!pkt_start(st, SMFIC_HEADER) || !pkt_add(st, f, (size_t)(colon - f)) || !pkt_add(st, "", 1)
   || !pkt_add(st, f + v, e - v) || !pkt_add(st, "", 1)) return fail(st, "out of memory", ENOMEM) ;
  return ask(st, SMFIC_HEADER, SMFIP_NR_HDR, st->bodytimeout, o) ;
}

/* Streams the header block of the queued message, field by field. */
static int headers_send (mt *st, int *o)
{
  char buf[8192] ;
  stralloc f = STRALLOC_ZERO ;
  uint64_t off = 0 ;
  int ok = 1, bol = 1, end = 0 ;
  *o = MT_CONT ;
  st->nfield = st->skip = st->skipar = st->skiprcv = 0 ;
  while (ok && !end && *o == MT_CONT)
  {
    ssize_t r = qp_message_read(off, buf, sizeof buf) ;
    if (r < 0) { ok = fail(st, "reading the message from the spool", errno) ; break ; }
    if (!r) break ;
    off += (uint64_t)r ;
    for (ssize_t i = 0 ; ok && !end && *o == MT_CONT && i < r ; i++)
    {
      char c = buf[i] ;
      if (bol && c != ' ' && c != '\t' && f.len)
      {
        ok = field_send(st, f.s, f.len, o) ;
        f.len = 0 ;
      }
      if (bol && c == '\n') { end = 1 ; break ; }
      if (!ok || *o != MT_CONT) break ;
      /* past MT_FIELD_MAX the field is read on but not kept: field_send cuts it anyway */
      if (f.len < MT_FIELD_MAX && !stralloc_catb(&f, &c, 1)) { ok = fail(st, "out of memory", ENOMEM) ; break ; }
      bol = c == '\n' ;
    }
  }
  if (ok && *o == MT_CONT && f.len) ok = field_send(st, f.s, f.len, o) ;
  stralloc_free(&f) ;
  return ok ;
}

/* The body from the spool in chunks of at most 65535 octets, LF made CRLF
   (the milter sees the SMTP form, RFC 5321 2.3.8). */
static int body_send (mt *st, int *o)
{
  char in[MT_CHUNK_IN] ;
  uint64_t off = 0 ;
  *o = MT_CONT ;
  for (;;)
  {
    ssize_t r = qp_body_read(off, in, sizeof in) ;
    if (r < 0) return fail(st, "reading the body from the spool", errno) ;
    if (!r) return 1 ;
    off += (uint64_t)r ;
    if (!pkt_start(st, SMFIC_BODY) || !stralloc_readyplus(&st->out, 2 * (size_t)r)) return fail(st, "out of memory", ENOMEM) ;
    for (ssize_t i = 0 ; i < r ; i++)
    {
      if (in[i] == '\n') st->out.s[st->out.len++] = '\r' ;
      st->out.s[st->out.len++] = in[i] ;
    }
    if (!ask(st, SMFIC_BODY, SMFIP_NR_BODY, st->bodytimeout, o)) return 0 ;
    if (*o == MT_SKIP) { *o = MT_CONT ; return 1 ; }
    if (*o != MT_CONT) return 1 ;
  }
}

/* A piece of a replacement body, CRLF made LF (a CR held across pieces). */
static int body_part (mt *st, char const *s, size_t len)
{
  if (!st->body)
  {
    if (!qp_body_begin()) return fail(st, "starting the replacement body", errno) ;
    st->body = 1 ;
    st->bodycr = 0 ;
  }
  for (size_t i = 0 ; i < len ; i++)
  {
    if (st->bodycr && s[i] != '\n' && !qp_body_write("\r", 1)) return fail(st, "writing the replacement body", errno) ;
    st->bodycr = s[i] == '\r' ;
    if (!st->bodycr && !qp_body_write(s + i, 1)) return fail(st, "writing the replacement body", errno) ;
  }
  return 1 ;
}

/* Each stage of the message; 1 and the outcome of the first that did not continue. */
static int message_send (mt *st, int *o)
{
  *o = MT_CONT ;
  /* read even under NOHDRS: the trace fields are counted */
  if (!headers_send(st, o)) return 0 ;
  if (*o != MT_CONT) return 1 ;
  if (!(st->pflags & SMFIP_NOEOH))
  {
    if (!macros_send(st, SMFIM_EOH, SMFIC_EOH)) return 0 ;
    if (!pkt_start(st, SMFIC_EOH)) return fail(st, "out of memory", ENOMEM) ;
    if (!ask(st, SMFIC_EOH, SMFIP_NR_EOH, st->bodytimeout, o)) return 0 ;
    if (*o != MT_CONT) return 1 ;
  }
  if (!(st->pflags & SMFIP_NOBODY))
  {
    if (!body_send(st, o)) return 0 ;
    if (*o != MT_CONT) return 1 ;
  }
  if (!macros_send(st, SMFIM_EOM, SMFIC_BODYEOB)) return 0 ;
  if (!pkt_start(st, SMFIC_BODYEOB)) return fail(st, "out of memory", ENOMEM) ;
  st->mods.len = 0 ;
  if (!ask(st, SMFIC_BODYEOB, 0, st->bodytimeout, o)) return 0 ;
  st->intxn = 0 ;
  return 1 ;
}


 /* Applying the modifications */

/* addr without its angle brackets, into sa (NUL-terminated). */
static int unbracket (stralloc *sa, char const *s, size_t len)
{
  while (len && (*s == ' ')) { s++ ; len-- ; }
  if (len >= 2 && s[0] == '<' && s[len-1] == '>') { s++ ; len -= 2 ; }
  return stralloc_copyb(sa, s, len) && stralloc_0(sa) ;
}

/* A header value from the milter: CRLF folding made LF; with HDR_LEADSPC
   the one blank after the colon is the milter's and the core writes its own. */
static int value_of (mt *st, stralloc *sa, char const *s, size_t len)
{
  sa->len = 0 ;
  if ((st->pflags & SMFIP_HDR_LEADSPC) && len && *s == ' ') { s++ ; len-- ; }
  for (size_t i = 0 ; i < len ; i++)
    if (s[i] != '\r' && !stralloc_catb(sa, s + i, 1)) return 0 ;
  return stralloc_0(sa) ;
}

static int rcpt_find (char const *addr)
{
  for (unsigned int i = 0 ; i < qp_rcpt_count() ; i++)
    if (!strcasecmp(qp_rcpt(i), addr)) return (int)i ;
  return -1 ;
}

/* ESMTP arguments of CHGFROM and ADDRCPT_PAR: the plugin API has no place
   for them (SIZE, NOTIFY, ...); logged, printable, and otherwise ignored. */
static void args_log (mt *st, char const *what, mtpkt const *p)
{
  stralloc t = STRALLOC_ZERO ;
  if (!p->s2 || !p->s2len) return ;
  if (stralloc_copyb(&t, st->mods.s + p->s2, p->s2len) && stralloc_0(&t))
  {
    stralloc l = STRALLOC_ZERO ;
    if (qp_cat_printable(&l, t.s) && stralloc_0(&l))
      qp_log(LOGINFO, "milter ", st->name, ": ", what, "'s ESMTP arguments ignored: ", l.s, (char *)0) ;
    stralloc_free(&l) ;
  }
  stralloc_free(&t) ;
}

static int mod_apply (mt *st, mtpkt const *p, stralloc *a, stralloc *b)
{
  char const *s = st->mods.s ;
  int i ;
  switch (p->cmd)
  {
    case SMFIR_ADDHEADER :
      return stralloc_copyb(a, s + p->s1, p->s1len) && stralloc_0(a) && value_of(st, b, s + p->s2, p->s2len) && qp_header_add(a->s, b->s, 0) ;
    case SMFIR_INSHEADER :
      return stralloc_copyb(a, s + p->s1, p->s1len) && stralloc_0(a) && value_of(st, b, s + p->s2, p->s2len) && qp_header_insert(p->idx + st->skip, a->s, b->s) ;
    case SMFIR_CHGHEADER :
      /* index from 1 among the fields of that name; an empty value deletes;
         past the last: added, as sendmail */
      if (!stralloc_copyb(a, s + p->s1, p->s1len) || !stralloc_0(a) || !value_of(st, b, s + p->s2, p->s2len)) return 0 ;
      i = p->idx ? (int)p->idx - 1 : 0 ;
      if (!strcasecmp(a->s, "Received")) i += (int)st->skiprcv ;
      else if (!strcasecmp(a->s, "Authentication-Results")) i += (int)st->skipar ;
      if (!b->s[0]) { qp_header_delete(a->s, (unsigned int)i) ; return 1 ; }
      return qp_header_replace(a->s, (unsigned int)i, b->s) || qp_header_add(a->s, b->s, 0) ;
    case SMFIR_CHGFROM :
      args_log(st, "CHGFROM", p) ;
      return unbracket(a, s + p->s1, p->s1len) && qp_sender_set(a->s) ;
    case SMFIR_ADDRCPT : case SMFIR_ADDRCPT_PAR :
      args_log(st, "ADDRCPT_PAR", p) ;
      return unbracket(a, s + p->s1, p->s1len) && qp_rcpt_add(a->s) ;
    case SMFIR_DELRCPT :
      if (!unbracket(a, s + p->s1, p->s1len)) return 0 ;
      i = rcpt_find(a->s) ;
      if (i < 0) qp_log(LOGINFO, "milter ", st->name, ": DELRCPT of <", a->s, ">, not a recipient", (char *)0) ;
      else qp_rcpt_remove((unsigned int)i) ;
      return 1 ;
    case SMFIR_QUARANTINE :
      st->quarantine = 1 ;
      /* the reason goes to the log, a reply and a field: one printable line */
      st->qreason.len = 0 ;
      return qp_cat_printable(&st->qreason, s + p->s1) && stralloc_0(&st->qreason) ;
    default : return 0 ;
  }
}

static int quarantine_apply (mt *st)
{
  stralloc v = STRALLOC_ZERO ;
  int ok ;
  while (qp_rcpt_count()) if (!qp_rcpt_remove(qp_rcpt_count() - 1)) break ;
  ok = qp_rcpt_add(st->qto) && stralloc_cats(&v, st->name) && stralloc_cats(&v, ": ")
    && stralloc_cats(&v, st->qreason.s) && stralloc_0(&v) && qp_header_add("X-Quarantine", v.s, 0) ;
  stralloc_free(&v) ;
  return ok ;
}

/* Every kept modification, in the order sent; the body last. 1, or 0 with the message to defer. */
static int mods_apply (mt *st)
{
  stralloc a = STRALLOC_ZERO, b = STRALLOC_ZERO ;
  size_t off = 0 ;
  int ok = 1 ;
  st->quarantine = 0 ;
  while (ok && off < st->mods.len)
  {
    mtpkt p ;
    if (mt_parse(st->mods.s + off, st->mods.len - off, MT_DATA_1M, &p) <= 0) { ok = 0 ; break ; }
    p.data += off ; p.s1 += off ; if (p.s2) p.s2 += off ;
    ok = mod_apply(st, &p, &a, &b) ;
    if (!ok) qp_log(LOGERROR, "error: milter ", st->name, ": a modification could not be applied", (char *)0) ;
    off += p.total ;
  }
  stralloc_free(&a) ; stralloc_free(&b) ;
  st->mods.len = 0 ;
  if (ok && st->body)
  {
    if (st->bodycr && !qp_body_write("\r", 1)) ok = 0 ;
    else ok = qp_body_commit() ;
    if (!ok) qp_log(LOGERROR, "error: milter ", st->name, ": the replacement body could not be written: ", strerror(errno), (char *)0) ;
    st->body = 0 ;
  }
  return ok ;
}

static int mt_data_post (void *state, qp_hookarg const *a)
{
  mt *st = state ;
  int o, v ;
  (void)a ;
  if (st->sverdict) return sverdict(st) ;
  if (st->sdiscard || st->discard) return outcome_verdict(st, MT_DISCARD) ;
  if (!txn_active(st)) return DECLINED ;
  if (!message_send(st, &o)) return mt_fault(st, "end of message", 1) ;
  if (st->intxn) st->txndone = 1 ;   /* stopped before end-of-message: ABORT at the reset */
  if (o != MT_CONT && o != MT_ACCEPT)
  {
    if (st->body) { qp_body_abort() ; st->body = 0 ; }
    st->mods.len = 0 ;
    return outcome_verdict(st, o) ;
  }
  if (!mods_apply(st))
  {
    if (st->body) { qp_body_abort() ; st->body = 0 ; }
    qp_msg("451 4.3.0 milter ") ; qp_msg(st->name) ; qp_msg(": modifications could not be applied, try again later") ;
    return DENYSOFT ;
  }
  if (st->quarantine)
  {
    if (!st->qto)
    {
      qp_log(LOGINFO, "fail: milter ", st->name, " quarantined the message: ", st->qreason.s, (char *)0) ;
      qp_msg("550 5.7.1 message quarantined by milter ") ; qp_msg(st->name) ; qp_msg(": ") ; qp_msg(st->qreason.s) ;
      return DENY ;
    }
    qp_log(LOGINFO, "milter ", st->name, " quarantined the message to ", st->qto, ": ", st->qreason.s, (char *)0) ;
    if (!quarantine_apply(st))
    {
      qp_msg("451 4.3.0 milter ") ; qp_msg(st->name) ; qp_msg(": quarantine failed, try again later") ;
      return DENYSOFT ;
    }
  }
  v = DECLINED ;
  qp_log(LOGINFO, "pass: milter ", st->name, o == MT_ACCEPT ? " accepted the message" : " let the message through", (char *)0) ;
  return v ;
}


 /* Resets and the end */

static int mt_reset (void *state, qp_hookarg const *a)
{
  mt *st = state ;
  (void)a ;
  if (st->intxn && st->fd >= 0 && !st->dead && !st->sverdict)
  {
    deadline_set(st, st->cmdtimeout) ;
    if (!pkt_simple(st, SMFIC_ABORT, "", 0)) mt_fault(st, "abort", 0) ;
  }
  if (st->body) { qp_body_abort() ; st->body = 0 ; }
  st->intxn = st->txndone = st->discard = st->quarantine = 0 ;
  st->mods.len = 0 ;
  st->txnid[0] = 0 ;
  return DECLINED ;
}

static int mt_disconnect (void *state, qp_hookarg const *a)
{
  mt *st = state ;
  (void)a ;
  if (st->fd >= 0)
  {
    deadline_set(st, st->cmdtimeout) ;
    pkt_simple(st, SMFIC_QUIT, "", 0) ;
    mt_close(st) ;
  }
  return DECLINED ;
}

qp_plugin const plugin_milter =
{
  .name = "milter",
  .state_size = sizeof(mt),
  .args = mt_args,
  .init = &mt_init,
  .hook =
  {
    [HOOK_CONNECT] = &mt_connect_hook,
    [HOOK_HELO] = &mt_helo, [HOOK_EHLO] = &mt_helo,
    [HOOK_MAIL] = &mt_mail,
    [HOOK_RCPT] = &mt_rcpt,
    [HOOK_DATA] = &mt_data,
    [HOOK_DATA_POST] = &mt_data_post,
    [HOOK_RESET_TRANSACTION] = &mt_reset,
    [HOOK_DISCONNECT] = &mt_disconnect,
  },
} ;
