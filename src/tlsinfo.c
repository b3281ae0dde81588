/* ISC license. */
/* tlsinfo.c: what is known of the session's TLS (tls_state) and which
   engine may start it (tls_engine_cur), filled from the environment or a
   UCSPI-TLS helper's block. Links no TLS code. */

#include "tls.h"

#include <string.h>
#include <stdlib.h>

tls_engine const *tls_engine_cur = 0 ;
int (*tls_implicit_start) (void) = 0 ;
tls_info tls_state ;

static void put (char *to, size_t max, char const *s)
{
  size_t n = s ? strlen(s) : 0 ;
  if (n >= max) n = max - 1 ;
  if (n) memcpy(to, s, n) ;
  to[n] = 0 ;
}

/* The SSL_* variables that go into tls_state, from the environment or a
   UCSPI-TLS helper's block; when both names of the client certificate's
   subject come, the later one here (s6's) wins. */
static struct { char const *name ; size_t off ; size_t size ; } const vars[] =
{
  { "SSL_PROTOCOL", offsetof(tls_info, protocol), sizeof(tls_state.protocol) },
  { "SSL_CIPHER", offsetof(tls_info, cipher), sizeof(tls_state.cipher) },
  { "SSL_TLS_SNI_SERVERNAME", offsetof(tls_info, sni), sizeof(tls_state.sni) },
  { "SSL_CLIENT_S_DN", offsetof(tls_info, peer_subject), sizeof(tls_state.peer_subject) },
  { "SSL_PEER_CERT_SUBJECT", offsetof(tls_info, peer_subject), sizeof(tls_state.peer_subject) },
} ;
#define NVARS (sizeof(vars) / sizeof(vars[0]))

void tls_info_from_env (void)
{
  memset(&tls_state, 0, sizeof(tls_state)) ;
  for (size_t k = 0 ; k < NVARS ; k++)
  {
    char const *v = getenv(vars[k].name) ;
    if (v) put((char *)&tls_state + vars[k].off, vars[k].size, v) ;
  }
}

void tls_info_from_block (char const *s, size_t len)
{
  size_t i = 0 ;
  memset(&tls_state, 0, sizeof(tls_state)) ;
  while (i < len)
  {
    char const *e = s + i ;
    size_t n = strlen(e) ;
    char const *eq = memchr(e, '=', n) ;
    size_t nlen = eq ? (size_t)(eq - e) : n ;
    for (size_t k = 0 ; k < NVARS ; k++)
      if (strlen(vars[k].name) == nlen && !memcmp(vars[k].name, e, nlen))
        put((char *)&tls_state + vars[k].off, vars[k].size, eq ? eq + 1 : 0) ;
    i += n + 1 ;
  }
}
