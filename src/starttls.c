/* ISC license. */
/* starttls.c: the TLS part of the plugin API (qp_tls_*): which engine may
   start TLS, and starting it (RFC 3207, RFC 8314). Only the tls plugin calls
   these, so a binary without it links no TLS code. */

#include <string.h>
#include <errno.h>

#include "qcsmtpd/plugin.h"
#include "io.h"
#include "limits.h"
#include "log.h"
#include "reset.h"
#include "session.h"
#include "tls.h"

static tls_engine const *configured = 0 ;

int qp_tls_native (char const *certfile, char const *keyfile)
{
  if (!tls_native_config(certfile, keyfile)) return 0 ;
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

/* After a handshake: the tls_* notes (doc/notes) and the log line. */
static int started (void)
{
  sess.tls = 1 ;
  tls_engine_cur = configured ;
  reset_client() ;
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
