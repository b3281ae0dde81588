/* ISC license. */
/* wipe.c: qp_wipe (plugin.h), for every buffer that held a secret: keys,
   passwords, AUTH payloads. A leaf: the TLS helper links it alone. */

#include <string.h>

#include "qcsmtpd/plugin.h"

/* memset through a volatile pointer: a store the compiler cannot drop */
static void *(*volatile wipe_memset) (void *, int, size_t) = &memset ;

void qp_wipe (void *p, size_t n)
{
  if (p && n) (*wipe_memset)(p, 0, n) ;
}
