/* ISC license. */
/* tests/fuzz/milter.c: libFuzzer harness for the milter reply-packet parser
   of the milter plugin (mt_parse in plugins/milter.c, a static function:
   the plugin's file is included here, its descriptor renamed so that the
   copy in libfuzzcore.a does not clash; its qp_* calls resolve against
   libfuzzcore.a and are not reached by the parser).
   Input: octet 0 chooses the data limit (mod 3: 64 KiB, MDS_256K, MDS_1M),
   the rest is what a milter sent, parsed packet after packet as the plugin
   reads them, in an exact-size heap block.
   Checked: mt_parse returns -1, 0 or 1; -1 carries a reason; on 1 the
   packet is at least 5 octets and inside the input, its length word agrees,
   its data is within the limit, the command is one the plugin knows, every
   string offset lies inside the data and ends at a NUL with no NUL inside,
   a REPLYCODE starts with 4 or 5 and a header name is printable without a
   colon; every proper prefix of a complete packet parses as 0 (incomplete),
   never as a packet or an error; the same bytes parsed again agree. */

#include <stdlib.h>
#include <string.h>

#define plugin_milter plugin_milter_fuzzcopy
#include "../../plugins/milter.c"
#undef plugin_milter

#include "fuzz.h"

#define PREFIX_MAX 4096   /* prefixes are checked for packets up to this size */

static size_t const limits[3] = { MT_DATA_MAX, MT_DATA_256K, MT_DATA_1M } ;

static void check_string (char const *b, mtpkt const *p, size_t off, size_t len, char const *what)
{
  size_t end = p->data + p->dlen ;
  FUZZ_CHECK(off >= p->data && off <= end && len < end - off + 1 && off + len < end, "%s at %zu+%zu outside the data %zu+%zu", what, off, len, p->data, p->dlen) ;
  FUZZ_CHECK(!memchr(b + off, 0, len) && !b[off + len], "%s is not one NUL-terminated string", what) ;
}

static void check_packet (char const *b, size_t size, size_t max, mtpkt const *p)
{
  FUZZ_CHECK(p->total >= 5 && p->total <= size, "packet of %zu octets in %zu", p->total, size) ;
  FUZZ_CHECK(get32((unsigned char const *)b) == p->total - 4, "length word %u for %zu octets", get32((unsigned char const *)b), p->total) ;
  FUZZ_CHECK(p->data == 5 && p->dlen == p->total - 5 && p->dlen <= max, "data %zu+%zu (limit %zu)", p->data, p->dlen, max) ;
  FUZZ_CHECK(p->cmd && strchr("+-24abcdefhimpqrstyO", p->cmd), "command %d accepted", p->cmd) ;
  switch (p->cmd)
  {
    case SMFIR_REPLYCODE :
      check_string(b, p, p->s1, p->s1len, "reply") ;
      FUZZ_CHECK(b[p->s1] == '4' || b[p->s1] == '5', "reply code \"%s\"", fuzz_esc(b + p->s1, p->s1len)) ;
      break ;
    case SMFIR_ADDHEADER : case SMFIR_INSHEADER : case SMFIR_CHGHEADER :
      check_string(b, p, p->s1, p->s1len, "name") ;
      check_string(b, p, p->s2, p->s2len, "value") ;
      for (size_t i = 0 ; i < p->s1len ; i++)
        FUZZ_CHECK(b[p->s1 + i] > ' ' && b[p->s1 + i] <= '~' && b[p->s1 + i] != ':', "octet %d in a header name", b[p->s1 + i]) ;
      FUZZ_CHECK(p->s1len > 0, "empty header name") ;
      break ;
    case SMFIR_ADDRCPT : case SMFIR_DELRCPT : case SMFIR_QUARANTINE :
      check_string(b, p, p->s1, p->s1len, "string") ;
      break ;
    case SMFIR_ADDRCPT_PAR : case SMFIR_CHGFROM :
      check_string(b, p, p->s1, p->s1len, "address") ;
      if (p->s2) check_string(b, p, p->s2, p->s2len, "arguments") ;
      break ;
    case SMFIR_OPTNEG :
      FUZZ_CHECK(p->dlen >= 12, "OPTNEG with %zu octets", p->dlen) ;
      break ;
    case SMFIR_REPLBODY :
      break ;
    default :
      FUZZ_CHECK(!p->dlen, "reply '%c' with %zu octets of data", p->cmd, p->dlen) ;
  }
}

int LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void)argc ; (void)argv ;
  fuzz_keep_stderr() ;
  return 0 ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  size_t max, off = 0 ;
  char *buf ;
  if (!size) return 0 ;
  max = limits[data[0] % 3] ;
  data++ ; size-- ;
  buf = malloc(size ? size : 1) ;
  if (!buf) return 0 ;
  memcpy(buf, data, size) ;
  for (;;)
  {
    mtpkt p, p2 ;
    int r = mt_parse(buf + off, size - off, max, &p), r2 ;
    FUZZ_CHECK(r == -1 || r == 0 || r == 1, "mt_parse returned %d", r) ;
    if (r < 0) FUZZ_CHECK(p.why != 0, "an error without a reason: \"%s\"", fuzz_esc(buf + off, size - off)) ;
    r2 = mt_parse(buf + off, size - off, max, &p2) ;
    FUZZ_CHECK(r2 == r && (r <= 0 || !memcmp(&p, &p2, sizeof p)), "a second parse differs: %d then %d", r, r2) ;
    if (r <= 0) break ;
    check_packet(buf + off, size - off, max, &p) ;
    if (p.total <= PREFIX_MAX)
      for (size_t n = 0 ; n < p.total ; n++)
      {
        char *pre = malloc(n ? n : 1) ;
        if (!pre) break ;
        memcpy(pre, buf + off, n) ;
        r2 = mt_parse(pre, n, max, &p2) ;
        FUZZ_CHECK(r2 == 0, "the prefix of %zu octets of a complete packet gave %d: \"%s\"", n, r2, fuzz_esc(buf + off, p.total)) ;
        free(pre) ;
      }
    off += p.total ;
  }
  free(buf) ;
  return 0 ;
}
