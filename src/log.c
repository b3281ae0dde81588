/* ISC license. */
/* log.c: formats log lines and sends them to fd 2 or to the sink; never
   blocks the session on a full log pipe for long, never logs secrets
   (callers are responsible for what they pass). */

#include "log.h"

#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <errno.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include "hooktab.h"

int log_level = LOGWARN ;
log_sink_fn *log_sink = 0 ;
int log_hookid = -1 ;
static char const *ctxwho = 0 ;
static int ctxlevel = -1 ;

static char const *const levelname[8] =
{
  "emerg", "alert", "crit", "error", "warn", "notice", "info", "debug"
} ;

int qp_loglevel_scan (char const *s, int *n)
{
  if (s[0] >= '0' && s[0] <= '7' && !s[1]) { *n = s[0] - '0' ; return 1 ; }
  if (!strncasecmp(s, "LOG", 3)) s += 3 ;
  /* qpsmtpd's LOGRADAR is its name for 0 */
  if (!strcasecmp(s, "radar")) { *n = LOGEMERG ; return 1 ; }
  for (int i = 0 ; i < 8 ; i++)
    if (!strcasecmp(s, levelname[i])) { *n = i ; return 1 ; }
  return 0 ;
}

char const *qp_loglevel_name (int level)
{
  return levelname[level & 7] ;
}

int qp_cat_printable (stralloc *sa, char const *s)
{
  size_t start = sa->len ;
  if (!stralloc_cats(sa, s)) return 0 ;
  for (size_t i = start ; i < sa->len ; i++)
  {
    unsigned char c = (unsigned char)sa->s[i] ;
    if (c == '\n' || c == '\r' || c == '\t') sa->s[i] = ' ' ;
    else if (c < 32 || c > 126) sa->s[i] = '?' ;
  }
  return 1 ;
}

void log_context (char const *who, int threshold)
{
  ctxwho = who ;
  ctxlevel = threshold ;
}

char const *log_who (void) { return ctxwho ; }

int log_wants_plugin (int level)
{
  return level <= (ctxlevel >= 0 ? ctxlevel : log_level) || log_sink ;
}

static size_t cat (char *buf, size_t len, size_t max, char const *s)
{
  size_t n = strlen(s) ;
  size_t i = 0 ;
  for (; i < n && len < max ; i++)
  {
    unsigned char c = s[i] ;
    buf[len++] = (c < 32 || c > 126) ? '?' : c ;
  }
  return len ;
}

static void emit (int level, char const *who, char const *text)
{
  static int inlog = 0 ;
  char buf[1024] ;
  size_t len = 0 ;
  if (log_sink)
  {
    if (inlog) return ;
    inlog = 1 ;
    (*log_sink)(level, who ? who : "core", text, log_hookid >= 0 ? hooktab_name(log_hookid) : "") ;
    inlog = 0 ;
    return ;
  }
  len = cat(buf, len, sizeof(buf) - 1, "qcsmtpd: ") ;
  len += pid_fmt(buf + len, getpid()) ;
  buf[len++] = ' ' ;
  len = cat(buf, len, sizeof(buf) - 1, levelname[level & 7]) ;
  buf[len++] = ' ' ;
  if (who)
  {
    len = cat(buf, len, sizeof(buf) - 1, "plugin=") ;
    len = cat(buf, len, sizeof(buf) - 1, who) ;
    buf[len++] = ' ' ;
  }
  len = cat(buf, len, sizeof(buf) - 1, text) ;
  buf[len++] = '\n' ;
  while (write(2, buf, len) < 0 && errno == EINTR) ;
}

static void vlog (int level, char const *who, char const *s, va_list ap)
{
  char text[900] ;
  size_t len = 0 ;
  for (; s ; s = va_arg(ap, char const *))
  {
    size_t n = strlen(s) ;
    if (n > sizeof(text) - 1 - len) n = sizeof(text) - 1 - len ;
    memcpy(text + len, s, n) ;
    len += n ;
  }
  text[len] = 0 ;
  emit(level, who, text) ;
}

void log_plugin_v (int level, char const *s, va_list ap)
{
  if (!log_wants_plugin(level)) return ;
  vlog(level, ctxwho ? ctxwho : "?", s, ap) ;
}

void log_core (int level, char const *s, ...)
{
  va_list ap ;
  if (!log_wants(level)) return ;
  va_start(ap, s) ;
  vlog(level, 0, s, ap) ;
  va_end(ap) ;
}
