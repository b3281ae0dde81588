/* ISC license. */
/* help: answers HELP from help files (qpsmtpd's help plugin): one file per
   command in help_dir, or per-command files named in its arguments; or
   refuses HELP altogether (not_implemented 1). Files are read at HELP,
   bounded, and sent through the core's reply writer, which sanitises them. */

#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

#define HELP_FILE_MAX 4096    /* octets of a help file sent */
#define HELP_LINES_MAX 20     /* lines of a help file sent (the core's limit too) */

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
  { .name = "*", .type = QP_ARG_KV, .off = offsetof(help, files) },
  { 0 }
} ;

/* A command name may name a file: [a-z0-9_-], at most 12 octets (RFC 5321 verbs). */
static int safe (char const *s)
{
  size_t i = 0 ;
  for (; s[i] ; i++)
    if (i >= 12 || !((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_' || s[i] == '-')) return 0 ;
  return i > 0 ;
}

/* The file for cmd (lower case): from the arguments, else help_dir/cmd. */
static char const *path_of (help const *st, char const *cmd, stralloc *sa)
{
  size_t i = 0 ;
  while (i < st->files.len)
  {
    char const *k = st->files.s + i ;
    char const *v = k + strlen(k) + 1 ;
    if (!strcasecmp(k, cmd)) return v ;
    i = (size_t)(v - st->files.s) + strlen(v) + 1 ;
  }
  if (!st->dir) return 0 ;
  sa->len = 0 ;
  if (!stralloc_cats(sa, st->dir) || !stralloc_catb(sa, "/", 1) || !stralloc_cats(sa, cmd) || !stralloc_0(sa)) return 0 ;
  return sa->s ;
}

/* Reads at most HELP_LINES_MAX lines of HELP_FILE_MAX octets into sa.
   1 ok, 0 no such file, -1 error (errno). */
static int readhelp (char const *file, stralloc *sa)
{
  char buf[HELP_FILE_MAX] ;
  size_t len = 0, i, lines = 0 ;
  int fd = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK) ;
  struct stat stt ;
  if (fd < 0) return errno == ENOENT ? 0 : -1 ;
  if (fstat(fd, &stt) < 0 || !S_ISREG(stt.st_mode)) { close(fd) ; errno = EINVAL ; return -1 ; }
  for (;;)
  {
    ssize_t r = read(fd, buf + len, sizeof(buf) - len) ;
    if (r < 0) { if (errno == EINTR) continue ; close(fd) ; return -1 ; }
    if (!r || (len += (size_t)r) == sizeof(buf)) break ;
  }
  close(fd) ;
  sa->len = 0 ;
  for (i = 0 ; i < len && lines < HELP_LINES_MAX ; i++)
  {
    if (buf[i] == '\n') lines++ ;
    if (!stralloc_catb(sa, buf + i, 1)) return -1 ;
  }
  while (sa->len && (sa->s[sa->len - 1] == '\n' || sa->s[sa->len - 1] == '\r')) sa->len-- ;
  if (!sa->len && !stralloc_cats(sa, "(no help text)")) return -1 ;
  return stralloc_0(sa) ? 1 : -1 ;
}

static int answer (unsigned int code, char const *text)
{
  return qp_reply(code, text) ? DONE : DENYSOFT_DISCONNECT ;
}

static int help_help (void *state, qp_hookarg const *a)
{
  static stralloc path = STRALLOC_ZERO ;
  static stralloc text = STRALLOC_ZERO ;
  help const *st = state ;
  char const *rest = qp_arg(a, "rest") ;
  char cmd[13] ;
  char const *file ;
  size_t i = 0 ;
  int r ;
  if (st->not_implemented) return answer(502, "5.5.1 Not implemented.") ;
  if (!rest || !*rest)
  {
    file = path_of(st, "default", &path) ;
    if (!file || (r = readhelp(file, &text)) <= 0) return answer(214, "Try 'HELP COMMAND' for getting help on COMMAND") ;
    return answer(214, text.s) ;
  }
  for (; rest[i] && rest[i] != ' ' && i < sizeof(cmd) - 1 ; i++)
    cmd[i] = rest[i] >= 'A' && rest[i] <= 'Z' ? rest[i] + 32 : rest[i] ;
  cmd[i] = 0 ;
  if ((rest[i] && rest[i] != ' ') || !safe(cmd)) return answer(502, "5.5.1 Invalid command name") ;
  file = path_of(st, cmd, &path) ;
  if (!file) return answer(502, "5.5.1 Invalid command name") ;
  r = readhelp(file, &text) ;
  if (!r) return answer(502, "5.5.1 Invalid command name") ;
  if (r < 0)
  {
    qp_log(LOGERROR, "error: unable to read ", file, ": ", strerror(errno), (char *)0) ;
    return answer(502, "5.3.0 Help for that command is not available now") ;
  }
  return answer(214, text.s) ;
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
  while (i < st->files.len)
  {
    char const *k = st->files.s + i ;
    char const *v = k + strlen(k) + 1 ;
    char low[13] ;
    size_t j = 0 ;
    for (; k[j] && j < 12 ; j++) low[j] = k[j] >= 'A' && k[j] <= 'Z' ? k[j] + 32 : k[j] ;
    low[j] = 0 ;
    if (k[j] || !safe(low))
    {
      qp_log(LOGERROR, "'", k, "' is not a command name (help COMMAND FILE)", (char *)0) ;
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
