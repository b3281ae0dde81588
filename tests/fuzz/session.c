/* ISC license. */
/* tests/fuzz/session.c: libFuzzer harness for a whole SMTP session, served by
   the core with the default plugin set (relay, badmailfrom, rcpt_ok,
   queue/qmail-queue) from the fuzzed client byte stream, in-process: the
   transport is io_transport's, the end is smtp_exit's (a longjmp back here),
   smtp_reset() forgets the previous session.
   Input: octet 0 chooses the read size (bits 0-5: 0 everything at once,
   1..32 that many octets per read, 33..63 (n-32)*500) and RELAYCLIENT
   (bits 6-7: 2 set to "", 3 set to "@relay.example", else unset); the rest is
   what the client sends, then EOF.
   Built three times: session (QMAILQUEUE=/nonexistent, queueing fails with
   451; auth/auth_flat_file and auth/authdeny added to the set, with
   tls_before_auth 0, so that AUTH exchanges are fuzzed too); session_qq (-DFUZZ_QQ: the qmail-queue stand-in next to the binary, or
   $QCSMTPD_FUZZ_QQ, recording into a temporary QQ_DIR); session_hooks
   (-DFUZZ_HOOKS: the plugin fuzz/oracle of oracle.h first in the chain,
   answering every hook from a tape: octet 1 is the tape's length, the tape
   follows, then the client's bytes).
   Checked after every session: the exit code is 0 or 111; the output is whole
   replies (3 digits, SP or '-', printable ASCII, CRLF, at most 512 octets,
   continuation lines with the same code, the last line of the output final);
   the greeting comes first; nothing after a 221 or 421; no 250 for a message
   that was not queued, and (session_qq) exactly one queued message per 250;
   no open relay: without RELAYCLIENT or a 235 to AUTH, a recipient accepted (250 2.1.5) or
   queued (session_qq's envelopes) is ours by the control files written here;
   a queued message is our Received field then at most databytes octets
   without CR; the spool directory is empty; no file descriptor left open.
   With the oracle, only what does not depend on plugin verdicts is checked:
   the exit code, whole replies, nothing after 221/421, spool, descriptors,
   and ASan's and UBSan's view of every plugin API call. */

#include <string.h>
#include <strings.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>

#include <sanitizer/lsan_interface.h>

#include <skalibs/stralloc.h>

#include <cdb.h>

#include "addr.h"
#include "control.h"
#include "io.h"
#include "plugins.h"
#include "session.h"
#include "smtp.h"
#include "fuzz.h"
#ifdef FUZZ_HOOKS
#include "oracle.h"
#endif

static char base[PATH_MAX] ;
static char ctl[PATH_MAX], spool[PATH_MAX], qqdir[PATH_MAX] ;

static uint8_t const *inp = 0 ;
static size_t inleft = 0, chunk = 0 ;
static char *out = 0 ;
static size_t outlen = 0 ;
#define OUT_MAX (4u << 20)

static int ours (char const *, size_t) ;

static jmp_buf jb ;
static int exitcode = -1 ;
static int fdmark = -1 ;
static int show = 0 ;

static ssize_t fuzz_read (char *buf, size_t n)
{
  if (chunk && n > chunk) n = chunk ;
  if (n > inleft) n = inleft ;
  memcpy(buf, inp, n) ;
  inp += n ; inleft -= n ;
  return (ssize_t)n ;   /* 0 at the end: EOF */
}

static ssize_t fuzz_write (char const *s, size_t n)
{
  size_t k = n ;
  if (k > OUT_MAX - outlen) k = OUT_MAX - outlen ;
  memcpy(out + outlen, s, k) ;
  outlen += k ;
  return (ssize_t)n ;
}

static void fuzz_exit (int code) __attribute__((noreturn)) ;
static void fuzz_exit (int code)
{
  exitcode = code ;
  longjmp(jb, 1) ;
}

static void put (char const *dir, char const *name, char const *text)
{
  char path[PATH_MAX] ;
  int fd ;
  size_t len = strlen(text) ;
  snprintf(path, sizeof path, "%s/%s", dir, name) ;
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644) ;
  if (fd < 0 || write(fd, text, len) != (ssize_t)len || close(fd) < 0) { perror(path) ; abort() ; }
}

static void put_cdb (char const *dir, char const *name, char const *const *keys)
{
  char path[PATH_MAX] ;
  struct cdb_make m ;
  int fd ;
  snprintf(path, sizeof path, "%s/%s", dir, name) ;
  fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644) ;
  if (fd < 0 || cdb_make_start(&m, fd) < 0) { perror(path) ; abort() ; }
  for (; *keys ; keys++) if (cdb_make_add(&m, *keys, strlen(*keys), "", 0) < 0) abort() ;
  if (cdb_make_finish(&m) < 0 || close(fd) < 0) { perror(path) ; abort() ; }
}

static void rmtree (char const *dir)
{
  DIR *d = opendir(dir) ;
  struct dirent *e ;
  char path[PATH_MAX] ;
  if (!d) return ;
  while ((e = readdir(d)))
  {
    struct stat st ;
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue ;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name) ;
    if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) rmtree(path) ;
    else unlink(path) ;
  }
  closedir(d) ;
  rmdir(dir) ;
}

static void cleanup (void) { rmtree(base) ; }

/* Number of entries of dir; with suffix, only those ending so (and all are
   removed when rm). */
static unsigned int entries (char const *dir, char const *suffix, int rm)
{
  DIR *d = opendir(dir) ;
  struct dirent *e ;
  unsigned int n = 0 ;
  size_t sl = suffix ? strlen(suffix) : 0 ;
  FUZZ_CHECK(d, "opendir(%s): %s", dir, strerror(errno)) ;
  while ((e = readdir(d)))
  {
    size_t l = strlen(e->d_name) ;
    if (e->d_name[0] == '.') continue ;
    if (!suffix || (l >= sl && !strcmp(e->d_name + l - sl, suffix))) n++ ;
    if (rm)
    {
      char path[PATH_MAX] ;
      snprintf(path, sizeof path, "%s/%s", dir, e->d_name) ;
      unlink(path) ;
    }
  }
  closedir(d) ;
  return n ;
}

#ifdef FUZZ_QQ
/* The whole file dir/name into buf (at most size octets); its length. */
static size_t slurp (char const *name, char *buf, size_t size)
{
  char path[PATH_MAX] ;
  size_t n = 0 ;
  int fd ;
  snprintf(path, sizeof path, "%s/%s", qqdir, name) ;
  fd = open(path, O_RDONLY | O_CLOEXEC) ;
  FUZZ_CHECK(fd >= 0, "open(%s): %s", path, strerror(errno)) ;
  for (;;)
  {
    ssize_t r = read(fd, buf + n, size - n) ;
    if (r <= 0) break ;
    n += (size_t)r ;
  }
  close(fd) ;
  return n ;
}

/* What was queued: every envelope (F<sender>\0 T<rcpt>\0 ... \0) names only
   recipients that are ours when the client may not relay; every message is
   our Received field (two lines), then at most databytes octets with LF line
   ends and no CR (RFC 5321 2.3.8: bare CR and LF are refused). */
static void check_queue (int relay)
{
  static char buf[1 << 20] ;
  DIR *d = opendir(qqdir) ;
  struct dirent *e ;
  FUZZ_CHECK(d, "opendir(%s): %s", qqdir, strerror(errno)) ;
  while ((e = readdir(d)))
  {
    size_t l = strlen(e->d_name), i, n ;
    if (l > 4 && !strcmp(e->d_name + l - 4, ".msg"))
    {
      char const *by ;
      n = slurp(e->d_name, buf, sizeof buf) ;
      FUZZ_CHECK(n >= 16 && fuzz_memeq(buf, "Received: from ", 15), "queued message does not start with our Received field: \"%s\"", fuzz_esc(buf, n)) ;
      FUZZ_CHECK(!memchr(buf, '\r', n), "CR in a queued message: \"%s\"", fuzz_esc(buf, n)) ;
      by = memchr(buf, '\n', n) ;
      FUZZ_CHECK(by && (size_t)(by - buf) + 5 < n && fuzz_memeq(by, "\n\tby ", 5), "Received field of one line: \"%s\"", fuzz_esc(buf, n)) ;
      by = memchr(by + 1, '\n', n - (size_t)(by + 1 - buf)) ;
      FUZZ_CHECK(by && n - (size_t)(by + 1 - buf) <= 4000, "queued message of %zu octets after the Received field, over databytes 4000",
        by ? n - (size_t)(by + 1 - buf) : n) ;
      continue ;
    }
    if (relay || l < 5 || strcmp(e->d_name + l - 4, ".env")) continue ;
    n = slurp(e->d_name, buf, sizeof buf) ;
    FUZZ_CHECK(n >= 3 && buf[0] == 'F' && !buf[n-1] && !buf[n-2], "envelope %s malformed: \"%s\"", e->d_name, fuzz_esc(buf, n)) ;
    for (i = strlen(buf) + 1 ; i < n - 1 ; )
    {
      size_t rl = strlen(buf + i) ;
      FUZZ_CHECK(buf[i] == 'T', "envelope entry \"%s\" is not a recipient", fuzz_esc(buf + i, rl)) ;
      FUZZ_CHECK(ours(buf + i + 1, rl - 1), "open relay: <%s> queued for a client that may not relay", fuzz_esc(buf + i + 1, rl - 1)) ;
      i += rl + 1 ;
    }
  }
  closedir(d) ;
}
#endif

static int lowest_free_fd (void)
{
  int fd = dup(0) ;
  if (fd >= 0) close(fd) ;
  return fd ;
}

/* The recipients that the default plugins may accept from a client that may
   not relay: the control files written below say which (qmail's rule: host
   a.b.c is ours if a.b.c, .b.c or .c is in rcpthosts or morercpthosts.cdb,
   or it is me), and a bare postmaster. The domain is after the last '@'. */
static int ours (char const *mbox, size_t len)
{
  static char const *const hosts[] = { "fuzz.example", "example.com", ".sub.example.com", "more.example", ".sub.more.example", 0 } ;
  char const *at = 0 ;
  size_t i, dl ;
  char d[1024] ;
  for (i = 0 ; i < len ; i++) if (mbox[i] == '@') at = mbox + i ;
  if (!at) return len == 10 && !strncasecmp(mbox, "postmaster", 10) ;
  dl = len - (size_t)(at + 1 - mbox) ;
  if (dl >= sizeof d) return 0 ;
  for (i = 0 ; i < dl ; i++) d[i] = at[1+i] >= 'A' && at[1+i] <= 'Z' ? at[1+i] + 32 : at[1+i] ;
  d[dl] = 0 ;
  for (i = 0 ; i < dl ; i++)
  {
    if (i && d[i] != '.') continue ;
    for (unsigned int k = 0 ; hosts[k] ; k++) if (!strcmp(d + i, hosts[k])) return 1 ;
  }
  return 0 ;
}

int LLVMFuzzerInitialize (int *argc, char ***argv)
{
  static char const *const more[] = { "more.example", ".sub.more.example", 0 } ;
  char const *ll = getenv("QCSMTPD_FUZZ_LOGLEVEL") ;
  int here, nul ;
  (void)argc ;
  fuzz_keep_stderr() ;
  show = !!getenv("QCSMTPD_FUZZ_SHOW") ;
  signal(SIGPIPE, SIG_IGN) ;
  out = malloc(OUT_MAX) ;
  if (!out) abort() ;
  fuzz_tmpdir(base, sizeof base - 64, "qcsmtpd-fuzz-session") ;
  atexit(&cleanup) ;
  snprintf(ctl, sizeof ctl, "%s/control", base) ;
  snprintf(spool, sizeof spool, "%s/spool", base) ;
  snprintf(qqdir, sizeof qqdir, "%s/queue", base) ;
  if (mkdir(ctl, 0755) < 0 || mkdir(spool, 0755) < 0 || mkdir(qqdir, 0755) < 0) { perror(base) ; abort() ; }
  put(ctl, "me", "fuzz.example\n") ;
  put(ctl, "rcpthosts", "example.com\nfuzz.example\n.sub.example.com\n") ;
  put_cdb(ctl, "morercpthosts.cdb", more) ;
  put(ctl, "relayclients", "127.0.0.1\n10.\n") ;
  put(ctl, "badmailfrom", "bad@example.com\n@spam.example\n^evil[0-9]+@ reason given here\n") ;
#ifdef FUZZ_HOOKS
  put(ctl, "plugins", "fuzz/oracle\nrelay\nbadmailfrom\nrcpt_ok\nqueue/qmail-queue\n") ;
#elif defined(FUZZ_QQ)
  put(ctl, "plugins", "# the qmail-smtpd-equivalent set\nrelay\nbadmailfrom\nrcpt_ok\nqueue/qmail-queue\n") ;
#else
  /* the qmail-smtpd-equivalent set, AUTH (allowed without TLS here), and
     plugins that add a command, a keyword and a parameter (test/extension)
     or change how MAIL and RCPT are parsed */
  put(ctl, "plugins", "relay\nbadmailfrom\ndont_require_anglebrackets\nparse_addr_withhelo\n"
    "auth/auth_flat_file\nauth/authdeny\ntest/extension\nhelp\ncount_unrecognized_commands 15\nnoop_counter 10\n"
    "rcpt_ok\nnaughty reject data\nqueue/qmail-queue\n") ;
  put(ctl, "flat_auth_pw", "user@fuzz.example:secret\nbroken line\nother@fuzz.example:pass:with:colons\n") ;
  put(ctl, "tls_before_auth", "0\n") ;
#endif
  put(ctl, "spool_dir", spool) ;
  put(ctl, "timeoutsmtpd", "1\n") ;
  put(ctl, "databytes", "4000\n") ;
  put(ctl, "maxrcpt", "8\n") ;
  put(ctl, "loglevel", ll && *ll ? ll : "7\n") ;
  setenv("QCSMTPD_CONTROL", ctl, 1) ;
  {
    char q[PATH_MAX] ;
    snprintf(q, sizeof q, "%s/qmail", base) ;
    setenv("QMAIL", q, 1) ;   /* absent: no $QMAIL/control */
  }
#ifdef FUZZ_QQ
  {
    char const *qq = getenv("QCSMTPD_FUZZ_QQ") ;
    char path[PATH_MAX], *slash ;
    if (!qq || !*qq)
    {
      if (!realpath((*argv)[0], path)) { perror((*argv)[0]) ; abort() ; }
      slash = strrchr(path, '/') ;
      snprintf(slash + 1, sizeof path - (size_t)(slash + 1 - path), "qmail-queue") ;
      qq = path ;
    }
    if (access(qq, X_OK) < 0) { perror(qq) ; abort() ; }
    setenv("QMAILQUEUE", qq, 1) ;
    setenv("QQ_DIR", qqdir, 1) ;
  }
#else
  (void)argv ;
  setenv("QMAILQUEUE", "/nonexistent", 1) ;
#endif
  setenv("TCPREMOTEIP", "192.0.2.7", 1) ;
  setenv("TCPLOCALIP", "192.0.2.1", 1) ;
  setenv("TCPLOCALPORT", "25", 1) ;
  unsetenv("TCPREMOTEHOST") ; unsetenv("TCPREMOTEINFO") ;
  unsetenv("RELAYCLIENT") ; unsetenv("DATABYTES") ;
  /* "./control" is a lookup directory too: make it ours while the lookup
     directories are decided (control.c keeps them), so that the sample files
     of the directory the fuzzer runs in are never read */
  here = open(".", O_RDONLY | O_DIRECTORY) ;
  if (here < 0 || chdir(base) < 0) { perror(base) ; abort() ; }
  /* XXX: plugins_load keeps its list of words (plugins may point into it) by
     dropping the stralloc: allocations of the one-time setup are not leaks of
     a session */
  __lsan_disable() ;
  session_env() ;
  control_init() ;
  if (!session_config()) { fprintf(stderr, "qcsmtpd fuzz: session_config failed\n") ; abort() ; }
  if (!plugins_load() || !smtp_config()) { fprintf(stderr, "qcsmtpd fuzz: plugins_load failed\n") ; abort() ; }
  (void)control_cdb("morercpthosts.cdb", "x", 1) ;   /* kept open for life */
  __lsan_enable() ;
  if (fchdir(here) < 0) abort() ;
  close(here) ;
  io_set_timeout(1) ;
  nul = open("/dev/null", O_RDWR | O_CLOEXEC) ;
  io_transport(&fuzz_read, &fuzz_write, nul, nul) ;
  smtp_exit = &fuzz_exit ;
  return 0 ;
}

/* The output is whole replies; returns the number of 250 replies to DATA
   (2.0.0 with a text other than RSET's and NOOP's "OK" and XTEST's). */
static unsigned int check_output (int relay)
{
  size_t i = 0 ;
  unsigned int queued = 0 ;
  int more = 0 ;
  char code[3] = { 0, 0, 0 } ;
  FUZZ_CHECK(outlen < OUT_MAX, "more than %u octets of output", OUT_MAX) ;
#ifndef FUZZ_HOOKS
  FUZZ_CHECK(outlen >= 4 && fuzz_memeq(out, "220 ", 4), "the output does not start with the greeting: \"%s\"", fuzz_esc(out, outlen)) ;
#else
  relay = 1 ;   /* the oracle decides relaying */
#endif
  while (i < outlen)
  {
    char const *l = out + i ;
    char const *lf = memchr(l, '\n', outlen - i) ;
    size_t n, k ;
    FUZZ_CHECK(lf, "output ends in a partial line: \"%s\"", fuzz_esc(l, outlen - i)) ;
    n = (size_t)(lf - l) + 1 ;
    FUZZ_CHECK(n >= 6 && l[n-2] == '\r', "reply line without CRLF or too short: \"%s\"", fuzz_esc(l, n)) ;
    FUZZ_CHECK(n <= 512, "reply line of %zu octets (RFC 5321 4.5.3.1.5): \"%s\"", n, fuzz_esc(l, n)) ;
    FUZZ_CHECK(l[0] >= '2' && l[0] <= '5' && l[1] >= '0' && l[1] <= '9' && l[2] >= '0' && l[2] <= '9' && (l[3] == ' ' || l[3] == '-'),
      "malformed reply line \"%s\"", fuzz_esc(l, n)) ;
    for (k = 4 ; k < n - 2 ; k++)
      FUZZ_CHECK((unsigned char)l[k] >= 32 && (unsigned char)l[k] <= 126, "octet 0x%02x in reply line \"%s\"", (unsigned char)l[k], fuzz_esc(l, n)) ;
    FUZZ_CHECK(!more || fuzz_memeq(code, l, 3), "reply code changes inside a multi-line reply: \"%s\" after %.3s-", fuzz_esc(l, n), code) ;
    memcpy(code, l, 3) ;
    more = l[3] == '-' ;
    /* RFC 4954: a successful AUTH lets the client relay */
    if (fuzz_memeq(l, "235 ", 4)) relay = 1 ;
    if (!relay && n > 12 + 16 && fuzz_memeq(l, "250 2.1.5 <", 11) && fuzz_memeq(l + n - 17, ">, recipient ok\r\n", 17))
    {
      /* the text shows the mailbox as addr_format wrote it: parse it back */
      stralloc mb = STRALLOC_ZERO ;
      size_t end ;
      FUZZ_CHECK(addr_parse_path(l + 10, n - 26, &mb, &end, ADDR_POSTMASTER_OK) && end == n - 26,
        "reply \"%s\" does not show a mailbox", fuzz_esc(l, n)) ;
      FUZZ_CHECK(ours(mb.s, mb.len), "open relay: recipient <%s> accepted from a client that may not relay: \"%s\"",
        fuzz_esc(mb.s, mb.len), fuzz_esc(l, n)) ;
      stralloc_free(&mb) ;
    }
    /* 221 and 421 close the connection (RFC 5321 4.1.1.10, 3.8): nothing after them */
    FUZZ_CHECK(more || (memcmp(l, "221", 3) && memcmp(l, "421", 3)) || i + n == outlen,
      "output after \"%s\": \"%s\"", fuzz_esc(l, n), fuzz_esc(l + n, outlen - i - n)) ;
    /* not RSET's or NOOP's "OK", nor test/extension's XTEST reply */
    if (!more && n >= 12 && fuzz_memeq(l, "250 2.0.0 ", 10) && !(n == 14 && fuzz_memeq(l + 10, "OK", 2))
     && !(n >= 22 && fuzz_memeq(l + 10, "xtest count=", 12))) queued++ ;
    i += n ;
  }
  FUZZ_CHECK(!more, "the output ends inside a multi-line reply") ;
  return queued ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  unsigned int b, c, ok250 ;
  if (!size) return 0 ;
  /* per input: libFuzzer opens descriptors of its own between inputs */
  fdmark = lowest_free_fd() ;
  b = data[0] ;
  c = b & 0x3f ;
  chunk = !c ? 0 : c <= 32 ? c : (c - 32) * 500 ;
  if ((b >> 6) == 2) setenv("RELAYCLIENT", "", 1) ;
  else if ((b >> 6) == 3) setenv("RELAYCLIENT", "@relay.example", 1) ;
  else unsetenv("RELAYCLIENT") ;
  inp = data + 1 ;
  inleft = size - 1 ;
#ifdef FUZZ_HOOKS
  tapelen = inleft ? *inp : 0 ;
  if (inleft) { inp++ ; inleft-- ; }
  if (tapelen > inleft) tapelen = inleft ;
  tape = inp ;
  inp += tapelen ; inleft -= tapelen ;
#endif
  outlen = 0 ;
  exitcode = -1 ;
  smtp_reset() ;
  if (!setjmp(jb)) smtp_run(1) ;
  if (show)
  {
    /* QCSMTPD_FUZZ_SHOW=1: the replies and the exit code of each session, on stderr */
    FILE *f = fuzz_err ? fuzz_err : stderr ;
    fwrite(out, 1, outlen, f) ;
    fprintf(f, "[exit %d]\n", exitcode) ;
    fflush(f) ;
  }
  FUZZ_CHECK(exitcode == 0 || exitcode == 111, "the session ended with exit code %d", exitcode) ;
  ok250 = check_output(b >> 6 >= 2) ;
#if defined(FUZZ_HOOKS)
  (void)ok250 ;   /* the oracle may say OK at the queue hook */
#elif defined(FUZZ_QQ)
  check_queue(b >> 6 >= 2) ;
  {
    unsigned int q = entries(qqdir, ".msg", 1) ;
    FUZZ_CHECK(q == ok250, "%u messages queued, %u replies 250 to DATA", q, ok250) ;
  }
#else
  FUZZ_CHECK(!ok250, "%u replies 250 to DATA, but nothing can be queued (QMAILQUEUE=/nonexistent)", ok250) ;
#endif
  FUZZ_CHECK(!entries(spool, 0, 1), "a file was left in the spool directory %s", spool) ;
  FUZZ_CHECK(lowest_free_fd() == fdmark, "file descriptor %d was left open (lowest free was %d)", fdmark, lowest_free_fd()) ;
  unsetenv("RELAYCLIENT") ;
  return 0 ;
}
