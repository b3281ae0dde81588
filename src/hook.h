/* ISC license. */
/* hook.h: plugin instances and the hook chains (DESIGN 5). */

#ifndef QCSMTPD_HOOK_H
#define QCSMTPD_HOOK_H

#include <skalibs/stralloc.h>

#include "plugin.h"

/* The message of the last verdict (lines separated by '\n'), NUL-terminated. */
extern stralloc hook_msg ;

/* Name of the instance that gave the last non-DECLINED verdict ("" if none). */
extern char const *hook_who ;

/* The hook whose plugin is running now, -1 outside plugins. */
extern int hook_cur ;

/* Registers an instance of p under name; init has already run. 1 ok, 0 no memory. */
extern int hook_add (qp_plugin const *p, char const *name, void *state) ;
extern void hook_clear (void) ;
extern int hook_registered (int hook) ;
extern char const *hook_name (int hook) ;
/* hook id for a qpsmtpd hook name ("post-connection", "auth-plain" ...), -1 if unknown */
extern int hook_find (char const *name) ;
extern char const *verdict_name (int verdict) ;

/* Runs the chain; returns the first verdict that is not DECLINED (or DECLINED). */
extern int hook_run (int hook, qp_hookarg const *a) ;
extern int hook_run0 (int hook) ;

/* Feeds a log event to the logging hook (no deny/ok reports). */
extern void hook_run_logging (int level, char const *who, char const *text, char const *hookname) ;

/* Appends to the message of the running plugin (qp_msg). */
extern void hook_msg_append (char const *s, size_t len) ;

#endif
