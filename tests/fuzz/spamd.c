/* ISC license. */
/* tests/fuzz/spamd.c: libFuzzer harness for the spamd reply parser of the
   spamassassin plugin (sd_parse in plugins/spamassassin.c, a static
   function: the plugin's file is included here, its descriptor renamed so
   that the copy in libfuzzcore.a does not clash; its qp_* calls resolve
   against libfuzzcore.a and are not reached by the parser).
   Input: the bytes of spamd's answer, in an exact-size heap block.
   Checked: sd_parse returns -1, 0 or 1; -1 carries a reason; on 1 every
   offset (status text, score, required score, fields) lies inside the
   input, the score and required texts parse back to the numbers, the
   field count is within SD_FIELDS_MAX, each field's name starts with
   X-Spam- (any case) and holds only printable ASCII, each value is at most
   SD_VALUE_MAX octets; every proper prefix of an input that parses as 1
   parses as 0 (incomplete), never as a reply or an error; the same bytes
   parsed again give the same result. */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define plugin_spamassassin plugin_spamassassin_fuzzcopy
#include "../../plugins/spamassassin.c"
#undef plugin_spamassassin

#include "fuzz.h"

static void check_reply (char const *buf, size_t size, sdreply const *r)
{
  int64_t v ;
  FUZZ_CHECK(r->msg <= size && r->msglen <= size - r->msg, "status text %zu+%zu of %zu", r->msg, r->msglen, size) ;
  if (r->code) return ;
  FUZZ_CHECK(r->spam == 0 || r->spam == 1, "spam %d", r->spam) ;
  FUZZ_CHECK(r->scoretext + r->scorelen <= size && r->reqtext + r->reqlen <= size, "score spans in \"%s\"", fuzz_esc(buf, size)) ;
  FUZZ_CHECK(num_scan(buf + r->scoretext, r->scorelen, &v) && v == r->score, "score \"%s\"", fuzz_esc(buf + r->scoretext, r->scorelen)) ;
  FUZZ_CHECK(num_scan(buf + r->reqtext, r->reqlen, &v) && v == r->required, "required \"%s\"", fuzz_esc(buf + r->reqtext, r->reqlen)) ;
  FUZZ_CHECK(r->nfields <= SD_FIELDS_MAX, "%zu fields", r->nfields) ;
  for (size_t i = 0 ; i < r->nfields ; i++)
  {
    sdfield const *f = &r->field[i] ;
    FUZZ_CHECK(f->name + f->namelen <= size && f->value + f->valuelen <= size, "field %zu outside the input", i) ;
    FUZZ_CHECK(f->namelen > 7 && !strncasecmp(buf + f->name, "X-Spam-", 7), "field name \"%s\"", fuzz_esc(buf + f->name, f->namelen)) ;
    for (size_t k = 0 ; k < f->namelen ; k++)
      FUZZ_CHECK(buf[f->name + k] > ' ' && buf[f->name + k] <= '~', "octet %d in a name", buf[f->name + k]) ;
    FUZZ_CHECK(f->valuelen <= SD_VALUE_MAX, "value of %zu octets", f->valuelen) ;
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
  static sdreply r, r2 ;
  char *buf = malloc(size ? size : 1) ;
  int p, p2 ;
  if (!buf) return 0 ;
  memcpy(buf, data, size) ;
  p = sd_parse(buf, size, &r) ;
  FUZZ_CHECK(p == -1 || p == 0 || p == 1, "sd_parse returned %d", p) ;
  if (p < 0) FUZZ_CHECK(r.why != 0, "an error without a reason: \"%s\"", fuzz_esc(buf, size)) ;
  p2 = sd_parse(buf, size, &r2) ;
  FUZZ_CHECK(p2 == p && (p <= 0 || !memcmp(&r, &r2, sizeof r)), "a second parse differs: %d then %d", p, p2) ;
  if (p == 1)
  {
    check_reply(buf, size, &r) ;
    for (size_t n = 0 ; n < size ; n++)
    {
      char *pre = malloc(n ? n : 1) ;
      if (!pre) break ;
      memcpy(pre, buf, n) ;
      p2 = sd_parse(pre, n, &r2) ;
      FUZZ_CHECK(p2 == 0, "the prefix of %zu octets of a complete reply gave %d: \"%s\"", n, p2, fuzz_esc(buf, size)) ;
      free(pre) ;
    }
  }
  free(buf) ;
  return 0 ;
}
