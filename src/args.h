/* ISC license. */
/* args.h: a plugin's arguments, the words after its name in control/plugins
   (reference/qpsmtpd.md 3.9), parsed against the plugin's table plus
   qpsmtpd's common loglevel, reject and reject_type (1.3). */

#ifndef QCSMTPD_ARGS_H
#define QCSMTPD_ARGS_H

#include <stddef.h>
#include <stdint.h>

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"

#include "limits.h"   /* ARGS_WORDS_MAX, ARGS_ROWS_MAX, ARGS_ERR_MAX */

typedef struct args_common_s args_common ;
struct args_common_s
{
  int loglevel ;           /* -1: not given, or given relative; else 0..7 */
  int logrel ;             /* +N/-N given (-7..7), else 0: the caller adds it to control/loglevel and clamps */
  int reject ;             /* QP_REJECT_*; the caller sets the default */
  int reject_type ;        /* DENY 2, DENYSOFT 3, DENY_DISCONNECT 4, DENYSOFT_DISCONNECT 5; the caller sets the default */
  int reject_type_given ;  /* set to 1 when reject_type is among the words (naughty honours only an explicit one) */
} ;
#define ARGS_COMMON_ZERO { .loglevel = -1, .logrel = 0, .reject = QP_REJECT_YES, .reject_type = 2 /* DENY */, .reject_type_given = 0 }

/* Parses argv[0..argc) against defs (NULL: no arguments of the plugin's
   own) into state, which the caller zeroed, and *common, whose defaults the
   caller set; defs' defaults are applied first (a LIST's are replaced by
   the first value given). A relative loglevel leaves loglevel -1 and sets
   logrel: the caller adds it to control/loglevel. 1 ok: the caller frees
   state's allocations with args_free. 0: what was allocated in state is
   already freed, *common is undefined, and a one-line reason
   (NUL-terminated, at most ARGS_ERR_MAX octets with its NUL) is appended to
   err; errno EINVAL, or ENOMEM (then the reason may be missing). */
extern int args_parse (qp_argdef const *defs, void *state, args_common *common, unsigned int argc, char const *const *argv, stralloc *err) ;

/* Appends "NAME [key META]... POSITIONAL... [loglevel N] [reject 0|1|naughty]
   [reject_type perm|temp|disconnect|temp_disconnect]" and a NUL to sa.
   1 ok, 0 no memory (sa as it was). */
extern int args_usage (qp_argdef const *defs, char const *plugin, stralloc *sa) ;

/* Frees what args_parse allocated in state (LIST and KV stralloc, REST
   strings) and zeroes those fields; harmless to call twice. */
extern void args_free (qp_argdef const *defs, void *state) ;

#endif
