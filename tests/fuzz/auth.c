/* ISC license. */
/* tests/fuzz/auth.c: libFuzzer harness for the AUTH decoders: base64
   (src/base64.h) and the SASL response parsers of src/auth.h, with
   qp_cram_md5_verify and auth_log_line. Input: octet 0 chooses the mode
   (mod 5), the rest is the payload, always in an exact-size heap block (one
   more octet where the contract asks for room for a NUL).
   0 base64: base64_decode agrees with a reference decoder (validity, octets);
     a valid input re-encodes to itself (canonical form only); the payload
     encoded then decoded gives the payload back.
   1 PLAIN: auth_plain_split agrees with a reference (exactly two NULs,
     authcid and passwd not empty), pointers at the right places.
   2 CRAM-MD5: auth_cram_split agrees with a reference (last space, 32 hex
     digits, user not empty, no NUL); qp_cram_md5_verify accepts the digest
     computed here with BearSSL, in either case, and refuses it with one
     digit changed, for ticket and secret cut from the payload.
   3 LOGIN and xtext: auth_login_ok (not empty, no NUL); auth_xtext_decode
     agrees with a reference of RFC 3461 4.
   4 log masking: for a line starting with AUTH, auth_log_line shows no
     octet of the line past the mechanism. */

#include <string.h>
#include <strings.h>
#include <stdlib.h>

#include <bearssl.h>

#include "auth.h"
#include "base64.h"
#include "qcsmtpd/plugin.h"
#include "fuzz.h"

/* a copy with one octet of room after it, as the parsers' contract asks */
static char *room (uint8_t const *p, size_t len)
{
  char *s = malloc(len + 1) ;
  if (!s) abort() ;
  memcpy(s, p, len) ;
  s[len] = 0x5a ;
  return s ;
}

static int b64val (unsigned char c)
{
  static char const a[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/" ;
  char const *p = c ? strchr(a, c) : 0 ;
  return p ? (int)(p - a) : -1 ;
}

/* bit-accumulator reference: 1 valid (out, *n), 0 not */
static int ref_decode (unsigned char const *s, size_t len, unsigned char *out, size_t *n)
{
  size_t i = 0, pad = 0, o = 0 ;
  unsigned int acc = 0, bits = 0 ;
  if (len % 4) return 0 ;
  while (pad < 2 && pad < len && s[len - 1 - pad] == '=') pad++ ;
  for (; i < len - pad ; i++)
  {
    int v = b64val(s[i]) ;
    if (v < 0) return 0 ;
    acc = acc << 6 | (unsigned int)v ;
    bits += 6 ;
    if (bits >= 8) { bits -= 8 ; out[o++] = (unsigned char)(acc >> bits) ; acc &= (1u << bits) - 1 ; }
  }
  if (acc) return 0 ;    /* non-zero bits under the padding */
  *n = o ;
  return 1 ;
}

static void mode_base64 (uint8_t const *p, size_t len)
{
  char *in = fuzz_memdup(p, len) ;
  char *out = malloc(BASE64_DECLEN(len) + 1) ;
  unsigned char *ref = malloc(len + 1) ;
  char *enc = malloc(BASE64_ENCLEN(len) + 1) ;
  char *back = malloc(len + 1) ;
  size_t n = 0, rn = 0, en, bn = 0 ;
  int r = base64_decode(out, &n, in, len) ;
  int rr = ref_decode(p, len, ref, &rn) ;
  FUZZ_CHECK(r == rr, "base64_decode(\"%s\") = %d, reference %d", fuzz_esc(in, len), r, rr) ;
  if (r)
  {
    FUZZ_CHECK(n == rn && fuzz_memeq(out, ref, n), "base64_decode(\"%s\") gave \"%s\"", fuzz_esc(in, len), fuzz_esc(out, n)) ;
    FUZZ_CHECK(n <= BASE64_DECLEN(len), "decoded %zu octets from %zu", n, len) ;
    en = base64_encode(enc, out, n) ;
    FUZZ_CHECK(en == len && fuzz_memeq(enc, in, len), "\"%s\" re-encodes to \"%s\"", fuzz_esc(in, len), fuzz_esc(enc, en)) ;
  }
  en = base64_encode(enc, in, len) ;
  FUZZ_CHECK(en == BASE64_ENCLEN(len), "encoded length %zu", en) ;
  FUZZ_CHECK(base64_decode(back, &bn, enc, en) && bn == len && fuzz_memeq(back, in, len), "round trip of \"%s\"", fuzz_esc(in, len)) ;
  free(in) ; free(out) ; free(ref) ; free(enc) ; free(back) ;
}

static void mode_plain (uint8_t const *p, size_t len)
{
  char *buf = room(p, len) ;
  char const *z = 0, *c = 0, *w = 0 ;
  size_t nul[3], k = 0, i = 0 ;
  int want, r ;
  for (; i < len ; i++) if (!p[i]) { if (k < 3) nul[k] = i ; k++ ; }
  want = k == 2 && nul[1] > nul[0] + 1 && nul[1] + 1 < len ;
  r = auth_plain_split(buf, len, &z, &c, &w) ;
  FUZZ_CHECK(r == want, "auth_plain_split(\"%s\") = %d, expected %d", fuzz_esc((char const *)p, len), r, want) ;
  if (r)
  {
    FUZZ_CHECK(z == buf && c == buf + nul[0] + 1 && w == buf + nul[1] + 1 && !buf[len], "pointers of \"%s\"", fuzz_esc((char const *)p, len)) ;
    FUZZ_CHECK(*c && *w, "empty authcid or passwd accepted") ;
  }
  free(buf) ;
}

static int ishex (unsigned char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') ;
}

static void mode_cram (uint8_t const *p, size_t len)
{
  static char const hex[] = "0123456789abcdef" ;
  char *buf = room(p, len) ;
  char const *u = 0, *d = 0 ;
  size_t sp = len, i ;
  int want, r ;
  while (sp && p[sp-1] != ' ') sp-- ;
  want = sp >= 2 && len - sp == 32 && !memchr(p, 0, len) ;
  for (i = sp ; want && i < len ; i++) if (!ishex(p[i])) want = 0 ;
  r = auth_cram_split(buf, len, &u, &d) ;
  FUZZ_CHECK(r == want, "auth_cram_split(\"%s\") = %d, expected %d", fuzz_esc((char const *)p, len), r, want) ;
  if (r) FUZZ_CHECK(u == buf && d == buf + sp && strlen(u) == sp - 1 && strlen(d) == 32, "split of \"%s\"", fuzz_esc((char const *)p, len)) ;
  free(buf) ;
  {
    /* ticket = first half, secret = second half (both NUL-free copies) */
    size_t h = len / 2 ;
    char *t = fuzz_strdup(p, h), *s = fuzz_strdup(p + h, len - h) ;
    br_hmac_key_context kc ;
    br_hmac_context hc ;
    unsigned char mac[16] ;
    char dig[33] ;
    br_hmac_key_init(&kc, &br_md5_vtable, s, strlen(s)) ;
    br_hmac_init(&hc, &kc, 0) ;
    br_hmac_update(&hc, t, strlen(t)) ;
    br_hmac_out(&hc, mac) ;
    for (i = 0 ; i < 16 ; i++) { dig[2*i] = hex[mac[i] >> 4] ; dig[2*i+1] = hex[mac[i] & 15] ; }
    dig[32] = 0 ;
    FUZZ_CHECK(qp_cram_md5_verify(t, s, dig), "correct digest %s refused", dig) ;
    for (i = 0 ; i < 32 ; i++) if (dig[i] >= 'a') dig[i] -= 32 ;
    FUZZ_CHECK(qp_cram_md5_verify(t, s, dig), "upper-case digest %s refused", dig) ;
    i = len ? p[0] % 32 : 0 ;
    dig[i] = dig[i] == '0' ? '1' : '0' ;
    FUZZ_CHECK(!qp_cram_md5_verify(t, s, dig), "wrong digest %s accepted", dig) ;
    dig[31] = 0 ;
    FUZZ_CHECK(!qp_cram_md5_verify(t, s, dig), "short digest accepted") ;
    FUZZ_CHECK(!qp_cram_md5_verify(t, s, t), "the ticket accepted as digest") ;
    free(t) ; free(s) ;
  }
}

static int ref_xtext (uint8_t const *p, size_t len, char *out)
{
  size_t i = 0, o = 0 ;
  for (; i < len ; i++)
  {
    if (p[i] == '+')
    {
      static char const H[] = "0123456789ABCDEF" ;
      char const *a, *b ;
      int v ;
      if (len - i < 3 || !p[i+1] || !p[i+2] || !(a = strchr(H, p[i+1])) || !(b = strchr(H, p[i+2]))) return 0 ;
      v = (int)(a - H) * 16 + (int)(b - H) ;
      if (v < 32 || v > 126) return 0 ;
      out[o++] = (char)v ;
      i += 2 ;
    }
    else if (p[i] < 33 || p[i] > 126 || p[i] == '=') return 0 ;
    else out[o++] = (char)p[i] ;
  }
  out[o] = 0 ;
  return 1 ;
}

static void mode_login_xtext (uint8_t const *p, size_t len)
{
  char *buf = room(p, len) ;
  char *out = malloc(len + 1), *ref = malloc(len + 1) ;
  int r = auth_login_ok(buf, len), rr ;
  FUZZ_CHECK(r == (len && !memchr(p, 0, len)), "auth_login_ok(\"%s\") = %d", fuzz_esc((char const *)p, len), r) ;
  r = auth_xtext_decode(out, (char const *)p, len) ;
  rr = ref_xtext(p, len, ref) ;
  FUZZ_CHECK(r == rr, "auth_xtext_decode(\"%s\") = %d, reference %d", fuzz_esc((char const *)p, len), r, rr) ;
  if (r) FUZZ_CHECK(!strcmp(out, ref), "xtext \"%s\" gave \"%s\", reference \"%s\"", fuzz_esc((char const *)p, len), fuzz_escs(out), fuzz_escs(ref)) ;
  free(buf) ; free(out) ; free(ref) ;
}

static void mode_logline (uint8_t const *p, size_t len)
{
  char *line = fuzz_strdup(p, len) ;
  char buf[48] ;
  char const *s = line, *shown ;
  char want[48] ;
  size_t mech ;
  while (*s == ' ' || *s == '\t') s++ ;
  shown = auth_log_line(line, buf, sizeof(buf)) ;
  if (!strncasecmp(s, "auth", 4) && (!s[4] || s[4] == ' ' || s[4] == '\t'))
  {
    s += 4 ;
    while (*s == ' ' || *s == '\t') s++ ;
    mech = strcspn(s, " \t") ;
    if (mech > 20) mech = 20 ;
    /* exactly "AUTH <mechanism, at most 20 octets> ...": nothing after it */
    memcpy(want, "AUTH ", 5) ;
    memcpy(want + 5, s, mech) ;
    memcpy(want + 5 + mech, " ...", 5) ;
    FUZZ_CHECK(shown == buf && !strcmp(buf, want), "\"%s\" logged as \"%s\"", fuzz_escs(line), fuzz_escs(shown)) ;
  }
  else FUZZ_CHECK(shown == line, "\"%s\" changed to \"%s\"", fuzz_escs(line), fuzz_escs(shown)) ;
  free(line) ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  if (!size) return 0 ;
  switch (data[0] % 5)
  {
    case 0 : mode_base64(data + 1, size - 1) ; break ;
    case 1 : mode_plain(data + 1, size - 1) ; break ;
    case 2 : mode_cram(data + 1, size - 1) ; break ;
    case 3 : mode_login_xtext(data + 1, size - 1) ; break ;
    default : mode_logline(data + 1, size - 1) ; break ;
  }
  return 0 ;
}
