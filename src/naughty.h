/* ISC license. */
/* naughty.h: deferred rejection (qpsmtpd's naughty): refusals stored by
   plugins given "reject naughty", delivered later by the naughty plugin
   (qp_naughty_store, qp_naughty, qp_naughty_clear in the plugin API). */

#ifndef QCSMTPD_NAUGHTY_H
#define QCSMTPD_NAUGHTY_H

/* Forgets everything stored (a new session in the same process). */
extern void naughty_reset (void) ;

#endif
