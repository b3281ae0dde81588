/* ISC license. */
/* tests/fuzz/dns.c: libFuzzer harness for the DNS answer parser and the
   query-name helpers (src/dnsparse.h).
   Input: octet 0 bit 7 clear: a reply. Bits 0-2 choose the asked type (A,
   AAAA, MX, TXT, PTR, A, TXT, or CNAME, which is never kept: never an
   answer), bit 3 set passes no why pointer to the first parse; the rest is
   the packet, in an exact-size heap block. Checked: the status is ANSWER,
   NODATA, NXDOMAIN or TEMPFAIL; ANSWER iff 0 < n, n <= DNS_RR_MAX; TEMPFAIL
   gives a non-empty reason; shorter than a header or QR clear is TEMPFAIL,
   an rcode other than 0 and 3 too, NXDOMAIN only for rcode 3; every record
   has the asked type, a TTL below 2^31 (RFC 2181 8) and a text that is a
   NUL-terminated string of printable ASCII inside text.s[0..text.len), of
   at most DNS_RR_TEXT_MAX octets; text.len <= DNS_ANSWER_TEXT_MAX +
   DNS_RR_MAX (the NULs); an A record's text is the dotted quad of ip[0..3],
   an AAAA's parses (inet_pton) to ip[0..15]; an MX's or PTR's is a name of
   at most 253 octets (RFC 1035 3.1) without blank or empty label (or "",
   the root); the same bytes parsed
   again into the answer of the previous input and into a fresh one give
   the same status, reason and records; dnsanswer_free empties it.
   Octet 0 bit 7 set: the rest, up to its first NUL, is a name or an
   address, an exact-size heap string; bits 0-1 choose the zone: zone.test,
   zone.test. (the same), or zones of 189 and 190 octets (an IPv6 name in
   them is 253 and 254 octets). dns_name_ok against a reference (1 to 253
   octets and one optional final dot, [A-Za-z0-9_-] labels of 1 to 63).
   dns_revname, after 4 octets already in the stralloc: 1 exactly when
   inet_pton takes the text as IPv4 or IPv6 and the name fits in 253
   octets; then one NUL-terminated name appended that dns_name_ok accepts,
   4 decimal labels (IPv4) or 32 single hex digits (IPv6) that reverse back
   to the address inet_pton gives, then the zone; else the stralloc as it
   was. */

#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <arpa/inet.h>

#include <skalibs/stralloc.h>

#include "dnsparse.h"
#include "fuzz.h"

#define TYPE_CNAME 5

static unsigned int const types[8] =
{
  QP_DNS_A, QP_DNS_AAAA, QP_DNS_MX, QP_DNS_TXT, QP_DNS_PTR, QP_DNS_A, QP_DNS_TXT, TYPE_CNAME
} ;

/* reused from one input to the next: nothing of an earlier parse may show */
static dnsanswer kept = DNSANSWER_ZERO ;

static void check_name_text (char const *s, size_t len, unsigned int i)
{
  FUZZ_CHECK(len <= 253, "record %u: a name of %zu octets", i, len) ;
  if (!len) return ;
  FUZZ_CHECK(s[0] != '.' && s[len - 1] != '.' && !strstr(s, ".."), "record %u: empty label in \"%s\"", i, fuzz_esc(s, len)) ;
  FUZZ_CHECK(!strchr(s, ' '), "record %u: blank in the name \"%s\"", i, fuzz_esc(s, len)) ;
}

static void check_rr (dnsanswer const *a, unsigned int i, unsigned int qtype)
{
  qp_dnsrr const *r = a->rr + i ;
  size_t tl ;
  FUZZ_CHECK(r->type == qtype, "record %u of type %u for a question of type %u", i, r->type, qtype) ;
  FUZZ_CHECK(r->ttl <= 0x7fffffffU, "record %u: TTL %u", i, r->ttl) ;
  FUZZ_CHECK(r->text >= a->text.s && r->text < a->text.s + a->text.len, "record %u's text outside the buffer", i) ;
  tl = strnlen(r->text, (size_t)(a->text.s + a->text.len - r->text)) ;
  FUZZ_CHECK(r->text + tl < a->text.s + a->text.len, "record %u's text not terminated in the buffer", i) ;
  FUZZ_CHECK(tl <= DNS_RR_TEXT_MAX, "record %u's text of %zu octets", i, tl) ;
  for (size_t k = 0 ; k < tl ; k++)
    FUZZ_CHECK(r->text[k] >= 32 && r->text[k] < 127, "record %u: octet %02x in \"%s\"", i, (unsigned char)r->text[k], fuzz_esc(r->text, tl)) ;
  if (qtype == QP_DNS_A)
  {
    char want[16] ;
    snprintf(want, sizeof want, "%u.%u.%u.%u", r->ip[0], r->ip[1], r->ip[2], r->ip[3]) ;
    FUZZ_CHECK(!strcmp(want, r->text), "A text \"%s\", octets say %s", fuzz_esc(r->text, tl), want) ;
  }
  else if (qtype == QP_DNS_AAAA)
  {
    unsigned char back[16] ;
    FUZZ_CHECK(inet_pton(AF_INET6, r->text, back) == 1 && !memcmp(back, r->ip, 16), "AAAA text \"%s\" does not give its octets", fuzz_esc(r->text, tl)) ;
  }
  else if (qtype == QP_DNS_MX || qtype == QP_DNS_PTR) check_name_text(r->text, tl, i) ;
}

static void check_answer (dnsanswer const *a, int st, char const *why, int haswhy, unsigned int qtype, uint8_t const *p, size_t len)
{
  unsigned int rcode = len >= 12 ? p[3] & 15 : 0 ;
  size_t total = 0 ;
  FUZZ_CHECK(st == QP_DNS_ANSWER || st == QP_DNS_NODATA || st == QP_DNS_NXDOMAIN || st == QP_DNS_TEMPFAIL, "status %d", st) ;
  FUZZ_CHECK((st == QP_DNS_ANSWER) == (a->n > 0), "status %d with %u records", st, a->n) ;
  FUZZ_CHECK(a->n <= DNS_RR_MAX, "%u records", a->n) ;
  if (st == QP_DNS_TEMPFAIL && haswhy) FUZZ_CHECK(why && *why, "TEMPFAIL without a reason") ;
  if (len < 12 || !(p[2] & 0x80)) FUZZ_CHECK(st == QP_DNS_TEMPFAIL, "status %d for a header of %zu octets, flags %02x", st, len, len > 2 ? p[2] : 0) ;
  if (len < 12) return ;
  if (rcode && rcode != 3) FUZZ_CHECK(st == QP_DNS_TEMPFAIL, "status %d for rcode %u", st, rcode) ;
  if (st == QP_DNS_NXDOMAIN) FUZZ_CHECK(rcode == 3, "NXDOMAIN for rcode %u", rcode) ;
  if (qtype == TYPE_CNAME) FUZZ_CHECK(st != QP_DNS_ANSWER, "an answer of type CNAME") ;
  if (st != QP_DNS_ANSWER) return ;
  FUZZ_CHECK(!rcode, "an answer with rcode %u", rcode) ;
  for (unsigned int i = 0 ; i < a->n ; i++)
  {
    check_rr(a, i, qtype) ;
    total += strlen(a->rr[i].text) ;
  }
  FUZZ_CHECK(total <= DNS_ANSWER_TEXT_MAX, "%zu octets of text", total) ;
  FUZZ_CHECK(a->text.len <= DNS_ANSWER_TEXT_MAX + DNS_RR_MAX, "text.len %zu", a->text.len) ;
}

/* two parses of the same bytes: the same outcome */
static void same (int st, char const *why, dnsanswer const *a, int st2, char const *why2, dnsanswer const *b, char const *what)
{
  FUZZ_CHECK(st == st2 && a->n == b->n, "%s: status %d/%d, records %u/%u", what, st, st2, a->n, b->n) ;
  if (st == QP_DNS_TEMPFAIL && why && why2)
    FUZZ_CHECK(!strcmp(why, why2), "%s: \"%s\" then \"%s\"", what, why, why2) ;
  if (st != QP_DNS_ANSWER) return ;
  for (unsigned int i = 0 ; i < a->n ; i++)
  {
    qp_dnsrr const *x = a->rr + i, *y = b->rr + i ;
    FUZZ_CHECK(x->type == y->type && x->ttl == y->ttl && x->pref == y->pref && !memcmp(x->ip, y->ip, 16)
      && !strcmp(x->text, y->text), "%s: record %u differs (\"%s\", \"%s\")", what, i, fuzz_escs(x->text), fuzz_escs(y->text)) ;
  }
}

static void packet (unsigned int mode, uint8_t const *data, size_t size)
{
  unsigned int qtype = types[mode & 7] ;
  int haswhy = !(mode & 8) ;
  uint8_t *p = (uint8_t *)fuzz_memdup(data, size) ;
  dnsanswer fresh = DNSANSWER_ZERO ;
  char const *why = 0, *why2 = 0 ;
  int st, st2 ;
  st = dns_parse(p, size, qtype, &kept, haswhy ? &why : 0) ;
  check_answer(&kept, st, why, haswhy, qtype, p, size) ;
  st2 = dns_parse(p, size, qtype, &fresh, &why2) ;
  same(st, why, &kept, st2, why2, &fresh, "into a fresh answer") ;
  st = dns_parse(p, size, qtype, &kept, &why) ;
  same(st, why, &kept, st2, why2, &fresh, "into the same answer again") ;
  dnsanswer_free(&fresh) ;
  FUZZ_CHECK(!fresh.n && !fresh.text.s && !fresh.text.len, "dnsanswer_free left n %u, text.len %zu", fresh.n, fresh.text.len) ;
  free(p) ;
}

/* dns_name_ok's contract, in other words */
static int name_model (char const *s)
{
  static char const ok[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_." ;
  size_t n = strlen(s), start = 0 ;
  if (n && s[n - 1] == '.') n-- ;
  if (!n || n > 253 || strspn(s, ok) < n) return 0 ;
  for (size_t i = 0 ; i <= n ; i++)
  {
    if (i < n && s[i] != '.') continue ;
    if (i == start || i - start > 63) return 0 ;
    start = i + 1 ;
  }
  return 1 ;
}

static char const *zone_of (unsigned int mode)
{
  static char z189[190], z190[191] ;
  if (!z189[0])
  {
    /* 63.63.61 and 63.63.62 letters */
    memset(z190, 'z', 190) ;
    z190[63] = z190[127] = '.' ;
    memcpy(z189, z190, 189) ;
  }
  switch (mode & 3)
  {
    case 0 : return "zone.test" ;
    case 1 : return "zone.test." ;
    case 2 : return z189 ;
    default : return z190 ;
  }
}

/* Reads n labels of the reverse name s back into the address (IPv4: n = 4
   decimal octets, IPv6: n = 32 nibbles); returns what follows them. */
static char const *unreverse (char const *s, unsigned int n, unsigned char *ip)
{
  static char const hex[] = "0123456789abcdef" ;
  memset(ip, 0, n == 4 ? 4 : 16) ;
  for (unsigned int i = 0 ; i < n ; i++)
  {
    char *end ;
    unsigned long v ;
    if (n == 4)
    {
      FUZZ_CHECK(s[0] >= '0' && s[0] <= '9' && (s[0] != '0' || s[1] == '.'), "label %u of \"%s\" not a decimal octet", i, fuzz_escs(s)) ;
      v = strtoul(s, &end, 10) ;
      FUZZ_CHECK(*end == '.' && v < 256, "label %u of \"%s\" not a decimal octet", i, fuzz_escs(s)) ;
      ip[3 - i] = (unsigned char)v ;
    }
    else
    {
      char const *h = strchr(hex, s[0]) ;
      FUZZ_CHECK(s[0] && h && s[1] == '.', "label %u of \"%s\" not one hex digit", i, fuzz_escs(s)) ;
      v = (unsigned long)(h - hex) ;
      ip[15 - i / 2] |= (unsigned char)(i & 1 ? v << 4 : v) ;
      end = (char *)s + 1 ;
    }
    s = end + 1 ;
  }
  return s ;
}

static void revname (char const *s, unsigned int mode)
{
  char const *zone = zone_of(mode) ;
  size_t zl = strlen(zone) - (zone[strlen(zone) - 1] == '.') ;
  stralloc sa = STRALLOC_ZERO ;
  unsigned char a4[4], a6[16], back[16] ;
  int is4 = inet_pton(AF_INET, s, a4) == 1 ;
  int is6 = inet_pton(AF_INET6, s, a6) == 1 ;
  size_t want = 64 ;    /* octets of the reversed address: 32 nibbles and dots */
  int r ;
  if (is4)
  {
    char q[20] ;
    want = (size_t)snprintf(q, sizeof q, "%u.%u.%u.%u.", a4[3], a4[2], a4[1], a4[0]) ;
  }
  if (!stralloc_catb(&sa, "pre", 4)) abort() ;
  r = dns_revname(s, zone, &sa) ;
  FUZZ_CHECK(r == ((is4 || is6) && want + zl <= 253), "dns_revname(\"%s\", %zu-octet zone) = %d, inet_pton: IPv4 %d IPv6 %d", fuzz_escs(s), zl, r, is4, is6) ;
  FUZZ_CHECK(!memcmp(sa.s, "pre", 4), "octets already in the stralloc changed") ;
  if (!r) FUZZ_CHECK(sa.len == 4, "failure left %zu octets", sa.len - 4) ;
  else
  {
    char const *n = sa.s + 4, *rest ;
    size_t len = strlen(n) ;
    FUZZ_CHECK(sa.len == 4 + len + 1, "not one NUL-terminated name appended") ;
    FUZZ_CHECK(dns_name_ok(n), "not a name: %s", fuzz_esc(n, len)) ;
    rest = unreverse(n, is4 ? 4 : 32, back) ;
    FUZZ_CHECK(!memcmp(back, is4 ? a4 : a6, is4 ? 4 : 16), "\"%s\" named %s, not its address", fuzz_escs(s), n) ;
    FUZZ_CHECK(strlen(rest) == zl && !memcmp(rest, zone, zl), "\"%s\" named %s, not in the zone", fuzz_escs(s), n) ;
  }
  stralloc_free(&sa) ;
}

static void name (unsigned int mode, uint8_t const *data, size_t size)
{
  char *s = fuzz_strdup(data, size) ;
  int ok = dns_name_ok(s) ;
  FUZZ_CHECK(ok == name_model(s), "dns_name_ok(\"%s\") = %d", fuzz_escs(s), ok) ;
  revname(s, mode) ;
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
    name(data[0], data + 1, n - 1) ;
  }
  else packet(data[0], data + 1, size - 1) ;
  return 0 ;
}
