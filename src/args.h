/* ISC license. */
/* args.h: a plugin's arguments (the control/plugins words after its name),
   parsed against its descriptor's table (qp_argdef, in the public header)
   plus qpsmtpd's common arguments loglevel, reject and reject_type. */

#ifndef QCSMTPD_ARGS_H
#define QCSMTPD_ARGS_H

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"

#define ARGS_WORDS_MAX 64
#define ARGS_ERR_MAX 300

typedef struct args_common_s args_common ;
struct args_common_s
{
  int loglevel ;     /* -1: not given (or relative); else 0..7 */
  int logrel ;       /* +N/-N given (the caller resolves it against control/loglevel), else 0 */
  int reject ;       /* QP_REJECT_*; the caller sets the default */
  int reject_type ;  /* DENY, DENYSOFT, DENY_DISCONNECT, DENYSOFT_DISCONNECT; the caller sets the default */
  int reject_type_given ;  /* 1 if reject_type was among the arguments */
} ;

/* Parses argv[0..argc) against defs (NULL: common arguments only) into state
   and *common; defs' defaults are applied first. 1 ok, or 0 with a one-line
   reason in err (NUL-terminated, at most ARGS_ERR_MAX octets). What was
   allocated in state stays there either way (args_free). */
extern int args_parse (qp_argdef const *defs, void *state, args_common *common, unsigned int argc, char const *const *argv, stralloc *err) ;

/* Appends "NAME [key META]... [POSITIONAL]... [loglevel N] [reject
   0|1|naughty] [reject_type perm|temp|disconnect|temp_disconnect]" and a
   NUL to sa. 1 ok, 0 no memory. */
extern int args_usage (qp_argdef const *defs, char const *plugin, stralloc *sa) ;

/* Frees what args_parse allocated in state (LIST and KV stralloc, REST). */
extern void args_free (qp_argdef const *defs, void *state) ;

#endif
