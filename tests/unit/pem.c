/* ISC license. */
/* tests/unit/pem.c: src/pem.c on real PEM files made at run time with
   openssl (RSA PKCS#8 and traditional, EC P-256, a chain leaf + CA, a
   qmail-tls servercert.pem) and on hostile inputs (empty, truncated, bad
   base64, key or certificate alone, 2 MB, too many certificates, mismatched
   or unusable keys, every prefix of a good file). */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <bearssl.h>

#include "pem.h"
#include "unit.h"

static char dir[4096] ;
static pem_keypair kp ;

static char const *path (char const *name)
{
  static char bufs[4][8192] ;
  static unsigned int k = 0 ;
  char *b = bufs[k++ & 3] ;
  snprintf(b, sizeof(bufs[0]), "%s/%s", dir, name) ;
  return b ;
}

/* Runs argv (no shell) in dir, output to /dev/null. 1 exit 0, else 0. */
static int run (char const *const *argv)
{
  int st ;
  pid_t pid = fork() ;
  if (pid < 0) return 0 ;
  if (!pid)
  {
    int fd = open("/dev/null", O_RDWR) ;
    if (fd >= 0) { dup2(fd, 0) ; dup2(fd, 1) ; dup2(fd, 2) ; }
    if (chdir(dir) < 0) _exit(127) ;
    execvp(argv[0], (char *const *)argv) ;
    _exit(127) ;
  }
  if (waitpid(pid, &st, 0) < 0) return 0 ;
  return WIFEXITED(st) && !WEXITSTATUS(st) ;
}

#define RUN(...) do { char const *a_[] = { __VA_ARGS__, 0 } ; if (!run(a_)) { printf("FAIL - pem: openssl:%s %s %s: failed (is openssl installed?)\n", "", a_[1], a_[2]) ; return 0 ; } } while (0)

static int readall (char const *name, char **s, size_t *len)
{
  struct stat st ;
  int fd = open(path(name), O_RDONLY) ;
  ssize_t r ;
  if (fd < 0 || fstat(fd, &st) < 0) return 0 ;
  *s = malloc(st.st_size + 1) ;
  if (!*s) { close(fd) ; return 0 ; }
  r = read(fd, *s, st.st_size) ;
  close(fd) ;
  if (r != st.st_size) { free(*s) ; return 0 ; }
  *len = r ;
  return 1 ;
}

static int cat (char const *out, char const *a, char const *b, char const *c)
{
  char const *in[3] = { a, b, c } ;
  char *all = 0 ;
  size_t n = 0 ;
  int ok ;
  for (unsigned int i = 0 ; i < 3 ; i++)
  {
    char *s ; size_t len ;
    if (!in[i]) continue ;
    if (!readall(in[i], &s, &len)) { free(all) ; return 0 ; }
    all = realloc(all, n + len + 1) ;
    memcpy(all + n, s, len) ; n += len ;
    free(s) ;
  }
  ok = unit_writefile(dir, out, all, n) ;
  free(all) ;
  return ok ;
}

static int generate (void)
{
  RUN("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa.key", "-out", "rsa.crt",
    "-days", "3650", "-subj", "/CN=mx.test.invalid", "-addext", "subjectAltName=DNS:localhost") ;
  RUN("openssl", "rsa", "-in", "rsa.key", "-traditional", "-out", "rsa-trad.key") ;
  RUN("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
    "-keyout", "ec.key", "-out", "ec.crt", "-days", "3650", "-subj", "/CN=mx.test.invalid") ;
  RUN("openssl", "ec", "-in", "ec.key", "-out", "ec-trad.key") ;
  RUN("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ca.key") ;
  RUN("openssl", "req", "-x509", "-new", "-key", "ca.key", "-subj", "/CN=Test CA", "-days", "3650", "-out", "ca.crt") ;
  RUN("openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "leaf.key") ;
  RUN("openssl", "req", "-new", "-key", "leaf.key", "-subj", "/CN=localhost", "-out", "leaf.csr") ;
  RUN("openssl", "x509", "-req", "-in", "leaf.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
    "-days", "3650", "-out", "leaf.crt") ;
  RUN("openssl", "x509", "-in", "leaf.crt", "-outform", "DER", "-out", "leaf.der") ;
  RUN("openssl", "pkcs8", "-topk8", "-in", "rsa.key", "-v2", "aes-256-cbc", "-passout", "pass:x", "-out", "enc.key") ;
  RUN("openssl", "genpkey", "-algorithm", "ed25519", "-out", "ed.key") ;
  RUN("openssl", "pkey", "-in", "ec.key", "-outform", "DER", "-out", "ec.der") ;
  return cat("chain.pem", "leaf.crt", "ca.crt", 0) && cat("servercert.pem", "leaf.key", "leaf.crt", "ca.crt") ;
}

static void expect_load (char const *name, char const *cert, char const *key, int err, int keytype, size_t nchain)
{
  int r = pem_load(&kp, path(cert), key ? path(key) : 0, 0) ;
  if (!err)
    unit_check(r && kp.err == PEM_EOK && kp.keytype == keytype && kp.nchain == nchain, name,
      "r=%d err=%s keytype=%d nchain=%zu (want keytype %d nchain %zu)", r, pem_error_str(kp.err), kp.keytype, kp.nchain, keytype, nchain) ;
  else
    unit_check(!r && kp.err == err, name, "r=%d err=%s, want %s", r, pem_error_str(kp.err), pem_error_str(err)) ;
}

static void expect_parse (char const *name, char const *s, size_t len, int err)
{
  int r = pem_parse(&kp, s, len) ;
  unit_check(err ? !r && kp.err == err : r == 1, name, "r=%d err=%s, want %s", r, pem_error_str(kp.err), pem_error_str(err)) ;
}

static void good_files (void)
{
  char *der ; size_t dlen ;
  expect_load("RSA PKCS#8 key and certificate, two files", "rsa.crt", "rsa.key", 0, BR_KEYTYPE_RSA, 1) ;
  expect_load("RSA traditional key (RSA PRIVATE KEY)", "rsa.crt", "rsa-trad.key", 0, BR_KEYTYPE_RSA, 1) ;
  expect_load("EC P-256 PKCS#8", "ec.crt", "ec.key", 0, BR_KEYTYPE_EC, 1) ;
  unit_check(kp.issuer_keytype == BR_KEYTYPE_EC, "EC self-signed: signer key type EC", "got %d", kp.issuer_keytype) ;
  expect_load("EC traditional key (EC PRIVATE KEY)", "ec.crt", "ec-trad.key", 0, BR_KEYTYPE_EC, 1) ;
  expect_load("chain leaf + CA, key apart", "chain.pem", "leaf.key", 0, BR_KEYTYPE_RSA, 2) ;
  unit_check(kp.issuer_keytype == BR_KEYTYPE_EC, "RSA leaf signed by EC CA: signer key type EC", "got %d", kp.issuer_keytype) ;
  expect_load("servercert.pem: key + chain in one file", "servercert.pem", 0, 0, BR_KEYTYPE_RSA, 2) ;
  if (readall("leaf.der", &der, &dlen))
  {
    unit_check(kp.nchain == 2 && kp.chain[0].data_len == dlen && !memcmp(kp.chain[0].data, der, dlen),
      "servercert.pem: leaf first, DER as openssl gives it", "chain[0] is %zu octets, leaf is %zu", kp.chain[0].data_len, dlen) ;
    free(der) ;
  }
  expect_load("same file named twice", "servercert.pem", "servercert.pem", 0, BR_KEYTYPE_RSA, 2) ;
  expect_load("key file holds only a certificate", "rsa.crt", "rsa.crt", PEM_ENOKEY, 0, 0) ;
  expect_load("cert file holds only a key", "rsa.key", "rsa.key", PEM_ENOCERT, 0, 0) ;
  expect_load("key from the cert file is not taken when KEYFILE differs", "servercert.pem", "ca.crt", PEM_ENOKEY, 0, 0) ;
  expect_load("EC key with an RSA certificate", "rsa.crt", "ec.key", PEM_EMISMATCH, 0, 0) ;
  expect_load("RSA key with an EC certificate", "ec.crt", "rsa.key", PEM_EMISMATCH, 0, 0) ;
  expect_load("encrypted PKCS#8 key", "rsa.crt", "enc.key", PEM_EKEY, 0, 0) ;
  expect_load("Ed25519 key", "rsa.crt", "ed.key", PEM_EKEY, 0, 0) ;
  expect_load("missing certificate file", "nonexistent.pem", 0, PEM_ESYS, 0, 0) ;
  unit_check(kp.syserr == ENOENT, "missing file: errno ENOENT", "errno %d", kp.syserr) ;
  expect_load("missing key file", "rsa.crt", "nonexistent.key", PEM_ESYS, 0, 0) ;
}

static void big_files (void)
{
  size_t n = 2 * 1024 * 1024 ;
  char *s = malloc(n) ;
  char *cert ; size_t clen ;
  if (!s || !readall("rsa.crt", &cert, &clen)) { unit_check(0, "2 MB file", "setup") ; free(s) ; return ; }
  memset(s, '\n', n) ;
  memcpy(s, cert, clen) ;
  unit_writefile(dir, "big.pem", s, n) ;
  expect_load("2 MB file", "big.pem", "rsa.key", PEM_ETOOBIG, 0, 0) ;
  expect_parse("2 MB buffer", s, n, PEM_ETOOBIG) ;
  /* exactly PEM_FILE_MAX octets is still fine, one more is not */
  unit_writefile(dir, "max.pem", s, PEM_FILE_MAX) ;
  expect_load("file of PEM_FILE_MAX octets", "max.pem", "rsa.key", 0, BR_KEYTYPE_RSA, 1) ;
  unit_writefile(dir, "max1.pem", s, PEM_FILE_MAX + 1) ;
  expect_load("file of PEM_FILE_MAX+1 octets", "max1.pem", "rsa.key", PEM_ETOOBIG, 0, 0) ;
  /* nine certificates: over PEM_CHAIN_MAX */
  {
    size_t k = 0 ;
    for (unsigned int i = 0 ; i < PEM_CHAIN_MAX + 1 ; i++) { memcpy(s + k, cert, clen) ; k += clen ; }
    unit_writefile(dir, "nine.pem", s, k) ;
    expect_load("nine certificates", "nine.pem", "rsa.key", PEM_ECHAIN, 0, 0) ;
    k = 0 ;
    for (unsigned int i = 0 ; i < PEM_CHAIN_MAX ; i++) { memcpy(s + k, cert, clen) ; k += clen ; }
    unit_writefile(dir, "eight.pem", s, k) ;
    expect_load("eight certificates", "eight.pem", "rsa.key", 0, BR_KEYTYPE_RSA, PEM_CHAIN_MAX) ;
  }
  free(cert) ;
  free(s) ;
}

static void hostile (void)
{
  char *sc ; size_t sclen ;
  char *buf ;
  size_t i, bad = 0, ok = 0 ;
  expect_parse("empty", "", 0, PEM_ENOCERT) ;
  expect_parse("text only", UNIT_S("hello\nworld\n"), PEM_ENOCERT) ;
  expect_parse("truncated BEGIN line", UNIT_S("-----BEGIN CERTIF"), PEM_ESYNTAX) ;
  expect_parse("BEGIN line cut in the dashes", UNIT_S("-----BEG"), PEM_ENOCERT) ;
  expect_parse("BEGIN without END", UNIT_S("-----BEGIN CERTIFICATE-----\nMIIB\n"), PEM_ESYNTAX) ;
  expect_parse("garbage base64", UNIT_S("-----BEGIN CERTIFICATE-----\n!!!!****\n-----END CERTIFICATE-----\n"), PEM_ESYNTAX) ;
  expect_parse("base64 of garbage as certificate, with a key",
    UNIT_S("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"), PEM_ENOKEY) ;
  expect_parse("NUL octets before BEGIN: not a BEGIN line", UNIT_S("\0\0\0-----BEGIN CERTIFICATE-----\n\0\n"), PEM_ENOCERT) ;
  expect_parse("NUL octets inside an object (skipped by BearSSL)", UNIT_S("-----BEGIN CERTIFICATE-----\nAA\0\0AA\n-----END CERTIFICATE-----\n"), PEM_ENOKEY) ;
  if (!readall("servercert.pem", &sc, &sclen)) { unit_check(0, "hostile: setup", "servercert.pem") ; return ; }
  expect_parse("servercert.pem in memory", sc, sclen, 0) ;
  /* every prefix: no crash, and never a success before the leaf is whole */
  buf = malloc(sclen) ;
  for (i = 0 ; i < sclen ; i++)
  {
    memcpy(buf, sc, i) ;   /* exact-size view, nothing after it */
    if (pem_parse(&kp, buf, i)) ok++ ; else if (kp.err == PEM_EOK) bad++ ;
  }
  unit_check(!bad, "every prefix of servercert.pem: failures give a reason", "%zu without reason", bad) ;
  unit_check(ok > 0 && ok < sclen / 2, "every prefix: successes only once key and leaf are whole", "%zu successes", ok) ;
  /* CRLF line ends, text around the objects, no final newline */
  {
    char *crlf = malloc(2 * sclen + 64) ;
    size_t k = 0 ;
    memcpy(crlf, "Bag Attributes\r\n", 16) ; k = 16 ;
    for (i = 0 ; i < sclen ; i++) { if (sc[i] == '\n') crlf[k++] = '\r' ; crlf[k++] = sc[i] ; }
    expect_parse("CRLF line ends and text before", crlf, k, 0) ;
    expect_parse("no newline after the last END line", sc, sclen - 1, 0) ;
    free(crlf) ;
  }
  /* a garbage line inside the key object */
  {
    char *s = malloc(sclen + 16) ;
    char const *p = strstr(sc, "-----BEGIN PRIVATE KEY-----\n") ;
    size_t at = p ? (size_t)(p - sc) + 28 : 0 ;
    memcpy(s, sc, at) ; memcpy(s + at, "#$%^&*\n", 7) ; memcpy(s + at + 7, sc + at, sclen - at) ;
    expect_parse("garbage line inside the key", s, sclen + 7, PEM_ESYNTAX) ;
    free(s) ;
  }
  /* tests/fuzz/regress/pem/key-der-then-more-octets: BearSSL's key decoder
     crashed when pushed octets after a complete key */
  {
    char *der, *crt ;
    size_t dlen, clen ;
    if (readall("ec.der", &der, &dlen) && readall("ec.crt", &crt, &clen))
    {
      char *more = malloc(dlen + 1024) ;
      size_t plen ;
      char *pem ;
      memcpy(more, der, dlen) ;
      memset(more + dlen, 0x30, 1024) ;
      plen = br_pem_encode(0, more, dlen + 1024, "PRIVATE KEY", 0) ;
      pem = malloc(plen + 1 + clen) ;
      br_pem_encode(pem, more, dlen + 1024, "PRIVATE KEY", 0) ;
      memcpy(pem + plen, crt, clen) ;
      expect_parse("key DER followed by more octets (fuzz regression)", pem, plen + clen, PEM_EKEY) ;
      plen = br_pem_encode(pem, der, dlen, "PRIVATE KEY", 0) ;
      memcpy(pem + plen, crt, clen) ;
      expect_parse("the same key without them", pem, plen + clen, 0) ;
      free(pem) ; free(more) ; free(der) ; free(crt) ;
    }
    else unit_check(0, "key DER followed by more octets", "setup") ;
  }
  pem_wipe(&kp) ;
  {
    unsigned char const *b = (unsigned char const *)&kp ;
    size_t nz = 0 ;
    for (i = 0 ; i < sizeof(kp) ; i++) nz += !!b[i] ;
    unit_check(!nz, "pem_wipe zeroes the keypair", "%zu octets left", nz) ;
  }
  free(buf) ;
  free(sc) ;
}

int main (void)
{
  unit_init("pem") ;
  if (!unit_tmpdir(dir, sizeof(dir), "pem")) { printf("FAIL - pem: cannot make a temporary directory\n") ; return 1 ; }
  if (!generate()) { unit_rmrf(dir) ; unit_nfail++ ; return unit_end() ; }
  good_files() ;
  big_files() ;
  hostile() ;
  unit_rmrf(dir) ;
  return unit_end() ;
}
