/* ISC license. */
/* tests/unit/msg.c: the message being received (src/msg.h): header block
   parsing, hop counting, the header size limit, header editing, and the
   message as queued, read back at every offset. Every input is fed whole, one
   octet at a time, in chunks of 7 and in random chunks; the result must not
   depend on the chunking. The spool lives in a mkdtemp directory. */

#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <time.h>

#include <skalibs/stralloc.h>

#include "msg.h"
#include "unit.h"

static char spooldir[4096] ;

#define S(x) (x), (sizeof(x) - 1)

enum { CH_WHOLE, CH_ONE, CH_SEVEN, CH_RANDOM, CH_NMODES } ;
static char const *const chname[] = { "whole", "one octet at a time", "chunks of 7", "random chunks" } ;

/* Starts a message and writes in[] in the given chunking. 1 ok. */
static int feed_nodone (char const *in, size_t len, int mode)
{
  uint64_t seed = 7 + len ;
  size_t pos = 0 ;
  if (!msg_begin(spooldir)) return 0 ;
  while (pos < len)
  {
    size_t n = len - pos ;
    if (mode == CH_ONE) n = 1 ;
    else if (mode == CH_SEVEN && n > 7) n = 7 ;
    else if (mode == CH_RANDOM) { size_t r = 1 + unit_rand(&seed) % 5000 ; if (r < n) n = r ; }
    if (!msg_write(in + pos, n)) return 0 ;
    pos += n ;
  }
  return 1 ;
}

static int feed (char const *in, size_t len, int mode)
{
  return feed_nodone(in, len, mode) && msg_end() ;
}

/* The whole message by msg_read calls of step octets, into sa. 1 ok. */
static int readall (stralloc *sa, size_t step)
{
  char *buf = malloc(step) ;
  uint64_t off = 0 ;
  sa->len = 0 ;
  if (!buf) return 0 ;
  for (;;)
  {
    ssize_t r = msg_read(off, buf, step) ;
    if (r < 0 || (size_t)r > step) { free(buf) ; return 0 ; }
    if (!r) break ;
    if (!stralloc_catb(sa, buf, r)) { free(buf) ; return 0 ; }
    off += r ;
  }
  free(buf) ;
  return 1 ;
}

/* Checks the composed message against exp: msg_total, whole reads in small and
   big steps, a read at every offset (every stride-th for big messages), and 0
   at and past the end. Returns 1 or fills why. */
static int check_render (char const *exp, size_t explen, char *why, size_t whysize)
{
  stralloc sa = STRALLOC_ZERO ;
  static size_t const steps[] = { 1, 3, 7, 64, 4096, 70000, 1 << 21 } ;
  unsigned int k ;
  uint64_t off, stride = explen > 20000 ? 997 : 1 ;
  char buf[16] ;
  ssize_t r ;
  if (msg_total() != explen)
  {
    snprintf(why, whysize, "msg_total %llu, expected %zu", (unsigned long long)msg_total(), explen) ;
    goto bad ;
  }
  for (k = 0 ; k < sizeof(steps) / sizeof(steps[0]) ; k++)
  {
    if (explen > 20000 && steps[k] < 64) continue ;
    if (!readall(&sa, steps[k])) { snprintf(why, whysize, "msg_read error with step %zu", steps[k]) ; goto bad ; }
    if (sa.len != explen || unit_memcmp(sa.s, exp, explen))
    {
      snprintf(why, whysize, "read in steps of %zu: \"%s\" (%zu octets), expected \"%s\" (%zu)", steps[k],
        unit_esc(sa.s, sa.len), sa.len, unit_esc(exp, explen), explen) ;
      goto bad ;
    }
  }
  for (off = 0 ; off < explen ; off += stride)
  {
    r = msg_read(off, buf, sizeof(buf)) ;
    if (r <= 0 || (size_t)r > sizeof(buf) || off + r > explen || unit_memcmp(buf, exp + off, r))
    {
      snprintf(why, whysize, "msg_read at offset %llu gave %zd octets \"%s\", expected \"%s\"", (unsigned long long)off, r,
        r > 0 ? unit_esc(buf, r) : "", unit_esc(exp + off, explen - off < 16 ? explen - off : 16)) ;
      goto bad ;
    }
  }
  if ((r = msg_read(explen, buf, sizeof(buf))) != 0 || (r = msg_read(explen + 1000, buf, sizeof(buf))) != 0)
  { snprintf(why, whysize, "read at or past the end gave %zd", r) ; goto bad ; }
  stralloc_free(&sa) ;
  return 1 ;
 bad:
  stralloc_free(&sa) ;
  return 0 ;
}

/* The composed message into sa. */
static int render (stralloc *sa) { return readall(sa, 65536) ; }

 /* parsing: round trips byte-exact, with field checks */

struct hcheck { char const *name ; unsigned int count ; char const *first ; } ;

struct parse_case
{
  char const *name ;
  char const *in ;
  size_t len ;
  unsigned int hops ;
  char const *body ;      /* expected msg_body_read content; NULL: not checked */
  size_t blen ;
  struct hcheck h[4] ;
} ;

static struct parse_case const parse_cases[] =
{
  { "header then blank line then body", S("Subject: hi\nFrom: a@b\n\nbody\n"), 0, S("body\n"),
    { { "subject", 1, "hi" }, { "From", 1, "a@b" }, { "body", 0, 0 } } },
  { "no blank line at all", S("Subject: hi\nX: y\n"), 0, S(""), { { "subject", 1, "hi" }, { "x", 1, "y" } } },
  { "empty message", S(""), 0, S(""), { { "subject", 0, 0 } } },
  { "blank line only", S("\n"), 0, S(""), { { "subject", 0, 0 } } },
  { "blank first line then header-like body", S("\nA: 1\n"), 0, S("A: 1\n"), { { "a", 0, 0 } } },
  { "mbox From line: everything is body", S("From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody\n"), 0,
    S("From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody\n"), { { "subject", 0, 0 }, { "from", 0, 0 } } },
  { "continuation lines", S("Subject: a\n b\n\tc\nX: y\n\nbody"), 0, S("body"),
    { { "subject", 1, "a\n b\n\tc" }, { "x", 1, "y" } } },
  { "continuation as first line: body", S(" x\nA: 1\n\n"), 0, S(" x\nA: 1\n\n"), { { "a", 0, 0 } } },
  { "colon-less line ends the header", S("A: 1\nnot a header\nB: 2\n\nbody\n"), 0, S("not a header\nB: 2\n\nbody\n"),
    { { "a", 1, "1" }, { "b", 0, 0 } } },
  { "space before colon ends the header", S("A: 1\nSubject : x\n\n"), 0, S("Subject : x\n\n"), { { "a", 1, "1" }, { "subject", 0, 0 } } },
  { "empty name ends the header", S(":x\nA: 1\n\n"), 0, S(":x\nA: 1\n\n"), { { "a", 0, 0 } } },
  { "8-bit name ends the header", S("S\xc3\xbc" "bject: x\n\n"), 0, S("S\xc3\xbc" "bject: x\n\n"), { { "subject", 0, 0 } } },
  { "NUL in name ends the header", S("A\0: x\n\n"), 0, S("A\0: x\n\n"), { { "a", 0, 0 } } },
  { "NUL and 8-bit in a value", S("A: x\0y\xff\n\nb\0dy\n"), 0, S("b\0dy\n"), { { "a", 1, "x" } } },
  { "CRLF line in the header ends it", S("A: x\r\n\r\nbody\n"), 0, S("\r\nbody\n"), { { "a", 1, "x\r" } } },
  { "no space after colon", S("A:1\nB:\nC:   \n\n"), 0, S(""), { { "a", 1, "1" }, { "b", 1, "" }, { "c", 1, "" } } },
  { "repeated fields", S("A: 1\nB: 2\nA: 3\n\n"), 0, S(""), { { "a", 2, "1" }, { "B", 1, "2" } } },
  { "long name", S("Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: v\n\n"), 0, S(""),
    { { "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 1, "v" } } },
  { "blank line inside the body kept", S("A: 1\n\n\n\nx\n\n"), 0, S("\n\nx\n\n"), { { "a", 1, "1" } } },
  /* hops */
  { "hops: Received and Delivered-To, any case, not look-alikes",
    S("Received: a\nreceived: b\nRECEIVED: c\nDelivered-To: d\ndelivered-to: e\nReceived-SPF: f\nX-Received: g\nReceivedX: h\nDelivered-To-X: i\nDelivered: j\n\n"),
    5, S(""), { { "received", 3, "a" }, { "delivered-to", 2, "d" }, { "received-spf", 1, "f" } } },
  { "hops: no space after colon", S("Received:x\n\n"), 1, S(""), { { "received", 1, "x" } } },
  { "hops: in the body not counted", S("A: 1\n\nReceived: x\nDelivered-To: y\n"), 0, 0, 0, { { "received", 0, 0 } } },
  { "hops: after a colon-less line not counted", S("A: 1\nfoo\nReceived: x\n"), 0, 0, 0, { { "received", 0, 0 } } },
  { "hops: continuation not counted", S("A: 1\n Received: x\n\n"), 0, 0, 0, { { "received", 0, 0 } } },
  { "hops: space before colon not counted", S("Received : x\n\n"), 0, 0, 0, { { "received", 0, 0 } } },
  { "hops: after a From line not counted", S("From x\nReceived: y\n\n"), 0, 0, 0, { { "received", 0, 0 } } },
  { "unterminated last header line kept", S("A: 1\nB: 2"), 0, 0, 0, { { "a", 1, "1" } } },
  { 0, 0, 0, 0, 0, 0, { { 0, 0, 0 } } }
} ;

static int check_fields (struct parse_case const *c, char *why, size_t whysize)
{
  unsigned int k ;
  if (msg_hops() != c->hops) { snprintf(why, whysize, "hops %u, expected %u", msg_hops(), c->hops) ; return 0 ; }
  if (msg_header_toolarge()) { snprintf(why, whysize, "toolarge set") ; return 0 ; }
  if (!msg_header_done()) { snprintf(why, whysize, "header not done after msg_end") ; return 0 ; }
  for (k = 0 ; k < 4 && c->h[k].name ; k++)
  {
    unsigned int n = msg_header_count(c->h[k].name) ;
    char const *v = msg_header_get(c->h[k].name, 0) ;
    if (n != c->h[k].count) { snprintf(why, whysize, "count(%s) = %u, expected %u", c->h[k].name, n, c->h[k].count) ; return 0 ; }
    if (c->h[k].first ? !v || strcmp(v, c->h[k].first) : !!v)
    {
      snprintf(why, whysize, "get(%s, 0) = \"%s\", expected \"%s\"", c->h[k].name, unit_escs(v), unit_escs(c->h[k].first)) ;
      return 0 ;
    }
    if (msg_header_get(c->h[k].name, c->h[k].count)) { snprintf(why, whysize, "get(%s, %u) not NULL", c->h[k].name, c->h[k].count) ; return 0 ; }
  }
  if (c->body)
  {
    char buf[256] ;
    ssize_t r = msg_body_read(0, buf, sizeof(buf)) ;
    if (r < 0 || (size_t)r != c->blen || unit_memcmp(buf, c->body, c->blen))
    {
      snprintf(why, whysize, "body \"%s\", expected \"%s\"", r > 0 ? unit_esc(buf, r) : "", unit_esc(c->body, c->blen)) ;
      return 0 ;
    }
  }
  if (msg_stored() != c->len) { snprintf(why, whysize, "msg_stored %llu, expected %zu", (unsigned long long)msg_stored(), c->len) ; return 0 ; }
  return 1 ;
}

static void test_parse (void)
{
  struct parse_case const *c = parse_cases ;
  for (; c->name ; c++)
  {
    char name[256], why[1024] = "" ;
    int mode, ok = 1 ;
    for (mode = 0 ; mode < CH_NMODES && ok ; mode++)
    {
      if (!feed(c->in, c->len, mode)) { snprintf(why, sizeof(why), "%s: msg_write/msg_end failed: %s", chname[mode], strerror(errno)) ; ok = 0 ; break ; }
      if (!check_fields(c, why, sizeof(why)) || !check_render(c->in, c->len, why, sizeof(why)))
      {
        /* room for the mode's name and the whole reason; then cut to why's
           size (gcc's -Wformat-truncation sees the cut with musl's headers) */
        char tmp[sizeof(why) + 32] ;
        snprintf(tmp, sizeof(tmp), "%s: %s", chname[mode], why) ;
        memcpy(why, tmp, sizeof(why) - 1) ;
        why[sizeof(why) - 1] = 0 ;
        ok = 0 ;
      }
    }
    snprintf(name, sizeof(name), "parse: %s", c->name) ;
    unit_check(ok, name, "%s", why) ;
  }
}

/* header_done comes with the blank line, before the end of data */
static void test_done (void)
{
  int a, b, d ;
  feed_nodone(S("A: 1\n"), CH_WHOLE) ;
  a = msg_header_done() ;
  msg_write(S("\n")) ;
  b = msg_header_done() ;
  msg_write(S("body\n")) ;
  msg_end() ;
  unit_check(!a && b, "header_done: set at the blank line", "before %d, after %d", a, b) ;
  feed_nodone(S("A: 1\nB: 2\n"), CH_ONE) ;
  a = msg_header_done() ;
  msg_end() ;
  d = msg_header_done() ;
  unit_check(!a && d, "header_done: set by msg_end without a blank line", "before %d, after %d", a, d) ;
}

static void test_begin_fails (void)
{
  char bad[4200] ;
  int r ;
  snprintf(bad, sizeof(bad), "%s/no/such/dir", spooldir) ;
  errno = 0 ;
  r = msg_begin(bad) ;
  unit_check(!r && errno, "begin: missing spool directory fails with errno", "returned %d errno %d", r, errno) ;
  r = msg_begin(spooldir) ;
  unit_check(r && msg_total() == 0 && msg_header_count("a") == 0, "begin: a new message after a failed one is empty", "returned %d", r) ;
  msg_end() ;
}

/* a new message forgets the previous one */
static void test_reset (void)
{
  char why[1024] ;
  feed(S("Received: x\nA: 1\n\nold body\n"), CH_WHOLE) ;
  msg_header_add("B", "2", 0) ;
  feed(S("C: 3\n\nnew\n"), CH_WHOLE) ;
  unit_check(msg_hops() == 0 && msg_header_count("a") == 0 && msg_header_count("b") == 0 && check_render(S("C: 3\n\nnew\n"), why, sizeof(why)),
    "begin: a second message starts clean", "hops %u a %u b %u: %s", msg_hops(), msg_header_count("a"), msg_header_count("b"), why) ;
}

 /* header size limit */

/* The simplest exact construction: one field "X: aaa...\n" of n octets total
   (a single long line), then tail. */
static void onefield (stralloc *sa, size_t n, char const *tail, size_t taillen)
{
  sa->len = 0 ;
  stralloc_catb(sa, "X: ", 3) ;
  while (sa->len < n - 1) stralloc_catb(sa, "a", 1) ;
  stralloc_catb(sa, "\n", 1) ;
  stralloc_catb(sa, tail, taillen) ;
}

/* Many 100-octet fields making n octets (n a multiple of 100 plus r, the last
   field taking the rest), then tail. */
static void manyfields (stralloc *sa, size_t n, char const *tail, size_t taillen)
{
  sa->len = 0 ;
  while (sa->len < n)
  {
    size_t l = n - sa->len < 200 ? n - sa->len : 100, start = sa->len ;
    stralloc_catb(sa, "Y: ", 3) ;
    while (sa->len - start < l - 1) stralloc_catb(sa, "b", 1) ;
    stralloc_catb(sa, "\n", 1) ;
  }
  stralloc_catb(sa, tail, taillen) ;
}

static void test_toolarge (void)
{
  stralloc in = STRALLOC_ZERO ;
  static struct { char const *name ; int many ; size_t n ; char const *tail ; size_t taillen ; int toolarge ; } const t[] =
  {
    { "toolarge: 200 KiB header", 1, 200 * 1024, S("\nbody\n"), 0 },
    { "toolarge: header of 262143 octets plus the blank line", 1, 262143, S("\nbody\n"), 0 },
    { "toolarge: header of 262145 octets", 1, 262145, S("\nbody\n"), 1 },
    { "toolarge: 300 KB header without blank line", 1, 300000, S(""), 1 },
    { "toolarge: one 300 KB field", 0, 300000, S("\nbody\n"), 1 },
    { "toolarge: one 262143-octet field", 0, 262143, S("\nbody\n"), 0 },
    { "toolarge: 1 MB header", 1, 1 << 20, S("\nbody\n"), 1 },
    { 0, 0, 0, 0, 0, 0 }
  } ;
  unsigned int k ;
  for (k = 0 ; t[k].name ; k++)
  {
    int mode, ok = 1 ;
    char why[1024] = "" ;
    if (t[k].many) manyfields(&in, t[k].n, t[k].tail, t[k].taillen) ;
    else onefield(&in, t[k].n, t[k].tail, t[k].taillen) ;
    for (mode = 0 ; mode < CH_NMODES && ok ; mode++)
    {
      if (mode == CH_ONE && t[k].n > 300000) continue ;
      if (!feed(in.s, in.len, mode)) { snprintf(why, sizeof(why), "%s: write failed", chname[mode]) ; ok = 0 ; break ; }
      if (msg_header_toolarge() != t[k].toolarge)
      { snprintf(why, sizeof(why), "%s: toolarge %d, expected %d", chname[mode], msg_header_toolarge(), t[k].toolarge) ; ok = 0 ; break ; }
      if (!msg_header_done()) { snprintf(why, sizeof(why), "%s: header not done", chname[mode]) ; ok = 0 ; break ; }
      if (!t[k].toolarge && !check_render(in.s, in.len, why, sizeof(why))) ok = 0 ;
    }
    unit_check(ok, t[k].name, "%s", why) ;
  }

  /* a 200 KiB header and a 1 MB body: byte-exact, body separate */
  {
    size_t hlen, i ;
    char why[1024] = "" ;
    int ok = 1, mode ;
    manyfields(&in, 200 * 1024, S("\n")) ;
    hlen = in.len ;
    for (i = 0 ; i < (1 << 20) ; i++) stralloc_catb(&in, i % 77 == 76 ? "\n" : (i % 13 ? "z" : "\0"), 1) ;
    for (mode = 0 ; mode < CH_NMODES && ok ; mode++)
    {
      if (mode == CH_ONE) continue ;
      errno = 0 ;
      if (!feed(in.s, in.len, mode) || msg_header_toolarge() || msg_header_count("y") != 2048)
      { snprintf(why, sizeof(why), "%s: write failed (%s) or toolarge %d or count(y) %u", chname[mode], strerror(errno), msg_header_toolarge(), msg_header_count("y")) ; ok = 0 ; break ; }
      if (!check_render(in.s, in.len, why, sizeof(why))) ok = 0 ;
      else
      {
        char buf[64] ;
        ssize_t r = msg_body_read(1 << 19, buf, sizeof(buf)) ;
        if (r != sizeof(buf) || unit_memcmp(buf, in.s + hlen + (1 << 19), sizeof(buf))) { snprintf(why, sizeof(why), "msg_body_read in the middle") ; ok = 0 ; }
      }
    }
    unit_check(ok, "big: 200 KiB header and 1 MB body round-trip", "%s", why) ;
  }
  stralloc_free(&in) ;
}

/* Bodies around the size of the spool's memory buffer (64 KiB), written in
   small chunks and in one msg_write call, read back exactly. */
static void test_bodysizes (void)
{
  static size_t const sizes[] = { 65535, 65536, 65537, 131073, 300000 } ;
  unsigned int k ;
  stralloc in = STRALLOC_ZERO ;
  for (k = 0 ; k < sizeof(sizes) / sizeof(sizes[0]) ; k++)
  {
    size_t i ;
    int mode, ok = 1 ;
    char name[128], why[1024] = "" ;
    in.len = 0 ;
    stralloc_cats(&in, "A: 1\n\n") ;
    for (i = 0 ; i < sizes[k] ; i++) stralloc_catb(&in, i % 61 == 60 ? "\n" : (i % 7 ? "b" : "\0"), 1) ;
    for (mode = CH_ONE ; mode < CH_NMODES && ok ; mode++)
    {
      if (!feed(in.s, in.len, mode)) { snprintf(why, sizeof(why), "%s: msg_write/msg_end failed: %s", chname[mode], strerror(errno)) ; ok = 0 ; break ; }
      if (!check_render(in.s, in.len, why, sizeof(why)))
      {
        /* room for the mode's name and the whole reason; then cut to why's
           size (gcc's -Wformat-truncation sees the cut with musl's headers) */
        char tmp[sizeof(why) + 32] ;
        snprintf(tmp, sizeof(tmp), "%s: %s", chname[mode], why) ;
        memcpy(why, tmp, sizeof(why) - 1) ;
        why[sizeof(why) - 1] = 0 ;
        ok = 0 ;
      }
    }
    snprintf(name, sizeof(name), "spool: %zu-octet body", sizes[k]) ;
    unit_check(ok, name, "%s", why) ;
  }
  /* the body in a single call, the header in another: the spool gets one
     write larger than its buffer while the buffer is still empty */
  for (k = 0 ; k < sizeof(sizes) / sizeof(sizes[0]) ; k++)
  {
    char name[128], why[1024] = "" ;
    int ok ;
    errno = 0 ;
    ok = msg_begin(spooldir) && msg_write(in.s, 6) && msg_write(in.s + 6, sizes[k]) && msg_end() ;
    if (!ok) snprintf(why, sizeof(why), "msg_write/msg_end failed: %s", strerror(errno)) ;
    else ok = check_render(in.s, 6 + sizes[k], why, sizeof(why)) ;
    snprintf(name, sizeof(name), "spool: %zu-octet body in one msg_write", sizes[k]) ;
    unit_check(ok, name, "%s", why) ;
  }
  stralloc_free(&in) ;
}

 /* editing */

static void test_edit (void)
{
  char why[1024] = "" ;
  char const *v ;
  int r ;
  stralloc sa = STRALLOC_ZERO ;

  feed(S("A: 1\nB: 2\nA: 3\n\nbody\n"), CH_SEVEN) ;
  unit_check(msg_header_count("a") == 2 && msg_header_count("A") == 2 && msg_header_count("b") == 1 && msg_header_count("c") == 0,
    "edit: counts, any case", "a %u b %u c %u", msg_header_count("a"), msg_header_count("b"), msg_header_count("c")) ;
  v = msg_header_get("A", 1) ;
  unit_check(v && !strcmp(v, "3"), "edit: get the second of two", "got \"%s\"", unit_escs(v)) ;
  v = msg_header_get("a", 2) ;
  unit_check(!v, "edit: get past the last is NULL", "got \"%s\"", unit_escs(v)) ;

  r = msg_header_add("C", "4", 0) ;
  unit_check(r && check_render(S("A: 1\nB: 2\nA: 3\nC: 4\n\nbody\n"), why, sizeof(why)), "edit: add appends before the blank line", "r=%d %s", r, why) ;
  r = msg_header_add("Received", "from x", 1) ;
  unit_check(r && msg_hops() == 1 && check_render(S("Received: from x\nA: 1\nB: 2\nA: 3\nC: 4\n\nbody\n"), why, sizeof(why)),
    "edit: prepend a Received field counts a hop", "r=%d hops %u %s", r, msg_hops(), why) ;
  r = msg_header_add("Z", "first", 1) ;
  unit_check(r && check_render(S("Z: first\nReceived: from x\nA: 1\nB: 2\nA: 3\nC: 4\n\nbody\n"), why, sizeof(why)),
    "edit: a second prepend goes first", "r=%d %s", r, why) ;
  r = msg_header_insert(2, "I", "mid") ;
  unit_check(r && check_render(S("Z: first\nReceived: from x\nI: mid\nA: 1\nB: 2\nA: 3\nC: 4\n\nbody\n"), why, sizeof(why)),
    "edit: insert at an index", "r=%d %s", r, why) ;
  r = msg_header_insert(0, "J", "top") && msg_header_insert(99, "K", "end") ;
  unit_check(r && check_render(S("J: top\nZ: first\nReceived: from x\nI: mid\nA: 1\nB: 2\nA: 3\nC: 4\nK: end\n\nbody\n"), why, sizeof(why)),
    "edit: insert at 0 and past the end", "r=%d %s", r, why) ;
  r = msg_header_delete("J", 0) && msg_header_delete("I", 0) && msg_header_delete("K", 0) ;
  unit_check(r, "edit: delete the inserted fields", "r=%d", r) ;
  r = msg_header_replace("A", 1, "three") ;
  unit_check(r && check_render(S("Z: first\nReceived: from x\nA: 1\nB: 2\nA: three\nC: 4\n\nbody\n"), why, sizeof(why)),
    "edit: replace keeps the position", "r=%d %s", r, why) ;
  r = msg_header_delete("b", 0) ;
  unit_check(r && check_render(S("Z: first\nReceived: from x\nA: 1\nA: three\nC: 4\n\nbody\n"), why, sizeof(why)),
    "edit: delete", "r=%d %s", r, why) ;
  r = msg_header_delete("a", 0) ;
  v = msg_header_get("a", 0) ;
  unit_check(r && v && !strcmp(v, "three") && msg_header_count("a") == 1, "edit: delete the first of two", "r=%d get \"%s\"", r, unit_escs(v)) ;
  r = msg_header_delete("Z", 0) ;
  unit_check(r && check_render(S("Received: from x\nA: three\nC: 4\n\nbody\n"), why, sizeof(why)), "edit: delete the first field", "r=%d %s", r, why) ;
  r = msg_header_delete("C", 0) ;
  unit_check(r && check_render(S("Received: from x\nA: three\n\nbody\n"), why, sizeof(why)), "edit: delete the last field", "r=%d %s", r, why) ;
  errno = 0 ;
  r = msg_header_delete("zz", 0) ;
  unit_check(!r && errno == ENOENT, "edit: delete a missing field: ENOENT", "r=%d errno %d", r, errno) ;
  errno = 0 ;
  r = msg_header_delete("a", 1) ;
  unit_check(!r && errno == ENOENT, "edit: delete past the last: ENOENT", "r=%d errno %d", r, errno) ;
  errno = 0 ;
  r = msg_header_replace("zz", 0, "x") ;
  unit_check(!r && errno == ENOENT, "edit: replace a missing field: ENOENT", "r=%d errno %d", r, errno) ;
  unit_check(check_render(S("Received: from x\nA: three\n\nbody\n"), why, sizeof(why)), "edit: failed edits change nothing", "%s", why) ;
  r = msg_header_delete("received", 0) && msg_header_delete("a", 0) ;
  unit_check(r && check_render(S("\nbody\n"), why, sizeof(why)), "edit: delete every field keeps the blank line", "r=%d %s", r, why) ;

  /* many edits in a loop: storage bounded by what is kept, message right */
  {
    unsigned int i ;
    int ok = 1 ;
    for (i = 0 ; i < 2000 && ok ; i++)
    {
      char val[32] ;
      snprintf(val, sizeof(val), "v%u", i) ;
      ok = msg_header_add("T", val, i & 1) && msg_header_replace("T", 0, val) && msg_header_delete("t", 0) ;
    }
    unit_check(ok && msg_header_count("t") == 0 && check_render(S("\nbody\n"), why, sizeof(why)), "edit: 2000 add/replace/delete cycles", "ok=%d %s", ok, why) ;
  }

  /* a field added after the blank line, while the body still streams in (the
     data_headers_end hook's moment) */
  feed_nodone(S("A: 1\n\nbo"), CH_ONE) ;
  r = msg_header_add("X-Added", "yes", 0) ;
  msg_write(S("dy\n")) ;
  msg_end() ;
  unit_check(r && check_render(S("A: 1\nX-Added: yes\n\nbody\n"), why, sizeof(why)), "edit: add while the body streams in", "r=%d %s", r, why) ;

  /* header-less messages */
  feed(S("From x\nbody\n"), CH_WHOLE) ;
  r = msg_header_add("Received", "r", 1) ;
  unit_check(r && check_render(S("Received: r\nFrom x\nbody\n"), why, sizeof(why)), "edit: prepend to a message without header", "r=%d %s", r, why) ;
  feed(S(""), CH_WHOLE) ;
  r = msg_header_add("Received", "r", 1) ;
  unit_check(r && check_render(S("Received: r\n"), why, sizeof(why)), "edit: prepend to an empty message", "r=%d %s", r, why) ;
  feed(S("A: 1\n"), CH_WHOLE) ;
  r = msg_header_add("B", "2", 0) ;
  unit_check(r && check_render(S("A: 1\nB: 2\n"), why, sizeof(why)), "edit: add to a header without blank line", "r=%d %s", r, why) ;
  stralloc_free(&sa) ;
}

/* Invalid names are refused with EINVAL and change nothing. */
static void test_badnames (void)
{
  static char const *const bad[] = { "", "A B", "A:B", "A:", ":", "A\x80", "\xc3\xa9", "A\t", "\x7f", " A", "A\n", "A\r", 0 } ;
  unsigned int k ;
  for (k = 0 ; bad[k] ; k++)
  {
    char name[128], why[1024] = "" ;
    int r1, r2, e1, e2 ;
    feed(S("A: 1\n\nbody\n"), CH_WHOLE) ;
    errno = 0 ; r1 = msg_header_add(bad[k], "v", 0) ; e1 = errno ;
    errno = 0 ; r2 = msg_header_add(bad[k], "v", 1) ; e2 = errno ;
    snprintf(name, sizeof(name), "edit: invalid name \"%s\" refused", unit_escs(bad[k])) ;
    unit_check(!r1 && !r2 && e1 == EINVAL && e2 == EINVAL && check_render(S("A: 1\n\nbody\n"), why, sizeof(why)), name,
      "add %d/%d errno %d/%d %s", r1, r2, e1, e2, why) ;
  }
  {
    char why[1024] = "" ;
    int r ;
    feed(S("A: 1\n\nbody\n"), CH_WHOLE) ;
    r = msg_header_add("X-Odd_Name!#", "v", 0) ;
    unit_check(r && check_render(S("A: 1\nX-Odd_Name!#: v\n\nbody\n"), why, sizeof(why)), "edit: any printable name without colon accepted", "r=%d %s", r, why) ;
  }
}

/* A value with line breaks can never start a new field or end the header:
   the rendered message, parsed again, has the same fields. */
static void test_injection (void)
{
  static struct { char const *name ; char const *value ; char const *rendered ; char const *get ; } const t[] =
  {
    { "LF then a field", "a\nBcc: evil@x", "X: a\n\tBcc: evil@x\n", "a\n\tBcc: evil@x" },
    { "CRLF then a field", "a\r\nBcc: evil@x", "X: a\n\tBcc: evil@x\n", "a\n\tBcc: evil@x" },
    { "bare CR then a field", "a\rBcc: evil@x", "X: aBcc: evil@x\n", "aBcc: evil@x" },
    { "LF first", "\nBcc: evil@x", "X: \n\tBcc: evil@x\n", "\n\tBcc: evil@x" },
    { "already folded kept", "a\n b", "X: a\n b\n", "a\n b" },
    { "trailing LF dropped", "a\n", "X: a\n", "a" },
    { "empty value", "", "X: \n", "" },
    { "two fields injected", "a\nBcc: x\nCc: y", "X: a\n\tBcc: x\n\tCc: y\n", "a\n\tBcc: x\n\tCc: y" },
    { 0, 0, 0, 0 }
  } ;
  static char const *const noblank[] = { "a\n\nBody: injected", "a\n\n", "\n\n\n", "a\r\n\r\nb", "a\n\r\nb", "a\n \nb", 0 } ;
  unsigned int k ;
  stralloc sa = STRALLOC_ZERO ;
  for (k = 0 ; t[k].name ; k++)
  {
    char name[160], why[1024] = "" ;
    int ok ;
    stralloc exp = STRALLOC_ZERO ;
    char const *v ;
    feed(S("A: 1\n\nbody\n"), CH_WHOLE) ;
    ok = msg_header_add("X", t[k].value, 0) ;
    stralloc_cats(&exp, "A: 1\n") ; stralloc_cats(&exp, t[k].rendered) ; stralloc_cats(&exp, "\nbody\n") ;
    ok = ok && check_render(exp.s, exp.len, why, sizeof(why)) ;
    v = msg_header_get("x", 0) ;
    if (ok && (!v || strcmp(v, t[k].get))) { ok = 0 ; snprintf(why, sizeof(why), "get \"%s\", expected \"%s\"", unit_escs(v), unit_escs(t[k].get)) ; }
    if (ok)
    {
      /* parse the composed message again: still two fields, same body */
      render(&sa) ;
      feed(sa.s, sa.len, CH_WHOLE) ;
      if (msg_header_count("bcc") || msg_header_count("cc") || msg_header_count("x") != 1 || msg_header_count("a") != 1)
      { ok = 0 ; snprintf(why, sizeof(why), "re-parsed: x %u bcc %u cc %u", msg_header_count("x"), msg_header_count("bcc"), msg_header_count("cc")) ; }
    }
    snprintf(name, sizeof(name), "injection: %s", t[k].name) ;
    unit_check(ok, name, "%s", why) ;
    stralloc_free(&exp) ;
  }
  /* the same through prepend and replace */
  feed(S("A: 1\n\nbody\n"), CH_WHOLE) ;
  {
    char why[1024] = "" ;
    int r = msg_header_add("P", "p\nBcc: e", 1) && msg_header_replace("A", 0, "r\nCc: e") ;
    unit_check(r && check_render(S("P: p\n\tBcc: e\nA: r\n\tCc: e\n\nbody\n"), why, sizeof(why)), "injection: through prepend and replace", "%s", why) ;
  }
  /* no empty line can come out of a value: the header still ends where it did */
  for (k = 0 ; noblank[k] ; k++)
  {
    char name[160] ;
    size_t i, hend ;
    int ok = 1 ;
    feed(S("A: 1\n\nbody\n"), CH_WHOLE) ;
    if (!msg_header_add("X", noblank[k], 0) || !render(&sa)) ok = 0 ;
    hend = 0 ;
    for (i = 0 ; ok && i + 1 < sa.len ; i++) if (sa.s[i] == '\n' && sa.s[i+1] == '\n') { hend = i ; break ; }
    if (ok)
    {
      feed(sa.s, sa.len, CH_WHOLE) ;
      ok = msg_header_count("x") == 1 && msg_header_count("body") == 0 && sa.len - hend == 7 ;
    }
    snprintf(name, sizeof(name), "injection: value \"%s\" makes no blank line", unit_escs(noblank[k])) ;
    unit_check(ok, name, "rendered \"%s\"", unit_esc(sa.s, sa.len)) ;
  }
  stralloc_free(&sa) ;
}

/* A client controls how many fields share a name: counting them must stay
   linear (a plugin's qp_header_count on 30000 "X:" fields is no CPU bomb). */
static void test_count_cost (void)
{
  stralloc in = STRALLOC_ZERO ;
  unsigned int i, n = 0 ;
  struct timespec a, b ;
  double secs ;
  for (i = 0 ; i < 30000 ; i++) stralloc_catb(&in, "X:\n", 3) ;
  stralloc_catb(&in, "\n", 1) ;
  feed(in.s, in.len, CH_WHOLE) ;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a) ;
  n = msg_header_count("x") ;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b) ;
  secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9 ;
  unit_check(n == 30000 && secs < 0.5, "cost: counting 30000 same-name fields takes under 0.5 s of CPU", "count %u in %.2f s", n, secs) ;
  stralloc_free(&in) ;
}

int main (void)
{
  unit_init("msg") ;
  if (!unit_tmpdir(spooldir, sizeof(spooldir), "msg"))
  {
    unit_check(0, "setup: mkdtemp", "%s", strerror(errno)) ;
    return unit_end() ;
  }
  test_parse() ;
  test_done() ;
  test_begin_fails() ;
  test_reset() ;
  test_toolarge() ;
  test_bodysizes() ;
  test_edit() ;
  test_badnames() ;
  test_injection() ;
  test_count_cost() ;
  msg_reset() ;
  unit_rmrf(spooldir) ;
  return unit_end() ;
}
