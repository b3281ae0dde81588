/* ISC license. */
/* queue/maildir: delivers the message into one Maildir (tmp/, fsync, link into
   new/, fsync new/), prefixed by Return-Path and Delivered-To lines. 250 only
   once the file is safely in new/; any failure leaves nothing behind. */

#include <stddef.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/utsname.h>

#include <skalibs/stralloc.h>

#include <qcsmtpd/plugin.h>

typedef struct md_s md ;
struct md_s
{
  char const *dir ;
  char host[256] ;       /* host name for unique names, "/" and ":" escaped */
  unsigned long count ;  /* the Q<n> part of unique names */
} ;

/* the step that failed and why, for the reply and the log */
typedef struct fail_s fail ;
struct fail_s
{
  char const *step ;
  int err ;
} ;

static int failed (fail *f, char const *step)
{
  f->step = step ;
  f->err = errno ;
  return 0 ;
}

static int mkdir_p (char const *path)
{
  return mkdir(path, 0700) == 0 || errno == EEXIST ;
}

/* DIR, DIR/tmp, DIR/new, DIR/cur */
static int make_dirs (md const *st, fail *f)
{
  static char const *const sub[3] = { "tmp", "new", "cur" } ;
  stralloc sa = STRALLOC_ZERO ;
  int ok = mkdir_p(st->dir) ;
  if (!ok) { stralloc_free(&sa) ; return failed(f, "mkdir") ; }
  for (unsigned int i = 0 ; ok && i < 3 ; i++)
  {
    sa.len = 0 ;
    if (!stralloc_cats(&sa, st->dir) || !stralloc_catb(&sa, "/", 1)
     || !stralloc_cats(&sa, sub[i]) || !stralloc_0(&sa))
    {
      stralloc_free(&sa) ;
      return failed(f, "malloc") ;
    }
    ok = mkdir_p(sa.s) ;
  }
  stralloc_free(&sa) ;
  return ok ? 1 : failed(f, "mkdir") ;
}

static int put (int fd, char const *s, size_t len)
{
  while (len)
  {
    ssize_t w = write(fd, s, len) ;
    if (w < 0)
    {
      if (errno == EINTR) continue ;
      return 0 ;
    }
    s += w ;
    len -= (size_t)w ;
  }
  return 1 ;
}

/* Return-Path: <sender>, one Delivered-To: per recipient in envelope order,
   then the message as queued (LF line ends). */
static int write_message (int fd, fail *f)
{
  stralloc sa = STRALLOC_ZERO ;
  char const *sender = qp_sender() ;
  unsigned int n = qp_rcpt_count() ;
  char buf[16384] ;
  uint64_t off = 0 ;
  int ok = stralloc_cats(&sa, "Return-Path: <") && stralloc_cats(&sa, sender ? sender : "")
        && stralloc_cats(&sa, ">\n") ;
  for (unsigned int i = 0 ; ok && i < n ; i++)
  {
    char const *r = qp_rcpt(i) ;
    if (r) ok = stralloc_cats(&sa, "Delivered-To: ") && stralloc_cats(&sa, r) && stralloc_catb(&sa, "\n", 1) ;
  }
  if (!ok) { stralloc_free(&sa) ; return failed(f, "malloc") ; }
  ok = put(fd, sa.s, sa.len) ;
  stralloc_free(&sa) ;
  if (!ok) return failed(f, "write") ;
  for (;;)
  {
    ssize_t r = qp_message_read(off, buf, sizeof buf) ;
    if (r < 0) return failed(f, "read spool") ;
    if (!r) return 1 ;
    if (!put(fd, buf, (size_t)r)) return failed(f, "write") ;
    off += (uint64_t)r ;
  }
}

static int fsync_dir (char const *path, fail *f)
{
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) ;
  int r ;
  if (fd < 0) return failed(f, "open new") ;
  r = fsync(fd) ;
  if (r < 0) { failed(f, "fsync new") ; close(fd) ; return 0 ; }
  close(fd) ;
  return 1 ;
}

/* unique name: <epoch>.P<pid>M<usec>Q<n>.<host> (the Maildir convention) */
static int names (md *st, stralloc *uniq, stralloc *tmp, stralloc *new, stralloc *newdir)
{
  char buf[96] ;
  struct timeval tv ;
  gettimeofday(&tv, 0) ;
  snprintf(buf, sizeof buf, "%lld.P%ldM%ldQ%lu.", (long long)tv.tv_sec, (long)getpid(), (long)tv.tv_usec, st->count++) ;
  return stralloc_copys(uniq, buf) && stralloc_cats(uniq, st->host) && stralloc_0(uniq)
      && stralloc_copys(newdir, st->dir) && stralloc_cats(newdir, "/new") && stralloc_0(newdir)
      && stralloc_copys(tmp, st->dir) && stralloc_cats(tmp, "/tmp/") && stralloc_cats(tmp, uniq->s) && stralloc_0(tmp)
      && stralloc_copys(new, newdir->s) && stralloc_catb(new, "/", 1) && stralloc_cats(new, uniq->s) && stralloc_0(new) ;
}

/* link into new/ (rename where the file system has no hard links), then drop tmp/ */
static int publish (char const *tmp, char const *new, fail *f)
{
  if (link(tmp, new) < 0)
  {
    if (errno != EPERM && errno != ENOSYS && errno != EOPNOTSUPP) return failed(f, "link") ;
    if (rename(tmp, new) < 0) return failed(f, "rename") ;
    return 1 ;
  }
  unlink(tmp) ;
  return 1 ;
}

static int deliver (md *st, stralloc *uniq, fail *f)
{
  stralloc tmp = STRALLOC_ZERO, new = STRALLOC_ZERO, newdir = STRALLOC_ZERO ;
  int fd, ok = 0, linked = 0 ;
  if (!names(st, uniq, &tmp, &new, &newdir)) { failed(f, "malloc") ; goto end ; }
  fd = open(tmp.s, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) ;
  if (fd < 0) { failed(f, "open") ; goto end ; }
  ok = write_message(fd, f) ;
  if (ok && fsync(fd) < 0) ok = failed(f, "fsync") ;
  if (close(fd) < 0 && ok) ok = failed(f, "close") ;
  if (ok) ok = linked = publish(tmp.s, new.s, f) ;
  if (ok) ok = fsync_dir(newdir.s, f) ;
  if (!ok)
  {
    unlink(tmp.s) ;
    if (linked) unlink(new.s) ;  /* not durable: the client will retry, no duplicate */
  }
 end:
  stralloc_free(&tmp) ;
  stralloc_free(&new) ;
  stralloc_free(&newdir) ;
  return ok ;
}

static int md_queue (void *state, qp_hookarg const *a)
{
  md *st = state ;
  stralloc uniq = STRALLOC_ZERO ;
  fail f = { .step = "", .err = 0 } ;
  (void)a ;
  if (!make_dirs(st, &f) || !deliver(st, &uniq, &f))
  {
    char const *e = strerror(f.err) ;
    qp_log(LOGERROR, "error: delivery to ", st->dir, " failed: ", f.step, ": ", e, (char *)0) ;
    qp_msg("451 4.3.0 queue error (") ;
    qp_msg(f.step) ;
    qp_msg(": ") ;
    qp_msg(e) ;
    qp_msg(")") ;
    stralloc_free(&uniq) ;
    return DENYSOFT ;
  }
  qp_log(LOGINFO, "queued: ", st->dir, "/new/", uniq.s, (char *)0) ;
  qp_msg("Queued! ") ;
  qp_msg(uniq.s) ;
  stralloc_free(&uniq) ;
  return OK ;
}

/* The Maildir convention: "/" becomes \057 and ":" becomes \072 in the host name. */
static void set_host (md *st)
{
  struct utsname u ;
  char const *h = uname(&u) == 0 && u.nodename[0] ? u.nodename : "localhost" ;
  size_t j = 0 ;
  for (; *h && j + 5 < sizeof st->host ; h++)
  {
    if (*h == '/' || *h == ':')
    {
      memcpy(st->host + j, *h == '/' ? "\\057" : "\\072", 4) ;
      j += 4 ;
    }
    else st->host[j++] = *h ;
  }
  st->host[j] = 0 ;
}

static qp_argdef const md_args[] =
{
  { .name = "DIR", .type = QP_ARG_STRING | QP_ARG_POSITIONAL, .off = offsetof(md, dir), .meta = "DIR" },
  { 0 }
} ;

static int md_init (void *state)
{
  md *st = state ;
  if (!st->dir || !st->dir[0])
  {
    qp_log(LOGERROR, "usage: queue/maildir DIR: the Maildir is missing", (char *)0) ;
    return 0 ;
  }
  st->count = 0 ;
  set_host(st) ;
  return 1 ;
}

qp_plugin const plugin_queue_maildir =
{
  .name = "queue/maildir",
  .aliases = 0,
  .state_size = sizeof(md),
  .args = md_args,
  .init = &md_init,
  .hook = { [HOOK_QUEUE] = &md_queue },
  .flags = 0,
} ;
