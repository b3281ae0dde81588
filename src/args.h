/* ISC license. */
/* args.h: a plugin's arguments, the words after its name in control/plugins
   (reference/qpsmtpd.md 3.9), parsed against the plugin's table plus
   qpsmtpd's common loglevel, reject and reject_type (1.3). */

#ifndef QCSMTPD_ARGS_H
#define QCSMTPD_ARGS_H

#include <stddef.h>
#include <stdint.h>

#include <skalibs/stralloc.h>

/* --- public: moves to the plugin header --- */
/* XXX: src/include/qcsmtpd/plugin.h carries the same block under the same
   guard, so either header may come first until this copy is removed. */
#ifndef QCSMTPD_ARGDEF
#define QCSMTPD_ARGDEF

#define QP_ARG_BOOL 1    /* int: 0 1 yes no true false on off (any case) */
#define QP_ARG_UINT 2    /* unsigned int: decimal digits only, within [min, max] */
#define QP_ARG_ENUM 3    /* int: index of the value in choices (NULL-terminated), case-insensitive */
#define QP_ARG_STRING 4  /* char const *: the word itself (argv words live for the whole process) */
#define QP_ARG_LIST 5    /* stralloc: the value split on ',', empty items dropped, each appended "item\0"; a repeated keyword appends more */
#define QP_ARG_KV 6      /* stralloc: catch-all row (name "*"): any other keyword with its value, appended "key\0value\0" */
#define QP_ARG_REST 7    /* char const *: positional only: every remaining word joined by single spaces (allocated) */
#define QP_ARG_TYPE 0xff
#define QP_ARG_POSITIONAL 0x100  /* filled, in table order, from words that are not keywords; name is only for usage */
#define QP_ARG_REQUIRED 0x200    /* positional that must be given */

typedef struct qp_argdef_s qp_argdef ;
struct qp_argdef_s
{
  char const *name ;            /* keyword, or the usage name of a positional; NULL ends the table */
  unsigned int type ;           /* QP_ARG_* | flags */
  size_t off ;                  /* offsetof() the destination in the plugin's state structure */
  char const *def ;             /* default, parsed as if given before the words; NULL: left zero */
  uint64_t min, max ;           /* QP_ARG_UINT range (max 0 means UINT_MAX) */
  char const *const *choices ;  /* QP_ARG_ENUM */
  char const *meta ;            /* usage placeholder ("N", "FILE"); NULL: derived from the type */
} ;

/* qpsmtpd's common arguments (reference/qpsmtpd.md 1.3), accepted by every
   plugin: loglevel 0..7|+N|-N|LOGEMERG..LOGDEBUG, reject 0|1|naughty,
   reject_type perm|temp|disconnect|temp_disconnect. A plugin's own row of
   one of these names replaces the common one. */
#define QP_REJECT_NO 0
#define QP_REJECT_YES 1
#define QP_REJECT_NAUGHTY 2

#endif
/* --- end public --- */

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
