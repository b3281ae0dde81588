/* ISC license. */
/* auth/auth_flat_file: verifies PLAIN, LOGIN and CRAM-MD5 credentials
   against control/flat_auth_pw ("user@domain:password" lines), read at every
   attempt. Never logs a password; wipes its copy of the file after use. */

#include <string.h>
#include <strings.h>
#include <errno.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

#define FILE_NAME "flat_auth_pw"

/* The password of user in the list (NUL-terminated entries), or NULL.
   Malformed entries are skipped with a warning naming their number. */
static char const *lookup (stralloc const *sa, char const *user)
{
  size_t i = 0 ;
  unsigned int n = 0 ;
  char const *found = 0 ;
  while (i < sa->len)
  {
    char const *s = sa->s + i ;
    char const *colon = strchr(s, ':') ;
    size_t len = strlen(s) ;
    i += len + 1 ;
    n++ ;
    if (!colon || !memchr(s, '@', (size_t)(colon - s)) || !colon[1])
    {
      char fmt[UINT_FMT] ;
      fmt[uint_fmt(fmt, n)] = 0 ;
      qp_log(LOGWARN, "control/" FILE_NAME ": entry ", fmt,
        " skipped: not user@domain:password (comments and blank lines not counted)", (char *)0) ;
      continue ;
    }
    /* addresses compare case-insensitively, as qpsmtpd's lc */
    if (!found && (size_t)(colon - s) == strlen(user) && !strncasecmp(s, user, (size_t)(colon - s))) found = colon + 1 ;
  }
  return found ;
}

static int flat_auth (void *state, qp_hookarg const *a)
{
  stralloc sa = STRALLOC_ZERO ;
  char const *user = qp_arg(a, "user") ;
  char const *pass = qp_arg(a, "password") ;
  char const *secret ;
  int r, ok ;
  (void)state ;
  if (!user || !pass || !strchr(user, '@'))
  {
    qp_log(LOGINFO, "skip: user name without @domain", (char *)0) ;
    return DECLINED ;
  }
  r = qp_control_list(FILE_NAME, &sa) ;
  if (r <= 0)
  {
    /* our fault, not the client's: 454, and the client tries again later */
    qp_log(LOGERROR, "error: control/" FILE_NAME " ", r ? "unreadable: " : "is missing", r ? strerror(errno) : "", (char *)0) ;
    qp_wipe(sa.s, sa.len) ;
    stralloc_free(&sa) ;
    qp_msg("auth_flat_file - unable to read the password file") ;
    return DENYSOFT ;
  }
  secret = lookup(&sa, user) ;
  if (!secret)
  {
    qp_wipe(sa.s, sa.len) ;
    stralloc_free(&sa) ;
    qp_log(LOGINFO, "skip: unknown user ", user, (char *)0) ;
    return DECLINED ;
  }
  ok = !strcmp(qp_arg(a, "mechanism"), "cram-md5")
     ? qp_cram_md5_verify(qp_arg(a, "ticket"), secret, pass)
     : qp_secret_equal(pass, strlen(pass), secret, strlen(secret)) ;
  qp_wipe(sa.s, sa.len) ;
  stralloc_free(&sa) ;
  if (!ok)
  {
    qp_log(LOGINFO, "fail: wrong password for ", user, (char *)0) ;
    qp_msg("auth_flat_file - wrong password") ;
    return DENY ;
  }
  qp_log(LOGINFO, "pass: ", user, (char *)0) ;
  qp_msg("auth_flat_file") ;
  return OK ;
}

qp_plugin const plugin_auth_auth_flat_file =
{
  .name = "auth/auth_flat_file",
  .aliases = 0,
  .hook =
  {
    [HOOK_AUTH_PLAIN] = &flat_auth,
    [HOOK_AUTH_LOGIN] = &flat_auth,
    [HOOK_AUTH_CRAM_MD5] = &flat_auth,
  },
  .flags = 0,
} ;
