/* ISC license. */
/* virus/klez_filter: refuses messages that carry the Klez worm, by
   qpsmtpd's cheap signature: a message of at least 60 kB whose first 40
   body lines hold an audio or application part header followed by a line
   that starts like the base64 of a Windows executable. It reads only
   those lines of the body, from the spool, never the whole message. */

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include <qcsmtpd/plugin.h>

#define KLEZ_MIN_SIZE 60000   /* qpsmtpd's: Klez messages are never smaller */
#define KLEZ_LINES 40
/* the start of "MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff\0\0\xb8\0..." in base64:
   the DOS header of a PE executable */
#define KLEZ_SIGNATURE "TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQA"
/* octets of a line kept for matching; the rest of a longer line is skipped */
#define KLEZ_LINE_MAX 1024

typedef struct scan_s scan ;
struct scan_s
{
  char line[KLEZ_LINE_MAX + 1] ;
  size_t len ;
  unsigned int n ;     /* lines seen */
  int part ;           /* an audio/application Content-Type line was seen */
  int found ;
} ;

/* "Content-Type:" (any case) then "audio" or "application" anywhere after
   it, in any case, as qpsmtpd's match */
static int is_part (char const *s)
{
  if (strncasecmp(s, "content-type:", 13)) return 0 ;
  return strcasestr(s + 13, "audio") || strcasestr(s + 13, "application") ;
}

static void line_end (scan *sc)
{
  sc->line[sc->len] = 0 ;
  if (sc->len && sc->line[sc->len - 1] == '\r') sc->line[sc->len - 1] = 0 ;
  if (is_part(sc->line)) sc->part = 1 ;
  else if (sc->part && !strncmp(sc->line, KLEZ_SIGNATURE, sizeof KLEZ_SIGNATURE - 1)) sc->found = 1 ;
  sc->n++ ;
  sc->len = 0 ;
}

/* Feeds len octets; returns 1 when the scan is over (found, or 40 lines). */
static int feed (scan *sc, char const *s, size_t len)
{
  for (size_t i = 0 ; i < len ; i++)
  {
    if (s[i] == '\n')
    {
      line_end(sc) ;
      if (sc->found || sc->n >= KLEZ_LINES) return 1 ;
    }
    else if (sc->len < KLEZ_LINE_MAX) sc->line[sc->len++] = s[i] ;
  }
  return 0 ;
}

/* 1 and sc filled, 0 read error (errno set). */
static int body_scan (scan *sc)
{
  char buf[4096] ;
  uint64_t off = 0 ;
  for (;;)
  {
    ssize_t r = qp_body_read(off, buf, sizeof buf) ;
    if (r < 0) return 0 ;
    if (!r) break ;
    if (feed(sc, buf, (size_t)r)) return 1 ;
    off += (uint64_t)r ;
  }
  if (sc->len && sc->n < KLEZ_LINES) line_end(sc) ;   /* a last line without LF */
  return 1 ;
}

static int kf_data_post (void *state, qp_hookarg const *a)
{
  static scan sc ;
  (void)state ; (void)a ;
  if (qp_message_size() < KLEZ_MIN_SIZE)
  {
    qp_log(LOGDEBUG, "skip: message under 60000 octets", (char *)0) ;
    return DECLINED ;
  }
  memset(&sc, 0, sizeof sc) ;
  if (!body_scan(&sc))
  {
    /* fail closed (doc/plugin-api, rule 4): the spool is ours, so for now */
    qp_log(LOGERROR, "error: unable to read the body: ", strerror(errno), (char *)0) ;
    qp_msg("Unable to scan the message, try again later") ;
    return DENYSOFT ;
  }
  if (!sc.found)
  {
    qp_log(LOGDEBUG, "pass", (char *)0) ;
    return DECLINED ;
  }
  qp_log(LOGINFO, "fail: Klez signature after an audio/application part", (char *)0) ;
  /* qpsmtpd's 552; only a permanent refusal may carry it (doc/hooks,
     Messages) */
  return qp_reject(qp_reject_mode() == QP_REJECT_YES
    && (qp_reject_verdict() == DENY || qp_reject_verdict() == DENY_DISCONNECT)
    ? "552 5.7.1 Klez Virus Detected" : "Klez Virus Detected") ;
}

qp_plugin const plugin_virus_klez_filter =
{
  .name = "virus/klez_filter",
  .hook = { [HOOK_DATA_POST] = &kf_data_post },
} ;
