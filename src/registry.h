/* ISC license. */
/* registry.h: the commands, EHLO keywords and MAIL/RCPT parameters of the
   session: the core's rows and those of each plugin instance's descriptor,
   built once after control/plugins is loaded. */

#ifndef QCSMTPD_REGISTRY_H
#define QCSMTPD_REGISTRY_H

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"
#include "hook.h"

/* The core's own rows: commands, keywords advertised before the plugins'
   and after them, parameters. Tables end with a NULL name. */
typedef struct registry_core_s registry_core ;
struct registry_core_s
{
  qp_command const *commands ;
  qp_command const *commands_more ;   /* or NULL */
  qp_keyword const *keywords_first ;
  qp_keyword const *keywords_last ;
  qp_paramdef const *params ;
} ;

/* Builds the registry from the core's rows (kept by pointer: core must live
   as long as the process) and the loaded instances. A verb, keyword or
   parameter claimed twice is a configuration error, logged. 1 ok, 0 error. */
extern int registry_build (registry_core const *core) ;

/* The row for a verb, and the instance owning it (NULL: the core). NULL if none. */
extern qp_command const *registry_command (char const *verb, instance const **owner) ;
/* The row for a MAIL (QP_PARAM_MAIL) or RCPT parameter keyword (lower case). */
extern qp_paramdef const *registry_param (char const *keyword, unsigned int where, instance const **owner) ;
/* Appends "\nKEYWORD[ params]" for every keyword offered now. 1 ok, 0 no memory. */
extern int registry_ehlo (stralloc *sa) ;

#endif
