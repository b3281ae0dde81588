/* ISC license. */
/* reset.c: the transaction and the client's state are forgotten here and
   nowhere else, so reset_transaction fires exactly once per transaction. */

#include "reset.h"

#include "qcsmtpd/plugin.h"
#include "auth.h"
#include "hook.h"
#include "msg.h"
#include "session.h"
#include "txn.h"

void reset_txn (void)
{
  if (txn_cur.active) hook_run0(HOOK_RESET_TRANSACTION) ;
  txn_reset(&txn_cur) ;
  msg_reset() ;
}

void reset_client (void)
{
  reset_txn() ;
  sess.helo.len = 0 ;
  sess.helo_seen = sess.ehlo = 0 ;
  auth_reset() ;
}
