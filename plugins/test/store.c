/* ISC license. */
/* test/store (test builds only): the store API (qp_store_*) through an SMTP
   command, so tests drive it black-box from any client, many sessions at
   once: "XSTORE GET ns key", "XSTORE PUT ns key value ttl", "XSTORE INCR ns
   key delta ttl", "XSTORE DEL ns key". Replies 250 with the result, 451
   with errno on a store failure. Never in ./qcsmtpd. */

#include <errno.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

/* splits arg in place at blanks: the number of words, at most max */
static unsigned int words (char *arg, char **w, unsigned int max)
{
  unsigned int n = 0 ;
  while (*arg && n < max)
  {
    while (*arg == ' ') *arg++ = 0 ;
    if (!*arg) break ;
    w[n++] = arg ;
    while (*arg && *arg != ' ') arg++ ;
  }
  return n ;
}

static int answer (int r, char const *what, char const *value)
{
  stralloc sa = STRALLOC_ZERO ;
  int ok ;
  if (r < 0)
  {
    stralloc_cats(&sa, "4.3.0 store failure: ") ;
    stralloc_cats(&sa, strerror(errno)) ;
  }
  else
  {
    stralloc_cats(&sa, "2.0.0 ") ;
    stralloc_cats(&sa, what) ;
    if (value) { stralloc_cats(&sa, " ") ; stralloc_cats(&sa, value) ; }
  }
  if (!stralloc_0(&sa)) return QP_CMD_FAIL ;
  ok = qp_reply(r < 0 ? 451 : 250, sa.s) ;
  stralloc_free(&sa) ;
  return ok ? QP_CMD_OK : QP_CMD_FAIL ;
}

static int x_store (void *state, char *arg)
{
  char *w[6] ;
  unsigned int n = words(arg, w, 6), ttl = 0 ;
  (void)state ;
  if (n == 3 && !strcasecmp(w[0], "get"))
  {
    stralloc v = STRALLOC_ZERO ;
    int64_t e = 0 ;
    char fmt[LONG_FMT] ;
    int r = qp_store_get(w[1], w[2], strlen(w[2]), &v, &e) ;
    int o ;
    if (r <= 0) return answer(r, "missing", 0) ;
    fmt[int64_fmt(fmt, e)] = 0 ;
    if (!stralloc_cats(&v, " expires=") || !stralloc_cats(&v, fmt) || !stralloc_0(&v)) return QP_CMD_FAIL ;
    o = answer(1, "value", v.s) ;
    stralloc_free(&v) ;
    return o ;
  }
  if (n == 5 && !strcasecmp(w[0], "put") && uint_scan(w[4], &ttl))
    return answer(qp_store_put(w[1], w[2], strlen(w[2]), w[3], strlen(w[3]), ttl), "stored", 0) ;
  if (n == 5 && !strcasecmp(w[0], "incr") && uint_scan(w[4], &ttl))
  {
    int64_t d, res = 0 ;
    char fmt[LONG_FMT] ;
    int r ;
    if (!int64_scan(w[3], &d)) return answer(1, "bad delta", 0) ;
    r = qp_store_incr(w[1], w[2], strlen(w[2]), d, ttl, &res) ;
    fmt[int64_fmt(fmt, res)] = 0 ;
    return answer(r, "counter", fmt) ;
  }
  if (n == 3 && !strcasecmp(w[0], "del"))
  {
    int r = qp_store_del(w[1], w[2], strlen(w[2])) ;
    return answer(r, r > 0 ? "deleted" : "missing", 0) ;
  }
  return qp_reply(501, "5.5.4 XSTORE GET|PUT|INCR|DEL ns key [value|delta ttl]") ? QP_CMD_OK : QP_CMD_FAIL ;
}

static qp_command const commands[] =
{
  { "xstore", &x_store, 0 },
  { 0, 0, 0 }
} ;

qp_plugin const plugin_test_store =
{
  .name = "test/store",
  .commands = commands,
  .flags = QP_PLUGIN_TESTONLY,
} ;
