/* ISC license. */
/* received.c: builds the Received: value from session facts; every field
   that came from the client or the network is reduced to safe characters. */

#include "received.h"

#include <string.h>
#include <time.h>

#include "config.h"
#include "qcsmtpd/plugin.h"
#include "session.h"
#include "tls.h"

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

/* Formatted by hand from the epoch: gmtime_r and strftime would read the time
   zone database at the first call, in every process. Days to civil date after
   H. Hinnant's algorithm (proleptic Gregorian calendar). */
int received_date (stralloc *sa, long long t)
{
  static char const days[] = "ThuFriSatSunMonTueWed" ;  /* 1970-01-01 was a Thursday */
  static char const months[] = "JanFebMarAprMayJunJulAugSepOctNovDec" ;
  char buf[40] ;
  long long d = t >= 0 ? t / 86400 : (t - 86399) / 86400 ;
  long long secs = t - d * 86400 ;
  long long z = d + 719468 ;
  long long era = (z >= 0 ? z : z - 146096) / 146097 ;
  long long doe = z - era * 146097 ;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365 ;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100) ;
  long long mp = (5 * doy + 2) / 153 ;
  int mday = (int)(doy - (153 * mp + 2) / 5 + 1) ;
  int mon = (int)(mp < 10 ? mp + 3 : mp - 9) ;
  long long y = yoe + era * 400 + (mon <= 2) ;
  int wday = (int)(((d % 7) + 7) % 7) ;
  int hh = (int)(secs / 3600), mm = (int)(secs / 60 % 60), ss = (int)(secs % 60) ;
  if (y < 0 || y > 9999) return 0 ;
  memcpy(buf, days + 3 * wday, 3) ;
  buf[3] = ',' ; buf[4] = ' ' ;
  buf[5] = '0' + mday / 10 ; buf[6] = '0' + mday % 10 ; buf[7] = ' ' ;
  memcpy(buf + 8, months + 3 * (mon - 1), 3) ;
  buf[11] = ' ' ;
  buf[12] = '0' + (int)(y / 1000) ; buf[13] = '0' + (int)(y / 100 % 10) ;
  buf[14] = '0' + (int)(y / 10 % 10) ; buf[15] = '0' + (int)(y % 10) ;
  buf[16] = ' ' ;
  buf[17] = '0' + hh / 10 ; buf[18] = '0' + hh % 10 ; buf[19] = ':' ;
  buf[20] = '0' + mm / 10 ; buf[21] = '0' + mm % 10 ; buf[22] = ':' ;
  buf[23] = '0' + ss / 10 ; buf[24] = '0' + ss % 10 ;
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
  /* RFC 3848: the TLS parameters in a comment after the protocol */
  if (sess.tls && tls_state.protocol[0])
  {
    if (!stralloc_cats(sa, " (") || !safe(sa, tls_state.protocol)) return 0 ;
    if (tls_state.cipher[0] && !(stralloc_catb(sa, " ", 1) && safe(sa, tls_state.cipher))) return 0 ;
    if (!stralloc_catb(sa, ")", 1)) return 0 ;
  }
  if (!stralloc_cats(sa, "; ")) return 0 ;
  return received_date(sa, (long long)qp_now()) ;
}
