/* ISC license. */
/* pem.c: certificate chain and private key from PEM text (BearSSL decoders,
   reference/qmail.md 5.2). Bounded: PEM_FILE_MAX per file, PEM_CHAIN_MAX
   certificates, PEM_DER_MAX octets of them; nothing allocated. Never logs,
   never copies the key anywhere but kp->skey. */

#include "pem.h"
#include "qcsmtpd/plugin.h"

#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <bearssl.h>

typedef struct feed_s feed ;
struct feed_s
{
  pem_keypair *kp ;
  int overflow ;   /* certificate DER over PEM_DER_MAX */
  int keyextra ;   /* octets after a complete (or failed) key */
} ;

void pem_wipe (pem_keypair *kp)
{
  qp_wipe(&kp->skey, sizeof(kp->skey)) ;
  qp_wipe(kp, sizeof(*kp)) ;
}

void pem_init (pem_keypair *kp)
{
  pem_wipe(kp) ;
}

static int fail (pem_keypair *kp, int err, int brerr)
{
  kp->err = err ;
  kp->brerr = brerr ;
  return 0 ;
}

static void certbytes (void *ctx, void const *src, size_t len)
{
  feed *f = ctx ;
  pem_keypair *kp = f->kp ;
  if (f->overflow || len > sizeof(kp->der) - kp->derlen) { f->overflow = 1 ; return ; }
  memcpy(kp->der + kp->derlen, src, len) ;
  kp->derlen += len ;
}

static void keybytes (void *ctx, void const *src, size_t len)
{
  feed *f = ctx ;
  /* BearSSL 0.6's decoder crashes on a push after it has finished (found
     by tests/fuzz/pem.c): once done, further octets only mark the key bad */
  if (br_skey_decoder_last_error(&f->kp->skey) != BR_ERR_X509_TRUNCATED) { f->keyextra = 1 ; return ; }
  br_skey_decoder_push(&f->kp->skey, src, len) ;
}

static int iscert (char const *name)
{
  return !strcmp(name, "CERTIFICATE") || !strcmp(name, "X509 CERTIFICATE") ;
}

static int iskey (char const *name)
{
  return !strcmp(name, "PRIVATE KEY") || !strcmp(name, "RSA PRIVATE KEY") || !strcmp(name, "EC PRIVATE KEY") ;
}

/* any other "... PRIVATE KEY" (ENCRYPTED, DSA): a key we cannot use */
static int isotherkey (char const *name)
{
  size_t n = strlen(name) ;
  return n >= 11 && !strcmp(name + n - 11, "PRIVATE KEY") ;
}

/* Object start: where its bytes go. 1 ok, 0 error set. */
static int begin (br_pem_decoder_context *pc, feed *f, unsigned int what, int *obj)
{
  pem_keypair *kp = f->kp ;
  char const *name = br_pem_decoder_name(pc) ;
  *obj = 0 ;
  if ((what & PEM_CERTS) && iscert(name))
  {
    if (kp->nchain >= PEM_CHAIN_MAX) return fail(kp, PEM_ECHAIN, 0) ;
    kp->chain[kp->nchain].data = kp->der + kp->derlen ;
    kp->chain[kp->nchain].data_len = kp->derlen ;   /* start, for now */
    br_pem_decoder_setdest(pc, &certbytes, f) ;
    *obj = PEM_CERTS ;
  }
  else if ((what & PEM_KEY) && !kp->keytype && !kp->keyseen && iskey(name))
  {
    br_skey_decoder_init(&kp->skey) ;
    br_pem_decoder_setdest(pc, &keybytes, f) ;
    kp->keyseen = 1 ;
    *obj = PEM_KEY ;
  }
  else
  {
    if ((what & PEM_KEY) && isotherkey(name)) kp->otherkey = 1 ;
    br_pem_decoder_setdest(pc, 0, 0) ;
  }
  return 1 ;
}

/* Object end. 1 ok, 0 error set. */
static int end (feed *f, int obj)
{
  pem_keypair *kp = f->kp ;
  if (obj == PEM_CERTS)
  {
    br_x509_certificate *c = kp->chain + kp->nchain ;
    if (f->overflow) return fail(kp, PEM_ECHAIN, 0) ;
    c->data_len = kp->derlen - c->data_len ;
    kp->nchain++ ;
  }
  else if (obj == PEM_KEY)
  {
    int t = br_skey_decoder_key_type(&kp->skey) ;
    if (f->keyextra) return fail(kp, PEM_EKEY, br_skey_decoder_last_error(&kp->skey)) ;
    if (t != BR_KEYTYPE_RSA && t != BR_KEYTYPE_EC)
      return fail(kp, PEM_EKEY, br_skey_decoder_last_error(&kp->skey)) ;
    kp->keytype = t ;
  }
  return 1 ;
}

/* Copies up to max octets of *s, without CRs (BearSSL 0.6's decoder wants LF
   line ends; CRLF files are common), into to. Returns the octets written. */
static size_t nocr (char *to, size_t max, char const **s, size_t *len)
{
  size_t w = 0 ;
  while (*len && w < max)
  {
    char c = *(*s)++ ;
    (*len)-- ;
    if (c != '\r') to[w++] = c ;
  }
  return w ;
}

int pem_add (pem_keypair *kp, char const *s, size_t len, unsigned int what)
{
  br_pem_decoder_context pc ;
  feed f = { .kp = kp, .overflow = 0, .keyextra = 0 } ;
  char buf[512] ;
  char const *p = buf ;
  size_t plen = 0 ;
  int obj = -1 ;   /* -1 outside objects, else PEM_CERTS, PEM_KEY or 0 (ignored) */
  int last = 0 ;
  int r = 1 ;
  if (len > PEM_FILE_MAX) return fail(kp, PEM_ETOOBIG, 0) ;
  br_pem_decoder_init(&pc) ;
  for (;;)
  {
    int ev ;
    if (!plen)
    {
      if (len) { plen = nocr(buf, sizeof(buf), &s, &len) ; p = buf ; if (!plen) continue ; }
      /* a last line without its newline still ends the object */
      else if (last) break ;
      else { p = "\n" ; plen = 1 ; last = 1 ; }
    }
    {
      size_t n = br_pem_decoder_push(&pc, p, plen) ;
      p += n ; plen -= n ;
    }
    ev = br_pem_decoder_event(&pc) ;
    if (ev == BR_PEM_BEGIN_OBJ)
    {
      if (!begin(&pc, &f, what, &obj)) { r = 0 ; break ; }
    }
    else if (ev == BR_PEM_END_OBJ)
    {
      if (!end(&f, obj)) { r = 0 ; break ; }
      obj = -1 ;
    }
    else if (ev == BR_PEM_ERROR) { r = fail(kp, PEM_ESYNTAX, 0) ; break ; }
  }
  if (r && obj != -1) r = fail(kp, PEM_ESYNTAX, 0) ;   /* no END line */
  /* both held base64 of the key */
  qp_wipe(&pc, sizeof(pc)) ;
  qp_wipe(buf, sizeof(buf)) ;
  return r ;
}

int pem_finish (pem_keypair *kp)
{
  br_x509_decoder_context xc ;
  br_x509_pkey const *pk ;
  if (!kp->nchain) return fail(kp, PEM_ENOCERT, 0) ;
  if (!kp->keytype) return fail(kp, kp->otherkey ? PEM_EKEY : PEM_ENOKEY, 0) ;
  br_x509_decoder_init(&xc, 0, 0) ;
  br_x509_decoder_push(&xc, kp->chain[0].data, kp->chain[0].data_len) ;
  pk = br_x509_decoder_get_pkey(&xc) ;
  if (!pk) return fail(kp, PEM_ECERT, br_x509_decoder_last_error(&xc)) ;
  if (pk->key_type != kp->keytype) return fail(kp, PEM_EMISMATCH, 0) ;
  if (kp->keytype == BR_KEYTYPE_EC && pk->key.ec.curve != br_skey_decoder_get_ec(&kp->skey)->curve)
    return fail(kp, PEM_EMISMATCH, 0) ;
  kp->issuer_keytype = br_x509_decoder_get_signer_key_type(&xc) ;
  kp->err = PEM_EOK ;
  return 1 ;
}

int pem_parse (pem_keypair *kp, char const *s, size_t len)
{
  pem_init(kp) ;
  return pem_add(kp, s, len, PEM_CERTS | PEM_KEY) && pem_finish(kp) ;
}

static char fbuf[PEM_FILE_MAX + 1] ;

/* Reads at most PEM_FILE_MAX octets of path into fbuf. 1 ok, 0 error set. */
static int readfile (pem_keypair *kp, char const *path, size_t *len)
{
  size_t n = 0 ;
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY) ;
  if (fd < 0) { kp->syserr = errno ; return fail(kp, PEM_ESYS, 0) ; }
  while (n < sizeof(fbuf))
  {
    ssize_t r = read(fd, fbuf + n, sizeof(fbuf) - n) ;
    if (r < 0)
    {
      if (errno == EINTR) continue ;
      kp->syserr = errno ;
      close(fd) ;
      qp_wipe(fbuf, n) ;
      return fail(kp, PEM_ESYS, 0) ;
    }
    if (!r) break ;
    n += r ;
  }
  close(fd) ;
  if (n > PEM_FILE_MAX) { qp_wipe(fbuf, n) ; return fail(kp, PEM_ETOOBIG, 0) ; }
  *len = n ;
  return 1 ;
}

static int loadone (pem_keypair *kp, char const *path, unsigned int what)
{
  size_t n ;
  int r ;
  if (!readfile(kp, path, &n)) return 0 ;
  r = pem_add(kp, fbuf, n, what) ;
  qp_wipe(fbuf, n) ;
  return r ;
}

int pem_load (pem_keypair *kp, char const *certfile, char const *keyfile, char const **which)
{
  int same = !keyfile || !strcmp(certfile, keyfile) ;
  pem_init(kp) ;
  if (which) *which = certfile ;
  if (!loadone(kp, certfile, same ? PEM_CERTS | PEM_KEY : PEM_CERTS)) return 0 ;
  if (!same)
  {
    if (which) *which = keyfile ;
    if (!loadone(kp, keyfile, PEM_KEY)) return 0 ;
    if (!kp->keytype) return fail(kp, kp->otherkey ? PEM_EKEY : PEM_ENOKEY, 0) ;
    if (which) *which = certfile ;
    if (!kp->nchain) return fail(kp, PEM_ENOCERT, 0) ;
  }
  return pem_finish(kp) ;
}

char const *pem_error_str (int err)
{
  static char const *const s[PEM_ENUM] =
  {
    [PEM_EOK] = "ok",
    [PEM_ESYS] = "cannot read file",
    [PEM_ETOOBIG] = "file too big",
    [PEM_ESYNTAX] = "PEM syntax error",
    [PEM_ENOCERT] = "no certificate",
    [PEM_ECHAIN] = "certificate chain too long",
    [PEM_ECERT] = "leaf certificate does not decode",
    [PEM_ENOKEY] = "no private key",
    [PEM_EKEY] = "private key unsupported or undecodable (RSA or EC, unencrypted)",
    [PEM_EMISMATCH] = "private key type differs from the certificate's",
  } ;
  return err >= 0 && err < PEM_ENUM ? s[err] : "unknown error" ;
}
