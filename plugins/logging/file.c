/* ISC license. */
/* logging/file: appends log events to a file whose name is a strftime
   pattern, or feeds them to a command's stdin. It must never hold the
   session up: every write is non-blocking, and a line that does not fit
   is dropped and counted, the count written once the output takes lines
   again, or to fd 2 at the end of the connection. */

#include <stddef.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

/* one event is one write(2) of at most this: below PIPE_BUF (POSIX: 512,
   Linux: 4096), so a write to a pipe is all or nothing, never half a line */
#define LF_LINE_MAX 1024
#define LF_PATH_MAX 4096
#define LF_ARGV_MAX 32
/* seconds the command gets to exit after its stdin closes, then SIGKILL */
#define LF_CHILD_GRACE 1

typedef struct lf_s lf ;
struct lf_s
{
  char const *loglevel ;   /* the arguments, as the core parsed them */
  char const *tsformat ;
  char const *words ;      /* [reopen] [nosplit] [loglevel L] [tsformat F] PATH */
  int max ;
  int nosplit ;
  int pipe ;               /* PATH started with '|' */
  char const *pattern ;    /* PATH without the '|' */
  char sid[64] ;           /* %i */
  char host[256] ;
  char pid[24] ;
  char lvbuf[32] ;         /* loglevel and tsformat found among the words */
  char tsbuf[256] ;
  int patbad ;             /* the pattern could not be expanded (reported) */
  stralloc cur ;           /* the name open now ("" none) */
  stralloc failed ;        /* the name whose opening failed (reported once) */
  stralloc name ;
  stralloc line ;
  stralloc argv ;          /* the command's words, each NUL-terminated */
  int fd ;                 /* the output + 1 (the state starts zeroed): 0 closed */
  pid_t child ;
  int done ;               /* the connection ended: nothing more is written */
  int64_t checked ;        /* second of the last name check */
  unsigned long dropped ;  /* lines lost and not yet reported */
} ;

/* Lines of our own go straight to fd 2 in the core's shape: through qp_log
   they would come back to this plugin, whose output is what failed. */
static void say (char const *a, char const *b, char const *c, char const *d)
{
  char buf[LF_LINE_MAX] ;
  int n = snprintf(buf, sizeof buf, "qcsmtpd: %ld warn plugin=logging/file %s%s%s%s\n",
    (long)getpid(), a, b ? b : "", c ? c : "", d ? d : "") ;
  if (n < 0) return ;
  if ((size_t)n >= sizeof buf) { n = sizeof buf - 1 ; buf[n - 1] = '\n' ; }
  while (write(2, buf, (size_t)n) < 0 && errno == EINTR) ;
}

 /* The output's name */

/* %i becomes the session id, then strftime; "%%" is kept for strftime */
static int expand (lf *st, int64_t now, stralloc *out)
{
  char pat[LF_PATH_MAX] ;
  size_t n = 0 ;
  time_t t = (time_t)now ;
  struct tm tm ;
  for (char const *s = st->pattern ; *s ; s++)
  {
    char const *add = s ;
    size_t len = 1 ;
    if (s[0] == '%' && s[1] == 'i') { add = st->sid ; len = strlen(st->sid) ; s++ ; }
    else if (s[0] == '%' && s[1]) { len = 2 ; s++ ; }
    if (n + len >= sizeof pat) return (errno = ENAMETOOLONG, 0) ;
    memcpy(pat + n, add, len) ;
    n += len ;
  }
  pat[n] = 0 ;
  if (!localtime_r(&t, &tm)) return (errno = EOVERFLOW, 0) ;
  if (!stralloc_ready(out, LF_PATH_MAX)) return 0 ;
  n = strftime(out->s, LF_PATH_MAX, pat, &tm) ;
  if (!n) return (errno = ENAMETOOLONG, 0) ;
  out->len = n + 1 ;
  return 1 ;
}

 /* Opening and closing */

static void finish_child (lf *st)
{
  int wstat ;
  if (!st->child) return ;
  /* qp_wait kills it after the grace: a reader that never ends must not
     keep the connection's process alive */
  if (qp_wait(st->child, &wstat, LF_CHILD_GRACE) == 0)
    say("killed the log command that did not exit: ", st->cur.s, 0, 0) ;
  st->child = 0 ;
}

static void shut (lf *st)
{
  if (st->fd) close(st->fd - 1) ;
  st->fd = 0 ;
  finish_child(st) ;
  st->cur.len = 0 ;
}

/* words separated by blanks, no quoting; the first an absolute path */
static int spawn_cmd (lf *st, char const *cmd)
{
  char const *argv[LF_ARGV_MAX + 1] ;
  size_t n = 0, off = 0 ;
  st->argv.len = 0 ;
  if (!stralloc_cats(&st->argv, cmd) || !stralloc_0(&st->argv)) return 0 ;
  for (size_t i = 0 ; i < st->argv.len ; i++)
    if (st->argv.s[i] == ' ' || st->argv.s[i] == '\t') st->argv.s[i] = 0 ;
  while (off < st->argv.len)
  {
    char *w = st->argv.s + off ;
    off += strlen(w) + 1 ;
    if (!*w) continue ;
    if (n == LF_ARGV_MAX) return (errno = E2BIG, 0) ;
    argv[n++] = w ;
  }
  argv[n] = 0 ;
  if (!n) return (errno = EINVAL, 0) ;
  {
    int p[2] ;
    int map[3] ;
    if (pipe(p) < 0) return 0 ;
    map[0] = p[0] ; map[1] = -1 ; map[2] = -1 ;
    st->child = qp_spawn(argv, map, 3) ;
    close(p[0]) ;
    if (st->child < 0) { int e = errno ; st->child = 0 ; close(p[1]) ; return (errno = e, 0) ; }
    fcntl(p[1], F_SETFD, FD_CLOEXEC) ;
    /* a reader that does not read must not stop us: full pipe = EAGAIN */
    fcntl(p[1], F_SETFL, fcntl(p[1], F_GETFL) | O_NONBLOCK) ;
    st->fd = p[1] + 1 ;
  }
  return 1 ;
}

static int open_name (lf *st)
{
  int fd ;
  if (st->pipe) return spawn_cmd(st, st->name.s) ;
  /* O_NONBLOCK matters for a FIFO: no reader = ENXIO, a full one = EAGAIN */
  fd = open(st->name.s, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0644) ;
  if (fd < 0) return 0 ;
  st->fd = fd + 1 ;
  return 1 ;
}

/* 1 if there is an output to write to now, 0 if not */
static int output (lf *st)
{
  int64_t now ;
  if (st->done) return 0 ;
  /* a command runs once per connection; nosplit keeps the first file */
  if (st->fd && (st->nosplit || st->pipe)) return 1 ;
  now = qp_now() ;
  if (st->fd && now == st->checked) return 1 ;
  st->checked = now ;
  if (!expand(st, now, &st->name))
  {
    if (!st->patbad) say("unusable log path pattern ", st->pattern, ": ", strerror(errno)) ;
    st->patbad = 1 ;
    return 0 ;
  }
  if (st->fd && !strcmp(st->name.s, st->cur.s)) return 1 ;
  if (st->failed.len && !strcmp(st->name.s, st->failed.s)) return 0 ;
  shut(st) ;
  if (!open_name(st))
  {
    say(st->pipe ? "unable to run log command " : "unable to open log file ", st->name.s, ": ", strerror(errno)) ;
    st->failed.len = 0 ;
    stralloc_catb(&st->failed, st->name.s, st->name.len) ;
    return 0 ;
  }
  st->failed.len = 0 ;
  st->cur.len = 0 ;
  return stralloc_catb(&st->cur, st->name.s, st->name.len) ;
}

 /* Lines */

/* printable ASCII only, so one event stays one line */
static void cat_clean (stralloc *sa, char const *s)
{
  for (; *s && sa->len < LF_LINE_MAX - 1 ; s++)
  {
    unsigned char c = (unsigned char)*s ;
    if (c == '\n' || c == '\r' || c == '\t') c = ' ' ;
    else if (c < 32 || c > 126) c = '?' ;
    sa->s[sa->len++] = (char)c ;
  }
}

/* "<time> <host>[<pid>]: " */
static void head (lf *st)
{
  time_t t = (time_t)qp_now() ;
  struct tm tm ;
  char ts[128] ;
  size_t n = 0 ;
  if (localtime_r(&t, &tm)) n = strftime(ts, sizeof ts, st->tsformat, &tm) ;
  ts[n] = 0 ;
  st->line.len = 0 ;
  cat_clean(&st->line, ts) ;
  cat_clean(&st->line, " ") ;
  cat_clean(&st->line, st->host) ;
  cat_clean(&st->line, "[") ;
  cat_clean(&st->line, st->pid) ;
  cat_clean(&st->line, "]: ") ;
}

/* 1 if the whole line went out */
static int put (lf *st)
{
  ssize_t w ;
  st->line.s[st->line.len++] = '\n' ;
  do w = write(st->fd - 1, st->line.s, st->line.len) ;
  while (w < 0 && errno == EINTR) ;
  return w == (ssize_t)st->line.len ;
}

/* the count of lost lines goes first, once the output takes lines again */
static int report (lf *st)
{
  char n[64] ;
  if (!st->dropped) return 1 ;
  snprintf(n, sizeof n, "%lu", st->dropped) ;
  head(st) ;
  cat_clean(&st->line, "logging/file: ") ;
  cat_clean(&st->line, n) ;
  cat_clean(&st->line, " log lines dropped (output full or failing)") ;
  if (!put(st)) return 0 ;
  st->dropped = 0 ;
  return 1 ;
}

static int lf_logging (void *state, qp_hookarg const *a)
{
  lf *st = state ;
  char const *plugin = qp_arg(a, "plugin") ;
  char const *hook = qp_arg(a, "hook") ;
  char const *text = qp_arg(a, "text") ;
  if (qp_arg_code(a) > st->max || st->done) return DECLINED ;
  if (!output(st) || !report(st)) { st->dropped++ ; return DECLINED ; }
  head(st) ;
  if (plugin && strcmp(plugin, "core"))
  {
    if (hook && *hook)
    {
      cat_clean(&st->line, "(") ;
      cat_clean(&st->line, hook) ;
      cat_clean(&st->line, ") ") ;
    }
    cat_clean(&st->line, plugin) ;
    cat_clean(&st->line, ": ") ;
  }
  cat_clean(&st->line, text ? text : "") ;
  if (!put(st)) st->dropped++ ;
  return DECLINED ;
}

/* the last hook: the output is closed, the command reaped, and a count
   that could not be written there goes to fd 2 */
static int lf_end (void *state, qp_hookarg const *a)
{
  lf *st = state ;
  (void)a ;
  if (st->done) return DECLINED ;
  if (st->fd) report(st) ;
  if (st->dropped)
  {
    char n[64] ;
    snprintf(n, sizeof n, "%lu", st->dropped) ;
    say(n, " log lines dropped: ", st->cur.len ? st->cur.s : st->pattern, 0) ;
  }
  shut(st) ;
  st->done = 1 ;
  return DECLINED ;
}

 /* Start */

static int usage (char const *why, char const *what)
{
  qp_log(LOGERROR, "usage: logging/file [loglevel L] [reopen] [nosplit] [tsformat F] PATH|'|'COMMAND: ",
    why, what, (char *)0) ;
  return 0 ;
}

/* qpsmtpd's flags come first and have no value, so the core hands every
   word from the first one it does not know to this parser */
static int parse_words (lf *st)
{
  char const *s = st->words ;
  for (;;)
  {
    size_t len = strcspn(s, " ") ;
    char const *v = s[len] ? s + len + 1 : s + len ;
    size_t vlen = strcspn(v, " ") ;
    if (len == 6 && !strncasecmp(s, "reopen", 6)) { s = v ; continue ; }
    if (len == 7 && !strncasecmp(s, "nosplit", 7)) { st->nosplit = 1 ; s = v ; continue ; }
    if (len == 8 && (!strncasecmp(s, "loglevel", 8) || !strncasecmp(s, "tsformat", 8)))
    {
      int ts = !strncasecmp(s, "tsformat", 8) ;
      char *buf = ts ? st->tsbuf : st->lvbuf ;
      size_t max = ts ? sizeof st->tsbuf : sizeof st->lvbuf ;
      if (!vlen) return usage("argument needs a value: ", s) ;
      if (vlen >= max) return usage("value too long: ", v) ;
      memcpy(buf, v, vlen) ;
      buf[vlen] = 0 ;
      if (ts) st->tsformat = buf ; else st->loglevel = buf ;
      s = v[vlen] ? v + vlen + 1 : v + vlen ;
      continue ;
    }
    break ;
  }
  if (!*s) return usage("no path", "") ;
  st->pipe = *s == '|' ;
  if (st->pipe) while (*++s == ' ') ;
  else if (strchr(s, ' ')) return usage("a path is one word: ", s) ;
  if (!*s) return usage("no command after |", "") ;
  if (st->pipe && *s != '/') return usage("the command needs an absolute path: ", s) ;
  st->pattern = s ;
  return 1 ;
}

static int lf_init (void *state)
{
  lf *st = state ;
  if (!parse_words(st)) return 0 ;
  st->max = LOGWARN ;
  if (st->loglevel && !qp_loglevel_scan(st->loglevel, &st->max))
    return usage("bad loglevel: ", st->loglevel) ;
  if (!st->tsformat) st->tsformat = "%a %b %d %T %Y" ;
  if (strlen(st->pattern) >= LF_PATH_MAX) return usage("path too long", "") ;
  /* qpsmtpd's session id: time, pid, the process's connection count */
  snprintf(st->sid, sizeof st->sid, "%08lld-%04ld-1", (long long)qp_now(), (long)getpid()) ;
  snprintf(st->pid, sizeof st->pid, "%ld", (long)getpid()) ;
  if (gethostname(st->host, sizeof st->host - 1) < 0) strcpy(st->host, "localhost") ;
  st->host[sizeof st->host - 1] = 0 ;
  if (!stralloc_ready(&st->line, LF_LINE_MAX)) return usage("out of memory", "") ;
  return 1 ;
}

static qp_argdef const lf_args[] =
{
  { .name = "loglevel", .type = QP_ARG_STRING, .off = offsetof(lf, loglevel), .meta = "L" },
  { .name = "tsformat", .type = QP_ARG_STRING, .off = offsetof(lf, tsformat), .meta = "F" },
  { .name = "path", .type = QP_ARG_REST | QP_ARG_POSITIONAL | QP_ARG_REQUIRED, .off = offsetof(lf, words), .meta = "[reopen] [nosplit] PATH" },
  { 0 }
} ;

qp_plugin const plugin_logging_file =
{
  .name = "logging/file",
  .aliases = 0,
  .state_size = sizeof(lf),
  .args = lf_args,
  .init = &lf_init,
  .hook = { [HOOK_LOGGING] = &lf_logging, [HOOK_POST_CONNECTION] = &lf_end },
  .flags = 0,
} ;
