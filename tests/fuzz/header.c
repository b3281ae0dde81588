/* ISC license. */
/* tests/fuzz/header.c: libFuzzer harness for the message and its header block
   (src/msg.h). Input layout:
     octet 0     msg_write chunk size (0: the whole message in one call)
     octet 1     if bit 7 is set, (octet & 127) * 1031 octets of body lines are
                 appended to the message, so that the spool spills to its file
     octets 2-3  message length n (little-endian, capped by what is left)
     n octets    the message (stored form: LF line ends)
     the rest    operations: add, prepend, replace, delete, get, count, reads
   A reference model of the header block (parsed here from the same rules:
   "Name:" lines, SP/HT continuation lines, the block ends at an empty line or
   at the first line that is neither) tracks every edit. Checked: the message
   read back whole equals the model's rendering (right after msg_end that is
   the input itself), msg_read at random offsets returns slices of it, counts,
   values and hops agree, and a field added or replaced by an edit is
   "Name: " then the value with only a TAB inserted after a line break and a
   final LF, never a line that starts a new field or an empty line. */

#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <skalibs/stralloc.h>

#include "limits.h"
#include "msg.h"
#include "fuzz.h"

typedef struct mfield_s mfield ;
struct mfield_s
{
  char *s ;        /* "Name: value\n" with its continuation lines */
  size_t len ;
  size_t nlen ;
} ;

static char spooldir[4096] ;
static mfield *mf = 0 ;
static size_t mn = 0, mcap = 0 ;
static int msep = 0 ;
static char const *mbody = 0 ;
static size_t mbodylen = 0 ;
static unsigned int mhops = 0 ;
static uint64_t seed = 0 ;

static void rmspool (void) { rmdir(spooldir) ; }

int LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void)argc ; (void)argv ;
  fuzz_tmpdir(spooldir, sizeof spooldir, "qcsmtpd-fuzz-header") ;
  atexit(&rmspool) ;
  return 0 ;
}

static void model_clear (void)
{
  for (size_t i = 0 ; i < mn ; i++) free(mf[i].s) ;
  mn = 0 ;
}

static void model_insert (size_t pos, char const *s, size_t len, size_t nlen)
{
  if (mn == mcap)
  {
    mcap = mcap ? 2 * mcap : 16 ;
    mf = realloc(mf, mcap * sizeof *mf) ;
    if (!mf) abort() ;
  }
  memmove(mf + pos + 1, mf + pos, (mn - pos) * sizeof *mf) ;
  mf[pos].s = fuzz_memdup((uint8_t const *)s, len) ;
  mf[pos].len = len ;
  mf[pos].nlen = nlen ;
  mn++ ;
}

static void model_remove (size_t pos)
{
  free(mf[pos].s) ;
  memmove(mf + pos, mf + pos + 1, (mn - pos - 1) * sizeof *mf) ;
  mn-- ;
}

static int ishop (char const *name, size_t n)
{
  return (n == 8 && !strncasecmp(name, "received", 8)) || (n == 12 && !strncasecmp(name, "delivered-to", 12)) ;
}

/* Parses the stored message s into the model; returns the extent of the
   header phase (octets up to and including the line that ended it). */
static size_t model_parse (char const *s, size_t len)
{
  size_t pos = 0 ;
  model_clear() ;
  msep = 0 ; mhops = 0 ;
  mbody = s + len ; mbodylen = 0 ;
  while (pos < len)
  {
    char const *lf = memchr(s + pos, '\n', len - pos) ;
    size_t n, i = 0 ;
    if (!lf) { mbody = s + pos ; mbodylen = len - pos ; return len ; }
    n = (size_t)(lf - (s + pos)) + 1 ;
    if (n == 1) { msep = 1 ; mbody = s + pos + 1 ; mbodylen = len - pos - 1 ; return pos + 1 ; }
    if (s[pos] == ' ' || s[pos] == '\t')
    {
      if (!mn) { mbody = s + pos ; mbodylen = len - pos ; return pos + n ; }
      mf[mn-1].s = realloc(mf[mn-1].s, mf[mn-1].len + n) ;
      if (!mf[mn-1].s) abort() ;
      memcpy(mf[mn-1].s + mf[mn-1].len, s + pos, n) ;
      mf[mn-1].len += n ;
    }
    else
    {
      while (i < n && s[pos+i] != ':' && (unsigned char)s[pos+i] > 32 && (unsigned char)s[pos+i] < 127) i++ ;
      if (!i || s[pos+i] != ':') { mbody = s + pos ; mbodylen = len - pos ; return pos + n ; }
      model_insert(mn, s + pos, n, i) ;
      if (ishop(s + pos, i)) mhops++ ;
    }
    pos += n ;
  }
  return len ;
}

static size_t model_hlen (size_t from, size_t to)
{
  size_t n = 0 ;
  for (; from < to ; from++) n += mf[from].len ;
  return n ;
}

static void model_render (stralloc *sa)
{
  sa->len = 0 ;
  for (size_t i = 0 ; i < mn ; i++) if (!stralloc_catb(sa, mf[i].s, mf[i].len)) abort() ;
  if (msep && !stralloc_catb(sa, "\n", 1)) abort() ;
  if (!stralloc_catb(sa, mbody, mbodylen)) abort() ;
}

/* The model's field for msg's nth(name, n), or -1. */
static long model_nth (char const *name, unsigned int n)
{
  size_t nl = strlen(name) ;
  for (size_t i = 0 ; i < mn ; i++)
    if (mf[i].nlen == nl && !strncasecmp(mf[i].s, name, nl) && !n--) return (long)i ;
  return -1 ;
}

static int name_ok (char const *name)
{
  size_t i = 0 ;
  for (; name[i] ; i++) if ((unsigned char)name[i] <= 32 || (unsigned char)name[i] >= 127 || name[i] == ':') return 0 ;
  return i > 0 ;
}

/* The whole message as msg_read gives it, in steps of random sizes. */
static void readall (stralloc *sa)
{
  uint64_t off = 0 ;
  sa->len = 0 ;
  for (;;)
  {
    /* tiny reads near the header block, big ones through a big body */
    size_t step = 1 + fuzz_rand(&seed) % (fuzz_rand(&seed) & 1 && off < 4096 ? 7 : 9000) ;
    ssize_t r ;
    if (!stralloc_readyplus(sa, step)) abort() ;
    r = msg_read(off, sa->s + sa->len, step) ;
    FUZZ_CHECK(r >= 0 && (size_t)r <= step, "msg_read(%llu, %zu) = %zd", (unsigned long long)off, step, r) ;
    if (!r) break ;
    sa->len += (size_t)r ;
    off += (uint64_t)r ;
  }
}

static stralloc got = STRALLOC_ZERO ;
static stralloc want = STRALLOC_ZERO ;

static void check_render (char const *what)
{
  readall(&got) ;
  model_render(&want) ;
  FUZZ_CHECK(got.len == want.len && fuzz_memeq(got.s, want.s, got.len),
    "after %s the message reads \"%s\", the model says \"%s\"", what, fuzz_esc(got.s, got.len), fuzz_esc(want.s, want.len)) ;
  FUZZ_CHECK(msg_total() == want.len, "after %s msg_total() = %llu, the model says %zu", what, (unsigned long long)msg_total(), want.len) ;
  FUZZ_CHECK(msg_hops() == mhops, "after %s msg_hops() = %u, the model says %u", what, msg_hops(), mhops) ;
}

/* A field an edit made: "Name: " + the value (CRs dropped) with only a TAB
   after a line break that the value did not follow with a blank, + LF. */
static void check_field (char const *f, size_t flen, char const *name, char const *value)
{
  size_t nl = strlen(name), i, j = 0, vl ;
  char *v = malloc(strlen(value) + 1) ;
  if (!v) abort() ;
  for (i = 0, vl = 0 ; value[i] ; i++) if (value[i] != '\r') v[vl++] = value[i] ;
  FUZZ_CHECK(flen >= nl + 3 && fuzz_memeq(f, name, nl) && f[nl] == ':' && f[nl+1] == ' ',
    "field \"%s\" does not start with \"%s: \"", fuzz_esc(f, flen), fuzz_escs(name)) ;
  FUZZ_CHECK(f[flen-1] == '\n', "field \"%s\" does not end with LF", fuzz_esc(f, flen)) ;
  for (i = 0 ; i + 1 < flen ; i++)
  {
    FUZZ_CHECK(f[i] != '\r', "field \"%s\" holds a CR", fuzz_esc(f, flen)) ;
    FUZZ_CHECK(f[i] != '\n' || f[i+1] == ' ' || f[i+1] == '\t',
      "value \"%s\" starts a new line in field \"%s\" (header injection)", fuzz_escs(value), fuzz_esc(f, flen)) ;
  }
  /* the text between "Name: " and the final LF is the value, plus TABs after LFs */
  for (i = nl + 2 ; i < flen - 1 ; )
  {
    FUZZ_CHECK(j < vl && f[i] == v[j], "field \"%s\" is not value \"%s\" (octet %zu)", fuzz_esc(f, flen), fuzz_escs(value), i) ;
    i++ ; j++ ;
    if (f[i-1] == '\n')
    {
      size_t tf = 0, tv = 0 ;
      while (i + tf < flen - 1 && f[i+tf] == '\t') tf++ ;
      while (j + tv < vl && v[j+tv] == '\t') tv++ ;
      FUZZ_CHECK(tf == tv || tf == tv + 1, "field \"%s\" is not value \"%s\" (TABs after LF at %zu)", fuzz_esc(f, flen), fuzz_escs(value), i) ;
      i += tf ; j += tv ;
    }
  }
  /* the value's own final line break (and a TAB after it) merges with the LF */
  FUZZ_CHECK(j == vl || (vl - j == 1 && v[j] == '\n') || (vl - j == 2 && v[j] == '\n' && v[j+1] == '\t'),
    "field \"%s\" lost the end \"%s\" of value \"%s\"", fuzz_esc(f, flen), fuzz_esc(v + j, vl - j), fuzz_escs(value)) ;
  free(v) ;
}

static char const *const names[] =
{
  "Received", "received", "RECEIVED", "Delivered-To", "delivered-to", "Subject", "From", "To",
  "X-Fuzz", "x-fuzz", "Message-ID", "Date", "Return-Path", "X", "bad name", "bad:name", "", "X\x7f"
} ;
#define NNAMES (sizeof(names) / sizeof(names[0]))

/* A name: from the table, a field of the model, or from the input. */
static char *pick_name (fuzz_in *in)
{
  unsigned int b = fuzz_byte(in) ;
  if (b >= 0xe0) return fuzz_str(in, 40) ;
  if (b >= 0xa0 && mn)
  {
    mfield const *f = mf + b % mn ;
    return fuzz_strdup((uint8_t const *)f->s, f->nlen) ;
  }
  return fuzz_strdup((uint8_t const *)names[b % NNAMES], strlen(names[b % NNAMES])) ;
}

static void op_add (fuzz_in *in, int prepend)
{
  char *name = pick_name(in) ;
  char *value = fuzz_str(in, 300) ;
  uint64_t before = msg_total() ;
  int r = msg_header_add(name, value, prepend) ;
  FUZZ_CHECK(r == name_ok(name), "msg_header_add(\"%s\", \"%s\") = %d", fuzz_escs(name), fuzz_escs(value), r) ;
  if (!r) { FUZZ_CHECK(msg_total() == before, "a failed add changed the message") ; goto end ; }
  readall(&got) ;
  {
    size_t pos = prepend ? 0 : mn ;
    size_t pre = model_hlen(0, pos), post = model_hlen(pos, mn) + msep + mbodylen ;
    FUZZ_CHECK(got.len > pre + post, "add of \"%s\" did not grow the message", fuzz_escs(name)) ;
    check_field(got.s + pre, got.len - pre - post, name, value) ;
    model_insert(pos, got.s + pre, got.len - pre - post, strlen(name)) ;
    if (ishop(name, strlen(name))) mhops++ ;
  }
  check_render(prepend ? "prepend" : "add") ;
 end:
  free(name) ; free(value) ;
}

static void op_replace (fuzz_in *in)
{
  char *name = pick_name(in) ;
  unsigned int n = fuzz_byte(in) % 4 ;
  char *value = fuzz_str(in, 300) ;
  long pos = model_nth(name, n) ;
  int r = msg_header_replace(name, n, value) ;
  FUZZ_CHECK(r == (pos >= 0 && name_ok(name)), "msg_header_replace(\"%s\", %u, \"%s\") = %d, model field %ld",
    fuzz_escs(name), n, fuzz_escs(value), r, pos) ;
  if (r)
  {
    size_t pre = model_hlen(0, (size_t)pos), post = model_hlen((size_t)pos + 1, mn) + msep + mbodylen ;
    readall(&got) ;
    FUZZ_CHECK(got.len > pre + post, "replace of \"%s\" left no field", fuzz_escs(name)) ;
    check_field(got.s + pre, got.len - pre - post, name, value) ;
    model_remove((size_t)pos) ;
    model_insert((size_t)pos, got.s + pre, got.len - pre - post, strlen(name)) ;
  }
  check_render("replace") ;
  free(name) ; free(value) ;
}

static void op_delete (fuzz_in *in)
{
  char *name = pick_name(in) ;
  unsigned int n = fuzz_byte(in) % 4 ;
  long pos = model_nth(name, n) ;
  int r = msg_header_delete(name, n) ;
  FUZZ_CHECK(r == (pos >= 0), "msg_header_delete(\"%s\", %u) = %d, model field %ld", fuzz_escs(name), n, r, pos) ;
  if (r) model_remove((size_t)pos) ;
  check_render("delete") ;
  free(name) ;
}

static void op_get (fuzz_in *in)
{
  char *name = pick_name(in) ;
  unsigned int n = fuzz_byte(in) % 4, count = 0 ;
  long pos = model_nth(name, n) ;
  char const *v = msg_header_get(name, n) ;
  FUZZ_CHECK(!v == (pos < 0), "msg_header_get(\"%s\", %u) = \"%s\", model field %ld", fuzz_escs(name), n, fuzz_escs(v), pos) ;
  if (v)
  {
    mfield const *f = mf + pos ;
    size_t a = f->nlen + 1, e = f->len, vl ;
    while (a < e && (f->s[a] == ' ' || f->s[a] == '\t')) a++ ;
    if (e > a && f->s[e-1] == '\n') e-- ;
    vl = strnlen(f->s + a, e - a) ;   /* a NUL in the field cuts the C string */
    FUZZ_CHECK(strlen(v) == vl && fuzz_memeq(v, f->s + a, vl), "msg_header_get(\"%s\", %u) = \"%s\", expected \"%s\"",
      fuzz_escs(name), n, fuzz_escs(v), fuzz_esc(f->s + a, vl)) ;
  }
  for (long i = 0 ; model_nth(name, (unsigned int)i) >= 0 ; i++) count++ ;
  FUZZ_CHECK(msg_header_count(name) == count, "msg_header_count(\"%s\") = %u, the model has %u", fuzz_escs(name), msg_header_count(name), count) ;
  free(name) ;
}

/* msg_read and msg_body_read at an offset chosen by the input. */
static void op_read (fuzz_in *in)
{
  uint64_t total = msg_total() ;
  uint64_t off = ((uint64_t)fuzz_byte(in) << 16 | (uint64_t)fuzz_byte(in) << 8 | fuzz_byte(in)) % (total + 2) ;
  size_t len = 1 + fuzz_byte(in) * 37 ;
  size_t hlen = model_hlen(0, mn) + msep ;
  char *buf = malloc(len) ;
  ssize_t r ;
  if (!buf) abort() ;
  model_render(&want) ;
  r = msg_read(off, buf, len) ;
  if (off >= total) FUZZ_CHECK(r == 0, "msg_read at %llu of %llu = %zd", (unsigned long long)off, (unsigned long long)total, r) ;
  else FUZZ_CHECK(r > 0 && (size_t)r <= len && fuzz_memeq(buf, want.s + off, (size_t)r),
    "msg_read(%llu, %zu) = %zd \"%s\", expected a prefix of \"%s\"", (unsigned long long)off, len, r,
    fuzz_esc(buf, r > 0 ? (size_t)r : 0), fuzz_esc(want.s + off, want.len - off)) ;
  if (off > mbodylen) off %= mbodylen + 1 ;
  r = msg_body_read(off, buf, len) ;
  if (off >= mbodylen) FUZZ_CHECK(r == 0, "msg_body_read at %llu of %zu = %zd", (unsigned long long)off, mbodylen, r) ;
  else FUZZ_CHECK(r > 0 && (size_t)r <= len && fuzz_memeq(buf, want.s + hlen + off, (size_t)r),
    "msg_body_read(%llu, %zu) = %zd \"%s\"", (unsigned long long)off, len, r, fuzz_esc(buf, r > 0 ? (size_t)r : 0)) ;
  free(buf) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  fuzz_in in = { .p = data, .n = size } ;
  size_t chunk, pad, n, pos, extent ;
  char *stream ;
  unsigned int b1 ;
  chunk = fuzz_byte(&in) ;
  b1 = fuzz_byte(&in) ;
  pad = b1 & 0x80 ? (b1 & 0x7f) * 1031 : 0 ;
  n = fuzz_byte(&in) ; n |= fuzz_byte(&in) << 8 ;
  if (n > in.n) n = in.n ;
  stream = malloc(n + pad + 1) ;
  if (!stream) abort() ;
  memcpy(stream, in.p, n) ;
  in.p += n ; in.n -= n ;
  for (pos = 0 ; pos < pad ; pos++) stream[n + pos] = (pos % 64 == 63) ? '\n' : 'a' + pos % 26 ;
  n += pad ;
  seed = size * 0x9e3779b97f4a7c15ULL + chunk ;

  FUZZ_CHECK(msg_begin(spooldir), "msg_begin(%s) failed", spooldir) ;
  for (pos = 0 ; pos < n ; )
  {
    size_t k = chunk && n - pos > chunk ? chunk : n - pos ;
    FUZZ_CHECK(msg_write(stream + pos, k), "msg_write failed") ;
    pos += k ;
  }
  FUZZ_CHECK(msg_end(), "msg_end failed") ;
  extent = model_parse(stream, n) ;
  FUZZ_CHECK(msg_header_done(), "the header block is not done after msg_end") ;
  FUZZ_CHECK(msg_stored() == n, "msg_stored() = %llu, %zu octets written", (unsigned long long)msg_stored(), n) ;
  FUZZ_CHECK(msg_header_toolarge() == (extent > SMTP_HEADER_MAX), "msg_header_toolarge() = %d, header phase %zu octets", msg_header_toolarge(), extent) ;
  if (msg_header_toolarge()) goto end ;
  check_render("msg_end") ;
  FUZZ_CHECK(got.len == n && fuzz_memeq(got.s, stream, n), "the message as read is not the message as written") ;

  while (in.n)
  {
    switch (fuzz_byte(&in) % 8)
    {
      case 0 : op_add(&in, 0) ; break ;
      case 1 : op_add(&in, 1) ; break ;
      case 2 : op_replace(&in) ; break ;
      case 3 : op_delete(&in) ; break ;
      case 4 : op_get(&in) ; break ;
      case 5 : case 6 : op_read(&in) ; break ;
      case 7 : check_render("nothing") ; break ;
    }
  }
  check_render("the last edit") ;
 end:
  msg_reset() ;
  model_clear() ;
  free(stream) ;
  return 0 ;
}
