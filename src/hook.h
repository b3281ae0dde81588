/* ISC license. */
/* hook.h: plugin instances and the hook chains (DESIGN 5). What each hook is
   comes from the hook table (hooktab.h). */

#ifndef QCSMTPD_HOOK_H
#define QCSMTPD_HOOK_H

#include <stddef.h>

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"
#include "hooktab.h"

/* What a hook is called with: its id and its arguments by slot (the names
   of the slots are the hook table's). */
struct qp_hookarg_s
{
  int hook ;
  char const *v[HOOKTAB_ARGS] ;
  int code ;
} ;

/* A plugin instance: a control/plugins line. */
typedef struct instance_s instance ;
struct instance_s
{
  qp_plugin const *p ;
  char const *name ;      /* "relay", "relay:1" */
  void *state ;
  int loglevel ;          /* the instance's threshold, -1: control/loglevel */
  int reject ;            /* QP_REJECT_* */
  int reject_type ;       /* a refusal verdict */
  int reject_type_given ; /* reject_type was an argument (naughty honours it) */
} ;

/* Registers an instance (already initialised); the copy is kept. 1 ok, 0 no memory. */
extern int hook_add (instance const *in) ;
extern void hook_clear (void) ;
extern unsigned int hook_instances (void) ;
extern instance const *hook_instance (unsigned int i) ;
/* The instance whose code runs now (a hook, a command, init), NULL for the core. */
extern instance const *hook_running (void) ;
/* Runs f(state, arg) as instance in (logging context set); returns what f returns. */
extern int hook_call_command (instance const *in, qp_command_fn *f, char *arg) ;
extern int hook_call_param (instance const *in, qp_param_fn *f, char const *value) ;
extern int hook_call_keyword (instance const *in, qp_keyword_fn *f, stralloc *line) ;
extern void hook_enter (instance const *in, int hook) ;
extern void hook_leave (void) ;

extern int hook_registered (int hook) ;
extern char const *verdict_name (int verdict) ;

/* Runs the chain; returns the first verdict that is not DECLINED (or
   DECLINED). A deciding or pre hook's invalid verdict is DENYSOFT, logged. */
extern int hook_run (int hook, qp_hookarg const *a) ;
extern int hook_run0 (int hook) ;

/* The message of the last verdict (lines separated by '\n', NUL-terminated,
   "" if none) and the instance that gave it ("" if none). Valid until the
   next hook_run. */
extern char const *hook_message (void) ;
extern char const *hook_who (void) ;

/* Appends to the message of the running plugin (qp_msg). */
extern void hook_msg_append (char const *s, size_t len) ;

#endif
