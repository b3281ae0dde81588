/* ISC license. */
/* tests/unit/auth.c: base64 (src/base64.h), the SASL response parsers and
   helpers of src/auth.h, and the secret helpers of plugin.h
   (qp_secret_equal, qp_cram_md5_verify). */

#include <string.h>

#include <skalibs/stralloc.h>

#include "auth.h"
#include "base64.h"
#include "cmd.h"
#include "qcsmtpd/plugin.h"
#include "session.h"
#include "txn.h"
#include "unit.h"

/* RFC 4648 10 */
static char const *const vectors[][2] =
{
  { "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
  { "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" },
} ;

static char const *const invalid[] =
{
  "Zg=", "Zg", "Z===", "====", "Zm9v Yg==", "Zm9vYg==\r", "Zh==", "Zm9=", "Zg==Zg==", "Zm=v", "Zm9v\n", "-_==", "Zg\0=",
} ;

static void test_base64 (void)
{
  size_t i = 0 ;
  for (; i < sizeof(vectors) / sizeof(vectors[0]) ; i++)
  {
    char out[16], dec[16] ;
    size_t n = base64_encode(out, vectors[i][0], strlen(vectors[i][0])), m = 99 ;
    unit_check(n == strlen(vectors[i][1]) && !memcmp(out, vectors[i][1], n), "encode", "\"%s\"", vectors[i][0]) ;
    unit_check(base64_decode(dec, &m, vectors[i][1], strlen(vectors[i][1])) && m == strlen(vectors[i][0])
      && !memcmp(dec, vectors[i][0], m), "decode", "\"%s\"", vectors[i][1]) ;
  }
  for (i = 0 ; i < sizeof(invalid) / sizeof(invalid[0]) ; i++)
  {
    char dec[16] ;
    size_t m ;
    unit_check(!base64_decode(dec, &m, invalid[i], strlen(invalid[i]) + (i == 12 ? 2 : 0)), "decode refuses", "\"%s\" accepted", invalid[i]) ;
  }
  {
    char all[256], enc[BASE64_ENCLEN(256)], dec[BASE64_DECLEN(BASE64_ENCLEN(256))] ;
    size_t n, m ;
    for (i = 0 ; i < 256 ; i++) all[i] = (char)i ;
    n = base64_encode(enc, all, 256) ;
    unit_check(base64_decode(dec, &m, enc, n) && m == 256 && !memcmp(dec, all, 256), "round trip of every octet", 0) ;
  }
}

static int plain (char const *s, size_t len, char const *z, char const *c, char const *p)
{
  char buf[64] ;
  char const *a, *b, *d ;
  memcpy(buf, s, len) ;
  if (!auth_plain_split(buf, len, &a, &b, &d)) return !z ;
  return z && !strcmp(a, z) && !strcmp(b, c) && !strcmp(d, p) ;
}

static void test_plain (void)
{
  unit_check(plain("\0u\0p", 4, "", "u", "p"), "plain without authzid", 0) ;
  unit_check(plain("z\0u\0p", 5, "z", "u", "p"), "plain with authzid", 0) ;
  unit_check(plain("u\0p", 3, 0, 0, 0), "plain one NUL", 0) ;
  unit_check(plain("\0u\0p\0", 5, 0, 0, 0), "plain three NULs", 0) ;
  unit_check(plain("\0\0p", 3, 0, 0, 0), "plain empty authcid", 0) ;
  unit_check(plain("\0u\0", 3, 0, 0, 0), "plain empty password", 0) ;
  unit_check(plain("", 0, 0, 0, 0), "plain empty", 0) ;
}

static int cram (char const *s, char const *u, char const *d)
{
  char buf[128] ;
  char const *a, *b ;
  size_t len = strlen(s) ;
  memcpy(buf, s, len) ;
  if (!auth_cram_split(buf, len, &a, &b)) return !u ;
  return u && !strcmp(a, u) && !strcmp(b, d) ;
}

static void test_cram (void)
{
  unit_check(cram("tim b913a602c7eda7a495b4e6e7334d3890", "tim", "b913a602c7eda7a495b4e6e7334d3890"), "cram split", 0) ;
  unit_check(cram("a b c B913A602C7EDA7A495B4E6E7334D3890", "a b c", "B913A602C7EDA7A495B4E6E7334D3890"), "cram user with spaces", 0) ;
  unit_check(cram(" b913a602c7eda7a495b4e6e7334d3890", 0, 0), "cram empty user", 0) ;
  unit_check(cram("tim b913a602c7eda7a495b4e6e7334d389", 0, 0), "cram short digest", 0) ;
  unit_check(cram("tim b913a602c7eda7a495b4e6e7334d389g", 0, 0), "cram non-hex digest", 0) ;
  unit_check(cram("timb913a602c7eda7a495b4e6e7334d3890", 0, 0), "cram no space", 0) ;
  /* RFC 2195 2, the example exchange */
  unit_check(qp_cram_md5_verify("<1896.697170952@postoffice.reston.mci.net>", "tanstaaftanstaaf", "b913a602c7eda7a495b4e6e7334d3890"),
    "cram-md5 RFC 2195 example", 0) ;
  unit_check(qp_cram_md5_verify("<1896.697170952@postoffice.reston.mci.net>", "tanstaaftanstaaf", "B913A602C7EDA7A495B4E6E7334D3890"),
    "cram-md5 upper-case hex", 0) ;
  unit_check(!qp_cram_md5_verify("<1896.697170952@postoffice.reston.mci.net>", "tanstaaftanstaaF", "b913a602c7eda7a495b4e6e7334d3890"),
    "cram-md5 wrong secret", 0) ;
  unit_check(!qp_cram_md5_verify("<1896.697170952@postoffice.reston.mci.net>", "tanstaaftanstaaf", "b913a602c7eda7a495b4e6e7334d389"),
    "cram-md5 short digest", 0) ;
  unit_check(!qp_cram_md5_verify("<1896.697170952@postoffice.reston.mci.net>", "tanstaaftanstaaf", "b913a602c7eda7a495b4e6e7334d3891"),
    "cram-md5 wrong digest", 0) ;
}

static void test_secret (void)
{
  unit_check(qp_secret_equal("abc", 3, "abc", 3), "secret equal", 0) ;
  unit_check(!qp_secret_equal("abc", 3, "abd", 3), "secret differs", 0) ;
  unit_check(!qp_secret_equal("abc", 3, "abc\0", 4), "secret prefix", 0) ;
  unit_check(!qp_secret_equal("", 0, "a", 1), "secret empty", 0) ;
  unit_check(qp_secret_equal("", 0, "", 0), "secret both empty", 0) ;
  {
    char buf[8] = "secret" ;
    qp_wipe(buf, sizeof(buf)) ;
    unit_check(!memcmp(buf, "\0\0\0\0\0\0\0\0", 8), "qp_wipe", 0) ;
  }
}

static int xtext (char const *in, char const *want)
{
  char out[64] ;
  if (!auth_xtext_decode(out, in, strlen(in))) return !want ;
  return want && !strcmp(out, want) ;
}

static void test_xtext (void)
{
  unit_check(xtext("a@b.example", "a@b.example"), "xtext plain", 0) ;
  unit_check(xtext("a+2Bb@c", "a+b@c"), "xtext +2B", 0) ;
  unit_check(xtext("a+3Db", "a=b"), "xtext +3D", 0) ;
  unit_check(xtext("a+2b", 0), "xtext lower-case hex", 0) ;
  unit_check(xtext("a+2", 0), "xtext truncated", 0) ;
  unit_check(xtext("a=b", 0), "xtext bare =", 0) ;
  unit_check(xtext("a+0Ab", 0), "xtext control character", 0) ;
  unit_check(xtext("", ""), "xtext empty", 0) ;
}

static void test_logline (void)
{
  char buf[48] ;
  unit_check(!strcmp(auth_log_line("AUTH PLAIN AGdvb2QAZ29vZA==", buf, sizeof(buf)), "AUTH PLAIN ..."), "log line masks PLAIN", 0) ;
  unit_check(!strcmp(auth_log_line("  auth login dXNlcg==", buf, sizeof(buf)), "AUTH login ..."), "log line masks lower case", 0) ;
  unit_check(!strcmp(auth_log_line("AUTH", buf, sizeof(buf)), "AUTH  ..."), "log line bare AUTH", 0) ;
  unit_check(!strcmp(auth_log_line("MAIL FROM:<a@b>", buf, sizeof(buf)), "MAIL FROM:<a@b>"), "log line other command", 0) ;
  unit_check(!strcmp(auth_log_line("AUTHX y", buf, sizeof(buf)), "AUTHX y"), "log line AUTHX", 0) ;
}

static char const *param_note (char const *params, int authed)
{
  txn_reset(&txn_cur) ;
  sess.authuser.len = 0 ;
  if (authed) { stralloc_copys(&sess.authuser, "u@example.com") ; stralloc_0(&sess.authuser) ; sess.authuser.len-- ; }
  txn_cur.params.len = 0 ;
  if (!cmd_params(params, &txn_cur.params)) return "(params)" ;
  if (cmd_param_get(&txn_cur.params, "auth")) auth_param(0, cmd_param_get(&txn_cur.params, "auth")) ;
  return qp_note_get(QP_TXN, "auth_param") ;
}

static void test_mail_param (void)
{
  char const *v ;
  v = param_note(" AUTH=a+2Bb@example.com", 1) ;
  unit_check(v && !strcmp(v, "a+b@example.com"), "AUTH= decoded", "got %s", v ? v : "NULL") ;
  v = param_note(" AUTH=<>", 1) ;
  unit_check(v && !strcmp(v, "<>"), "AUTH=<>", "got %s", v ? v : "NULL") ;
  v = param_note(" AUTH=bad+zz", 1) ;
  unit_check(v && !strcmp(v, "<>"), "AUTH= undecodable is <>", "got %s", v ? v : "NULL") ;
  v = param_note(" AUTH=a@example.com", 0) ;
  unit_check(!v, "AUTH= ignored without AUTH", "got %s", v ? v : "NULL") ;
  v = param_note(" SIZE=10", 1) ;
  unit_check(!v, "no AUTH= no note", "got %s", v ? v : "NULL") ;
  txn_reset(&txn_cur) ;
  stralloc_free(&sess.authuser) ;
}

int main (void)
{
  unit_init("auth") ;
  test_base64() ;
  test_plain() ;
  test_cram() ;
  test_secret() ;
  test_xtext() ;
  test_logline() ;
  test_mail_param() ;
  return unit_end() ;
}
