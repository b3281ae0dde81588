/* ISC license. */
/* log.h: one line per event on fd 2, or through a sink (the logging hook). */

#ifndef QCSMTPD_LOG_H
#define QCSMTPD_LOG_H

#include <stdarg.h>

typedef void log_sink_fn (int level, char const *who, char const *text, char const *hookname) ;

extern int log_level ;            /* control/loglevel: core events above it are dropped */
extern log_sink_fn *log_sink ;    /* set when a logging plugin takes the events (hook.c) */
extern int log_hookid ;           /* hook running now, -1 outside hooks (hook.c) */

/* The instance running now (its name, NULL for the core, and its own
   threshold, -1 for control/loglevel): what qp_log lines are filtered by
   and attributed to. */
extern void log_context (char const *who, int threshold) ;
extern char const *log_who (void) ;

/* 1 if a core event of that level would be logged (skip formatting otherwise). */
#define log_wants(level) ((level) <= log_level || log_sink)
/* The same for a line of the running instance. */
extern int log_wants_plugin (int level) ;

/* Logs the concatenation of the NULL-terminated string list. */
extern void log_core (int level, char const *s, ...) ;
/* A line of the running instance (qp_log). */
extern void log_plugin_v (int level, char const *s, va_list ap) ;

#endif
