/* ISC license. */
/* tls: offers STARTTLS (RFC 3207) and serves implicit TLS (RFC 8314), with
   BearSSL in this process or through a UCSPI-TLS helper (doc/plugins/tls).
   The core owns the transport; this plugin chooses the engine and adds the
   STARTTLS command and EHLO keyword through its descriptor. It reads no key
   at exec: only when TLS starts. */

#include <stddef.h>
#include <string.h>
#include <stdlib.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct tlsconf_s tlsconf ;
struct tlsconf_s
{
  char const *cert ;
  char const *key ;
  int implicit ;      /* handshake before the greeting */
  char const *pcert, *pkey, *pca, *pdh ;   /* qpsmtpd's old positional form */
} ;

static qp_argdef const args[] =
{
  { .name = "cert", .type = QP_ARG_STRING, .off = offsetof(tlsconf, cert), .meta = "FILE" },
  { .name = "key", .type = QP_ARG_STRING, .off = offsetof(tlsconf, key), .meta = "FILE" },
  { .name = "implicit", .type = QP_ARG_BOOL, .off = offsetof(tlsconf, implicit), .def = "0", .meta = "0|1" },
  /* qpsmtpd's "tls CERT KEY [CA [DHPARAM]]": CA (for client certificates,
     which are not asked for) and DHPARAM (no DHE suites) are accepted and
     unused */
  { .name = "CERT", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(tlsconf, pcert) },
  { .name = "KEY", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(tlsconf, pkey) },
  { .name = "CA", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(tlsconf, pca) },
  { .name = "DHPARAM", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(tlsconf, pdh) },
  { 0 }
} ;

/* cert/key: the arguments, else CERTFILE/KEYFILE, else control/servercert.pem
   (chain and key in one file, as qmail-tls); a UCSPI-TLS helper wins over all */
static int tls_init (void *state)
{
  static stralloc path = STRALLOC_ZERO ;
  tlsconf *c = state ;
  char const *u = getenv("UCSPITLS") ;
  char const *cert = c->cert ? c->cert : c->pcert, *key = c->key ? c->key : c->pkey ;
  char const *port = qp_local_port() ;
  int engine = 0 ;
  if (c->pca || c->pdh)
    qp_log(LOGINFO, "the CA and DHPARAM arguments are not used: no client certificates are asked for, and no DHE suite is offered", (char *)0) ;
  /* UCSPI-TLS: a helper outside the process does the handshake (reference/qmail.md 3.6) */
  if (u && strcmp(u, "-") && !getenv("DISABLETLS")) engine = qp_tls_ucspi() ;
  if (!engine)
  {
    if (!cert) cert = getenv("CERTFILE") ;
    if (!key) key = getenv("KEYFILE") ;
    if (!cert)
    {
      /* the control file's path, first found in the lookup order */
      path.len = 0 ;
      cert = qp_control_path("servercert.pem", &path) > 0 ? path.s : "control/servercert.pem" ;
    }
    if (!key) key = cert ;
    if (!qp_tls_native(cert, key))
    {
      qp_log(LOGCRIT, "config error: certificate or key path too long", (char *)0) ;
      return 0 ;
    }
  }
  if (c->implicit || (port && !strcmp(port, "465"))) qp_tls_implicit() ;
  return 1 ;
}

/* EHLO offers STARTTLS while an engine can start (the key itself is read
   only when TLS starts) */
static int tls_offer (void *state, stralloc *line)
{
  (void)state ; (void)line ;
  return qp_tls_offerable() ;
}

/* RFC 3207 4. The reply to STARTTLS is the last plaintext the client gets;
   the core throws away whatever it sent after the command. */
static int tls_starttls (void *state, char *arg)
{
  (void)state ; (void)arg ;
  if (qp_auth_user()) { qp_reply(503, "5.5.1 STARTTLS after AUTH is not allowed") ; return QP_CMD_OK ; }
  if (!qp_tls_prepare()) { qp_reply(454, "4.7.0 TLS not available due to temporary reason") ; return QP_CMD_OK ; }
  if (!qp_reply(220, "2.0.0 Ready to start TLS")) return QP_CMD_FAIL ;
  return qp_tls_start() ? QP_CMD_OK : QP_CMD_CLOSE ;
}

static qp_command const commands[] =
{
  { "starttls", &tls_starttls, QP_CMD_NO_ARGS | QP_CMD_NOT_IN_TLS | QP_CMD_LAST },
  { 0, 0, 0 }
} ;

static qp_keyword const keywords[] =
{
  { "STARTTLS", &tls_offer },
  { 0, 0 }
} ;

qp_plugin const plugin_tls =
{
  .name = "tls",
  .state_size = sizeof(tlsconf),
  .args = args,
  .init = &tls_init,
  .commands = commands,
  .keywords = keywords,
} ;
