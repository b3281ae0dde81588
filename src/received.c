/* ISC license. */
/* received.c: builds the Received: value from session facts; every field
   that came from the client or the network is reduced to safe characters. */

#include "received.h"

#include <string.h>
#include <time.h>

#include "config.h"
#include "session.h"

char const *received_proto (void)
{
  /* RFC 3848: only the ESMTP forms take the S and A suffixes */
  if (!sess.ehlo) return "SMTP" ;
  if (sess.tls) return sess.authuser.len ? "ESMTPSA" : "ESMTPS" ;
  return sess.authuser.len ? "ESMTPA" : "ESMTP" ;
}

static int safe (stralloc *sa, char const *s)
{
  for (; *s ; s++)
  {
    unsigned char c = *s ;
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || (c && strchr(".-:[]_@", c)) ;
    char o = ok ? (char)c : '?' ;
    if (!stralloc_catb(sa, &o, 1)) return 0 ;
  }
  return 1 ;
}

int received_date (stralloc *sa, long long t)
{
  char buf[64] ;
  time_t tt = (time_t)t ;
  struct tm tm ;
  size_t n ;
  if (!gmtime_r(&tt, &tm)) return 0 ;
  n = strftime(buf, sizeof(buf), "%a, %d %b %Y %H:%M:%S +0000", &tm) ;
  return n && stralloc_catb(sa, buf, n) ;
}

int received_build (stralloc *sa, char const *proto)
{
  char const *host = sess.remotehost && *sess.remotehost ? sess.remotehost : "unknown" ;
  if (!stralloc_cats(sa, "from ")) return 0 ;
  if (!safe(sa, sess.helo.len ? sess.helo.s : "unknown")) return 0 ;
  if (!stralloc_cats(sa, " (")) return 0 ;
  if (sess.remoteinfo && *sess.remoteinfo && !(safe(sa, sess.remoteinfo) && stralloc_catb(sa, "@", 1))) return 0 ;
  if (!safe(sa, host) || !stralloc_cats(sa, " [") || !safe(sa, sess.remoteip) || !stralloc_cats(sa, "])\n\tby ")) return 0 ;
  if (!safe(sa, sess.me.s) || !stralloc_cats(sa, " (qcsmtpd " QCSMTPD_VERSION ") with ") || !stralloc_cats(sa, proto)) return 0 ;
  if (!stralloc_cats(sa, ";\n\t")) return 0 ;
  return received_date(sa, (long long)time(0)) ;
}
