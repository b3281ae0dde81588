/* ISC license. */
/* msg.c: header block parsing and editing, message composition. Fields are
   referred to by offset into one arena, never by pointer. The body is never
   held in memory. */

#include "msg.h"

#include <string.h>
#include <errno.h>

#include <skalibs/stralloc.h>
#include <skalibs/genalloc.h>
#include <skalibs/bytestr.h>

#include "limits.h"
#include "spool.h"

typedef struct hfield_s hfield ;
struct hfield_s
{
  size_t off ;    /* into arena: "Name: value\n" with folded lines */
  size_t len ;
  size_t nlen ;
} ;

static stralloc arena = STRALLOC_ZERO ;
static genalloc fields = GENALLOC_ZERO ;   /* hfield */
static genalloc order = GENALLOC_ZERO ;    /* size_t: indices into fields */
static stralloc render = STRALLOC_ZERO ;
static stralloc value = STRALLOC_ZERO ;
static int render_ok = 0 ;
static int hdone = 0 ;
static int toolarge = 0 ;
static int sep = 0 ;           /* a blank line separated header and body */
static int inbody = 0 ;        /* header phase over: octets go to the spool */
static size_t linestart = 0 ;  /* start of the incomplete line in arena */
static unsigned int hops = 0 ;
static uint64_t stored = 0 ;

void msg_reset (void)
{
  arena.len = 0 ;
  genalloc_setlen(hfield, &fields, 0) ;
  genalloc_setlen(size_t, &order, 0) ;
  render.len = 0 ;
  render_ok = 0 ;
  hdone = toolarge = sep = inbody = 0 ;
  linestart = 0 ;
  hops = 0 ;
  stored = 0 ;
  spool_close() ;
}

int msg_begin (char const *spooldir)
{
  msg_reset() ;
  return spool_open(spooldir) ;
}

static int ishop (char const *name, size_t n)
{
  return (n == 8 && case_startb(name, 8, "received"))
      || (n == 12 && case_startb(name, 12, "delivered-to")) ;
}

/* Puts a new field at position pos of the order (pos past the end: last). */
static int field_put (size_t off, size_t len, size_t nlen, size_t pos)
{
  hfield f = { .off = off, .len = len, .nlen = nlen } ;
  size_t idx = genalloc_len(hfield, &fields), k = genalloc_len(size_t, &order) ;
  if (!genalloc_append(hfield, &fields, &f)) return 0 ;
  if (pos > k) pos = k ;
  if (!genalloc_readyplus(size_t, &order, 1)) return 0 ;
  memmove(genalloc_s(size_t, &order) + pos + 1, genalloc_s(size_t, &order) + pos, (k - pos) * sizeof(size_t)) ;
  genalloc_s(size_t, &order)[pos] = idx ;
  genalloc_setlen(size_t, &order, k + 1) ;
  render_ok = 0 ;
  return 1 ;
}

static int field_push (size_t off, size_t len, size_t nlen, int prepend)
{
  return field_put(off, len, nlen, prepend ? 0 : (size_t)-1) ;
}

/* The header block ends; the octets of arena from 'from' on belong to the body. */
static int header_finish (size_t from, int blank)
{
  int ok = 1 ;
  sep = blank ;
  hdone = 1 ;
  inbody = 1 ;
  if (!blank && from < arena.len) ok = spool_write(arena.s + from, arena.len - from) ;
  arena.len = blank ? from : from ;
  return ok ;
}

/* Classifies the complete line [linestart, arena.len). 1 ok, 0 spool error. */
static int header_line (void)
{
  char const *l = arena.s + linestart ;
  size_t n = arena.len - linestart ;
  size_t nf = genalloc_len(hfield, &fields) ;
  if (n == 1) return header_finish(linestart, 1) ;
  if (l[0] == ' ' || l[0] == '\t')
  {
    if (!nf) return header_finish(linestart, 0) ;
    genalloc_s(hfield, &fields)[nf-1].len += n ;
  }
  else
  {
    size_t i = 0 ;
    while (i < n && l[i] != ':' && (unsigned char)l[i] > 32 && (unsigned char)l[i] < 127) i++ ;
    if (!i || i == n || l[i] != ':') return header_finish(linestart, 0) ;
    if (!field_push(linestart, n, i, 0)) { errno = ENOMEM ; return 0 ; }
    if (ishop(l, i)) hops++ ;
  }
  linestart = arena.len ;
  return 1 ;
}

int msg_write (char const *s, size_t len)
{
  stored += len ;
  while (len && !inbody)
  {
    char const *lf = memchr(s, '\n', len) ;
    size_t take = lf ? (size_t)(lf - s) + 1 : len ;
    if (arena.len + take > SMTP_HEADER_MAX)
    {
      toolarge = 1 ;
      hdone = inbody = 1 ;
      return 1 ;
    }
    if (!stralloc_catb(&arena, s, take)) return 0 ;
    s += take ; len -= take ;
    if (lf && !header_line()) return 0 ;
  }
  if (toolarge || !len) return 1 ;
  return spool_write(s, len) ;
}

int msg_end (void)
{
  if (!inbody && arena.len > linestart && !header_finish(linestart, 0)) return 0 ;
  if (!inbody)
  {
    /* no blank line: the data ended inside the header block; every line
       there was complete, since data always ends with a line end */
    hdone = inbody = 1 ;
    sep = 0 ;
  }
  return toolarge || spool_flush() ;
}

int msg_header_done (void) { return hdone ; }
int msg_header_toolarge (void) { return toolarge ; }
unsigned int msg_hops (void) { return hops ; }
uint64_t msg_stored (void) { return stored ; }

 /* header editing */

static hfield const *nth (char const *name, unsigned int n, size_t *pos)
{
  size_t nl = strlen(name), i = 0, k = genalloc_len(size_t, &order) ;
  for (; i < k ; i++)
  {
    hfield const *f = genalloc_s(hfield, &fields) + genalloc_s(size_t, &order)[i] ;
    if (f->nlen == nl && case_startb(arena.s + f->off, nl, name) && !n--)
    {
      if (pos) *pos = i ;
      return f ;
    }
  }
  return 0 ;
}

unsigned int msg_header_count (char const *name)
{
  size_t nl = strlen(name), i = 0, k = genalloc_len(size_t, &order) ;
  unsigned int n = 0 ;
  for (; i < k ; i++)
  {
    hfield const *f = genalloc_s(hfield, &fields) + genalloc_s(size_t, &order)[i] ;
    if (f->nlen == nl && case_startb(arena.s + f->off, nl, name)) n++ ;
  }
  return n ;
}

char const *msg_header_get (char const *name, unsigned int n)
{
  hfield const *f = nth(name, n, 0) ;
  size_t a, e ;
  if (!f) return 0 ;
  a = f->off + f->nlen + 1 ;
  e = f->off + f->len ;
  while (a < e && (arena.s[a] == ' ' || arena.s[a] == '\t')) a++ ;
  if (e > a && arena.s[e-1] == '\n') e-- ;
  if (!stralloc_copyb(&value, arena.s + a, e - a) || !stralloc_0(&value)) return 0 ;
  return value.s ;
}

char const *msg_header_raw (char const *name, unsigned int n)
{
  hfield const *f = nth(name, n, 0) ;
  if (!f) return 0 ;
  if (!stralloc_copyb(&value, arena.s + f->off, f->len) || !stralloc_0(&value)) return 0 ;
  return value.s ;
}

int msg_body_commit (void)
{
  if (!spool_replace_commit()) return 0 ;
  /* a header block that ran to the end of data needs its blank line now */
  if (spool_size()) sep = 1 ;
  render_ok = 0 ;
  return 1 ;
}

static int namevalid (char const *name)
{
  size_t i = 0 ;
  for (; name[i] ; i++)
    if ((unsigned char)name[i] <= 32 || (unsigned char)name[i] >= 127 || name[i] == ':') return 0 ;
  return i > 0 ;
}

/* Appends "Name: value\n" to the arena; a line break inside value that is not
   followed by a blank gets a tab, so a value can never start a new field. */
static int field_build (char const *name, char const *v, size_t *off, size_t *len, size_t *nlen)
{
  size_t start = arena.len ;
  if (!namevalid(name)) { errno = EINVAL ; return 0 ; }
  if (!stralloc_cats(&arena, name) || !stralloc_catb(&arena, ": ", 2)) goto err ;
  for (; *v ; v++)
  {
    if (*v == '\r') continue ;
    if (!stralloc_catb(&arena, v, 1)) goto err ;
    if (*v == '\n' && v[1] != ' ' && v[1] != '\t' && !stralloc_catb(&arena, "\t", 1)) goto err ;
  }
  if (arena.s[arena.len-1] == '\t' && arena.s[arena.len-2] == '\n') arena.len-- ;
  else if (!stralloc_catb(&arena, "\n", 1)) goto err ;
  *off = start ; *len = arena.len - start ; *nlen = strlen(name) ;
  return 1 ;
 err:
  arena.len = start ;
  return 0 ;
}

int msg_header_add (char const *name, char const *v, int prepend)
{
  size_t off, len, nlen ;
  if (!field_build(name, v, &off, &len, &nlen)) return 0 ;
  if (!field_push(off, len, nlen, prepend)) return 0 ;
  if (ishop(name, nlen)) hops++ ;
  return 1 ;
}

int msg_header_insert (unsigned int index, char const *name, char const *v)
{
  size_t off, len, nlen ;
  if (!field_build(name, v, &off, &len, &nlen)) return 0 ;
  if (!field_put(off, len, nlen, index)) return 0 ;
  if (ishop(name, nlen)) hops++ ;
  return 1 ;
}

int msg_header_replace (char const *name, unsigned int n, char const *v)
{
  size_t pos, off, len, nlen ;
  hfield f ;
  if (!nth(name, n, &pos)) { errno = ENOENT ; return 0 ; }
  if (!field_build(name, v, &off, &len, &nlen)) return 0 ;
  f.off = off ; f.len = len ; f.nlen = nlen ;
  if (!genalloc_append(hfield, &fields, &f)) return 0 ;
  genalloc_s(size_t, &order)[pos] = genalloc_len(hfield, &fields) - 1 ;
  render_ok = 0 ;
  return 1 ;
}

int msg_header_delete (char const *name, unsigned int n)
{
  size_t pos, k = genalloc_len(size_t, &order) ;
  size_t *o = genalloc_s(size_t, &order) ;
  if (!nth(name, n, &pos)) { errno = ENOENT ; return 0 ; }
  memmove(o + pos, o + pos + 1, (k - pos - 1) * sizeof(size_t)) ;
  genalloc_setlen(size_t, &order, k - 1) ;
  render_ok = 0 ;
  return 1 ;
}

 /* composition */

static int rendered (void)
{
  size_t i = 0, k = genalloc_len(size_t, &order) ;
  if (render_ok) return 1 ;
  render.len = 0 ;
  for (; i < k ; i++)
  {
    hfield const *f = genalloc_s(hfield, &fields) + genalloc_s(size_t, &order)[i] ;
    if (!stralloc_catb(&render, arena.s + f->off, f->len)) return 0 ;
  }
  if (sep && !stralloc_catb(&render, "\n", 1)) return 0 ;
  render_ok = 1 ;
  return 1 ;
}

uint64_t msg_total (void)
{
  if (!rendered()) return 0 ;
  return render.len + spool_size() ;
}

ssize_t msg_body_read (uint64_t off, char *buf, size_t len)
{
  return spool_pread(off, buf, len) ;
}

ssize_t msg_read (uint64_t off, char *buf, size_t len)
{
  if (!rendered()) { errno = ENOMEM ; return -1 ; }
  if (off < render.len)
  {
    size_t n = render.len - off ;
    if (n > len) n = len ;
    memcpy(buf, render.s + off, n) ;
    return n ;
  }
  return spool_pread(off - render.len, buf, len) ;
}
