/* ISC license. */
/* spp: runs the programs of control/smtpplugins (qmail-spp's file, unchanged)
   at the matching hooks, with qmail-spp's environment and output commands, plus
   a [message] section for content classifiers. No shell, a deadline per
   program, bounded output; a program that fails never lets mail through. */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define SPP_WORDS_MAX 32        /* words of one program line */
#define SPP_OUT_MAX 16384       /* octets a program may print */
#define SPP_LINE_MAX 1000       /* octets of one output line (RFC 5321 4.5.3.1.6) */
#define SPP_KILL_WAIT 5         /* seconds to reap a program we killed */

enum { S_CONNECTION, S_HELO, S_MAIL, S_RCPT, S_DATA, S_AUTH, S_MESSAGE, S_MAX } ;

/* qmail-spp's section names, and ours ([message]) */
static char const *const sectname[S_MAX] =
  { "connection", "helo", "mail", "rcpt", "data", "auth", "message" } ;

/* the later errors of L: shown at the next MAIL, RCPT or DATA */
enum { L_MAIL, L_RCPT, L_DATA, L_MAX } ;

typedef struct spp_s spp ;
struct spp_s
{
  unsigned int timeout ;     /* seconds per program */
  stralloc prog[S_MAX] ;     /* per section: programs as "w1\0w2\0...\0\0" */
  stralloc later[L_MAX] ;    /* "NNN text\0" lines of LM, LR, LD */
  stralloc connhdr ;         /* H lines from connection, helo, auth: every message */
  stralloc txnhdr ;          /* H lines from mail, rcpt, data: this message */
  stralloc hosts ;           /* control/rcpthosts, for SMTPRCPTHOSTSOK */
  int hostsloaded ;
  unsigned long rcptall ;    /* RCPT commands of the transaction (SMTPRCPTCOUNTALL) */
  int off ;                  /* NOSPP, or a program said A */
  int authdone ;             /* [auth] ran for the current AUTH user */
  stralloc autherr ;         /* an [auth] refusal, repeated at every MAIL */
} ;

static qp_argdef const spp_args[] =
{
  { .name = "timeout", .type = QP_ARG_UINT, .off = offsetof(spp, timeout), .def = "30", .min = 1, .max = 3600, .meta = "SECONDS" },
  { 0 }
} ;

static char const *const spp_aliases[] = { "exec", "qmail-spp", 0 } ;

static void nomem (void)
{
  qp_log(LOGERROR, "error: out of memory", (char *)0) ;
}

 /* Configuration: control/smtpplugins */

static int cfgerr (char const *file, char const *line, char const *why)
{
  qp_log(LOGERROR, "error: control/", file, ": line '", line, "': ", why, (char *)0) ;
  return 0 ;
}

/* qmail runs qmail-smtpd from its home, so qmail-spp's relative names
   (plugins/foo) are relative to $QMAIL, default /var/qmail, as for
   queue/qmail-queue. */
static int add_word (stralloc *sa, char const *w, size_t n, int first)
{
  if (first && w[0] != '/')
  {
    char const *home = getenv("QMAIL") ;
    if (!home || !*home) home = "/var/qmail" ;
    if (!stralloc_cats(sa, home) || !stralloc_catb(sa, "/", 1)) return 0 ;
  }
  return stralloc_catb(sa, w, n) && stralloc_0(sa) ;
}

/* Words are separated by spaces and tabs; there is no quoting. 1, or 0 after logging. */
static int add_program (spp *st, int sect, char const *file, char const *line)
{
  stralloc *sa = &st->prog[sect] ;
  size_t start = sa->len ;
  unsigned int n = 0 ;
  char const *p = line ;
  if (line[0] == ':')
    return cfgerr(file, line, "qmail-spp's ':' shell lines are not supported (no shell): name the program and its arguments") ;
  while (*p)
  {
    size_t len ;
    while (*p == ' ' || *p == '\t') p++ ;
    if (!*p) break ;
    len = strcspn(p, " \t") ;
    if (++n > SPP_WORDS_MAX) { sa->len = start ; return cfgerr(file, line, "more than 32 words") ; }
    if (!add_word(sa, p, len, n == 1)) { sa->len = start ; nomem() ; return 0 ; }
    p += len ;
  }
  if (!stralloc_0(sa)) { sa->len = start ; nomem() ; return 0 ; }
  return 1 ;
}

static int section (char const *line)
{
  size_t n = strlen(line) ;
  if (n < 3 || line[n-1] != ']') return -1 ;
  for (int i = 0 ; i < S_MAX ; i++)
    if (strlen(sectname[i]) == n - 2 && !strncasecmp(line + 1, sectname[i], n - 2)) return i ;
  return -1 ;
}

/* SPPCONFFILE, as qmail-spp: another file of the control directory. */
static char const *conffile (void)
{
  char const *x = getenv("SPPCONFFILE") ;
  if (!x || !*x) return "smtpplugins" ;
  if (!strncmp(x, "control/", 8)) x += 8 ;
  if (!*x || strchr(x, '/'))
  {
    qp_log(LOGERROR, "error: SPPCONFFILE=", getenv("SPPCONFFILE"), " must name a file of the control directory", (char *)0) ;
    return 0 ;
  }
  return x ;
}

static int spp_init (void *state)
{
  spp *st = state ;
  stralloc sa = STRALLOC_ZERO ;
  char const *file ;
  int cur = -1, r ;
  if (getenv("NOSPP"))
  {
    /* qmail-spp's switch: not even the file is read */
    st->off = 1 ;
    return 1 ;
  }
  file = conffile() ;
  if (!file) return 0 ;
  r = qp_control_list(file, &sa) ;
  if (r < 0)
  {
    qp_log(LOGERROR, "error: control/", file, ": ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  if (!r)
  {
    /* qmail-smtpd with qmail-spp does not start without it either */
    qp_log(LOGERROR, "error: control/", file, " is missing (an empty file runs no program)", (char *)0) ;
    return 0 ;
  }
  for (size_t i = 0 ; i < sa.len ; i += strlen(sa.s + i) + 1)
  {
    char const *line = sa.s + i ;
    if (line[0] == '[')
    {
      cur = section(line) ;
      if (cur < 0) { r = cfgerr(file, line, "unknown section (connection, helo, mail, rcpt, data, auth, message)") ; break ; }
      continue ;
    }
    if (cur < 0) { r = cfgerr(file, line, "program before any section") ; break ; }
    if (!add_program(st, cur, file, line)) { r = 0 ; break ; }
  }
  stralloc_free(&sa) ;
  return r ;
}

 /* Running one program */

static uint64_t now_ms (void)
{
  struct timespec ts ;
  clock_gettime(CLOCK_MONOTONIC, &ts) ;
  return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000 ;
}

static void killreap (pid_t pid)
{
  int ws ;
  kill(pid, SIGKILL) ;
  qp_wait(pid, &ws, SPP_KILL_WAIT) ;
}

/* Reads the program's stdout until EOF, the deadline or the size limit.
   1 EOF, 0 fault (*why set). */
static int collect (int fd, uint64_t deadline, stralloc *out, char const **why)
{
  char buf[4096] ;
  for (;;)
  {
    ssize_t r = read(fd, buf, sizeof buf) ;
    if (r > 0)
    {
      if (out->len + (size_t)r > SPP_OUT_MAX) { *why = "printed more than 16384 octets" ; return 0 ; }
      if (!stralloc_catb(out, buf, (size_t)r)) { *why = "out of memory" ; return 0 ; }
      continue ;
    }
    if (!r) return 1 ;
    if (errno == EINTR) continue ;
    if (errno != EAGAIN) { *why = "read error" ; return 0 ; }
    {
      uint64_t t = now_ms() ;
      int w = t < deadline ? qp_await(fd, QP_READ, (unsigned int)(deadline - t)) : 0 ;
      if (!w) { *why = "timed out" ; return 0 ; }
      if (w < 0) { *why = "wait error" ; return 0 ; }
    }
  }
}

/* Runs argv with stdin `in` (-1: /dev/null), stdout to a pipe, stderr to
   the log. 1 and the exit code in *code, or 0 fault (*why set). */
static int run (char const *const *argv, int in, unsigned int ms, stralloc *out, int *code, char const **why)
{
  uint64_t deadline = now_ms() + ms ;
  int p[2] ;
  int fdmap[3] ;
  int ws, r ;
  pid_t pid ;
  if (pipe2(p, O_CLOEXEC) < 0) { *why = strerror(errno) ; return 0 ; }
  fdmap[0] = in ; fdmap[1] = p[1] ; fdmap[2] = -1 ;
  pid = qp_spawn(argv, fdmap, 3) ;
  close(p[1]) ;
  if (pid < 0) { *why = strerror(errno) ; close(p[0]) ; return 0 ; }
  fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK) ;
  r = collect(p[0], deadline, out, why) ;
  close(p[0]) ;
  if (!r) { killreap(pid) ; return 0 ; }
  {
    uint64_t t = now_ms() ;
    unsigned int left = t < deadline ? (unsigned int)((deadline - t + 999) / 1000) : 1 ;
    r = qp_wait(pid, &ws, left) ;
  }
  if (!r) { *why = "timed out" ; return 0 ; }
  if (r < 0) { *why = "wait error" ; return 0 ; }
  if (WIFSIGNALED(ws)) { *why = strsignal(WTERMSIG(ws)) ; return 0 ; }
  *code = WEXITSTATUS(ws) ;
  return 1 ;
}

 /* The output: one command per line (qmail-spp's list) */

/* "4xx" or "5xx", then the end, a blank, or (dash: the lines of a
   multi-line reply, L) a '-' */
static int replycode (char const *s, int dash)
{
  return (s[0] == '4' || s[0] == '5') && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9'
    && (!s[3] || s[3] == ' ' || (dash && s[3] == '-')) ;
}

static int fieldname (char const *s)
{
  size_t n = 0 ;
  for (; s[n] && s[n] != ':' ; n++)
    if (s[n] <= ' ' || s[n] > '~') return 0 ;
  return n && s[n] == ':' ;
}

/* Copies out into lines, each NUL-terminated, a CR before LF dropped,
   checking every command up to the first final one (qmail-spp reads no
   further). Returns the number of lines to act on, or -1 garbage (*why set). */
static int parse (stralloc const *out, stralloc *lines, char const **why)
{
  size_t i = 0 ;
  int n = 0, prevh = 0 ;
  while (i < out->len)
  {
    char const *nl = memchr(out->s + i, '\n', out->len - i) ;
    size_t len = nl ? (size_t)(nl - out->s) - i : out->len - i ;
    size_t start = lines->len ;
    char const *s ;
    if (len && out->s[i + len - 1] == '\r') len-- ;
    if (len > SPP_LINE_MAX) { *why = "printed a line over 1000 octets" ; return -1 ; }
    for (size_t k = 0 ; k < len ; k++)
    {
      unsigned char c = (unsigned char)out->s[i + k] ;
      if ((c < 32 && c != '\t') || c > 126) { *why = "printed a control or 8-bit octet" ; return -1 ; }
    }
    if (!stralloc_catb(lines, out->s + i, len) || !stralloc_0(lines)) { *why = "out of memory" ; return -1 ; }
    i = nl ? (size_t)(nl - out->s) + 1 : out->len ;
    s = lines->s + start ;
    n++ ;
    if (!len) continue ;
    switch (s[0])
    {
      case 'H' :
        if ((s[1] == ' ' || s[1] == '\t') ? !prevh : !fieldname(s + 1)) { *why = "printed an H line that is no header field" ; return -1 ; }
        prevh = 1 ; continue ;
      case 'C' : if (!s[1] || strchr(s + 1, ' ') || strchr(s + 1, '\t')) { *why = "printed a C line without an address" ; return -1 ; } break ;
      case 'S' : if (s[1] == '=' || !strchr(s + 1, '=')) { *why = "printed an S line that is not S<name>=<value>" ; return -1 ; } break ;
      case 'U' : if (!s[1] || strchr(s + 1, '=')) { *why = "printed a U line without a name" ; return -1 ; } break ;
      case 'L' :
        if (!s[1] || !strchr("MRD", s[1]) || !replycode(s + 2, 1)) { *why = "printed an L line that is not L[MRD]<4xx or 5xx reply>" ; return -1 ; }
        break ;
      case 'P' : break ;
      case 'E' : case 'R' :
        if (!replycode(s + 1, 0)) { *why = "printed an E or R line without a 4xx or 5xx reply code" ; return -1 ; }
        return n ;
      case 'A' : case 'N' : case 'O' : case 'D' : return n ;
      default : *why = "printed an unknown command" ; return -1 ;
    }
    prevh = 0 ;
  }
  return n ;
}

/* Sets the reply from lines "NNN text" (P lines may lack the code): the
   last line's code and enhanced code lead, the texts become the lines of
   a multi-line reply. At connect a 4xx is sent as 421, since the session
   ends there (RFC 5321 3.8). Returns 1 for a 5xx, 0 for a 4xx. */
static int setreply (char const *const *lines, unsigned int n, int sect)
{
  char const *last = lines[n-1] ;
  char const *t = last + 3 + (last[3] == '-') ;
  size_t esc = 0 ;
  while (*t == ' ') t++ ;
  if (t[0] >= '2' && t[0] <= '5' && t[1] == '.')
  {
    esc = strspn(t, "0123456789.") ;
    if (t[esc] != ' ' && t[esc]) esc = 0 ;
  }
  qp_msgn(sect == S_CONNECTION && last[0] == '4' ? "421" : last, 3) ; qp_msg(" ") ;
  if (esc) { qp_msgn(t, esc) ; qp_msg(" ") ; }
  for (unsigned int i = 0 ; i + 1 < n ; i++)
  {
    char const *s = lines[i] ;
    size_t k ;
    if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && (s[3] == '-' || s[3] == ' ')) s += 4 ;
    /* the core puts the reply's enhanced code on every line: drop a line's own */
    k = s[0] >= '2' && s[0] <= '5' && s[1] == '.' ? strspn(s, "0123456789.") : 0 ;
    if (k && s[k] == ' ') s += k + 1 ;
    qp_msg(s) ; qp_msg("\n") ;
  }
  t += esc ;
  while (*t == ' ') t++ ;
  qp_msg(t) ;
  return last[0] == '5' ;
}

/* A stored list of "NNN text\0" lines as the reply; DENY or DENYSOFT. */
static int listreply (stralloc const *sa)
{
  char const *lines[24] ;
  unsigned int n = 0 ;
  for (size_t i = 0 ; i < sa->len && n < 24 ; i += strlen(sa->s + i) + 1) lines[n++] = sa->s + i ;
  return setreply(lines, n, -1) ? DENY : DENYSOFT ;
}

/* "Name: value" H lines (continuations start with a blank) into the message. */
static int headers_apply (stralloc const *list)
{
  stralloc v = STRALLOC_ZERO ;
  size_t i = 0 ;
  int ok = 1 ;
  while (ok && i < list->len)
  {
    char const *s = list->s + i ;
    char const *colon = strchr(s, ':') ;
    char name[SPP_LINE_MAX + 1] ;
    char const *val = colon + 1 ;
    memcpy(name, s, (size_t)(colon - s)) ; name[colon - s] = 0 ;
    while (*val == ' ' || *val == '\t') val++ ;
    v.len = 0 ;
    ok = stralloc_cats(&v, val) ;
    for (i += strlen(s) + 1 ; ok && i < list->len && (list->s[i] == ' ' || list->s[i] == '\t') ; i += strlen(list->s + i) + 1)
      ok = stralloc_catb(&v, "\n", 1) && stralloc_cats(&v, list->s + i) ;
    ok = ok && stralloc_0(&v) && qp_header_add(name, v.s, 0) ;
  }
  stralloc_free(&v) ;
  if (!ok) qp_log(LOGERROR, "error: unable to add a header field: ", strerror(errno), (char *)0) ;
  return ok ;
}

 /* Acting on the output */

static int fault (char const *prog, int sect, char const *why)
{
  qp_log(LOGERROR, "error: ", prog, " [", sectname[sect], "]: ", why, (char *)0) ;
  qp_msg("451 4.3.0 Temporary failure of a local check, try again later") ;
  return DENYSOFT ;
}

static int setaddr (int sect, char const *a)
{
  char buf[SPP_LINE_MAX + 1] ;
  size_t n = strlen(a) ;
  if (n >= 2 && a[0] == '<' && a[n-1] == '>') { memcpy(buf, a + 1, n - 2) ; buf[n-2] = 0 ; a = buf ; }
  if (!qp_addr_set(a)) return 0 ;
  return !setenv(sect == S_MAIL ? "SMTPMAILFROM" : "SMTPRCPTTO", a, 1) ;
}

/* A later error, once: the same program at every MAIL must not make the
   reply grow; at most 20 lines, the core's bound on a reply. 1, or 0 no memory. */
static int later_add (stralloc *sa, char const *line)
{
  unsigned int n = 0 ;
  for (size_t i = 0 ; i < sa->len ; i += strlen(sa->s + i) + 1, n++)
    if (!strcmp(sa->s + i, line)) return 1 ;
  return n >= 20 || stralloc_catb(sa, line, strlen(line) + 1) ;
}

/* Acts on lines[0..n) of one program. Returns the chain's verdict, or -1:
   go on with the next program. */
static int act (spp *st, int sect, char const *prog, stralloc const *out, int n, int code)
{
  char const *reply[24] ;
  unsigned int nr = 0 ;
  size_t i = 0 ;
  stralloc *hdr = sect == S_MAIL || sect == S_RCPT || sect == S_DATA ? &st->txnhdr
    : sect == S_MESSAGE ? 0 : &st->connhdr ;
  stralloc msghdr = STRALLOC_ZERO ;
  int verdict = -1, ok = 1, replied = 0 ;
  for (int k = 0 ; ok && k < n ; k++, i += strlen(out->s + i) + 1)
  {
    char const *s = out->s + i ;
    switch (s[0])
    {
      case 'H' : ok = stralloc_catb(hdr ? hdr : &msghdr, s + 1, strlen(s)) ; break ;
      case 'C' :
        if (sect == S_MAIL || sect == S_RCPT)
        {
          ok = setaddr(sect, s + 1) ;
          qp_log(LOGINFO, "info: ", prog, " [", sectname[sect], "]: address changed to <", s + 1, ">", (char *)0) ;
        }
        break ;
      case 'S' :
      {
        char name[SPP_LINE_MAX + 1] ;
        size_t eq = strcspn(s + 1, "=") ;
        memcpy(name, s + 1, eq) ; name[eq] = 0 ;
        ok = !setenv(name, s + 2 + eq, 1) ;
        break ;
      }
      case 'U' : ok = !unsetenv(s + 1) ; break ;
      case 'L' : ok = later_add(&st->later[s[1] == 'M' ? L_MAIL : s[1] == 'R' ? L_RCPT : L_DATA], s + 2) ; break ;
      case 'P' : if (nr < 23) reply[nr++] = s + 1 ; break ;
      case 'A' : st->off = 1 ; verdict = DECLINED ; break ;
      case 'N' : verdict = DECLINED ; break ;
      /* O skips qmail's own checks at MAIL and RCPT: the plugins after this one */
      case 'O' : verdict = sect == S_MAIL || sect == S_RCPT ? OK : DECLINED ; break ;
      case 'E' : case 'R' :
        reply[nr++] = s + 1 ;
        replied = 1 ;
        verdict = setreply(reply, nr, sect) ? (s[0] == 'E' ? DENY : DENY_DISCONNECT) : (s[0] == 'E' ? DENYSOFT : DENYSOFT_DISCONNECT) ;
        qp_log(LOGINFO, "fail: ", prog, " [", sectname[sect], "]: ", s, (char *)0) ;
        break ;
      case 'D' :
        /* RFC 5321 3.8: a server that closes says 421 first */
        qp_msg("421 4.7.0 closing connection") ;
        verdict = DENYSOFT_DISCONNECT ;
        qp_log(LOGINFO, "fail: ", prog, " [", sectname[sect], "]: D, dropping the connection", (char *)0) ;
        break ;
      default : break ;
    }
  }
  if (ok && msghdr.len) ok = headers_apply(&msghdr) ;
  stralloc_free(&msghdr) ;
  if (!ok) { nomem() ; return fault(prog, sect, "its commands could not be carried out") ; }
  if (nr && !replied) qp_log(LOGINFO, "info: ", prog, " [", sectname[sect], "]: P lines without E or R: not sent", (char *)0) ;
  if (code)
  {
    char num[16] ;
    snprintf(num, sizeof num, "%d", code) ;
    qp_log(LOGINFO, "info: ", prog, " [", sectname[sect], "]: exited ", num, " after its decision", (char *)0) ;
  }
  return verdict ;
}

/* 1 if the last of the n lines is a final command (A N O E R D) */
static int decided (stralloc const *lines, int n)
{
  size_t i = 0 ;
  if (n <= 0) return 0 ;
  while (--n) i += strlen(lines->s + i) + 1 ;
  return lines->s[i] && strchr("ANOERD", lines->s[i]) ;
}

/* stdin for [message] programs: the message as queued, copied into an
   unnamed file of the spool, so that a program may read it in any order
   and at any pace without holding us up (a pipe would need us to write and
   read at once). -1 on error (errno). */
static int message_file (void)
{
  char buf[16384] ;
  uint64_t off = 0 ;
  int fd = open(qp_spool_dir(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600) ;
  if (fd < 0 && (errno == EOPNOTSUPP || errno == EISDIR))
  {
    /* a file system without O_TMPFILE: a named file, unlinked at once */
    stralloc sa = STRALLOC_ZERO ;
    if (!stralloc_cats(&sa, qp_spool_dir()) || !stralloc_cats(&sa, "/spp.XXXXXX") || !stralloc_0(&sa)) { stralloc_free(&sa) ; errno = ENOMEM ; return -1 ; }
    fd = mkostemp(sa.s, O_CLOEXEC) ;
    if (fd >= 0) unlink(sa.s) ;
    stralloc_free(&sa) ;
  }
  if (fd < 0) return -1 ;
  for (;;)
  {
    ssize_t r = qp_message_read(off, buf, sizeof buf) ;
    if (!r) break ;
    if (r < 0) goto err ;
    for (ssize_t w = 0 ; w < r ; )
    {
      ssize_t k = write(fd, buf + w, (size_t)(r - w)) ;
      if (k < 0 && errno == EINTR) continue ;
      if (k <= 0) goto err ;
      w += k ;
    }
    off += (uint64_t)r ;
  }
  if (lseek(fd, 0, SEEK_SET) == 0) return fd ;
 err:
  {
    int e = errno ;
    close(fd) ;
    errno = e ;
    return -1 ;
  }
}

/* Runs one program line "w1\0w2\0...\0\0". Verdict, or -1 to go on. */
static int run_one (spp *st, int sect, char const *line)
{
  char const *argv[SPP_WORDS_MAX + 1] ;
  unsigned int argc = 0 ;
  stralloc out = STRALLOC_ZERO ;
  char const *why = 0 ;
  unsigned int budget = qp_budget_left() ;
  unsigned int ms = st->timeout * 1000 < budget ? st->timeout * 1000 : budget ;
  int in = -1, code = 0, n, r ;
  for (char const *w = line ; *w ; w += strlen(w) + 1) argv[argc++] = w ;
  argv[argc] = 0 ;
  if (!ms) return fault(argv[0], sect, "the policy budget is spent") ;
  if (sect == S_MESSAGE && (in = message_file()) < 0)
  {
    qp_log(LOGERROR, "error: unable to copy the message for ", argv[0], ": ", strerror(errno), (char *)0) ;
    return fault(argv[0], sect, "no message to give it") ;
  }
  qp_log(LOGDEBUG, "running ", argv[0], " [", sectname[sect], "]", (char *)0) ;
  r = run(argv, in, ms, &out, &code, &why) ;
  if (in >= 0) close(in) ;
  if (!r) { stralloc_free(&out) ; return fault(argv[0], sect, why) ; }
  {
    stralloc lines = STRALLOC_ZERO ;
    n = parse(&out, &lines, &why) ;
    /* a failed program does nothing: its status is checked before any of its commands */
    if (n >= 0 && code && !decided(&lines, n))
      r = fault(argv[0], sect, code == 120 ? "exited 120 (cannot execute)" : "exited non-zero without a decision") ;
    else r = n < 0 ? fault(argv[0], sect, why) : act(st, sect, argv[0], &lines, n, code) ;
    stralloc_free(&lines) ;
  }
  stralloc_free(&out) ;
  return r ;
}

/* Every program of the section in file order, until one decides. */
static int run_section (spp *st, int sect)
{
  stralloc const *sa = &st->prog[sect] ;
  size_t i = 0 ;
  while (i < sa->len && !st->off)
  {
    char const *line = sa->s + i ;
    int r = run_one(st, sect, line) ;
    if (r >= 0) return r ;
    while (sa->s[i]) i += strlen(sa->s + i) + 1 ;
    i++ ;
  }
  return DECLINED ;
}

 /* Hooks */

static void setenv_unless (char const *name, char const *value)
{
  if (value && !getenv(name)) setenv(name, value, 1) ;
}

static int spp_connect (void *state, qp_hookarg const *a)
{
  spp *st = state ;
  char const *ip = qp_remote_ip() ;
  (void)a ;
  if (st->off) return DECLINED ;
  /* the UCSPI variables qmail-spp programs read, when the server was not
     started by tcpserver (qcsmtpd(8) has other sources for them) */
  setenv_unless("PROTO", "TCP") ;
  if (strcmp(ip, "unknown")) setenv_unless("TCPREMOTEIP", ip) ;
  setenv_unless("TCPREMOTEHOST", qp_remote_host()) ;
  setenv_unless("TCPREMOTEINFO", qp_remote_info()) ;
  setenv_unless("TCPREMOTEPORT", qp_remote_port()) ;
  setenv_unless("TCPLOCALIP", qp_local_ip()) ;
  setenv_unless("TCPLOCALHOST", qp_local_host()) ;
  setenv_unless("TCPLOCALPORT", qp_local_port()) ;
  return run_section(st, S_CONNECTION) ;
}

static int spp_helo (void *state, qp_hookarg const *a)
{
  spp *st = state ;
  if (st->off) return DECLINED ;
  if (setenv("SMTPHELOHOST", qp_arg(a, "host"), 1) < 0) { nomem() ; return DENYSOFT ; }
  return run_section(st, S_HELO) ;
}

/* qmail-spp runs [auth] after a successful AUTH, before the 235; the core
   has no hook there, so it runs at the next MAIL. A refusal then withdraws
   the relaying AUTH gave and refuses every MAIL of the session. */
static int auth_section (spp *st)
{
  char const *user = qp_auth_user() ;
  char const *mech = qp_auth_mech() ;
  int r ;
  if (!user || st->authdone) return DECLINED ;
  st->authdone = 1 ;
  /* the mechanism in lower case, as qmail-smtpd's AUTH patch names it */
  if (setenv("SMTPAUTHUSER", user, 1) < 0 || setenv("SMTPAUTHMETHOD", mech ? mech : "", 1) < 0) { nomem() ; return DENYSOFT ; }
  r = run_section(st, S_AUTH) ;
  if (r == DENY || r == DENYSOFT || r == DENY_DISCONNECT || r == DENYSOFT_DISCONNECT)
  {
    qp_set_relay_client(0) ;
    st->autherr.len = 0 ;
    if (!stralloc_cats(&st->autherr, r == DENY || r == DENY_DISCONNECT ? "535 5.7.8 Authentication refused by local policy" : "454 4.7.0 Authentication temporarily refused by local policy") || !stralloc_0(&st->autherr)) nomem() ;
  }
  return r ;
}

static int spp_mail (void *state, qp_hookarg const *a)
{
  spp *st = state ;
  int r ;
  st->rcptall = 0 ;
  if (st->later[L_MAIL].len) return listreply(&st->later[L_MAIL]) ;
  if (st->autherr.len) return listreply(&st->autherr) ;
  if (st->off) return DECLINED ;
  r = auth_section(st) ;
  if (r != DECLINED && r != OK) return r ;
  if (st->off) return DECLINED ;
  if (setenv("SMTPMAILFROM", qp_arg(a, "address"), 1) < 0) { nomem() ; return DENYSOFT ; }
  return run_section(st, S_MAIL) ;
}

static int in_list (stralloc const *sa, char const *s)
{
  for (size_t i = 0 ; i < sa->len ; i += strlen(sa->s + i) + 1)
    if (!strcasecmp(sa->s + i, s)) return 1 ;
  return 0 ;
}

/* SMTPRCPTHOSTSOK: qmail's rcpthosts test (the domain or a parent .domain in
   rcpthosts or morercpthosts.cdb, or control/me); 1 for a relay client, as
   qmail-spp 0.42. A missing rcpthosts makes it 0, as rcpt_ok refuses then
   (qmail took every domain). */
static char const *rcpthosts_ok (spp *st, char const *addr)
{
  char const *at = strrchr(addr, '@') ;
  char host[256] ;
  size_t len ;
  if (qp_relay_client()) return "1" ;
  if (!at || (len = strlen(at + 1)) >= sizeof host) return "0" ;
  for (size_t k = 0 ; k <= len ; k++) host[k] = at[1+k] >= 'A' && at[1+k] <= 'Z' ? at[1+k] - 'A' + 'a' : at[1+k] ;
  if (!strcasecmp(host, qp_me())) return "1" ;    /* as rcpt_ok: control/me is always ours */
  if (!st->hostsloaded)
  {
    if (qp_control_list("rcpthosts", &st->hosts) < 0)
      qp_log(LOGWARN, "warning: control/rcpthosts: ", strerror(errno), ": SMTPRCPTHOSTSOK is 0", (char *)0) ;
    st->hostsloaded = 1 ;
  }
  for (size_t j = 0 ; j < len ; j++)
  {
    if (j && host[j] != '.') continue ;
    if (in_list(&st->hosts, host + j) || qp_control_cdb("morercpthosts.cdb", host + j, len - j) > 0) return "1" ;
  }
  return "0" ;
}

static int spp_rcpt (void *state, qp_hookarg const *a)
{
  spp *st = state ;
  char const *addr = qp_arg(a, "address") ;
  char n[24], all[24] ;
  if (st->later[L_RCPT].len) return listreply(&st->later[L_RCPT]) ;
  if (st->off) return DECLINED ;
  snprintf(n, sizeof n, "%u", qp_rcpt_count()) ;
  snprintf(all, sizeof all, "%lu", ++st->rcptall) ;
  if (setenv("SMTPRCPTTO", addr, 1) < 0 || setenv("SMTPRCPTCOUNT", n, 1) < 0
   || setenv("SMTPRCPTCOUNTALL", all, 1) < 0 || setenv("SMTPRCPTHOSTSOK", rcpthosts_ok(st, addr), 1) < 0)
  {
    nomem() ;
    return DENYSOFT ;
  }
  return run_section(st, S_RCPT) ;
}

static int spp_data (void *state, qp_hookarg const *a)
{
  spp *st = state ;
  (void)a ;
  if (st->later[L_DATA].len) return listreply(&st->later[L_DATA]) ;
  if (st->off) return DECLINED ;
  return run_section(st, S_DATA) ;
}

/* The H lines of the earlier sections go into the message before the
   content filters of data_post see it. */
static int spp_post_headers (void *state, qp_hookarg const *a)
{
  spp *st = state ;
  (void)a ;
  if (!headers_apply(&st->connhdr) || !headers_apply(&st->txnhdr))
  {
    qp_msg("451 4.3.0 unable to add a header field") ;
    return DENYSOFT ;
  }
  return DECLINED ;
}

static int spp_message (void *state, qp_hookarg const *a)
{
  spp *st = state ;
  (void)a ;
  if (st->off) return DECLINED ;
  return run_section(st, S_MESSAGE) ;
}

static int spp_reset (void *state, qp_hookarg const *a)
{
  spp *st = state ;
  (void)a ;
  st->txnhdr.len = 0 ;
  return DECLINED ;
}

qp_plugin const plugin_spp =
{
  .name = "spp",
  .aliases = spp_aliases,
  .state_size = sizeof(spp),
  .args = spp_args,
  .init = &spp_init,
  .hook =
  {
    [HOOK_CONNECT] = &spp_connect,
    [HOOK_HELO] = &spp_helo,
    [HOOK_EHLO] = &spp_helo,
    [HOOK_MAIL] = &spp_mail,
    [HOOK_RCPT] = &spp_rcpt,
    [HOOK_DATA] = &spp_data,
    [HOOK_DATA_POST_HEADERS] = &spp_post_headers,
    [HOOK_DATA_POST] = &spp_message,
    [HOOK_RESET_TRANSACTION] = &spp_reset,
  },
} ;
