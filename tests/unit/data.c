/* ISC license. */
/* tests/unit/data.c: the DATA state machine (src/data.h, RFC 5321 4.5.2, 2.3.8).
   Every input is fed whole, one octet at a time, in every split (short inputs:
   every partition), and in random chunks; the result (return value, output,
   octets consumed) must not depend on the split. A simple line-based reference
   model is checked against the machine on random streams. */

#include <string.h>
#include <stdlib.h>

#include "data.h"
#include "unit.h"

typedef struct result_s result ;
struct result_s
{
  int ret ;
  size_t used ;     /* total octets consumed */
  size_t olen ;
  char *out ;       /* malloc'd, olen octets */
  int contract ;    /* 0 if a call broke the data_feed contract */
} ;

static void result_free (result *r) { free(r->out) ; r->out = 0 ; }

/* Feeds in[] in the chunks given by cuts (ncuts increasing positions strictly
   inside (0, len)), stopping at DATA_END or DATA_BARE. Every chunk is copied into
   a buffer of its exact size, and the output buffer is exactly the chunk size. */
static result feed_cuts (char const *in, size_t len, size_t const *cuts, size_t ncuts)
{
  datafsm f = DATAFSM_ZERO ;
  result r = { .ret = DATA_MORE, .used = 0, .olen = 0, .out = malloc(len + 1), .contract = 1 } ;
  size_t start = 0, k ;
  for (k = 0 ; k <= ncuts ; k++)
  {
    size_t stop = k < ncuts ? cuts[k] : len ;
    size_t n = stop - start, olen = (size_t)-1, used = (size_t)-1 ;
    char *chunk = malloc(n ? n : 1), *obuf = malloc(n ? n : 1) ;
    int ret ;
    memcpy(chunk, in + start, n) ;
    ret = data_feed(&f, chunk, n, obuf, &olen, &used) ;
    if (olen > n || used > n) r.contract = 0 ;
    else
    {
      memcpy(r.out + r.olen, obuf, olen) ;
      r.olen += olen ;
    }
    free(chunk) ; free(obuf) ;
    if (ret != DATA_MORE && ret != DATA_END && ret != DATA_BARE) { r.contract = 0 ; r.ret = ret ; return r ; }
    if (ret == DATA_MORE && used != n) r.contract = 0 ;
    if (ret != DATA_MORE || !r.contract)
    {
      r.ret = ret ;
      r.used = start + (used <= n ? used : 0) ;
      return r ;
    }
    start = stop ;
  }
  r.used = len ;
  return r ;
}

static result feed_whole (char const *in, size_t len) { return feed_cuts(in, len, 0, 0) ; }

static int same (result const *a, result const *b)
{
  return a->contract && b->contract && a->ret == b->ret && a->used == b->used && a->olen == b->olen
    && !unit_memcmp(a->out, b->out, a->olen) ;
}

static char const *retname (int r)
{
  return r == DATA_MORE ? "MORE" : r == DATA_END ? "END" : r == DATA_BARE ? "BARE" : "???" ;
}

static char const *show (result const *r)
{
  static char buf[4][400] ;
  static unsigned int k = 0 ;
  char *b = buf[k++ & 3] ;
  snprintf(b, sizeof(buf[0]), "%s used=%zu out=\"%s\"%s", retname(r->ret), r->used, unit_esc(r->out, r->olen),
    r->contract ? "" : " (contract broken)") ;
  return b ;
}

/* Checks every way of splitting in against the whole feed; returns 1 if all
   agree, else fills why. Short inputs get every partition, longer ones every
   cut into 2 and 3 chunks, plus one octet at a time and random chunks. */
static int split_invariant (char const *in, size_t len, result const *whole, char *why, size_t whysize)
{
  size_t cuts[64], i, j ;
  uint64_t seed = 0x9e3779b97f4a7c15ULL ^ len ;
  unsigned int t ;
  if (len >= 2 && len <= 16)
  {
    unsigned long mask, nmask = 1UL << (len - 1) ;
    for (mask = 1 ; mask < nmask ; mask++)
    {
      size_t n = 0 ;
      result r ;
      for (i = 1 ; i < len ; i++) if (mask & (1UL << (i - 1))) cuts[n++] = i ;
      r = feed_cuts(in, len, cuts, n) ;
      if (!same(&r, whole)) { snprintf(why, whysize, "partition mask %lx: %s vs whole %s", mask, show(&r), show(whole)) ; result_free(&r) ; return 0 ; }
      result_free(&r) ;
    }
    return 1 ;
  }
  if (len <= 200)
    for (i = 1 ; i < len ; i++)
      for (j = i ; j < len ; j++)
      {
        result r ;
        size_t n = 0 ;
        cuts[n++] = i ;
        if (j > i) cuts[n++] = j ;
        r = feed_cuts(in, len, cuts, n) ;
        if (!same(&r, whole)) { snprintf(why, whysize, "cut at %zu,%zu: %s vs whole %s", i, j, show(&r), show(whole)) ; result_free(&r) ; return 0 ; }
        result_free(&r) ;
      }
  /* one octet at a time: no cuts array big enough, do it by hand */
  {
    datafsm f = DATAFSM_ZERO ;
    result r = { .ret = DATA_MORE, .used = len, .olen = 0, .out = malloc(len + 1), .contract = 1 } ;
    for (i = 0 ; i < len ; i++)
    {
      char o[1] ;
      size_t olen, used ;
      int ret = data_feed(&f, in + i, 1, o, &olen, &used) ;
      if (olen > 1 || used > 1) { r.contract = 0 ; break ; }
      if (olen) r.out[r.olen++] = o[0] ;
      if (ret != DATA_MORE) { r.ret = ret ; r.used = i + used ; break ; }
      if (used != 1) { r.contract = 0 ; break ; }
    }
    if (!same(&r, whole)) { snprintf(why, whysize, "one octet at a time: %s vs whole %s", show(&r), show(whole)) ; result_free(&r) ; return 0 ; }
    result_free(&r) ;
  }
  /* random chunk sizes, several seeds */
  for (t = 0 ; t < 8 && len > 1 ; t++)
  {
    size_t pos = 0, n = 0, cap = len ;
    size_t *c = malloc(sizeof(size_t) * (cap + 1)) ;
    result r ;
    unsigned int maxchunk = t < 4 ? 7 : 4096 ;
    for (;;)
    {
      pos += 1 + unit_rand(&seed) % maxchunk ;
      if (pos >= len) break ;
      c[n++] = pos ;
    }
    r = feed_cuts(in, len, c, n) ;
    free(c) ;
    if (!same(&r, whole)) { snprintf(why, whysize, "random chunks (seed round %u): %s vs whole %s", t, show(&r), show(whole)) ; result_free(&r) ; return 0 ; }
    result_free(&r) ;
  }
  return 1 ;
}

struct data_case
{
  char const *name ;
  char const *in ;
  size_t len ;
  int ret ;
  char const *out ;    /* NULL: not checked (the output of a refused message is unspecified) */
  size_t olen ;
  size_t used ;        /* (size_t)-1: not checked */
} ;

#define S(x) (x), (sizeof(x) - 1)
#define ANY (size_t)-1

static struct data_case const cases[] =
{
  { "empty input", S(""), DATA_MORE, S(""), 0 },
  { "plain line, CRLF to LF", S("hello\r\n"), DATA_MORE, S("hello\n"), 7 },
  { "several lines", S("a\r\nbb\r\n\r\nccc\r\n"), DATA_MORE, S("a\nbb\n\nccc\n"), 14 },
  { "end at CRLF.CRLF", S("hello\r\n.\r\n"), DATA_END, S("hello\n"), 10 },
  { ".CRLF as the very first line ends", S(".\r\n"), DATA_END, S(""), 3 },
  { "blank first line then end", S("\r\n.\r\n"), DATA_END, S("\n"), 5 },
  { "..x unstuffed to .x", S("a\r\n..b\r\n.\r\n"), DATA_END, S("a\n.b\n"), 11 },
  { ".x unstuffed to x", S("a\r\n.b\r\n.\r\n"), DATA_END, S("a\nb\n"), 10 },
  { "... unstuffed to ..", S("a\r\n...\r\n.\r\n"), DATA_END, S("a\n..\n"), 11 },
  { ".. alone is a line with one dot", S("..\r\n.\r\n"), DATA_END, S(".\n"), 7 },
  { "first line .x", S(".x\r\n.\r\n"), DATA_END, S("x\n"), 7 },
  { "dot mid-line untouched", S("a.\r\na.b.\r\n.\r\n"), DATA_END, S("a.\na.b.\n"), 13 },
  { "space before dot is not the end", S("a\r\n .\r\n.\r\n"), DATA_END, S("a\n .\n"), 10 },
  { "dot then space is not the end", S("a\r\n. \r\n.\r\n"), DATA_END, S("a\n \n"), 10 },
  { "data after the end not consumed", S("a\r\n.\r\nMAIL FROM:<x>\r\n"), DATA_END, S("a\n"), 6 },
  { "pipelined QUIT after first-line end", S(".\r\nQUIT\r\n"), DATA_END, S(""), 3 },
  { "second end after the first not consumed", S("a\r\n.\r\n.\r\n"), DATA_END, S("a\n"), 6 },
  { "NUL octets pass through", S("\0a\0\r\n\0\r\n.\r\n"), DATA_END, S("\0a\0\n\0\n"), 11 },
  { "NUL after leading dot", S(".\0\r\n.\r\n"), DATA_END, S("\0\n"), 7 },
  { "8-bit octets pass through", S("\xff\xfe\x80\r\n.\r\n"), DATA_END, S("\xff\xfe\x80\n"), 8 },
  { "ends with partial CRLF", S("a\r\n.\r"), DATA_MORE, S("a\n"), 5 },
  { "ends with leading dot", S("a\r\n."), DATA_MORE, S("a\n"), 4 },
  { "ends with CR", S("abc\r"), DATA_MORE, S("abc"), 4 },
  { "long line without end", S("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), DATA_MORE, S("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), 126 },
  /* smuggling: every one must be refused before any end */
  { "LF.LF", S("a\n.\n"), DATA_BARE, 0, 0, ANY },
  { "LF.CRLF", S("a\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "CRLF.LF", S("a\r\n.\n"), DATA_BARE, 0, 0, ANY },
  { "CRLF.LF then a real end", S("a\r\n.\nMAIL FROM:<x>\r\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "LF.CRLF then a real end", S("a\n.\r\nRCPT TO:<x>\r\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "CR.CR", S("a\r.\r"), DATA_BARE, 0, 0, ANY },
  { "CR.CRLF", S("a\r.\r\n"), DATA_BARE, 0, 0, ANY },
  { "CRLF.CR then end", S("a\r\n.\r\r\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "bare LF mid-line", S("ab\ncd\r\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "bare CR mid-line", S("ab\rcd\r\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { ".CR then other", S("a\r\n.\rX\r\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "bare LF first", S("\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "bare CR first", S("\rX"), DATA_BARE, 0, 0, ANY },
  { "CR CR LF", S("a\r\r\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { ".LF first", S(".\n"), DATA_BARE, 0, 0, ANY },
  { ".CR.CRLF first", S(".\r.\r\n"), DATA_BARE, 0, 0, ANY },
  { "LF at line start", S("a\r\n\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "CR at line start then CRLF", S("a\r\n\r\r\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "LF CRLF", S("a\n\r\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "LF after leading dot mid-stream", S("x\r\n.a\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { "CR LF LF", S("a\r\n\n"), DATA_BARE, 0, 0, ANY },
  { "LF LF first", S("\n\n"), DATA_BARE, 0, 0, ANY },
  { "CR CR first", S("\r\r"), DATA_BARE, 0, 0, ANY },
  { "CR . first", S("\r.\r\n"), DATA_BARE, 0, 0, ANY },
  { "dot-stuffed then bare LF", S("..\n.\r\n"), DATA_BARE, 0, 0, ANY },
  { 0, 0, 0, 0, 0, 0, 0 }
} ;

static void test_table (void)
{
  struct data_case const *c = cases ;
  for (; c->name ; c++)
  {
    char why[1024] ;
    result w = feed_whole(c->in, c->len) ;
    char name[160] ;
    snprintf(name, sizeof(name), "%s", c->name) ;
    if (!w.contract) unit_check(0, name, "\"%s\": contract broken: %s", unit_esc(c->in, c->len), show(&w)) ;
    else if (w.ret != c->ret) unit_check(0, name, "\"%s\": %s, expected %s", unit_esc(c->in, c->len), show(&w), retname(c->ret)) ;
    else if (c->out && (w.olen != c->olen || unit_memcmp(w.out, c->out, w.olen)))
      unit_check(0, name, "\"%s\": %s, expected out \"%s\"", unit_esc(c->in, c->len), show(&w), unit_esc(c->out, c->olen)) ;
    else if (c->used != ANY && w.used != c->used)
      unit_check(0, name, "\"%s\": %s, expected used %zu", unit_esc(c->in, c->len), show(&w), c->used) ;
    else unit_check(1, name, 0) ;
    snprintf(name, sizeof(name), "%s: every split agrees", c->name) ;
    unit_check(split_invariant(c->in, c->len, &w, why, sizeof(why)), name, "\"%s\": %s", unit_esc(c->in, c->len), why) ;
    result_free(&w) ;
  }
}

/* After DATA_END the machine is ready for the next message. */
static void test_reuse (void)
{
  datafsm f = DATAFSM_ZERO ;
  char out[32] ;
  size_t olen, used ;
  int r1 = data_feed(&f, "x\r\n.\r\n", 6, out, &olen, &used) ;
  int r2 = data_feed(&f, ".\r\n", 3, out, &olen, &used) ;
  unit_check(r1 == DATA_END && r2 == DATA_END && used == 3 && olen == 0, "machine restarts at a line start after the end",
    "first %s, second %s used %zu", retname(r1), retname(r2), used) ;
}

 /* reference model: line by line, with the whole input in view */

static result reference (char const *in, size_t len)
{
  result r = { .ret = DATA_MORE, .used = len, .olen = 0, .out = malloc(len + 1), .contract = 1 } ;
  size_t p = 0 ;
  while (p < len)
  {
    size_t e = p, a = p ;
    if (len - p >= 3 && !unit_memcmp(in + p, ".\r\n", 3)) { r.ret = DATA_END ; r.used = p + 3 ; return r ; }
    if (in[p] == '.') a = p + 1 ;
    while (e < len && in[e] != '\r' && in[e] != '\n') e++ ;
    if (e == len)
    {
      /* incomplete last line: its octets so far, a lone leading dot held back */
      if (a < e) { memcpy(r.out + r.olen, in + a, e - a) ; r.olen += e - a ; }
      return r ;
    }
    if (a < e) { memcpy(r.out + r.olen, in + a, e - a) ; r.olen += e - a ; }
    if (in[e] == '\n') { r.ret = DATA_BARE ; r.used = e ; return r ; }
    if (e + 1 == len) return r ;   /* CR held back */
    if (in[e+1] != '\n') { r.ret = DATA_BARE ; r.used = e + 1 ; return r ; }
    r.out[r.olen++] = '\n' ;
    p = e + 2 ;
  }
  return r ;
}

static void test_reference (void)
{
  static char const alpha[] = { 'a', '.', '\r', '\n', '\0', '\r', '\n', '.' } ;
  uint64_t seed = 0x123456789abcdefULL ;
  unsigned int i, bad = 0, nsplit = 0, badsplit = 0, ends = 0, bares = 0 ;
  char why[1024], first[1200] = "", firstsplit[1200] = "" ;
  for (i = 0 ; i < 200000 ; i++)
  {
    char in[24] ;
    size_t len = unit_rand(&seed) % sizeof(in), k ;
    result w, m ;
    for (k = 0 ; k < len ; k++) in[k] = alpha[unit_rand(&seed) % sizeof(alpha)] ;
    w = feed_whole(in, len) ;
    m = reference(in, len) ;
    if (w.ret == DATA_END) ends++ ;
    if (w.ret == DATA_BARE) bares++ ;
    if (!same(&w, &m))
    {
      if (!bad++) snprintf(first, sizeof(first), "\"%s\": machine %s, model %s", unit_esc(in, len), show(&w), show(&m)) ;
    }
    else if (i % 50 == 0 && len <= 16)
    {
      nsplit++ ;
      if (!split_invariant(in, len, &w, why, sizeof(why)) && !badsplit++)
        snprintf(firstsplit, sizeof(firstsplit), "\"%s\": %s", unit_esc(in, len), why) ;
    }
    result_free(&w) ;
    result_free(&m) ;
  }
  unit_check(!bad, "200000 random short streams agree with the reference model", "%u differ, first %s", bad, first) ;
  unit_check(!badsplit && nsplit > 1000, "random short streams: every partition agrees", "%u of %u, first %s", badsplit, nsplit, firstsplit) ;
  unit_check(ends > 1000 && bares > 1000, "random streams reach both END and BARE", "END %u, BARE %u", ends, bares) ;
}

/* 1 MB of random but valid text: lines of any octets but CR and LF, some with a
   leading dot, NULs and 8-bit included; must come back exactly, whatever the
   chunking, and stop before what follows the end. */
static void test_big (void)
{
  size_t cap = (1 << 20) + 4096, ilen = 0, elen = 0, bodylen ;
  char *in = malloc(cap + 16), *exp = malloc(cap) ;
  uint64_t seed = 42 ;
  result w ;
  char why[1024] ;
  while (ilen < (1 << 20))
  {
    size_t n = unit_rand(&seed) % 1200, k ;
    if (unit_rand(&seed) % 8 == 0 && n) n = 1 + n % 3 ;
    if (ilen + n + 4 > cap) break ;
    for (k = 0 ; k < n ; k++)
    {
      char c ;
      do c = (char)(unit_rand(&seed) & 0xff) ; while (c == '\r' || c == '\n') ;
      if (k == 0 && unit_rand(&seed) % 5 == 0) c = '.' ;
      exp[elen + k] = c ;
    }
    if (n && exp[elen] == '.') in[ilen++] = '.' ;
    memcpy(in + ilen, exp + elen, n) ; ilen += n ; elen += n ;
    in[ilen++] = '\r' ; in[ilen++] = '\n' ;
    exp[elen++] = '\n' ;
  }
  memcpy(in + ilen, ".\r\nQUIT\r\n", 9) ;
  bodylen = ilen + 3 ;
  ilen += 9 ;
  w = feed_whole(in, ilen) ;
  unit_check(w.contract && w.ret == DATA_END && w.used == bodylen && w.olen == elen && !unit_memcmp(w.out, exp, elen),
    "1 MB random valid stream round-trips", "%s (expected used %zu, %zu octets out)", show(&w), bodylen, elen) ;
  unit_check(split_invariant(in, ilen, &w, why, sizeof(why)), "1 MB random valid stream: any chunking agrees", "%s", why) ;
  result_free(&w) ;

  /* one bare LF anywhere inside it is caught, whatever the chunking */
  {
    size_t pos = bodylen / 2 ;
    while (in[pos] == '\r' || in[pos] == '\n') pos++ ;
    in[pos] = '\n' ;
    w = feed_whole(in, ilen) ;
    unit_check(w.ret == DATA_BARE && w.used == pos, "1 MB stream with one bare LF is refused", "%s (LF at %zu)", show(&w), pos) ;
    unit_check(split_invariant(in, ilen, &w, why, sizeof(why)), "1 MB stream with one bare LF: any chunking agrees", "%s", why) ;
    result_free(&w) ;
  }
  free(in) ;
  free(exp) ;
}

int main (void)
{
  unit_init("data") ;
  test_table() ;
  test_reuse() ;
  test_reference() ;
  test_big() ;
  return unit_end() ;
}
