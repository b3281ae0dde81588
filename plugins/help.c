/* ISC license. */
/* help: answers HELP from help files (qpsmtpd's help plugin): one file per
   command in help_dir, or per-command files named in its arguments; or
   refuses HELP altogether (not_implemented 1). Files are read at HELP,
   bounded, and go through the core's reply writer, which sanitises them;
   their contents are never taken as reply codes. */

#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define HELP_FILE_MAX 4096    /* octets of a help file read */
#define HELP_LINES_MAX 20     /* lines of it sent (the core's limit of a reply, too) */
#define HELP_VERB_MAX 12      /* a command name (the core's verbs: 1..12 of [a-z0-9_]) */

/* RFC 5321 4.1.1.8: HELP without an argument says how to ask. The core's
   own verbs: a plugin cannot list the verbs other plugins added (XXX: no
   qp_* function enumerates the command table). */
#define HELP_HINT "214 2.0.0 Try 'HELP COMMAND' for getting help on COMMAND\n" \
  "Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT"

typedef struct help_s help ;
struct help_s
{
  int not_implemented ;
  char const *dir ;       /* help_dir, or NULL */
  stralloc files ;        /* "command\0file\0" from the arguments */
} ;

static qp_argdef const args[] =
{
  { .name = "not_implemented", .type = QP_ARG_BOOL, .off = offsetof(help, not_implemented), .def = "0" },
  { .name = "help_dir", .type = QP_ARG_STRING, .off = offsetof(help, dir), .meta = "DIR" },
  { .name = "*", .type = QP_ARG_KV, .off = offsetof(help, files), .meta = "COMMAND FILE" },
  { 0 }
} ;

/* Lower-cases the first word of s into verb (HELP_VERB_MAX + 1 octets).
   1 if it is a command name ([a-z0-9_], 1..HELP_VERB_MAX), else 0: nothing
   else may become part of a path (HELP ../../etc/passwd). */
static int verb_of (char const *s, char *verb)
{
  size_t i = 0 ;
  for (; s[i] && s[i] != ' ' ; i++)
  {
    char c = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i] ;
    if (i >= HELP_VERB_MAX || !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return 0 ;
    verb[i] = c ;
  }
  verb[i] = 0 ;
  return i > 0 ;
}

/* The file named for verb in the arguments, or NULL. */
static char const *named (help const *st, char const *verb)
{
  size_t i = 0 ;
  while (i < st->files.len)
  {
    char const *k = st->files.s + i ;
    char const *v = k + strlen(k) + 1 ;
    if (!strcasecmp(k, verb)) return v ;
    i = (size_t)(v - st->files.s) + strlen(v) + 1 ;
  }
  return 0 ;
}

/* help_dir/verb into sa. 1 ok, 0 no memory. */
static int in_dir (help const *st, char const *verb, stralloc *sa)
{
  sa->len = 0 ;
  return stralloc_cats(sa, st->dir) && stralloc_catb(sa, "/", 1) && stralloc_cats(sa, verb) && stralloc_0(sa) ;
}

/* Up to HELP_FILE_MAX octets of a regular file into buf. Opened without
   blocking, so a FIFO cannot hold the session. Length, or -1 (errno). */
static ssize_t slurp (char const *file, char *buf)
{
  size_t len = 0 ;
  struct stat stt ;
  int e ;
  int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) ;
  if (fd < 0) return -1 ;
  if (fstat(fd, &stt) < 0) goto err ;
  if (!S_ISREG(stt.st_mode)) { errno = S_ISDIR(stt.st_mode) ? EISDIR : EINVAL ; goto err ; }
  while (len < HELP_FILE_MAX)
  {
    ssize_t r = read(fd, buf + len, HELP_FILE_MAX - len) ;
    if (r < 0 && errno == EINTR) continue ;
    if (r < 0) goto err ;
    if (!r) break ;
    len += (size_t)r ;
  }
  close(fd) ;
  return (ssize_t)len ;
 err:
  e = errno ;
  close(fd) ;
  errno = e ;
  return -1 ;
}

/* The first HELP_LINES_MAX lines of buf into sa, NUL-terminated, without
   the last newline; a NUL in the file becomes '?' (the reply writer does
   the same with the other control characters). 1 ok, 0 no memory. */
static int lines_of (char const *buf, size_t len, stralloc *sa)
{
  size_t i = 0 ;
  unsigned int lines = 0 ;
  sa->len = 0 ;
  for (; i < len && lines < HELP_LINES_MAX ; i++)
  {
    char c = buf[i] ? buf[i] : '?' ;
    if (c == '\n') lines++ ;
    if (!stralloc_catb(sa, &c, 1)) return 0 ;
  }
  while (sa->len && (sa->s[sa->len - 1] == '\n' || sa->s[sa->len - 1] == '\r')) sa->len-- ;
  if (!sa->len && !stralloc_cats(sa, "(no help text)")) return 0 ;
  return stralloc_0(sa) ;
}

/* 502 from the plugin itself: a HELP nobody can answer is not a policy
   refusal, so it is not reported to the deny hook (qpsmtpd answered these
   itself too). */
static int refuse (char const *text)
{
  return qp_reply(502, text) ? DONE : DENYSOFT_DISCONNECT ;
}

static int unavailable (char const *file)
{
  qp_log(LOGERROR, "error: unable to read ", file, ": ", strerror(errno), (char *)0) ;
  return refuse("5.3.0 Help for that command is not available now") ;
}

/* OK with the message: the core sends it as 214 with 2.0.0 on every line.
   The prefix is ours, so a file that starts with "250 " or "2.1.0 " is
   text, not codes. */
static int answer (char const *text)
{
  qp_msg("214 2.0.0 ") ;
  qp_msg(text) ;
  return OK ;
}

static int help_help (void *state, qp_hookarg const *a)
{
  static stralloc path = STRALLOC_ZERO ;
  static stralloc text = STRALLOC_ZERO ;
  char buf[HELP_FILE_MAX] ;
  help const *st = state ;
  char const *rest = qp_arg(a, "rest") ;
  char const *file ;
  char verb[HELP_VERB_MAX + 1] ;
  ssize_t len ;
  if (st->not_implemented) return refuse("5.5.1 Not implemented.") ;
  if (!rest || !*rest) { qp_msg(HELP_HINT) ; return OK ; }
  if (!verb_of(rest, verb)) return refuse("5.5.1 Invalid command name") ;
  file = named(st, verb) ;
  if (!file && !st->dir) return refuse("5.5.1 Invalid command name") ;
  if (!file)
  {
    if (!in_dir(st, verb, &path)) { errno = ENOMEM ; return unavailable(st->dir) ; }
    file = path.s ;
    /* a command without a file in help_dir has no help: not an error */
    if ((len = slurp(file, buf)) < 0 && errno == ENOENT) return refuse("5.5.1 Invalid command name") ;
  }
  else len = slurp(file, buf) ;
  if (len < 0) return unavailable(file) ;
  if (!lines_of(buf, (size_t)len, &text)) { errno = ENOMEM ; return unavailable(file) ; }
  return answer(text.s) ;
}

static int help_init (void *state)
{
  help const *st = state ;
  struct stat s ;
  size_t i = 0 ;
  if (st->dir && (stat(st->dir, &s) < 0 || (!S_ISDIR(s.st_mode) && (errno = ENOTDIR))))
  {
    qp_log(LOGERROR, "help_dir ", st->dir, ": ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  /* every other pair is COMMAND FILE: a word that is no command name is a
     mistake (a misspelt argument), not help for a verb nobody can send */
  while (i < st->files.len)
  {
    char const *k = st->files.s + i ;
    char const *v = k + strlen(k) + 1 ;
    char verb[HELP_VERB_MAX + 1] ;
    if (!verb_of(k, verb))
    {
      qp_log(LOGERROR, "unknown argument '", k, "': not a command name (help [COMMAND FILE]...)", (char *)0) ;
      return 0 ;
    }
    i = (size_t)(v - st->files.s) + strlen(v) + 1 ;
  }
  return 1 ;
}

qp_plugin const plugin_help =
{
  .name = "help",
  .state_size = sizeof(help),
  .args = args,
  .init = &help_init,
  .hook = { [HOOK_HELP] = &help_help },
} ;
