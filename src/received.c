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

/* Formatted by hand: strftime would read the time zone database on every call. */
int received_date (stralloc *sa, long long t)
{
  static char const days[] = "SunMonTueWedThuFriSat" ;
  static char const months[] = "JanFebMarAprMayJunJulAugSepOctNovDec" ;
  char buf[40] ;
  time_t tt = (time_t)t ;
  struct tm tm ;
  if (!gmtime_r(&tt, &tm)) return 0 ;
  memcpy(buf, days + 3 * tm.tm_wday, 3) ;
  buf[3] = ',' ; buf[4] = ' ' ;
  buf[5] = '0' + tm.tm_mday / 10 ; buf[6] = '0' + tm.tm_mday % 10 ; buf[7] = ' ' ;
  memcpy(buf + 8, months + 3 * tm.tm_mon, 3) ;
  buf[11] = ' ' ;
  {
    int y = tm.tm_year + 1900 ;
    buf[12] = '0' + (y / 1000) % 10 ; buf[13] = '0' + (y / 100) % 10 ;
    buf[14] = '0' + (y / 10) % 10 ; buf[15] = '0' + y % 10 ;
  }
  buf[16] = ' ' ;
  buf[17] = '0' + tm.tm_hour / 10 ; buf[18] = '0' + tm.tm_hour % 10 ; buf[19] = ':' ;
  buf[20] = '0' + tm.tm_min / 10 ; buf[21] = '0' + tm.tm_min % 10 ; buf[22] = ':' ;
  buf[23] = '0' + tm.tm_sec / 10 ; buf[24] = '0' + tm.tm_sec % 10 ;
  memcpy(buf + 25, " +0000", 6) ;
  return stralloc_catb(sa, buf, 31) ;
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
  if (!stralloc_cats(sa, "; ")) return 0 ;
  return received_date(sa, (long long)time(0)) ;
}
