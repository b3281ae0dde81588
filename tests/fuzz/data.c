/* ISC license. */
/* tests/fuzz/data.c: libFuzzer harness for the DATA transparency machine
   (src/data.h, RFC 5321 4.5.2 and 2.3.8). The first input octet chooses two
   chunkings of the rest (fixed-size chunks, and random sizes seeded by it);
   the stream is also fed whole. Every chunk and every output buffer is an
   exact-size heap block. The three outcomes (return value, octets consumed,
   output) must be identical, and equal to a line-by-line reference model. */

#include <string.h>

#include "data.h"
#include "fuzz.h"

typedef struct outcome_s outcome ;
struct outcome_s
{
  int ret ;
  size_t used ;
  size_t olen ;
  char *out ;
} ;

/* Reference, written from the RFC rather than as a state machine: at the
   start of each line, "." CRLF ends the data and a leading dot is dropped;
   CR LF becomes LF; a CR not followed by LF, or an LF not preceded by CR, is
   bare. An input that ends before this can be decided is MORE. */
static outcome ref_feed (char const *in, size_t len)
{
  outcome o = { .ret = DATA_MORE, .used = len, .olen = 0, .out = malloc(len + 1) } ;
  size_t i = 0 ;
  if (!o.out) abort() ;
  while (i < len)
  {
    /* start of a line */
    if (in[i] == '.')
    {
      if (i + 1 == len) return o ;
      if (in[i+1] == '\r')
      {
        if (i + 2 == len) return o ;
        if (in[i+2] == '\n') { o.ret = DATA_END ; o.used = i + 3 ; return o ; }
        o.ret = DATA_BARE ; o.used = i + 2 ; return o ;
      }
      if (in[i+1] == '\n') { o.ret = DATA_BARE ; o.used = i + 1 ; return o ; }
      i++ ;   /* the stuffed dot */
    }
    for (;;)
    {
      if (i == len) return o ;
      if (in[i] == '\n') { o.ret = DATA_BARE ; o.used = i ; return o ; }
      if (in[i] == '\r')
      {
        if (i + 1 == len) return o ;
        if (in[i+1] != '\n') { o.ret = DATA_BARE ; o.used = i + 1 ; return o ; }
        o.out[o.olen++] = '\n' ;
        i += 2 ;
        break ;
      }
      o.out[o.olen++] = in[i++] ;
    }
  }
  return o ;
}

/* Feeds in[] in chunks: size fixed (if fixed), else random from *seed;
   stops at DATA_END or DATA_BARE, as smtpdata.c does. */
static outcome feed (char const *in, size_t len, size_t fixed, uint64_t seed)
{
  datafsm f = DATAFSM_ZERO ;
  outcome o = { .ret = DATA_MORE, .used = 0, .olen = 0, .out = malloc(len + 1) } ;
  if (!o.out) abort() ;
  while (o.used < len)
  {
    size_t n = len - o.used, olen = (size_t)-1, used = (size_t)-1 ;
    size_t want = fixed ? fixed : 1 + fuzz_rand(&seed) % (fuzz_rand(&seed) & 1 ? 4 : 300) ;
    char *chunk, *obuf ;
    int r ;
    if (n > want) n = want ;
    chunk = fuzz_memdup((uint8_t const *)in + o.used, n) ;
    obuf = malloc(n) ;
    if (!obuf) abort() ;
    r = data_feed(&f, chunk, n, obuf, &olen, &used) ;
    FUZZ_CHECK(r == DATA_MORE || r == DATA_END || r == DATA_BARE, "data_feed returned %d", r) ;
    FUZZ_CHECK(used <= n && olen <= used, "data_feed consumed %zu of %zu octets, wrote %zu", used, n, olen) ;
    FUZZ_CHECK(r != DATA_MORE || used == n, "data_feed returned MORE with %zu of %zu octets consumed", used, n) ;
    memcpy(o.out + o.olen, obuf, olen) ;
    o.olen += olen ;
    o.used += used ;
    free(chunk) ;
    free(obuf) ;
    if (r != DATA_MORE) { o.ret = r ; break ; }
  }
  return o ;
}

static char const *retname (int r)
{
  return r == DATA_MORE ? "MORE" : r == DATA_END ? "END" : r == DATA_BARE ? "BARE" : "?" ;
}

static void same (outcome const *a, outcome const *b, char const *what, char const *in, size_t len)
{
  FUZZ_CHECK(a->ret == b->ret && a->used == b->used && a->olen == b->olen && fuzz_memeq(a->out, b->out, a->olen),
    "input \"%s\": %s: %s used %zu out \"%s\"; reference: %s used %zu out \"%s\"", fuzz_esc(in, len), what,
    retname(a->ret), a->used, fuzz_esc(a->out, a->olen), retname(b->ret), b->used, fuzz_esc(b->out, b->olen)) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  char const *in ;
  size_t len ;
  unsigned int b ;
  outcome ref, whole, fixed, random ;
  if (!size) return 0 ;
  b = data[0] ;
  in = (char const *)data + 1 ;
  len = size - 1 ;
  ref = ref_feed(in, len) ;
  whole = feed(in, len, len ? len : 1, 0) ;
  fixed = feed(in, len, 1 + (b & 15), 0) ;
  random = feed(in, len, 0, b + 1) ;
  same(&whole, &ref, "fed whole", in, len) ;
  same(&fixed, &ref, "fixed chunks", in, len) ;
  same(&random, &ref, "random chunks", in, len) ;
  free(ref.out) ; free(whole.out) ; free(fixed.out) ; free(random.out) ;
  return 0 ;
}
