/* ISC license. */
/* api.h: the core's side of plugin.h (api.c implements every qp_* function). */

#ifndef QCSMTPD_API_H
#define QCSMTPD_API_H

/* Forgets a qp_addr_set replacement; call before running mail/rcpt hooks. */
extern void api_addr_reset (void) ;
/* The replacement set by the last hook, or NULL. */
extern char const *api_addr_override (void) ;

#endif
