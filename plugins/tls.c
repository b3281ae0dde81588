/* ISC license. */
/* tls: offers STARTTLS (RFC 3207) and serves implicit TLS (RFC 8314), with
   BearSSL in this process or through a UCSPI-TLS helper (doc/plugins/tls).
   Unlike the other plugins it drives the core's TLS engine (src/tls.h): the
   handshake replaces the transport under the SMTP session, which the plugin
   API does not expose. It reads no key at exec: only when TLS starts. */

#include <string.h>
#include <stdlib.h>

#include <skalibs/stralloc.h>

#include "plugin.h"
#include "control.h"
#include "session.h"
#include "smtp.h"
#include "tls.h"

typedef struct tlsconf_s tlsconf ;
struct tlsconf_s
{
  tls_engine const *engine ;   /* &tls_native, &tls_ucspi, or NULL: no TLS */
  int implicit ;               /* handshake before the greeting */
} ;

static tlsconf conf ;

static int setfiles (char const *cert, char const *key)
{
  if (tls_native_config(cert, key)) return 1 ;
  qp_log(LOGCRIT, "config error: certificate or key path too long", (char *)0) ;
  return 0 ;
}

/* cert/key: the arguments, else CERTFILE/KEYFILE, else control/servercert.pem
   (chain and key in one file, as qmail-tls). */
static int tls_init (void **state, unsigned int argc, char const *const *argv)
{
  static stralloc path = STRALLOC_ZERO ;
  char const *cert = 0, *key = 0 ;
  char const *u = getenv("UCSPITLS") ;
  unsigned int i = 0 ;
  conf.implicit = 0 ;
  conf.engine = 0 ;
  for (; i < argc ; i += 2)
  {
    if (i + 1 >= argc)
    {
      qp_log(LOGCRIT, "config error: argument ", argv[i], " has no value (tls [cert FILE] [key FILE] [implicit 0|1])", (char *)0) ;
      return 0 ;
    }
    if (!strcmp(argv[i], "cert")) cert = argv[i+1] ;
    else if (!strcmp(argv[i], "key")) key = argv[i+1] ;
    else if (!strcmp(argv[i], "implicit") && (!strcmp(argv[i+1], "0") || !strcmp(argv[i+1], "1")))
      conf.implicit = argv[i+1][0] == '1' ;
    else
    {
      qp_log(LOGCRIT, "config error: unknown argument ", argv[i], " ", argv[i+1], " (tls [cert FILE] [key FILE] [implicit 0|1])", (char *)0) ;
      return 0 ;
    }
  }
  *state = &conf ;
  /* UCSPI-TLS: a helper outside the process does the handshake (reference/qmail.md 3.6) */
  if (u && strcmp(u, "-") && !getenv("DISABLETLS") && tls_ucspi_available())
  {
    conf.engine = &tls_ucspi ;
    if (!qp_is_tls()) tls_engine_cur = conf.engine ;
    return 1 ;
  }
  if (!cert) cert = getenv("CERTFILE") ;
  if (!key) key = getenv("KEYFILE") ;
  if (!cert)
  {
    path.len = 0 ;
    if (control_path("servercert.pem", &path) <= 0) path.len = 0 ;
    if (!path.len) cert = "control/servercert.pem" ;
    else cert = path.s ;
  }
  if (!key) key = cert ;
  if (!setfiles(cert, key)) return 0 ;
  conf.engine = &tls_native ;
  if (!qp_is_tls()) tls_engine_cur = conf.engine ;
  return 1 ;
}

/* EHLO offers STARTTLS while the files are readable (access(2): the key
   itself is read only when TLS starts); before any EHLO, STARTTLS is
   accepted and unusable files get 454 */
static int tls_ehlo (void *state, qp_hookarg const *a)
{
  (void)state ; (void)a ;
  if (!qp_is_tls()) tls_engine_cur = conf.engine == &tls_native && !tls_native_readable() ? 0 : conf.engine ;
  return DECLINED ;
}

/* implicit TLS (RFC 8314 3.3): the handshake comes before the greeting; no
   plaintext reply can reach such a client, so failures just close */
static int tls_connect (void *state, qp_hookarg const *a)
{
  char const *port = qp_local_port() ;
  (void)state ; (void)a ;
  if (qp_is_tls() || !conf.engine) return DECLINED ;
  if (!conf.implicit && !(port && !strcmp(port, "465"))) return DECLINED ;
  if (!(*conf.engine->prepare)())
  {
    qp_log(LOGERROR, "implicit TLS: no usable certificate and key, closing connection", (char *)0) ;
    smtp_finish(111) ;
  }
  smtp_tls_handshake() ;
  return DECLINED ;
}

qp_plugin const plugin_tls =
{
  .name = "tls",
  .aliases = 0,
  .init = &tls_init,
  .hook = { [HOOK_CONNECT] = &tls_connect, [HOOK_EHLO] = &tls_ehlo },
  .flags = 0,
} ;
