/* ISC license. */
/* plugins.h: reads control/plugins (or takes the default list) and creates
   the instances from the compiled-in plugin table. */

#ifndef QCSMTPD_PLUGINS_H
#define QCSMTPD_PLUGINS_H

#include "qcsmtpd/plugin.h"

extern qp_plugin const *const plugin_table[] ;
/* 1 in the check binary (tests/qcsmtpd-check), 0 in ./qcsmtpd */
extern int const plugins_testing ;

/* 1 ok; 0 configuration error (logged). */
extern int plugins_load (void) ;

/* The checkpassword program and its "true" program from qmail-smtpd's SMTP
   AUTH patch command line: used when there is no control/plugins. */
extern void plugins_argv_auth (char const *prog, char const *truep) ;

/* Parses one plugins-file line into NUL-terminated words in place; returns the
   number of words (at most max), -1 if the line holds unsafe characters. */
extern int plugins_split (char *line, char **words, unsigned int max) ;

/* The compiled-in plugin for name or an old alias; NULL if none. */
extern qp_plugin const *plugins_find (char const *name) ;

/* The text of control/plugins, which the instances' words point into; kept
   (and reachable, for leak checkers) for the life of the process. */
extern char *plugins_text ;

#endif
