/* ISC license. */
/* ucspitls.c: TLS done outside the process (reference/qmail.md 3.4, 3.5). */

#include "tls.h"

#include <string.h>
#include <stdlib.h>

static void put (char *to, size_t max, char const *s)
{
  size_t n = s ? strlen(s) : 0 ;
  if (n >= max) n = max - 1 ;
  if (n) memcpy(to, s, n) ;
  to[n] = 0 ;
}

void tls_info_from_env (void)
{
  char const *subj = getenv("SSL_PEER_CERT_SUBJECT") ;
  if (!subj) subj = getenv("SSL_CLIENT_S_DN") ;
  put(tls_state.protocol, sizeof(tls_state.protocol), getenv("SSL_PROTOCOL")) ;
  put(tls_state.cipher, sizeof(tls_state.cipher), getenv("SSL_CIPHER")) ;
  put(tls_state.sni, sizeof(tls_state.sni), getenv("SSL_TLS_SNI_SERVERNAME")) ;
  put(tls_state.peer_subject, sizeof(tls_state.peer_subject), subj) ;
}
