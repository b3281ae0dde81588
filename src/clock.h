/* ISC license. */
/* clock.h: the process's one clock: the wall clock for plugins (qp_now,
   fixed by tests), and the policy budget that bounds the total time
   plugins may spend waiting (qp_await, qp_client_talked). */

#ifndef QCSMTPD_CLOCK_H
#define QCSMTPD_CLOCK_H

#include <skalibs/tai.h>

/* Sets the budget (seconds, from control/policy_budget); its time starts
   now. */
extern void clock_budget (unsigned int secs) ;

/* *d = now + ms, but not past the budget (outside the queue hook); 1 if
   the budget is what limits it. */
extern int clock_deadline (tain *d, unsigned int ms) ;
/* A wait ended by the budget: logged once per session. */
extern void clock_spent (void) ;

#endif
