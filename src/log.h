/* ISC license. */
/* log.h: one line per event on fd 2, or through the logging hook. */

#ifndef QCSMTPD_LOG_H
#define QCSMTPD_LOG_H

#include <stdarg.h>

extern int log_level ;            /* events above this level are dropped */
extern int log_hooked ;           /* a logging plugin takes the events */
extern char const *log_plugin ;   /* plugin running now, NULL for the core */
extern char const *log_hook ;     /* hook running now, NULL outside hooks */

/* 1 if an event of that level would be logged (skip formatting otherwise). */
#define log_wants(level) ((level) <= log_level || log_hooked)

/* Logs the concatenation of the NULL-terminated string list. */
extern void log_core (int level, char const *s, ...) ;
extern void log_v (int level, char const *who, char const *s, va_list ap) ;

#endif
