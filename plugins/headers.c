/* ISC license. */
/* headers: checks the header block at data_post (qpsmtpd's headers, the old
   check_basicheaders): a message at all, the required fields (From by
   default, and it must be a valid mailbox-list), one of each field RFC 5322
   3.6 allows once, and a Date neither too far in the future nor in the past.
   Refusals follow reject and reject_type; an empty message is always refused. */

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct hd_s hd ;
struct hd_s
{
  stralloc require ;     /* field names, NUL-separated */
  unsigned int future ;  /* days; 0: not checked */
  unsigned int past ;    /* days; 0: not checked */
  unsigned int days ;    /* check_basicheaders' one positional argument: both */
} ;

static qp_argdef const args[] =
{
  { .name = "require", .type = QP_ARG_LIST, .off = offsetof(hd, require), .meta = "From,Date,..." },
  { .name = "future", .type = QP_ARG_UINT, .off = offsetof(hd, future), .def = "0", .max = 36500, .meta = "DAYS" },
  { .name = "past", .type = QP_ARG_UINT, .off = offsetof(hd, past), .def = "0", .max = 36500, .meta = "DAYS" },
  { .name = "days", .type = QP_ARG_UINT | QP_ARG_POSITIONAL, .off = offsetof(hd, days), .def = "0", .max = 36500, .meta = "DAYS" },
  { 0 }
} ;

/* RFC 5322 3.6: at most one of each of these */
static char const *const singular[] =
{
  "Date", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Message-Id", "In-Reply-To", "References", "Subject", 0
} ;

static int refuse (stralloc *t, char const *a, char const *b, char const *c)
{
  t->len = 0 ;
  if (!stralloc_cats(t, a) || !stralloc_cats(t, b) || !stralloc_cats(t, c) || !stralloc_0(t))
  {
    qp_log(LOGERROR, "error: out of memory", (char *)0) ;
    qp_msg("451 4.3.0 out of memory") ;
    return DENYSOFT ;
  }
  qp_log(LOGINFO, "fail: ", t->s, (char *)0) ;
  return qp_reject(t->s) ;
}

/* A From that is a mailbox-list of at least one mailbox (RFC 5322 3.6.2). */
static int from_valid (void)
{
  static stralloc sa = STRALLOC_ZERO ;
  char const *v = qp_header_get("From", 0) ;
  sa.len = 0 ;
  return v && qp_addrlist_parse(v, strlen(v), &sa) > 0 ;
}

static int check_date (hd const *st, stralloc *t)
{
  char const *v ;
  int64_t when, now ;
  if (!st->future && !st->past) return DECLINED ;
  v = qp_header_get("Date", 0) ;
  if (!v) return DECLINED ;   /* required or not: the require check's business */
  if (!qp_date_parse(v, strlen(v), &when)) return refuse(t, "The Date header is not a valid RFC 5322 date", "", "") ;
  now = qp_now() ;
  if (st->future && when > now + (int64_t)st->future * 86400) return refuse(t, "The Date header is too far in the future", "", "") ;
  if (st->past && when < now - (int64_t)st->past * 86400) return refuse(t, "The Date header is too far in the past", "", "") ;
  return DECLINED ;
}

static int hd_data_post (void *state, qp_hookarg const *a)
{
  static stralloc t = STRALLOC_ZERO ;
  hd const *st = state ;
  size_t i = 0 ;
  int v ;
  (void)a ;
  if (!qp_data_size())
  {
    qp_log(LOGINFO, "fail: empty message", (char *)0) ;
    qp_msg("You must send some data first") ;
    return DENY ;
  }
  for (; i < st->require.len ; i += strlen(st->require.s + i) + 1)
  {
    char const *name = st->require.s + i ;
    if (!qp_header_count(name) || (!strcasecmp(name, "From") && !from_valid()))
      return refuse(&t, "We require a valid ", name, " header") ;
  }
  for (i = 0 ; singular[i] ; i++)
    if (qp_header_count(singular[i]) > 1)
      return refuse(&t, "Only one ", singular[i], " header allowed. See RFC 5322, Section 3.6") ;
  v = check_date(st, &t) ;
  if (v != DECLINED) return v ;
  qp_log(LOGDEBUG, "pass", (char *)0) ;
  return DECLINED ;
}

static int hd_init (void *state)
{
  hd *st = state ;
  if (st->days && !st->future) st->future = st->days ;
  if (st->days && !st->past) st->past = st->days ;
  if (!st->require.len && !(stralloc_cats(&st->require, "From") && stralloc_0(&st->require)))
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  return 1 ;
}

static char const *const aliases[] = { "check_basicheaders", 0 } ;

qp_plugin const plugin_headers =
{
  .name = "headers",
  .aliases = aliases,
  .state_size = sizeof(hd),
  .args = args,
  .init = &hd_init,
  .hook = { [HOOK_DATA_POST] = &hd_data_post },
} ;
