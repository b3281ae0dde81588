/* ISC license. */
/* hooktab.h: the hook table, the one place that says what each hook is:
   its qpsmtpd name, its kind, the names of its arguments, whose reply rules
   it answers with and what "every plugin declined" means there. hook.c,
   reply.c, the test plugin and doc/hooks (checked by tests/unit/hooktab)
   follow it. */

#ifndef QCSMTPD_HOOKTAB_H
#define QCSMTPD_HOOKTAB_H

#include "qcsmtpd/plugin.h"

#define HOOKTAB_DECIDE 1   /* the verdict becomes the command's reply (reply.c) */
#define HOOKTAB_PRE 2      /* OK/DECLINED go on; a refusal answers with reply_as's rules */
#define HOOKTAB_VALUE 3    /* OK with a message gives a value (received_line) */
#define HOOKTAB_NOTIFY 4   /* told something happened; the verdict is ignored */
#define HOOKTAB_REPORT 5   /* deny/ok/logging: ignored, never reported themselves */

#define HOOKTAB_ARGS 4

typedef struct hooktab_s hooktab ;
struct hooktab_s
{
  char const *name ;
  unsigned char kind ;
  unsigned char reply_as ;              /* hook whose reply rules apply */
  char const *args[HOOKTAB_ARGS] ;      /* argument names by slot, NULL unused */
  char const *declined ;                /* what happens when every plugin declines */
} ;

extern hooktab const hooktab_rows[HOOK_MAX] ;

/* hook id for a qpsmtpd hook name ('-' and '_' alike), -1 if unknown */
extern int hooktab_find (char const *name) ;
/* the name, "?" out of range */
extern char const *hooktab_name (int hook) ;
/* the slot of argument name at hook, -1 if the hook has none of that name */
extern int hooktab_arg (int hook, char const *name) ;

#endif
