/* ISC license. */
/* control.c: finds and parses control files, opens cdb maps (tinycdb is our
   cdb reader; nothing here may include skalibs/cdb.h). Never prints, never exits. */

#include "control.h"

#include <string.h>
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <fcntl.h>
#include <dirent.h>
#include <sys/stat.h>

#include <skalibs/stralloc.h>
#include <skalibs/genalloc.h>
#include <skalibs/djbunix.h>
#include <skalibs/types.h>

#include <cdb.h>

#include "config.h"
#include "limits.h"

static char const *ctldir = 0 ;    /* $QCSMTPD_CONTROL */
static char const *qpconfig = 0 ;  /* $QPSMTPD_CONFIG */
static char const *qmailhome = QMAIL_HOME_DEFAULT ;

/* The lookup directories, in order, without the ones that do not exist or
   that are the same directory as an earlier one: a missing file then costs
   one failed lookup per directory that could hold it. */
static stralloc dirs = STRALLOC_ZERO ;   /* NUL-terminated paths */
static int dirs_done = 0 ;

void control_init (void)
{
  char const *x = getenv("QCSMTPD_CONTROL") ;
  ctldir = x && *x ? x : 0 ;
  x = getenv("QPSMTPD_CONFIG") ;
  qpconfig = x && *x ? x : 0 ;
  x = getenv("QMAIL") ;
  if (x && *x) qmailhome = x ;
  dirs.len = 0 ;
  dirs_done = 0 ;
}

char const *control_qmailhome (void)
{
  return qmailhome ;
}

static void dir_add (char const *a, char const *b, dev_t *dev, ino_t *ino, unsigned int *n)
{
  struct stat st ;
  size_t start = dirs.len ;
  unsigned int i ;
  if (!stralloc_cats(&dirs, a) || (b && !stralloc_cats(&dirs, b)) || !stralloc_0(&dirs)) { dirs.len = start ; return ; }
  if (stat(dirs.s + start, &st) < 0)
  {
    /* keep a directory we cannot look into: its files then read as errors */
    if (errno == ENOENT || errno == ENOTDIR) dirs.len = start ;
    return ;
  }
  for (i = 0 ; i < *n ; i++)
    if (dev[i] == st.st_dev && ino[i] == st.st_ino) { dirs.len = start ; return ; }
  dev[*n] = st.st_dev ; ino[*n] = st.st_ino ; (*n)++ ;
}

static void dirs_make (void)
{
  dev_t dev[5] ;
  ino_t ino[5] ;
  unsigned int n = 0 ;
  if (dirs_done) return ;
  dirs_done = 1 ;
  dirs.len = 0 ;
  if (ctldir) dir_add(ctldir, 0, dev, ino, &n) ;
  if (qpconfig) dir_add(qpconfig, 0, dev, ino, &n) ;
  dir_add("control", 0, dev, ino, &n) ;
  dir_add("config", 0, dev, ino, &n) ;
  dir_add(qmailhome, "/control", dev, ino, &n) ;
}

static int joinp (stralloc *sa, char const *dir, char const *name)
{
  sa->len = 0 ;
  return stralloc_cats(sa, dir) && stralloc_catb(sa, "/", 1) && stralloc_cats(sa, name) && stralloc_0(sa) ;
}

int control_path (char const *name, stralloc *sa)
{
  struct stat st ;
  size_t i ;
  if (name[0] == '/')
  {
    sa->len = 0 ;
    if (!stralloc_cats(sa, name) || !stralloc_0(sa)) return -1 ;
    if (stat(name, &st) == 0) return 1 ;
    return (errno == ENOENT || errno == ENOTDIR) ? 0 : -1 ;
  }
  dirs_make() ;
  for (i = 0 ; i < dirs.len ; i += strlen(dirs.s + i) + 1)
  {
    if (!joinp(sa, dirs.s + i, name)) return -1 ;
    if (stat(sa->s, &st) == 0) return 1 ;
    if (errno != ENOENT && errno != ENOTDIR) return -1 ;
  }
  return 0 ;
}

/* Opens the file name resolves to: fd, or -1 with errno (ENOENT if none). */
static int control_open (char const *name)
{
  stralloc path = STRALLOC_ZERO ;
  size_t i ;
  int fd = -1 ;
  if (name[0] == '/') return open(name, O_RDONLY | O_CLOEXEC) ;
  dirs_make() ;
  errno = ENOENT ;
  for (i = 0 ; i < dirs.len ; i += strlen(dirs.s + i) + 1)
  {
    if (!joinp(&path, dirs.s + i, name)) break ;
    fd = open(path.s, O_RDONLY | O_CLOEXEC) ;
    if (fd >= 0 || (errno != ENOENT && errno != ENOTDIR)) break ;
    errno = ENOENT ;
  }
  {
    int e = errno ;
    stralloc_free(&path) ;
    errno = e ;
  }
  return fd ;
}

static size_t trim (char const *s, size_t len, size_t *start)
{
  size_t a = 0 ;
  while (a < len && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) a++ ;
  while (len > a && (s[len-1] == ' ' || s[len-1] == '\t' || s[len-1] == '\r')) len-- ;
  *start = a ;
  return len - a ;
}

int control_parse (char const *s, size_t len, stralloc *sa, control_include_fn *include, unsigned int depth)
{
  size_t pos = 0 ;
  while (pos < len)
  {
    char const *lf = memchr(s + pos, '\n', len - pos) ;
    size_t end = lf ? (size_t)(lf - s) : len ;
    size_t start ;
    size_t n = trim(s + pos, end - pos, &start) ;
    char const *line = s + pos + start ;
    pos = end + 1 ;
    if (!n || line[0] == '#') continue ;
    if (memchr(line, 0, n)) { errno = EINVAL ; return 0 ; }
    if (n > 9 && !memcmp(line, "$include", 8) && (line[8] == ' ' || line[8] == '\t'))
    {
      char target[4096] ;
      size_t tstart ;
      size_t tn = trim(line + 8, n - 8, &tstart) ;
      if (!tn || tn >= sizeof(target)) { errno = EINVAL ; return 0 ; }
      memcpy(target, line + 8 + tstart, tn) ;
      target[tn] = 0 ;
      if (!include || !(*include)(target, sa, depth + 1)) return 0 ;
      continue ;
    }
    if (!stralloc_catb(sa, line, n) || !stralloc_0(sa)) return 0 ;
  }
  return 1 ;
}

static int readpath_depth (char const *path, stralloc *sa, unsigned int depth) ;

static int include_dir (char const *path, stralloc *sa, unsigned int depth)
{
  stralloc names = STRALLOC_ZERO ;
  genalloc idx = GENALLOC_ZERO ;
  DIR *dir = opendir(path) ;
  int ok = 0 ;
  size_t i, n ;
  if (!dir) return 0 ;
  for (;;)
  {
    struct dirent *d ;
    size_t off = names.len ;
    errno = 0 ;
    d = readdir(dir) ;
    if (!d) break ;
    if (d->d_name[0] == '.') continue ;
    if (!stralloc_cats(&names, d->d_name) || !stralloc_0(&names)) goto end ;
    if (!genalloc_append(size_t, &idx, &off)) goto end ;
  }
  if (errno) goto end ;
  n = genalloc_len(size_t, &idx) ;
  /* sort names: insertion sort, directories are small */
  for (i = 1 ; i < n ; i++)
  {
    size_t *v = genalloc_s(size_t, &idx) ;
    size_t key = v[i], j = i ;
    while (j && strcmp(names.s + v[j-1], names.s + key) > 0) { v[j] = v[j-1] ; j-- ; }
    v[j] = key ;
  }
  for (i = 0 ; i < n ; i++)
  {
    stralloc full = STRALLOC_ZERO ;
    int r ;
    if (!stralloc_cats(&full, path) || !stralloc_cats(&full, "/")
     || !stralloc_cats(&full, names.s + genalloc_s(size_t, &idx)[i]) || !stralloc_0(&full))
    { stralloc_free(&full) ; goto end ; }
    r = readpath_depth(full.s, sa, depth) ;
    stralloc_free(&full) ;
    if (r <= 0) { if (!r) errno = ENOENT ; goto end ; }
  }
  ok = 1 ;
 end:
  closedir(dir) ;
  stralloc_free(&names) ;
  genalloc_free(size_t, &idx) ;
  return ok ;
}

static int include_one (char const *target, stralloc *sa, unsigned int depth)
{
  stralloc path = STRALLOC_ZERO ;
  struct stat st ;
  int r ;
  if (depth > CONTROL_INCLUDE_DEPTH) { errno = ELOOP ; return 0 ; }
  r = control_path(target, &path) ;
  if (r <= 0) { if (!r) errno = ENOENT ; stralloc_free(&path) ; return 0 ; }
  if (stat(path.s, &st) < 0) { stralloc_free(&path) ; return 0 ; }
  if (S_ISDIR(st.st_mode)) r = include_dir(path.s, sa, depth) ;
  else { r = readpath_depth(path.s, sa, depth) ; if (!r) errno = ENOENT ; r = r > 0 ; }
  stralloc_free(&path) ;
  return r ;
}

/* Reads fd to its end, at most CONTROL_FILE_MAX octets (more: EFBIG),
   closes it, and parses the text into sa: 1, or -1 with errno. The values
   gathered in sa, $includes counted, are held to the same limit. */
static int readfd_depth (int fd, stralloc *sa, unsigned int depth)
{
  stralloc text = STRALLOC_ZERO ;
  int r = 1 ;
  for (;;)
  {
    ssize_t n ;
    if (!stralloc_readyplus(&text, 8192)) { r = -1 ; break ; }
    n = read(fd, text.s + text.len, 8192) ;
    if (n < 0) { if (errno == EINTR) continue ; r = -1 ; break ; }
    if (!n) break ;
    text.len += (size_t)n ;
    if (text.len > CONTROL_FILE_MAX) { errno = EFBIG ; r = -1 ; break ; }
  }
  {
    int e = errno ;
    close(fd) ;
    errno = e ;
  }
  if (r > 0) r = control_parse(text.s, text.len, sa, &include_one, depth) ? 1 : -1 ;
  if (r > 0 && sa->len > CONTROL_FILE_MAX) { errno = EFBIG ; r = -1 ; }
  stralloc_free(&text) ;
  return r ;
}

/* Reads and parses the file at path, already resolved: 1, 0 missing, -1 error. */
static int readpath_depth (char const *path, stralloc *sa, unsigned int depth)
{
  int fd ;
  if (depth > CONTROL_INCLUDE_DEPTH) { errno = ELOOP ; return -1 ; }
  fd = open(path, O_RDONLY | O_CLOEXEC) ;
  if (fd < 0) return errno == ENOENT ? 0 : -1 ;
  return readfd_depth(fd, sa, depth) ;
}

static int readlist_depth (char const *name, stralloc *sa, unsigned int depth)
{
  int fd ;
  if (depth > CONTROL_INCLUDE_DEPTH) { errno = ELOOP ; return -1 ; }
  fd = control_open(name) ;
  if (fd < 0) return errno == ENOENT ? 0 : -1 ;
  return readfd_depth(fd, sa, depth) ;
}

int control_readlist (char const *name, stralloc *sa)
{
  return readlist_depth(name, sa, 0) ;
}

int control_readline (char const *name, stralloc *sa)
{
  stralloc all = STRALLOC_ZERO ;
  int r = control_readlist(name, &all) ;
  sa->len = 0 ;
  if (r > 0)
  {
    if (!all.len) r = 0 ;
    else if (!stralloc_copys(sa, all.s) || !stralloc_0(sa)) r = -1 ;
    else sa->len-- ;
  }
  stralloc_free(&all) ;
  return r ;
}

int control_readuint (char const *name, uint64_t *n)
{
  stralloc sa = STRALLOC_ZERO ;
  uint64_t v ;
  size_t i ;
  int r = control_readline(name, &sa) ;
  if (r <= 0) { stralloc_free(&sa) ; return r ; }
  i = uint64_scan(sa.s, &v) ;
  /* allow a trailing comment after blanks, as "10 # ten" */
  if (!i || (sa.s[i] && sa.s[i] != ' ' && sa.s[i] != '\t')) { stralloc_free(&sa) ; errno = EINVAL ; return -1 ; }
  *n = v ;
  stralloc_free(&sa) ;
  return 1 ;
}

 /* cdb maps: opened on first use, kept for the life of the process */

typedef struct cdbmap_s cdbmap ;
struct cdbmap_s
{
  char *name ;
  struct cdb c ;
  int state ;  /* 1 open, 0 no such file */
} ;

static cdbmap maps[CONTROL_CDB_MAX] ;
static unsigned int nmaps = 0 ;

static cdbmap *map_get (char const *name)
{
  stralloc path = STRALLOC_ZERO ;
  cdbmap *m ;
  unsigned int i ;
  int r, fd ;
  for (i = 0 ; i < nmaps ; i++) if (!strcmp(maps[i].name, name)) return maps + i ;
  if (nmaps >= CONTROL_CDB_MAX) { errno = ENFILE ; return 0 ; }
  r = control_path(name, &path) ;
  if (r < 0) { stralloc_free(&path) ; return 0 ; }
  m = maps + nmaps ;
  memset(m, 0, sizeof(*m)) ;
  m->name = strdup(name) ;
  if (!m->name) { stralloc_free(&path) ; return 0 ; }
  if (!r) { m->state = 0 ; nmaps++ ; stralloc_free(&path) ; return m ; }
  fd = open(path.s, O_RDONLY | O_CLOEXEC) ;
  stralloc_free(&path) ;
  if (fd >= 0 && cdb_init(&m->c, fd) >= 0)
  {
    m->state = 1 ;
    nmaps++ ;
    return m ;
  }
  {
    /* the slot stays free: the next lookup tries again */
    int e = errno ;
    if (fd >= 0) close(fd) ;
    free(m->name) ;
    m->name = 0 ;
    errno = e ? e : EINVAL ;
  }
  return 0 ;
}

int control_cdb (char const *name, char const *key, size_t keylen)
{
  cdbmap *m = map_get(name) ;
  int r ;
  if (!m) return -1 ;
  if (!m->state) return 0 ;
  r = cdb_find(&m->c, key, keylen) ;
  if (r < 0) { errno = EINVAL ; return -1 ; }
  return r > 0 ;
}

int control_cdb_get (char const *name, char const *key, size_t keylen, stralloc *value)
{
  cdbmap *m = map_get(name) ;
  unsigned int vlen ;
  int r ;
  if (!m) return -1 ;
  if (!m->state) return 0 ;
  r = cdb_find(&m->c, key, keylen) ;
  if (r < 0) { errno = EINVAL ; return -1 ; }
  if (!r) return 0 ;
  vlen = cdb_datalen(&m->c) ;
  /* a value is a control datum, not a message: bounded like a control file line */
  if (vlen > CONTROL_CDB_VALUE_MAX) { errno = EFBIG ; return -1 ; }
  if (!stralloc_ready(value, (size_t)vlen + 1)) return -1 ;
  if (cdb_read(&m->c, value->s, vlen, cdb_datapos(&m->c)) < 0) { errno = EINVAL ; return -1 ; }
  value->s[vlen] = 0 ;
  value->len = vlen ;
  return 1 ;
}
