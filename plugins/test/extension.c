/* ISC license. */
/* test/extension (test builds only): adds a command, an EHLO keyword and a
   MAIL parameter through its descriptor, as a real extension would (a verb
   such as XCLIENT, a keyword such as SMTPUTF8, a parameter such as RET), so
   the core's extension points are tested black-box. Never in ./qcsmtpd. */

#include <stddef.h>
#include <string.h>

#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

static char const *const offers[] = { "always", "tls", "never", 0 } ;

typedef struct ext_s ext ;
struct ext_s
{
  int offer ;             /* index in offers */
  unsigned int count ;    /* commands run */
} ;

static qp_argdef const args[] =
{
  { .name = "offer", .type = QP_ARG_ENUM, .off = offsetof(ext, offer), .def = "always", .choices = offers },
  { 0 }
} ;

static int x_command (void *state, char *arg)
{
  ext *st = state ;
  char fmt[UINT_FMT] ;
  char text[64] = "2.0.0 xtest count=" ;
  (void)arg ;
  fmt[uint_fmt(fmt, ++st->count)] = 0 ;
  strcat(text, fmt) ;
  return qp_reply(250, text) ? QP_CMD_OK : QP_CMD_FAIL ;
}

static int x_offer (void *state, stralloc *line)
{
  ext const *st = state ;
  if (st->offer == 2 || (st->offer == 1 && !qp_is_tls())) return 0 ;
  return stralloc_cats(line, " V1") ;
}

/* xtest=N: digits only; kept in the instance's transaction note "xtest"
   (forgotten at the next reset, the refused MAIL's included) */
static int x_param (void *state, char const *value)
{
  unsigned int n ;
  size_t k = uint_scan(value, &n) ;
  (void)state ;
  if (!k || value[k]) { qp_reply(501, "5.5.4 XTEST= takes a number") ; return 0 ; }
  if (!qp_note_set(QP_TXN_OWN, "xtest", value)) { qp_reply(451, "4.3.0 out of memory") ; return 0 ; }
  return 1 ;
}

static int x_mail (void *state, qp_hookarg const *a)
{
  char const *v = qp_note_get(QP_TXN_OWN, "xtest") ;
  char const *p = qp_param("XTEST") ;
  (void)state ; (void)a ;
  qp_log(LOGINFO, "xtest note=", v ? v : "(none)", " param=", p ? p : "(none)", (char *)0) ;
  return DECLINED ;
}

/* at rcpt_pre the RCPT's parameters are not parsed yet: nothing may show */
static int x_rcpt_pre (void *state, qp_hookarg const *a)
{
  char const *p = qp_param("XTEST") ;
  (void)state ; (void)a ;
  qp_log(LOGINFO, "rcpt_pre param=", p ? p : "(none)", (char *)0) ;
  return DECLINED ;
}

static qp_command const commands[] =
{
  { "xtest", &x_command, QP_CMD_NEEDS_HELO | QP_CMD_NO_ARGS },
  { 0, 0, 0 }
} ;

static qp_keyword const keywords[] =
{
  { "XTEST", &x_offer },
  { 0, 0 }
} ;

static qp_paramdef const params[] =
{
  { "xtest", QP_PARAM_MAIL, &x_param },
  { 0, 0, 0 }
} ;

qp_plugin const plugin_test_extension =
{
  .name = "test/extension",
  .state_size = sizeof(ext),
  .args = args,
  .hook = { [HOOK_MAIL] = &x_mail, [HOOK_RCPT_PRE] = &x_rcpt_pre },
  .commands = commands,
  .keywords = keywords,
  .params = params,
  .flags = QP_PLUGIN_TESTONLY,
} ;
