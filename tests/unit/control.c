/* ISC license. */
/* tests/unit/control.c: control file syntax (control_parse with a recording
   include callback) and the file functions (control_readlist, readline,
   readuint, control_cdb) on real files in a mkdtemp directory named by
   QCSMTPD_CONTROL (src/control.h). */

#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>

#include <skalibs/stralloc.h>

#include "control.h"
#include "unit.h"

#define S(x) (x), (sizeof(x) - 1)

static char dir[4096] ;

 /* control_parse */

static stralloc seen = STRALLOC_ZERO ;   /* "target@depth\0" per include call */

/* Records the call; appends "<target>" as a value; fails for "fail". */
static int inc (char const *target, stralloc *sa, unsigned int depth)
{
  char d[16] ;
  snprintf(d, sizeof(d), "@%u", depth) ;
  if (!stralloc_cats(&seen, target) || !stralloc_cats(&seen, d) || !stralloc_0(&seen)) return 0 ;
  if (!strcmp(target, "fail")) { errno = ENOENT ; return 0 ; }
  return stralloc_catb(sa, "<", 1) && stralloc_cats(sa, target) && stralloc_catb(sa, ">", 1) && stralloc_0(sa) ;
}

struct parse_case
{
  char const *name ;
  char const *in ;
  size_t len ;
  int ret ;
  char const *out ;      /* expected values, each NUL-terminated */
  size_t olen ;
  char const *calls ;    /* expected include calls "target@depth\0..." */
  size_t clen ;
} ;

static struct parse_case const parse_cases[] =
{
  { "two lines", S("a\nb\n"), 1, S("a\0b\0"), S("") },
  { "no final newline", S("a\nb"), 1, S("a\0b\0"), S("") },
  { "empty text", S(""), 1, S(""), S("") },
  { "trimming spaces and tabs", S("  a  \n\tb\t\n \t c d \t\n"), 1, S("a\0b\0c d\0"), S("") },
  { "CRLF lines", S("a\r\nb\r\n"), 1, S("a\0b\0"), S("") },
  { "CR inside a line kept", S("a\rb\n"), 1, S("a\rb\0"), S("") },
  { "blank lines skipped", S("\n\n  \n\t\n\r\na\n\n"), 1, S("a\0"), S("") },
  { "comments skipped", S("# c\n  # c2\n\t#c3\na\n#\n"), 1, S("a\0"), S("") },
  { "# not at line start is data", S("a # not a comment\nb#c\n"), 1, S("a # not a comment\0b#c\0"), S("") },
  { "8-bit kept", S("\xc3\xa9t\xc3\xa9\n"), 1, S("\xc3\xa9t\xc3\xa9\0"), S("") },
  { "$include", S("a\n$include x\nb\n"), 1, S("a\0<x>\0b\0"), S("x@1\0") },
  { "$include trimmed target", S("$include   x y  \r\n"), 1, S("<x y>\0"), S("x y@1\0") },
  { "$include with TAB", S("$include\tx\n"), 1, S("<x>\0"), S("x@1\0") },
  { "$include after blanks", S("  \t$include x\n"), 1, S("<x>\0"), S("x@1\0") },
  { "$include absolute", S("$include /etc/x\n"), 1, S("</etc/x>\0"), S("/etc/x@1\0") },
  { "$include twice", S("$include x\n$include y\n"), 1, S("<x>\0<y>\0"), S("x@1\0y@1\0") },
  { "$include alone is a value", S("$include\n"), 1, S("$include\0"), S("") },
  { "$include with blanks only is a value", S("$include   \n"), 1, S("$include\0"), S("") },
  { "$includex is a value", S("$includex y\n"), 1, S("$includex y\0"), S("") },
  { "$INCLUDE is a value", S("$INCLUDE x\n"), 1, S("$INCLUDE x\0"), S("") },
  { "commented $include", S("# $include x\n"), 1, S(""), S("") },
  { "failing include fails the parse", S("a\n$include fail\nb\n"), 0, 0, 0, S("fail@1\0") },
  { "NUL in a value line", S("a\0b\n"), 0, 0, 0, S("") },
  { "NUL alone on a line", S("ok\n\0\n"), 0, 0, 0, S("") },
  { "NUL in a comment ignored", S("# a\0b\nc\n"), 1, S("c\0"), S("") },
  { 0, 0, 0, 0, 0, 0, 0, 0 }
} ;

static void test_parse (void)
{
  struct parse_case const *c = parse_cases ;
  stralloc sa = STRALLOC_ZERO ;
  for (; c->name ; c++)
  {
    char name[160] ;
    char *buf = malloc(c->len ? c->len : 1) ;
    int r ;
    memcpy(buf, c->in, c->len) ;
    sa.len = 0 ; seen.len = 0 ;
    r = control_parse(buf, c->len, &sa, &inc, 0) ;
    free(buf) ;
    snprintf(name, sizeof(name), "parse: %s", c->name) ;
    if (r != c->ret) unit_check(0, name, "\"%s\": returned %d, expected %d", unit_esc(c->in, c->len), r, c->ret) ;
    else if (r && (sa.len != c->olen || unit_memcmp(sa.s, c->out, c->olen)))
      unit_check(0, name, "values \"%s\", expected \"%s\"", unit_esc(sa.s, sa.len), unit_esc(c->out, c->olen)) ;
    else unit_check(seen.len == c->clen && !unit_memcmp(seen.s, c->calls, c->clen), name, "include calls \"%s\", expected \"%s\"",
      unit_esc(seen.s, seen.len), unit_esc(c->calls, c->clen)) ;
  }
  /* depth is passed on, one more */
  sa.len = 0 ; seen.len = 0 ;
  control_parse(S("$include d\n"), &sa, &inc, 5) ;
  unit_check(seen.len == 4 && !unit_memcmp(seen.s, "d@6\0", 4), "parse: include depth is the caller's plus one", "calls \"%s\"", unit_esc(seen.s, seen.len)) ;
  /* no callback: an include is an error */
  sa.len = 0 ;
  unit_check(!control_parse(S("a\n$include x\n"), &sa, 0, 0), "parse: $include without a callback fails", "returned 1") ;
  /* a target longer than any path */
  {
    stralloc big = STRALLOC_ZERO ;
    size_t i ;
    int r ;
    stralloc_cats(&big, "$include ") ;
    for (i = 0 ; i < 5000 ; i++) stralloc_catb(&big, "x", 1) ;
    stralloc_catb(&big, "\n", 1) ;
    sa.len = 0 ; seen.len = 0 ; errno = 0 ;
    r = control_parse(big.s, big.len, &sa, &inc, 0) ;
    unit_check(!r && errno == EINVAL && !seen.len, "parse: 5000-octet include target refused", "returned %d errno %d", r, errno) ;
    /* a 1 MB value line */
    big.len = 0 ;
    for (i = 0 ; i < (1 << 20) ; i++) stralloc_catb(&big, "v", 1) ;
    sa.len = 0 ;
    r = control_parse(big.s, big.len, &sa, &inc, 0) ;
    unit_check(r && sa.len == (1 << 20) + 1, "parse: 1 MB value line", "returned %d len %zu", r, sa.len) ;
    stralloc_free(&big) ;
  }
  /* values are appended to what sa holds */
  sa.len = 0 ;
  stralloc_catb(&sa, "old\0", 4) ;
  control_parse(S("new\n"), &sa, &inc, 0) ;
  unit_check(sa.len == 8 && !unit_memcmp(sa.s, "old\0new\0", 8), "parse: appends", "\"%s\"", unit_esc(sa.s, sa.len)) ;
  stralloc_free(&sa) ;
}

 /* files */

static int w (char const *name, char const *s) { return unit_writes(dir, name, s) ; }

static void check_list (char const *name, char const *file, int ret, char const *exp, size_t elen)
{
  stralloc sa = STRALLOC_ZERO ;
  int r ;
  errno = 0 ;
  r = control_readlist(file, &sa) ;
  if (r != ret) unit_check(0, name, "readlist(%s) returned %d (errno %d), expected %d; values \"%s\"", file, r, errno, ret, unit_esc(sa.s, sa.len)) ;
  else if (r > 0) unit_check(sa.len == elen && !unit_memcmp(sa.s, exp, elen), name, "values \"%s\", expected \"%s\"", unit_esc(sa.s, sa.len), unit_esc(exp, elen)) ;
  else unit_check(r < 0 || !sa.len, name, "nothing expected, got \"%s\"", unit_esc(sa.s, sa.len)) ;
  stralloc_free(&sa) ;
}

static void test_files (void)
{
  char path[4200] ;
  stralloc sa = STRALLOC_ZERO ;
  int r ;

  w("list", "a\n# comment\n\n  b  \r\nc") ;
  check_list("file: list trimmed, comments and blanks skipped", "list", 1, S("a\0b\0c\0")) ;
  check_list("file: missing file is 0", "nosuch", 0, 0, 0) ;
  w("crlf", "x\r\n\r\n# c\r\ny\r\n") ;
  check_list("file: CRLF file", "crlf", 1, S("x\0y\0")) ;
  w("empty", "") ;
  check_list("file: empty file", "empty", 1, S("")) ;
  unit_writefile(dir, "nul", S("a\nb\0c\n")) ;
  check_list("file: NUL byte is an error", "nul", -1, 0, 0) ;
  snprintf(path, sizeof(path), "%s/list", dir) ;
  check_list("file: absolute name", path, 1, S("a\0b\0c\0")) ;
  snprintf(path, sizeof(path), "%s/adir", dir) ;
  mkdir(path, 0755) ;
  check_list("file: a directory is an error", "adir", -1, 0, 0) ;
  check_list("file: name under a missing directory is 0", "nodir/x", 0, 0, 0) ;

  /* readlist appends */
  sa.len = 0 ;
  stralloc_catb(&sa, "z\0", 2) ;
  r = control_readlist("list", &sa) ;
  unit_check(r == 1 && sa.len == 8 && !unit_memcmp(sa.s, "z\0a\0b\0c\0", 8), "file: readlist appends", "r=%d \"%s\"", r, unit_esc(sa.s, sa.len)) ;

  /* readline */
  sa.len = 0 ;
  stralloc_cats(&sa, "junk") ;
  r = control_readline("list", &sa) ;
  unit_check(r == 1 && sa.len == 1 && !strcmp(sa.s, "a"), "readline: first value, replacing, NUL-terminated, len without NUL",
    "r=%d len %zu \"%s\"", r, sa.len, unit_esc(sa.s, sa.len)) ;
  w("comments", "# only\n\n   \n# comments\n") ;
  sa.len = 0 ;
  r = control_readline("comments", &sa) ;
  unit_check(r == 0 && sa.len == 0, "readline: comments only is 0", "r=%d len %zu", r, sa.len) ;
  stralloc_cats(&sa, "junk") ;
  r = control_readline("nosuch", &sa) ;
  unit_check(r == 0 && sa.len == 0, "readline: missing is 0 and empties sa", "r=%d len %zu", r, sa.len) ;
  w("me", "  mail.example.com  \r\n") ;
  r = control_readline("me", &sa) ;
  unit_check(r == 1 && !strcmp(sa.s, "mail.example.com"), "readline: trimmed CRLF value", "r=%d \"%s\"", r, unit_escs(sa.s)) ;
  stralloc_free(&sa) ;

  /* readuint */
  {
    static struct { char const *name ; char const *text ; int ret ; uint64_t v ; } const t[] =
    {
      { "plain", "42\n", 1, 42 },
      { "blanks around", "  42  \r\n", 1, 42 },
      { "zero", "0", 1, 0 },
      { "trailing comment", "10 # ten\n", 1, 10 },
      { "after comment lines", "# size\n\n1200\n", 1, 1200 },
      { "largest uint64", "18446744073709551615\n", 1, 18446744073709551615ULL },
      { "uint64 overflow", "18446744073709551616\n", -1, 0 },
      { "non-numeric", "abc\n", -1, 0 },
      { "negative", "-1\n", -1, 0 },
      { "plus sign", "+1\n", -1, 0 },
      { "trailing letters", "12abc\n", -1, 0 },
      { "hexadecimal", "0x10\n", -1, 0 },
      { "decimal point", "1.5\n", -1, 0 },
      { "empty file", "", 0, 0 },
      { 0, 0, 0, 0 }
    } ;
    unsigned int k ;
    for (k = 0 ; t[k].name ; k++)
    {
      char name[128] ;
      uint64_t v = 777 ;
      w("num", t[k].text) ;
      errno = 0 ;
      r = control_readuint("num", &v) ;
      snprintf(name, sizeof(name), "readuint: %s", t[k].name) ;
      if (r != t[k].ret) unit_check(0, name, "\"%s\": returned %d, expected %d", unit_escs(t[k].text), r, t[k].ret) ;
      else if (r == 1) unit_check(v == t[k].v, name, "value %llu, expected %llu", (unsigned long long)v, (unsigned long long)t[k].v) ;
      else if (r < 0) unit_check(errno == EINVAL && v == 777, name, "errno %d, value %llu", errno, (unsigned long long)v) ;
      else unit_check(v == 777, name, "value changed to %llu", (unsigned long long)v) ;
    }
    {
      uint64_t v = 777 ;
      r = control_readuint("nosuch", &v) ;
      unit_check(r == 0 && v == 777, "readuint: missing file is 0", "r=%d", r) ;
    }
  }

  /* unreadable file */
  if (geteuid() == 0) unit_skip("file: unreadable file is an error", "running as root, chmod 000 does not deny") ;
  else
  {
    w("secret", "x\n") ;
    snprintf(path, sizeof(path), "%s/secret", dir) ;
    chmod(path, 0) ;
    check_list("file: unreadable file is an error", "secret", -1, 0, 0) ;
    chmod(path, 0644) ;
  }
}

static void hung (int sig)
{
  static char const m[] = "FAIL - control: include: a loop hung (20 s)\n" ;
  (void)sig ;
  if (write(1, m, sizeof(m) - 1) < 0) _exit(2) ;
  _exit(1) ;
}

static void test_include (void)
{
  char path[4200], text[4400] ;
  unsigned int i ;

  w("main", "a\n$include sub\nz\n") ;
  w("sub", "b\n# c\nc\n") ;
  check_list("include: a file", "main", 1, S("a\0b\0c\0z\0")) ;
  snprintf(text, sizeof(text), "a\n$include %s/sub\nz\n", dir) ;
  w("mainabs", text) ;
  check_list("include: an absolute file name", "mainabs", 1, S("a\0b\0c\0z\0")) ;
  w("nested", "0\n$include main\n9\n") ;
  check_list("include: nested", "nested", 1, S("0\0a\0b\0c\0z\0" "9\0")) ;

  /* a directory: non-dot files, sorted */
  snprintf(path, sizeof(path), "%s/d", dir) ;
  mkdir(path, 0755) ;
  w("d/b", "B\n") ; w("d/a", "A1\nA2\n") ; w("d/c", "C\n") ; w("d/.hidden", "HIDDEN\n") ; w("d/10", "TEN\n") ; w("d/A", "UPPER\n") ;
  w("withdir", "start\n$include d\nend\n") ;
  check_list("include: a directory, sorted, dot-files skipped", "withdir", 1, S("start\0TEN\0UPPER\0A1\0A2\0B\0C\0end\0")) ;
  snprintf(path, sizeof(path), "%s/emptyd", dir) ;
  mkdir(path, 0755) ;
  w("withempty", "x\n$include emptyd\ny\n") ;
  check_list("include: an empty directory", "withempty", 1, S("x\0y\0")) ;
  snprintf(path, sizeof(path), "%s/dotd", dir) ;
  mkdir(path, 0755) ;
  w("dotd/.a", "no\n") ;
  w("withdot", "x\n$include dotd\n") ;
  check_list("include: a directory of dot-files only", "withdot", 1, S("x\0")) ;

  /* loops and depth */
  signal(SIGALRM, &hung) ;
  fflush(stdout) ;
  alarm(20) ;
  w("self", "a\n$include self\n") ;
  check_list("include: self loop fails", "self", -1, 0, 0) ;
  w("loop1", "1\n$include loop2\n") ;
  w("loop2", "2\n$include loop1\n") ;
  check_list("include: two-file loop fails", "loop1", -1, 0, 0) ;
  snprintf(path, sizeof(path), "%s/ld", dir) ;
  mkdir(path, 0755) ;
  w("ld/x", "$include ld\n") ;
  w("dirloop", "$include ld\n") ;
  check_list("include: directory loop fails", "dirloop", -1, 0, 0) ;
  /* a wide loop: each file includes the next twice, depth cuts it short */
  for (i = 0 ; i < 12 ; i++)
  {
    char n[16] ;
    snprintf(n, sizeof(n), "w%u", i) ;
    snprintf(text, sizeof(text), "$include w%u\n$include w%u\n", (i + 1) % 12, (i + 1) % 12) ;
    w(n, text) ;
  }
  check_list("include: doubling loop fails without hanging", "w0", -1, 0, 0) ;
  alarm(0) ;
  /* chains: 8 nested includes allowed, 9 too deep */
  for (i = 0 ; i <= 9 ; i++)
  {
    char n[16] ;
    snprintf(n, sizeof(n), "c%u", i) ;
    if (i < 9) snprintf(text, sizeof(text), "v%u\n$include c%u\n", i, i + 1) ;
    else snprintf(text, sizeof(text), "v%u\n", i) ;
    w(n, text) ;
  }
  check_list("include: 8 levels deep", "c1", 1, S("v1\0v2\0v3\0v4\0v5\0v6\0v7\0v8\0v9\0")) ;
  check_list("include: 9 levels deep fails", "c0", -1, 0, 0) ;

  /* missing include */
  w("missinc", "a\n$include nosuchfile\n") ;
  check_list("include: a missing file is an error", "missinc", -1, 0, 0) ;
  w("nulinc", "a\n$include nul\n") ;
  check_list("include: an included NUL byte is an error", "nulinc", -1, 0, 0) ;
}

/* No QCSMTPD_CONTROL, files in ./control (the run scripts cd to $QMAIL, as
   qmail-smtpd): includes must resolve the same way as the top file. Runs
   before QCSMTPD_CONTROL is ever set (control_init never forgets it). */
static void test_cwd (void)
{
  char cwd[4096], sub[4200] ;
  if (!getcwd(cwd, sizeof(cwd))) { unit_check(0, "cwd: getcwd", "%s", strerror(errno)) ; return ; }
  snprintf(sub, sizeof(sub), "%s/home", dir) ; mkdir(sub, 0755) ;
  snprintf(sub, sizeof(sub), "%s/home/control", dir) ; mkdir(sub, 0755) ;
  snprintf(sub, sizeof(sub), "%s/home/control/inc", dir) ; mkdir(sub, 0755) ;
  w("home/control/top", "a\n$include part\nz\n") ;
  w("home/control/part", "b\n") ;
  w("home/control/topdir", "a\n$include inc\nz\n") ;
  w("home/control/inc/1", "one\n") ;
  snprintf(sub, sizeof(sub), "%s/home", dir) ;
  if (chdir(sub) < 0) { unit_check(0, "cwd: chdir", "%s", strerror(errno)) ; return ; }
  unsetenv("QCSMTPD_CONTROL") ;
  setenv("QMAIL", "/nonexistent", 1) ;
  control_init() ;
  check_list("cwd: top file in ./control", "part", 1, S("b\0")) ;
  check_list("cwd: include of a file in ./control", "top", 1, S("a\0b\0z\0")) ;
  check_list("cwd: include of a directory in ./control", "topdir", 1, S("a\0one\0z\0")) ;
  if (chdir(cwd) < 0) unit_check(0, "cwd: chdir back", "%s", strerror(errno)) ;
}

/* QCSMTPD_CONTROL relative to the working directory: includes must resolve
   the same way as the top file. */
static void test_relative (void)
{
  char cwd[4096], sub[4200] ;
  if (!getcwd(cwd, sizeof(cwd))) { unit_check(0, "relative: getcwd", "%s", strerror(errno)) ; return ; }
  snprintf(sub, sizeof(sub), "%s/rel", dir) ;
  mkdir(sub, 0755) ;
  snprintf(sub, sizeof(sub), "%s/rel/ctl", dir) ;
  mkdir(sub, 0755) ;
  snprintf(sub, sizeof(sub), "%s/rel/ctl/inc", dir) ;
  mkdir(sub, 0755) ;
  w("rel/ctl/top", "a\n$include part\nz\n") ;
  w("rel/ctl/part", "b\n") ;
  w("rel/ctl/topdir", "a\n$include inc\nz\n") ;
  w("rel/ctl/inc/1", "one\n") ;
  snprintf(sub, sizeof(sub), "%s/rel", dir) ;
  if (chdir(sub) < 0) { unit_check(0, "relative: chdir", "%s", strerror(errno)) ; return ; }
  setenv("QCSMTPD_CONTROL", "ctl", 1) ;
  control_init() ;
  check_list("relative: top file through a relative QCSMTPD_CONTROL", "part", 1, S("b\0")) ;
  check_list("relative: include of a file", "top", 1, S("a\0b\0z\0")) ;
  check_list("relative: include of a directory", "topdir", 1, S("a\0one\0z\0")) ;
  if (chdir(cwd) < 0) unit_check(0, "relative: chdir back", "%s", strerror(errno)) ;
  setenv("QCSMTPD_CONTROL", dir, 1) ;
  control_init() ;
}

 /* cdb */

static void test_cdb (void)
{
  char cmd[9000] ;
  int r ;
  unsigned int i ;
  w("map.txt", "a@b 1\nexample.com x\nkey with space value\n\n") ;
  snprintf(cmd, sizeof(cmd), "cdb -c -m '%s/map.cdb' '%s/map.txt'", dir, dir) ;
  if (system(cmd) != 0) { unit_check(0, "cdb: build with tinycdb's cdb -c -m", "\"%s\" failed", cmd) ; return ; }
  r = control_cdb("map.cdb", "a@b", 3) ;
  unit_check(r == 1, "cdb: key found", "returned %d", r) ;
  r = control_cdb("map.cdb", "example.com", 11) ;
  unit_check(r == 1, "cdb: second key found", "returned %d", r) ;
  r = control_cdb("map.cdb", "key", 3) ;
  unit_check(r == 1, "cdb: -m key ends at the first space", "returned %d", r) ;
  r = control_cdb("map.cdb", "nokey", 5) ;
  unit_check(r == 0, "cdb: absent key", "returned %d", r) ;
  r = control_cdb("map.cdb", "a@", 2) ;
  unit_check(r == 0, "cdb: prefix of a key", "returned %d", r) ;
  r = control_cdb("map.cdb", "a@bc", 3) ;
  unit_check(r == 1, "cdb: keylen is honoured", "returned %d", r) ;
  r = control_cdb("map.cdb", "A@B", 3) ;
  unit_check(r == 0, "cdb: lookups are case-sensitive", "returned %d", r) ;
  r = control_cdb("map.cdb", "", 0) ;
  unit_check(r == 0, "cdb: empty key", "returned %d", r) ;
  r = control_cdb("map.cdb", "a@b\0", 4) ;
  unit_check(r == 0, "cdb: key with a NUL", "returned %d", r) ;
  for (i = 0, r = 1 ; i < 1000 && r == 1 ; i++) r = control_cdb("map.cdb", "a@b", 3) ;
  unit_check(r == 1, "cdb: 1000 repeated lookups", "returned %d at %u", r, i) ;
  r = control_cdb("nosuch.cdb", "a@b", 3) ;
  unit_check(r == 0, "cdb: missing file is 0", "returned %d", r) ;
  {
    /* an absolute name, as control_path accepts, longer than 64 octets */
    static char ld[4300], from[4200], to[4400], cmd2[9000] ;
    snprintf(ld, sizeof(ld), "%s/a-directory-name-long-enough-for-any-temp-dir-0123456789", dir) ;
    snprintf(from, sizeof(from), "%s/map.cdb", dir) ;
    snprintf(to, sizeof(to), "%s/map.cdb", ld) ;
    mkdir(ld, 0755) ;
    snprintf(cmd2, sizeof(cmd2), "cp '%s' '%s'", from, to) ;
    if (system(cmd2) != 0) unit_check(0, "cdb: absolute name longer than 64 octets", "cp failed") ;
    else
    {
      errno = 0 ;
      r = control_cdb(to, "a@b", 3) ;
      unit_check(r == 1, "cdb: absolute name longer than 64 octets", "returned %d errno %d (%zu-octet name)", r, errno, strlen(to)) ;
    }
  }

  /* a big map */
  {
    stralloc t = STRALLOC_ZERO ;
    char line[64] ;
    int ok = 1 ;
    for (i = 0 ; i < 20000 ; i++) { snprintf(line, sizeof(line), "user%u@example.net 1\n", i) ; stralloc_cats(&t, line) ; }
    unit_writefile(dir, "big.txt", t.s, t.len) ;
    stralloc_free(&t) ;
    snprintf(cmd, sizeof(cmd), "cdb -c -m '%s/big.cdb' '%s/big.txt'", dir, dir) ;
    if (system(cmd) != 0) ok = 0 ;
    for (i = 0 ; ok && i < 20000 ; i += 7)
    {
      snprintf(line, sizeof(line), "user%u@example.net", i) ;
      if (control_cdb("big.cdb", line, strlen(line)) != 1) ok = 0 ;
    }
    if (ok && control_cdb("big.cdb", "user20000@example.net", 21) != 0) ok = 0 ;
    unit_check(ok, "cdb: 20000-key map", "lookup %u failed", i) ;
  }

  /* corrupt maps: an error, never a crash or a false hit */
  unit_writefile(dir, "short.cdb", S("garbage!!")) ;
  errno = 0 ;
  r = control_cdb("short.cdb", "a@b", 3) ;
  unit_check(r == -1, "cdb: a 9-octet file is an error", "returned %d errno %d", r, errno) ;
  {
    char junk[4096] ;
    memset(junk, 0xff, sizeof(junk)) ;
    unit_writefile(dir, "ff.cdb", junk, sizeof(junk)) ;
    r = control_cdb("ff.cdb", "a@b", 3) ;
    unit_check(r == -1, "cdb: table pointers past the end are an error", "returned %d", r) ;
    memset(junk, 0, sizeof(junk)) ;
    unit_writefile(dir, "zero.cdb", junk, sizeof(junk)) ;
    r = control_cdb("zero.cdb", "a@b", 3) ;
    unit_check(r == 0 || r == -1, "cdb: all-zero file: no hit", "returned %d", r) ;
  }
  {
    /* the valid map cut short after its header: records and tables gone */
    stralloc t = STRALLOC_ZERO ;
    char p[4200] ;
    snprintf(p, sizeof(p), "%s/big.cdb", dir) ;
    t.len = 0 ;
    {
      FILE *f = fopen(p, "rb") ;
      char b[4096] ;
      size_t n ;
      while (f && (n = fread(b, 1, sizeof(b), f))) stralloc_catb(&t, b, n) ;
      if (f) fclose(f) ;
    }
    unit_writefile(dir, "cut.cdb", t.s, t.len > 3000 ? 3000 : t.len) ;
    r = control_cdb("cut.cdb", "user0@example.net", 17) ;
    unit_check(r == -1, "cdb: truncated map is an error", "returned %d", r) ;
    /* the same with everything after the header overwritten */
    if (t.len > 2048) memset(t.s + 2048, 0x41, t.len - 2048) ;
    unit_writefile(dir, "smash.cdb", t.s, t.len) ;
    r = control_cdb("smash.cdb", "user19999@example.net", 21) ;
    unit_check(r == 0 || r == -1, "cdb: smashed records and tables: no crash, no hit", "returned %d", r) ;
    stralloc_free(&t) ;
  }
}

int main (void)
{
  unit_init("control") ;
  if (!unit_tmpdir(dir, sizeof(dir), "control"))
  {
    unit_check(0, "setup: mkdtemp", "%s", strerror(errno)) ;
    return unit_end() ;
  }
  test_parse() ;
  test_cwd() ;
  setenv("QCSMTPD_CONTROL", dir, 1) ;
  control_init() ;
  test_files() ;
  test_include() ;
  test_relative() ;
  test_cdb() ;
  stralloc_free(&seen) ;
  unit_rmrf(dir) ;
  return unit_end() ;
}
