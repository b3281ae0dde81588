/* ISC license. */
/* test/note (test builds only): at one hook, logs a note's value and sets
   it, so that transcripts can give other plugins the notes that plugins
   not written yet would set (whitelisthost, karma_history, earlytalker_wait)
   and read back the notes a plugin keeps. Never in ./qcsmtpd. */

#include <stddef.h>

#include <qcsmtpd/plugin.h>

static char const *const hooks[] = { "connect", "helo", "mail", "data", "unrecognized_command", 0 } ;
static int const hookid[] = { HOOK_CONNECT, HOOK_HELO, HOOK_MAIL, HOOK_DATA, HOOK_UNRECOGNIZED_COMMAND } ;
static char const *const scopes[] = { "conn", "txn", 0 } ;

typedef struct note_s note ;
struct note_s
{
  char const *key ;
  char const *value ;   /* NULL: only logged */
  int at ;              /* index in hooks */
  int scope ;           /* index in scopes */
} ;

static qp_argdef const args[] =
{
  { .name = "KEY", .type = QP_ARG_STRING | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(note, key) },
  { .name = "VALUE", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(note, value) },
  { .name = "at", .type = QP_ARG_ENUM, .off = offsetof(note, at), .def = "connect", .choices = hooks },
  { .name = "scope", .type = QP_ARG_ENUM, .off = offsetof(note, scope), .def = "conn", .choices = scopes },
  { 0 }
} ;

static int fire (void *state, qp_hookarg const *a)
{
  note const *st = state ;
  int scope = st->scope ? QP_TXN : QP_CONN ;
  char const *old ;
  if (hookid[st->at] != qp_arg_hook(a)) return DECLINED ;
  old = qp_note_get(scope, st->key) ;
  qp_log(LOGINFO, "note ", st->key, "=", old ? old : "(none)", (char *)0) ;
  if (st->value && !qp_note_set(scope, st->key, st->value))
  {
    qp_msg("out of memory") ;
    return DENYSOFT ;
  }
  return DECLINED ;
}

qp_plugin const plugin_test_note =
{
  .name = "test/note",
  .state_size = sizeof(note),
  .args = args,
  .hook =
  {
    [HOOK_CONNECT] = &fire,
    [HOOK_HELO] = &fire,
    [HOOK_MAIL] = &fire,
    [HOOK_DATA] = &fire,
    [HOOK_UNRECOGNIZED_COMMAND] = &fire,
  },
  .flags = QP_PLUGIN_TESTONLY,
} ;
