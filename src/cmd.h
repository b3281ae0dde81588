/* ISC license. */
/* cmd.h: command-line syntax: verb, argument, ESMTP parameters. Pure parsers:
   1 valid, 0 syntax error. */

#ifndef QCSMTPD_CMD_H
#define QCSMTPD_CMD_H

#include <stddef.h>
#include <skalibs/stralloc.h>

#define CMD_VERB_MAX 12

/* Splits line into a lower-cased verb (into verb, at least CMD_VERB_MAX+1 octets)
   and *arg, the rest after the separating spaces with trailing blanks removed
   (NUL-terminated in place: line is modified). 0 when the first word is not
   1..12 letters, digits or '_' followed by a space or the end. */
extern int cmd_split (char *line, char *verb, char **arg) ;

/* If s starts with keyword (e.g. "from:") case-insensitively, returns the
   position after it and any following spaces; else 0. */
extern size_t cmd_keyword (char const *s, char const *keyword) ;

/* Parses ESMTP parameters "KEY[=VALUE] ..." (RFC 5321 4.1.2) into sa as
   "key\0value\0" pairs, keys lower-cased, "" for no value. */
extern int cmd_params (char const *s, stralloc *sa) ;

/* Looks key up in a cmd_params list; NULL if absent. */
extern char const *cmd_param_get (stralloc const *sa, char const *key) ;

#endif
