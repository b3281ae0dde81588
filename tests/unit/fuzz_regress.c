/* ISC license. */
/* tests/unit/fuzz_regress.c: what the fuzzers of tests/fuzz found in the core,
   replayed as unit cases. A whole session runs in-process as in
   tests/fuzz/session.c (io_transport, smtp_exit, smtp_reset) with a plugin of
   this file, unit/replier, chosen by a plugin table of this file (the linker
   then leaves tests/plugin_table_check.c out).

   1. session_hooks, regress/session_hooks/qp-reply-421-then-done-keeps-serving:
      a plugin that answers itself with qp_reply(421, ...) (or 221) and returns
      DONE leaves the session open; the next command is served after a reply
      that told the client the channel is closing (RFC 5321 3.8, 4.2.2). The
      same code chosen through a message override already closes (reply.c,
      tests/transcripts/rcpt-421-override-closes.t). */

#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdlib.h>
#include <unistd.h>

#include "control.h"
#include "io.h"
#include "qcsmtpd/plugin.h"
#include "plugins.h"
#include "session.h"
#include "smtp.h"
#include "unit.h"

 /* unit/replier: at unrecognized_command, qp_reply(code, "replier") and DONE */

static unsigned int replier_code = 421 ;

static int replier_unrec (void *state, qp_hookarg const *a)
{
  (void)state ; (void)a ;
  qp_reply(replier_code, "replier") ;
  return DONE ;
}

static qp_plugin const plugin_unit_replier =
{
  .name = "unit/replier",
  .aliases = 0,
  .init = 0,
  .hook = { [HOOK_UNRECOGNIZED_COMMAND] = &replier_unrec },
  .flags = 0,
} ;

qp_plugin const *const plugin_table[] = { &plugin_unit_replier, 0 } ;
int const plugins_testing = 1 ;

 /* the session, in-process */

static char const *inp ;
static size_t inleft ;
static char out[65536] ;
static size_t outlen ;
static jmp_buf jb ;
static int exitcode ;

static ssize_t t_read (char *buf, size_t n)
{
  if (n > inleft) n = inleft ;
  memcpy(buf, inp, n) ;
  inp += n ; inleft -= n ;
  return (ssize_t)n ;
}

static ssize_t t_write (char const *s, size_t n)
{
  size_t k = n > sizeof(out) - outlen ? sizeof(out) - outlen : n ;
  memcpy(out + outlen, s, k) ;
  outlen += k ;
  return (ssize_t)n ;
}

static void t_exit (int code) __attribute__((noreturn)) ;
static void t_exit (int code)
{
  exitcode = code ;
  longjmp(jb, 1) ;
}

static void run_session (char const *client)
{
  inp = client ;
  inleft = strlen(client) ;
  outlen = 0 ;
  exitcode = -1 ;
  smtp_reset() ;
  if (!setjmp(jb)) smtp_run(1) ;
}

static int setup (char const *dir)
{
  char ctl[4200], path[4300] ;
  int here, ok ;
  snprintf(ctl, sizeof ctl, "%s/control", dir) ;
  if (mkdir(ctl, 0755) < 0) return 0 ;
  if (!unit_writes(ctl, "me", "mx.example.test\n") || !unit_writes(ctl, "plugins", "unit/replier\n")
   || !unit_writes(ctl, "loglevel", "0\n") || !unit_writes(ctl, "spool_dir", dir)) return 0 ;
  snprintf(path, sizeof path, "%s/qmail", dir) ;
  setenv("QCSMTPD_CONTROL", ctl, 1) ;
  setenv("QMAIL", path, 1) ;
  setenv("TCPREMOTEIP", "192.0.2.7", 1) ;
  /* ./control is a lookup directory too: make it ours while control.c
     decides its lookup directories */
  here = open(".", O_RDONLY | O_DIRECTORY) ;
  if (here < 0 || chdir(dir) < 0) return 0 ;
  session_env() ;
  control_init() ;
  ok = session_config() && plugins_load() && smtp_config() ;
  if (fchdir(here) < 0) ok = 0 ;
  close(here) ;
  io_set_timeout(1) ;
  io_transport(&t_read, &t_write, -1, -1) ;
  smtp_exit = &t_exit ;
  return ok ;
}

/* After a 221 or 421 line, the output ends. */
static int ends_after (unsigned int code)
{
  char c[4] ;
  size_t i = 0 ;
  snprintf(c, sizeof c, "%u", code) ;
  while (i < outlen)
  {
    char const *lf = memchr(out + i, '\n', outlen - i) ;
    size_t n = lf ? (size_t)(lf - (out + i)) + 1 : outlen - i ;
    if (n > 3 && !memcmp(out + i, c, 3) && out[i+3] == ' ') return i + n == outlen ;
    i += n ;
  }
  return 0 ;
}

static void test_reply_closes (unsigned int code)
{
  char name[128] ;
  replier_code = code ;
  run_session("\r\nNOOP\r\nQUIT\r\n") ;
  snprintf(name, sizeof name, "a plugin's qp_reply(%u) then DONE ends the session", code) ;
  unit_check(ends_after(code) && exitcode == 0, name, "exit %d, output \"%s\"", exitcode, unit_esc(out, outlen)) ;
}

int main (void)
{
  char dir[4096] ;
  unit_init("fuzz_regress") ;
  if (!unit_tmpdir(dir, sizeof dir, "fuzz_regress") || !setup(dir))
  {
    unit_check(0, "setup", "%s", strerror(errno)) ;
    return unit_end() ;
  }
  test_reply_closes(421) ;
  test_reply_closes(221) ;
  unit_rmrf(dir) ;
  return unit_end() ;
}
