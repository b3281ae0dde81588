/* ISC license. */
/* tests/unit/args.c: the plugin argument parser (src/args.h) against tables
   of control/plugins words: every type and flag, defaults, key=value, '-'
   and '_' alike, positionals, the catch-all, the common arguments and
   their words, and the exact texts of errors and usage lines. */

#include <stddef.h>
#include <string.h>

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"
#include "args.h"
#include "unit.h"

typedef struct st_s st ;
struct st_s
{
  int flag ;
  unsigned int wait ;
  int at ;
  char const *file ;
  stralloc list ;
  stralloc kv ;
  char const *path ;
  char const *rest ;
} ;

static char const *const stages[] = { "connect", "mail", "rcpt", 0 } ;

static qp_argdef const full[] =
{
  { .name = "flag", .type = QP_ARG_BOOL, .off = offsetof(st, flag), .def = "0" },
  { .name = "wait", .type = QP_ARG_UINT, .off = offsetof(st, wait), .def = "5", .min = 1, .max = 300, .meta = "SECONDS" },
  { .name = "check-at", .type = QP_ARG_ENUM, .off = offsetof(st, at), .def = "rcpt", .choices = stages },
  { .name = "file", .type = QP_ARG_STRING, .off = offsetof(st, file), .meta = "FILE" },
  { .name = "require", .type = QP_ARG_LIST, .off = offsetof(st, list) },
  { .name = "PATH", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(st, path) },
  { .name = "message", .type = QP_ARG_REST | QP_ARG_POSITIONAL, .off = offsetof(st, rest) },
  { 0 }
} ;

static qp_argdef const withkv[] =
{
  { .name = "dir", .type = QP_ARG_STRING, .off = offsetof(st, file) },
  { .name = "*", .type = QP_ARG_KV, .off = offsetof(st, kv) },
  { 0 }
} ;

static qp_argdef const required[] =
{
  { .name = "DIR", .type = QP_ARG_STRING | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(st, path), .meta = "DIR" },
  { 0 }
} ;

static qp_argdef const ownreject[] =
{
  { .name = "reject", .type = QP_ARG_UINT, .off = offsetof(st, wait), .max = 100 },
  { 0 }
} ;

static int split (char *line, char const **w)
{
  int n = 0 ;
  char *p = strtok(line, " ") ;
  for (; p && n < 80 ; p = strtok(0, " ")) w[n++] = p ;
  return n ;
}

static stralloc err = STRALLOC_ZERO ;

static int run (qp_argdef const *defs, char const *words, st *s, args_common *c)
{
  static char line[2048] ;
  char const *w[80] ;
  int n ;
  strcpy(line, words) ;
  n = split(line, w) ;
  memset(s, 0, sizeof *s) ;
  c->loglevel = -1 ; c->logrel = 0 ; c->reject = QP_REJECT_YES ; c->reject_type = DENY ; c->reject_type_given = 0 ;
  err.len = 0 ;
  return args_parse(defs, s, c, (unsigned int)n, w, &err) ;
}

static void test_good (void)
{
  st s ;
  args_common c ;
  unit_check(run(full, "", &s, &c) && !s.flag && s.wait == 5 && s.at == 2 && !s.file && !s.path && !s.rest, "defaults", "%s", err.s) ;
  args_free(full, &s) ;
  unit_check(run(full, "flag yes wait 300 check-at MAIL file /x", &s, &c) && s.flag == 1 && s.wait == 300 && s.at == 1 && !strcmp(s.file, "/x"), "every keyword", "%s", err.s) ;
  args_free(full, &s) ;
  unit_check(run(full, "flag=on wait=1 check_at=connect", &s, &c) && s.flag && s.wait == 1 && s.at == 0, "key=value and _ for -", "%s", err.s) ;
  args_free(full, &s) ;
  unit_check(run(full, "flag OFF flag TRUE flag false", &s, &c) && !s.flag, "bool words, last wins", 0) ;
  args_free(full, &s) ;
  unit_check(run(full, "require From,Date require ,,Subject,", &s, &c) && s.list.len == 18 && !memcmp(s.list.s, "From\0Date\0Subject\0", 18), "list split and appended", 0) ;
  args_free(full, &s) ;
  unit_check(run(full, "/var/qmail/bin/qmail-queue loglevel 7", &s, &c) && !strcmp(s.path, "/var/qmail/bin/qmail-queue") && c.loglevel == 7, "positional then common", "%s", err.s) ;
  args_free(full, &s) ;
  unit_check(run(full, "p the rest reject 0 wait x", &s, &c) && !strcmp(s.path, "p") && !strcmp(s.rest, "the rest reject 0 wait x") && c.reject == QP_REJECT_YES, "rest swallows keywords", "%s", err.s) ;
  args_free(full, &s) ;
  unit_check(run(full, "wait 9 p", &s, &c) && s.wait == 9 && !strcmp(s.path, "p") && !s.rest, "keyword then positional", 0) ;
  args_free(full, &s) ;
  unit_check(run(withkv, "dir /h MAIL /m Rcpt /r", &s, &c) && !strcmp(s.file, "/h") && s.kv.len == 16 && !memcmp(s.kv.s, "MAIL\0/m\0Rcpt\0/r\0", 16), "catch-all pairs", "%zu", s.kv.len) ;
  args_free(withkv, &s) ;
  unit_check(run(required, "/dir", &s, &c) && !strcmp(s.path, "/dir"), "required positional", 0) ;
  unit_check(run(ownreject, "reject 50", &s, &c) && s.wait == 50 && c.reject == QP_REJECT_YES, "a plugin's own reject row wins", "%s", err.s) ;
  unit_check(run(0, "", &s, &c), "no table, no words", 0) ;
}

static void test_common (void)
{
  st s ;
  args_common c ;
  unit_check(run(0, "loglevel 0", &s, &c) && c.loglevel == 0, "loglevel 0", 0) ;
  unit_check(run(0, "loglevel LOGINFO", &s, &c) && c.loglevel == 6, "loglevel LOGINFO", 0) ;
  unit_check(run(0, "loglevel logdebug", &s, &c) && c.loglevel == 7, "loglevel name any case", 0) ;
  unit_check(run(0, "loglevel +2", &s, &c) && c.loglevel == -1 && c.logrel == 2, "loglevel +2", 0) ;
  unit_check(run(0, "loglevel -3", &s, &c) && c.logrel == -3, "loglevel -3", 0) ;
  unit_check(!run(0, "loglevel 8", &s, &c) && !strcmp(err.s, "loglevel: '8' is not 0 to 7, +N, -N or LOGEMERG..LOGDEBUG"), "loglevel 8", "%s", err.s) ;
  unit_check(!run(0, "loglevel +9", &s, &c), "loglevel +9", 0) ;
  unit_check(run(0, "reject 0", &s, &c) && c.reject == QP_REJECT_NO, "reject 0", 0) ;
  unit_check(run(0, "reject log", &s, &c) && c.reject == QP_REJECT_NO, "reject log (legacy)", 0) ;
  unit_check(run(0, "reject deny", &s, &c) && c.reject == QP_REJECT_YES, "reject deny (legacy)", 0) ;
  unit_check(run(0, "reject naughty", &s, &c) && c.reject == QP_REJECT_NAUGHTY, "reject naughty", 0) ;
  unit_check(!run(0, "reject 2", &s, &c) && !strcmp(err.s, "reject: '2' is not one of 0|1|naughty"), "reject 2", "%s", err.s) ;
  unit_check(run(0, "reject_type temp", &s, &c) && c.reject_type == DENYSOFT && c.reject_type_given, "reject_type temp", 0) ;
  unit_check(run(0, "reject_type soft", &s, &c) && c.reject_type == DENYSOFT, "reject_type soft", 0) ;
  unit_check(run(0, "reject_type hard", &s, &c) && c.reject_type == DENY, "reject_type hard", 0) ;
  unit_check(run(0, "reject_type disconnect", &s, &c) && c.reject_type == DENY_DISCONNECT, "reject_type disconnect", 0) ;
  unit_check(run(0, "reject-type=temp_disconnect", &s, &c) && c.reject_type == DENYSOFT_DISCONNECT, "reject-type=temp_disconnect", 0) ;
  unit_check(run(0, "", &s, &c) && !c.reject_type_given, "reject_type not given", 0) ;
  unit_check(!run(0, "reject_type later", &s, &c) && !strncmp(err.s, "reject_type: 'later' is not one of", 34), "reject_type later", "%s", err.s) ;
}

static void test_bad (void)
{
  st s ;
  args_common c ;
  unit_check(!run(full, "wait 0", &s, &c) && !strcmp(err.s, "wait: '0' is not a number from 1 to 300"), "uint below range", "%s", err.s) ;
  args_free(full, &s) ;
  unit_check(!run(full, "wait 301", &s, &c), "uint above range", 0) ;
  args_free(full, &s) ;
  unit_check(!run(full, "wait 1x", &s, &c) && !run(full, "wait -1", &s, &c) && !run(full, "wait +1", &s, &c), "uint not digits", 0) ;
  args_free(full, &s) ;
  unit_check(!run(full, "wait 99999999999999999999", &s, &c), "uint overflow", 0) ;
  args_free(full, &s) ;
  unit_check(!run(full, "flag maybe", &s, &c) && !strcmp(err.s, "flag: 'maybe' is not one of 0|1|yes|no|true|false|on|off"), "bool", "%s", err.s) ;
  args_free(full, &s) ;
  unit_check(!run(full, "check-at helo", &s, &c) && !strcmp(err.s, "check-at: 'helo' is not one of connect|mail|rcpt"), "enum", "%s", err.s) ;
  args_free(full, &s) ;
  unit_check(!run(full, "wait", &s, &c) && !strcmp(err.s, "argument 'wait' needs a value"), "missing value", "%s", err.s) ;
  args_free(full, &s) ;
  unit_check(!run(ownreject, "nonsense", &s, &c) && !strcmp(err.s, "unknown argument 'nonsense' (accepted: reject, loglevel, reject_type)"), "unknown argument names the accepted ones", "%s", err.s) ;
  unit_check(!run(0, "x", &s, &c) && !strcmp(err.s, "unknown argument 'x' (accepted: loglevel, reject, reject_type)"), "unknown argument, no table", "%s", err.s) ;
  unit_check(!run(required, "", &s, &c) && !strcmp(err.s, "missing argument DIR"), "missing required positional", "%s", err.s) ;
  unit_check(!run(required, "a b", &s, &c) && !strncmp(err.s, "unknown argument 'b'", 20), "one positional too many", "%s", err.s) ;
  unit_check(!run(withkv, "dir /h LONELY", &s, &c), "catch-all without a value", 0) ;
  args_free(withkv, &s) ;
  {
    char words[2048] = "" ;
    for (int i = 0 ; i < 66 ; i++) strcat(words, "loglevel ") ;
    unit_check(!run(0, words, &s, &c) && !strcmp(err.s, "too many arguments (at most 64)"), "65 words and more", "%s", err.s) ;
  }
  {
    char words[600] = "unknown" ;
    for (int i = 0 ; i < 50 ; i++) strcat(words, "xxxxxxxxxx") ;
    unit_check(!run(0, words, &s, &c) && err.len <= ARGS_ERR_MAX && strstr(err.s, "..."), "a long word is shortened in the reason", "%zu", err.len) ;
  }
}

static void test_usage (void)
{
  stralloc sa = STRALLOC_ZERO ;
  unit_check(args_usage(full, "p", &sa) && !strcmp(sa.s, "p [flag 0|1] [wait SECONDS] [check-at connect|mail|rcpt] [file FILE] [require A,B,...] [PATH] [message...] [loglevel N] [reject 0|1|naughty] [reject_type perm|temp|disconnect|temp_disconnect]"), "usage, full table", "%s", sa.s) ;
  sa.len = 0 ;
  unit_check(args_usage(ownreject, "q", &sa) && !strcmp(sa.s, "q [reject N] [loglevel N] [reject_type perm|temp|disconnect|temp_disconnect]"), "usage, own reject", "%s", sa.s) ;
  sa.len = 0 ;
  unit_check(args_usage(required, "queue/maildir", &sa) && !strcmp(sa.s, "queue/maildir DIR [loglevel N] [reject 0|1|naughty] [reject_type perm|temp|disconnect|temp_disconnect]"), "usage, required positional", "%s", sa.s) ;
  stralloc_free(&sa) ;
}

static void test_loop (void)
{
  st s ;
  args_common c ;
  for (int i = 0 ; i < 10000 ; i++)
  {
    run(full, "require a,b,c p rest of it", &s, &c) ;
    args_free(full, &s) ;
    run(withkv, "A b C d", &s, &c) ;
    args_free(withkv, &s) ;
  }
  unit_check(1, "10000 parses freed", 0) ;
}

int main (void)
{
  unit_init("args") ;
  test_good() ;
  test_common() ;
  test_bad() ;
  test_usage() ;
  test_loop() ;
  stralloc_free(&err) ;
  return unit_end() ;
}
