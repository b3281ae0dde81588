/* ISC license. */
/* tests/fuzz/pem.c: libFuzzer harness for the PEM loader (src/pem.h).
   Input: octet 0 chooses the mode, octets 1-2 (big-endian) a split point,
   the rest is PEM text. Mode bit 0 clear: pem_parse over the whole text;
   set: the text is split in two exact-size heap buffers, certificates are
   taken from the first and the key from the second (pem_init, pem_add
   PEM_CERTS, pem_add PEM_KEY, pem_finish), as pem_load does for CERTFILE
   and KEYFILE. Checked: a success has 1..PEM_CHAIN_MAX certificates that
   tile der[0..derlen) in order, derlen <= PEM_DER_MAX, an RSA or EC key
   whose parts are non-empty and err PEM_EOK; a failure has an err in
   1..PEM_ENUM-1; the same text with every CR removed gives the same result
   (CRLF files are accepted as LF ones); pem_wipe leaves only zeroes. */

#include <string.h>

#include <bearssl.h>

#include "pem.h"
#include "fuzz.h"

static pem_keypair kp, kp2 ;

static void check_ok (pem_keypair const *k)
{
  size_t off = 0 ;
  FUZZ_CHECK(k->err == PEM_EOK, "err %d on success", k->err) ;
  FUZZ_CHECK(k->nchain >= 1 && k->nchain <= PEM_CHAIN_MAX, "nchain %zu", k->nchain) ;
  FUZZ_CHECK(k->derlen <= PEM_DER_MAX, "derlen %zu", k->derlen) ;
  for (size_t i = 0 ; i < k->nchain ; i++)
  {
    FUZZ_CHECK(k->chain[i].data == k->der + off, "certificate %zu does not follow the previous one", i) ;
    off += k->chain[i].data_len ;
  }
  FUZZ_CHECK(off == k->derlen, "certificates cover %zu of %zu octets", off, k->derlen) ;
  if (k->keytype == BR_KEYTYPE_RSA)
  {
    br_rsa_private_key const *sk = br_skey_decoder_get_rsa(&k->skey) ;
    FUZZ_CHECK(sk && sk->plen && sk->qlen && sk->n_bitlen, "empty RSA key") ;
  }
  else
  {
    br_ec_private_key const *sk ;
    FUZZ_CHECK(k->keytype == BR_KEYTYPE_EC, "key type %d", k->keytype) ;
    sk = br_skey_decoder_get_ec(&k->skey) ;
    FUZZ_CHECK(sk && sk->xlen, "empty EC key") ;
  }
}

static int load (pem_keypair *k, unsigned int mode, size_t split, uint8_t const *s, size_t len)
{
  char *a, *b ;
  int r ;
  if (!(mode & 1))
  {
    a = malloc(len ? len : 1) ;
    memcpy(a, s, len) ;
    r = pem_parse(k, a, len) ;
    free(a) ;
    return r ;
  }
  if (split > len) split = len ;
  a = malloc(split ? split : 1) ;
  b = malloc(len - split ? len - split : 1) ;
  memcpy(a, s, split) ;
  memcpy(b, s + split, len - split) ;
  pem_init(k) ;
  r = pem_add(k, a, split, PEM_CERTS) && pem_add(k, b, len - split, PEM_KEY) && pem_finish(k) ;
  free(a) ;
  free(b) ;
  return r ;
}

int LLVMFuzzerTestOneInput (uint8_t const *data, size_t size)
{
  unsigned int mode ;
  size_t split, len, n2 = 0, split2 = 0 ;
  uint8_t const *s ;
  uint8_t *nocr ;
  int r, r2 ;
  if (size < 3) return 0 ;
  mode = data[0] ;
  split = (size_t)data[1] << 8 | data[2] ;
  s = data + 3 ;
  len = size - 3 ;
  r = load(&kp, mode, split, s, len) ;
  if (r) check_ok(&kp) ;
  else FUZZ_CHECK(kp.err > PEM_EOK && kp.err < PEM_ENUM, "failure with err %d", kp.err) ;

  /* the same without CRs, split at the same place of the text */
  nocr = malloc(len ? len : 1) ;
  for (size_t i = 0 ; i < len ; i++)
  {
    if (i == (split < len ? split : len)) split2 = n2 ;
    if (s[i] != '\r') nocr[n2++] = s[i] ;
  }
  if (split >= len) split2 = n2 ;
  r2 = load(&kp2, mode, split2, nocr, n2) ;
  free(nocr) ;
  FUZZ_CHECK(r == r2 && kp.err == kp2.err, "with CRs: %d err %d; without: %d err %d", r, kp.err, r2, kp2.err) ;
  if (r)
    FUZZ_CHECK(kp.nchain == kp2.nchain && kp.derlen == kp2.derlen && !memcmp(kp.der, kp2.der, kp.derlen)
      && kp.keytype == kp2.keytype && kp.issuer_keytype == kp2.issuer_keytype,
      "with and without CRs: different chains or keys") ;

  pem_wipe(&kp) ;
  pem_wipe(&kp2) ;
  {
    unsigned char const *p = (unsigned char const *)&kp ;
    for (size_t i = 0 ; i < sizeof(kp) ; i++) FUZZ_CHECK(!p[i], "octet %zu not wiped", i) ;
  }
  return 0 ;
}
