/* ISC license. */
/* starttls.c: the TLS part of the plugin API (qp_tls_*): which engine may
   start TLS, and starting it (RFC 3207, RFC 8314). Only the tls plugin calls
   these, so a binary without it links no TLS code. */

#include <string.h>
#include <stdlib.h>
#include <strings.h>
#include <errno.h>

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"
#include "control.h"
#include "io.h"
#include "limits.h"
#include "log.h"
#include "reset.h"
#include "session.h"
#include "tls.h"

static tls_engine const *configured = 0 ;

/* control/tls_protocols: the versions offered, "TLSv1.2" by default; the
   range goes from the lowest word to the highest (BearSSL takes a range).
   control/tls_ciphers: aead (default), ecdhe or all (doc/plugins/tls).
   1 ok, 0 after logging a configuration error. */
static int policy (void)
{
  static stralloc sa = STRALLOC_ZERO ;
  static struct { char const *name ; unsigned int v ; } const versions[] =
  {
    { "TLSv1", 0x0301 }, { "TLSv1.0", 0x0301 }, { "TLSv1.1", 0x0302 }, { "TLSv1.2", 0x0303 }, { 0, 0 }
  } ;
  static char const *const sets[] = { "aead", "ecdhe", "all", 0 } ;
  unsigned int lo = 0x0303, hi = 0x0303 ;
  int set = TLS_SUITES_AEAD, r ;
  sa.len = 0 ;
  r = control_readlist("tls_protocols", &sa) ;
  if (r < 0) { log_core(LOGCRIT, "config error: control/tls_protocols: ", strerror(errno), (char *)0) ; return 0 ; }
  if (r > 0 && sa.len)
  {
    lo = 0xffff ; hi = 0 ;
    for (size_t i = 0 ; i < sa.len ; i++)
    {
      char *w = sa.s + i ;
      size_t n = strlen(w) ;
      for (char *t = strtok(w, " \t") ; t ; t = strtok(0, " \t"))
      {
        unsigned int k = 0 ;
        while (versions[k].name && strcasecmp(versions[k].name, t)) k++ ;
        if (!versions[k].name)
        {
          log_core(LOGCRIT, "config error: control/tls_protocols: '", t, "' is not one of TLSv1 TLSv1.1 TLSv1.2 (TLS 1.3 is not in BearSSL; SSLv3 is never offered)", (char *)0) ;
          return 0 ;
        }
        if (versions[k].v < lo) lo = versions[k].v ;
        if (versions[k].v > hi) hi = versions[k].v ;
      }
      i += n ;
    }
    if (!hi) { log_core(LOGCRIT, "config error: control/tls_protocols: no protocol", (char *)0) ; return 0 ; }
  }
  sa.len = 0 ;
  r = control_readline("tls_ciphers", &sa) ;
  if (r < 0) { log_core(LOGCRIT, "config error: control/tls_ciphers: ", strerror(errno), (char *)0) ; return 0 ; }
  if (r > 0 && sa.len && sa.s[0])
  {
    int k = 0 ;
    while (sets[k] && strcasecmp(sets[k], sa.s)) k++ ;
    if (!sets[k]) { log_core(LOGCRIT, "config error: control/tls_ciphers: '", sa.s, "' is not one of aead ecdhe all", (char *)0) ; return 0 ; }
    set = k == 0 ? TLS_SUITES_AEAD : k == 1 ? TLS_SUITES_ECDHE : TLS_SUITES_ALL ;
  }
  return tls_server_policy(lo, hi, set) ;
}

int qp_tls_native (char const *certfile, char const *keyfile)
{
  if (!tls_native_config(certfile, keyfile)) return 0 ;
  if (!policy()) return 0 ;
  configured = &tls_native ;
  return 1 ;
}

int qp_tls_ucspi (void)
{
  if (!tls_ucspi_available()) return 0 ;
  configured = &tls_ucspi ;
  return 1 ;
}

int qp_tls_offerable (void)
{
  return configured && !sess.tls && (configured != &tls_native || tls_native_readable()) ;
}

int qp_tls_prepare (void)
{
  return configured && !sess.tls && (*configured->prepare)() ;
}

/* What programs we run (qmail-queue, checkpassword) learn of the TLS: the
   SSL_* facts as sslserver and s6-tlsd give them (reference/qmail.md 3.6),
   and no UCSPI-TLS descriptor variables, which name descriptors they do not
   have. 1 ok, 0 no memory. */
static int environ_tls (void)
{
  static struct { char const *name ; char const *value ; } v[4] ;
  v[0].name = "SSL_PROTOCOL" ; v[0].value = tls_state.protocol ;
  v[1].name = "SSL_CIPHER" ; v[1].value = tls_state.cipher ;
  v[2].name = "SSL_TLS_SNI_SERVERNAME" ; v[2].value = tls_state.sni ;
  v[3].name = "SSL_PEER_CERT_SUBJECT" ; v[3].value = tls_state.peer_subject ;
  unsetenv("SSLCTLFD") ; unsetenv("SSLREADFD") ; unsetenv("SSLWRITEFD") ;
  for (unsigned int i = 0 ; i < 4 ; i++)
  {
    if (!v[i].value[0]) { unsetenv(v[i].name) ; continue ; }
    if (setenv(v[i].name, v[i].value, 1) < 0) return 0 ;
  }
  return 1 ;
}

/* After a handshake: the tls_* notes (doc/notes), the environment of the
   programs we run, and the log line. */
static int started (void)
{
  sess.tls = 1 ;
  tls_engine_cur = configured ;
  reset_client() ;
  if (!environ_tls()) return 0 ;
  if (!qp_note_set(QP_CONN, "tls_enabled", "1")
   || !qp_note_set(QP_CONN, "tls_protocol", tls_state.protocol[0] ? tls_state.protocol : 0)
   || !qp_note_set(QP_CONN, "tls_cipher", tls_state.cipher[0] ? tls_state.cipher : 0)
   || !qp_note_set(QP_CONN, "tls_sni", tls_state.sni[0] ? tls_state.sni : 0)
   || !qp_note_set(QP_CONN, "tls_peer_subject", tls_state.peer_subject[0] ? tls_state.peer_subject : 0))
    return 0 ;
  log_core(LOGINFO, "TLS started with ", sess.remoteip, ": ", tls_state.protocol[0] ? tls_state.protocol : "?", " ",
    tls_state.cipher[0] ? tls_state.cipher : "?", (char *)0) ;
  return 1 ;
}

int qp_tls_start (void)
{
  unsigned int t = sess.timeout < TLS_HANDSHAKE_TIMEOUT ? sess.timeout : TLS_HANDSHAKE_TIMEOUT ;
  if (!configured || sess.tls) return 0 ;
  if (!io_flush()) return 0 ;
  /* CVE-2011-0411: nothing sent before the handshake may be read after it */
  io_discard_input() ;
  if (!(*configured->handshake)(t))
  {
    /* no plaintext reply is valid any more (reference/qmail.md 3.7 item 5) */
    log_core(LOGNOTICE, "TLS handshake with ", sess.remoteip, " failed, closing connection", (char *)0) ;
    return 0 ;
  }
  return started() ;
}

/* implicit TLS: no plaintext reply can reach such a client, so failures just close */
static int implicit (void)
{
  if (!qp_tls_prepare())
  {
    log_core(LOGERROR, "implicit TLS: no usable certificate and key, closing connection", (char *)0) ;
    return QP_CMD_FAIL ;
  }
  return qp_tls_start() ? QP_CMD_OK : QP_CMD_CLOSE ;
}

void qp_tls_implicit (void)
{
  tls_implicit_start = &implicit ;
}
