/* ISC license. */
/* tests/fuzz/dns.c: libFuzzer harness for the DNS answer parser and the
   query-name helpers (src/dnsparse.h).
   Input: octet 0: bit 7 clear, a packet: bits 0-2 choose the asked type
   (A, AAAA, MX, TXT, PTR, then again); the rest is the reply, copied into
   an exact-size heap block. Checked: the status is ANSWER, NODATA, NXDOMAIN
   or TEMPFAIL; ANSWER iff 0 < n <= DNS_RR_MAX; TEMPFAIL gives a reason;
   shorter than a header or QR clear is TEMPFAIL; every record has the asked
   type and a text that is a NUL-terminated string of printable ASCII inside
   the answer's buffer, at most DNS_RR_TEXT_MAX octets, the whole at most
   DNS_ANSWER_TEXT_MAX plus the NULs; an A record's text is the dotted quad
   of its octets, an AAAA's parses back to its octets; parsing again into the
   same answer, and into a fresh one, gives the same status and texts.
   Bit 7 set: the rest, up to its first NUL, is a name or an address:
   dns_name_ok is false for more than 254 octets, characters other than
   letters, digits, '.', '-', '_', and empty labels; dns_revname(s,
   "zone.test") succeeds only for what inet_pton takes as an IPv4 or IPv6
   address, and then gives a name dns_name_ok accepts, ending in
   ".zone.test", whose labels reverse back to the same address. */

#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <arpa/inet.h>

#include <skalibs/stralloc.h>

#include "dnsparse.h"
#include "fuzz.h"

static unsigned int const types[8] =
{
  QP_DNS_A, QP_DNS_AAAA, QP_DNS_MX, QP_DNS_TXT, QP_DNS_PTR, QP_DNS_A, QP_DNS_TXT, QP_DNS_MX
} ;

static dnsanswer kept = DNSANSWER_ZERO ;

static void check_answer (dnsanswer const *a, int st, char const *why, unsigned int qtype, uint8_t const *p, size_t len)
{
  size_t total = 0 ;
  FUZZ_CHECK(st == QP_DNS_ANSWER || st == QP_DNS_NODATA || st == QP_DNS_NXDOMAIN || st == QP_DNS_TEMPFAIL, "status %d", st) ;
  FUZZ_CHECK((st == QP_DNS_ANSWER) == (a->n > 0), "status %d with %u records", st, a->n) ;
  FUZZ_CHECK(a->n <= DNS_RR_MAX, "%u records", a->n) ;
  if (st == QP_DNS_TEMPFAIL) FUZZ_CHECK(why && *why, "TEMPFAIL without a reason") ;
  if (len < 12 || !(p[2] & 0x80)) FUZZ_CHECK(st == QP_DNS_TEMPFAIL, "status %d for a header of %zu octets, flags %02x", st, len, len > 2 ? p[2] : 0) ;
  if (st != QP_DNS_ANSWER) return ;
  for (unsigned int i = 0 ; i < a->n ; i++)
  {
    qp_dnsrr const *r = a->rr + i ;
    size_t tl ;
    FUZZ_CHECK(r->type == qtype, "record %u of type %u for a question of type %u", i, r->type, qtype) ;
    FUZZ_CHECK(r->text >= a->text.s && r->text < a->text.s + a->text.len, "record %u's text outside the buffer", i) ;
    tl = strnlen(r->text, (size_t)(a->text.s + a->text.len - r->text)) ;
    FUZZ_CHECK(r->text + tl < a->text.s + a->text.len, "record %u's text not terminated in the buffer", i) ;
    FUZZ_CHECK(tl <= DNS_RR_TEXT_MAX, "record %u's text of %zu octets", i, tl) ;
    for (size_t k = 0 ; k < tl ; k++)
      FUZZ_CHECK(r->text[k] >= 32 && r->text[k] < 127, "record %u: octet %02x in \"%s\"", i, (unsigned char)r->text[k], fuzz_esc(r->text, tl)) ;
    total += tl ;
    if (r->type == QP_DNS_A)
    {
      char want[16] ;
      snprintf(want, sizeof want, "%u.%u.%u.%u", r->ip[0], r->ip[1], r->ip[2], r->ip[3]) ;
      FUZZ_CHECK(!strcmp(want, r->text), "A text \"%s\", octets say %s", fuzz_esc(r->text, tl), want) ;
    }
    if (r->type == QP_DNS_AAAA)
    {
      unsigned char back[16] ;
      FUZZ_CHECK(inet_pton(AF_INET6, r->text, back) == 1 && !memcmp(back, r->ip, 16), "AAAA text \"%s\" does not give its octets", fuzz_esc(r->text, tl)) ;
    }
  }
  FUZZ_CHECK(total <= DNS_ANSWER_TEXT_MAX, "%zu octets of text", total) ;
}

static void packet (unsigned int qtype, uint8_t const *data, size_t size)
{
  uint8_t *p = malloc(size ? size : 1) ;
  dnsanswer fresh = DNSANSWER_ZERO ;
  char const *why = 0, *why2 = 0 ;
  int st, st2 ;
  memcpy(p, data, size) ;
  st = dns_parse(p, size, qtype, &kept, &why) ;
  check_answer(&kept, st, why, qtype, p, size) ;
  st2 = dns_parse(p, size, qtype, &fresh, &why2) ;
  FUZZ_CHECK(st == st2 && kept.n == fresh.n, "second parse: status %d/%d, records %u/%u", st, st2, kept.n, fresh.n) ;
  for (unsigned int i = 0 ; st == QP_DNS_ANSWER && i < kept.n ; i++)
    FUZZ_CHECK(!strcmp(kept.rr[i].text, fresh.rr[i].text), "record %u differs on a second parse", i) ;
  st2 = dns_parse(p, size, qtype, &kept, &why2) ;
  FUZZ_CHECK(st == st2, "same answer reused: status %d then %d", st, st2) ;
  dnsanswer_free(&fresh) ;
  free(p) ;
}

static int name_model (char const *s)
{
  size_t n = strlen(s), label = 0 ;
  if (n && s[n - 1] == '.') n-- ;
  if (!n || n > 253) return 0 ;
  for (size_t i = 0 ; i < n ; i++)
  {
    char c = s[i] ;
    if (c == '.') { if (!label) return 0 ; label = 0 ; continue ; }
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return 0 ;
    if (++label > 63) return 0 ;
  }
  return label > 0 ;    /* "aa.." : an empty last label */
}

static void name (uint8_t const *data, size_t size)
{
  char *s = malloc(size + 1) ;
  stralloc sa = STRALLOC_ZERO ;
  unsigned char a4[4], a6[16] ;
  int is4, is6, r ;
  memcpy(s, data, size) ;
  s[size] = 0 ;
  FUZZ_CHECK(dns_name_ok(s) == name_model(s), "dns_name_ok(\"%s\") = %d", fuzz_esc(s, strlen(s)), dns_name_ok(s)) ;
  is4 = inet_pton(AF_INET, s, a4) == 1 ;
  is6 = inet_pton(AF_INET6, s, a6) == 1 ;
  r = dns_revname(s, "zone.test", &sa) ;
  if (r)
  {
    char const *n = sa.s ;
    size_t len = strlen(n) ;
    FUZZ_CHECK(sa.len == len + 1, "result not one NUL-terminated string") ;
    FUZZ_CHECK(dns_name_ok(n), "not a name: %s", fuzz_esc(n, len)) ;
    FUZZ_CHECK(len > 10 && !strcmp(n + len - 10, ".zone.test"), "zone missing: %s", fuzz_esc(n, len)) ;
    FUZZ_CHECK(is4 || is6, "\"%s\" is no address for inet_pton, named %s", fuzz_esc(s, strlen(s)), fuzz_esc(n, len)) ;
    if (is4)
    {
      char want[64] ;
      snprintf(want, sizeof want, "%u.%u.%u.%u.zone.test", a4[3], a4[2], a4[1], a4[0]) ;
      FUZZ_CHECK(!strcmp(want, n), "\"%s\" named %s, expected %s", fuzz_esc(s, strlen(s)), n, want) ;
    }
    else
    {
      char want[80] ;
      size_t o = 0 ;
      for (int i = 15 ; i >= 0 ; i--) o += (size_t)snprintf(want + o, sizeof want - o, "%x.%x.", a6[i] & 15, a6[i] >> 4) ;
      snprintf(want + o, sizeof want - o, "zone.test") ;
      FUZZ_CHECK(!strcmp(want, n), "\"%s\" named %s, expected %s", fuzz_esc(s, strlen(s)), n, want) ;
    }
  }
  else FUZZ_CHECK(!is4 && !is6, "\"%s\" is an address for inet_pton, not for dns_revname", fuzz_esc(s, strlen(s))) ;
  stralloc_free(&sa) ;
  free(s) ;
}

int LLVMFuzzerInitialize (int *argc, char ***argv)
{
  (void)argc ; (void)argv ;
  fuzz_keep_stderr() ;
  return 0 ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  if (!size) return 0 ;
  if (data[0] & 0x80)
  {
    size_t n = 1 ;
    while (n < size && data[n]) n++ ;
    name(data + 1, n - 1) ;
  }
  else packet(types[data[0] & 7], data + 1, size - 1) ;
  return 0 ;
}
