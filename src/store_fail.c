/* ISC license. */
/* store_fail.c: the one failure line of a connection's store calls, for
   both back ends (store.h). */

#include "qcsmtpd/plugin.h"
#include "log.h"
#include "store.h"

void store_fail (char const *what, char const *why)
{
  static int logged = 0 ;
  if (logged) return ;
  logged = 1 ;
  log_core(LOGERROR, "store: ", what, ": ", why, " (further store failures of this connection are not logged)", (char *)0) ;
}
