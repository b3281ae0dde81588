/* ISC license. */
/* tls.c: the BearSSL server (reference/qmail.md 5.2, 5.4), driven by hand on
   non-blocking fds, and the native engine over it (RFC 3207). Owns the key
   from load to the end of the handshake, then wipes it; never logs the key
   or session secrets. TLS 1.0-1.2 only: BearSSL 0.6 has no TLS 1.3. */

#include "tls.h"

#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <skalibs/tai.h>
#include <skalibs/iopause.h>
#include <skalibs/random.h>
#include <skalibs/types.h>

#include <bearssl.h>

#include "io.h"
#include "log.h"
#include "pem.h"
#include "qcsmtpd/plugin.h"

static pem_keypair kp ;
static int loaded = 0 ;
static br_ssl_server_context sc ;
static unsigned char iobuf[BR_SSL_BUFSIZE_BIDI] ;
static unsigned int iotimeout = 60 ;
static int peer_eof = 0 ;
static char why[512] ;


 /* reasons */

static void why_set (char const *a, char const *b, char const *c, char const *d)
{
  char const *p[4] = { a, b, c, d } ;
  size_t n = 0 ;
  for (unsigned int i = 0 ; i < 4 ; i++)
  {
    size_t len = p[i] ? strlen(p[i]) : 0 ;
    if (len > sizeof(why) - 1 - n) len = sizeof(why) - 1 - n ;
    if (len) memcpy(why + n, p[i], len) ;
    n += len ;
  }
  why[n] = 0 ;
}

char const *tls_server_why (void)
{
  return why[0] ? why : "no error" ;
}

static char const *alert_name (unsigned int a)
{
  switch (a)
  {
    case 0 : return "close_notify" ;
    case 10 : return "unexpected_message" ;
    case 20 : return "bad_record_mac" ;
    case 22 : return "record_overflow" ;
    case 40 : return "handshake_failure" ;
    case 42 : return "bad_certificate" ;
    case 46 : return "certificate_unknown" ;
    case 47 : return "illegal_parameter" ;
    case 48 : return "unknown_ca" ;
    case 50 : return "decode_error" ;
    case 51 : return "decrypt_error" ;
    case 70 : return "protocol_version" ;
    case 71 : return "insufficient_security" ;
    case 80 : return "internal_error" ;
    case 86 : return "inappropriate_fallback" ;
    case 90 : return "user_canceled" ;
    case 100 : return "no_renegotiation" ;
    case 110 : return "unsupported_extension" ;
    case 112 : return "unrecognized_name" ;
    default : return "alert" ;
  }
}

static char const *err_name (int err)
{
  static char const *const names[] =
  {
    [BR_ERR_OK] = "ok",
    [BR_ERR_BAD_PARAM] = "bad parameter",
    [BR_ERR_BAD_STATE] = "bad state",
    [BR_ERR_UNSUPPORTED_VERSION] = "unsupported protocol version",
    [BR_ERR_BAD_VERSION] = "bad or unsupported protocol version (TLS 1.3 only client?)",
    [BR_ERR_BAD_LENGTH] = "bad record length",
    [BR_ERR_TOO_LARGE] = "record too large",
    [BR_ERR_BAD_MAC] = "bad record MAC",
    [BR_ERR_NO_RANDOM] = "no entropy",
    [BR_ERR_UNKNOWN_TYPE] = "unknown record type",
    [BR_ERR_UNEXPECTED] = "unexpected message",
    [BR_ERR_BAD_CCS] = "bad ChangeCipherSpec",
    [BR_ERR_BAD_ALERT] = "bad alert",
    [BR_ERR_BAD_HANDSHAKE] = "bad handshake message",
    [BR_ERR_OVERSIZED_ID] = "oversized session ID",
    [BR_ERR_BAD_CIPHER_SUITE] = "no common cipher suite",
    [BR_ERR_BAD_COMPRESSION] = "bad compression",
    [BR_ERR_BAD_FRAGLEN] = "bad fragment length",
    [BR_ERR_BAD_SECRENEG] = "bad secure renegotiation",
    [BR_ERR_EXTRA_EXTENSION] = "unexpected extension",
    [BR_ERR_BAD_SNI] = "bad server name",
    [BR_ERR_BAD_HELLO_DONE] = "bad ServerHelloDone",
    [BR_ERR_LIMIT_EXCEEDED] = "limit exceeded",
    [BR_ERR_BAD_FINISHED] = "bad Finished",
    [BR_ERR_RESUME_MISMATCH] = "resumption mismatch",
    [BR_ERR_INVALID_ALGORITHM] = "invalid algorithm",
    [BR_ERR_BAD_SIGNATURE] = "bad signature",
    [BR_ERR_WRONG_KEY_USAGE] = "wrong key usage",
    [BR_ERR_NO_CLIENT_AUTH] = "no client certificate",
    [30] = "error",
    [BR_ERR_IO] = "I/O error or EOF",
  } ;
  if (err >= 0 && (size_t)err < sizeof(names) / sizeof(names[0]) && names[err]) return names[err] ;
  return "error" ;
}

/* "BearSSL error 552 (sent alert 40: handshake_failure)" after what */
static void why_engine (char const *what, int err)
{
  char num[UINT_FMT] ;
  char text[128] ;
  num[uint_fmt(num, (unsigned int)err)] = 0 ;
  if (err >= BR_ERR_RECV_FATAL_ALERT)
  {
    char an[UINT_FMT] ;
    unsigned int a = err & 255 ;
    size_t n ;
    an[uint_fmt(an, a)] = 0 ;
    n = strlen(err >= BR_ERR_SEND_FATAL_ALERT ? " (sent alert " : " (received alert ") ;
    memcpy(text, err >= BR_ERR_SEND_FATAL_ALERT ? " (sent alert " : " (received alert ", n) ;
    text[n] = 0 ;
    strcat(text, an) ;
    strcat(text, ": ") ;
    strcat(text, alert_name(a)) ;
    strcat(text, ")") ;
  }
  else
  {
    strcpy(text, " (") ;
    strcat(text, err >= 32 && err < 64 ? "certificate error" : err_name(err)) ;
    strcat(text, ")") ;
  }
  why_set(what, "BearSSL error ", num, text) ;
}


 /* key */

int tls_server_load (char const *certfile, char const *keyfile)
{
  char const *which = certfile ;
  why[0] = 0 ;
  loaded = 0 ;
  if (!pem_load(&kp, certfile, keyfile, &which))
  {
    char num[UINT_FMT] ;
    int err = kp.err ;
    int syserr = kp.syserr ;
    int brerr = kp.brerr ;
    pem_wipe(&kp) ;
    if (err == PEM_ESYS) { why_set(which, ": ", pem_error_str(err), ": ") ; why_set(why, strerror(syserr), 0, 0) ; }
    else if (brerr)
    {
      num[uint_fmt(num, (unsigned int)brerr)] = 0 ;
      why_set(which, ": ", pem_error_str(err), " (BearSSL error ") ;
      why_set(why, num, ")", 0) ;
    }
    else why_set(which, ": ", pem_error_str(err), 0) ;
    return 0 ;
  }
  loaded = 1 ;
  return 1 ;
}

void tls_server_wipe (void)
{
  pem_wipe(&kp) ;
  loaded = 0 ;
}


 /* waiting and moving records */

/* Writes pending records without waiting. 1 none left, 0 wfd would block, -1 error. */
static int sendrec (int wfd)
{
  br_ssl_engine_context *eng = &sc.eng ;
  while (br_ssl_engine_current_state(eng) & BR_SSL_SENDREC)
  {
    size_t len ;
    unsigned char *buf = br_ssl_engine_sendrec_buf(eng, &len) ;
    ssize_t w = write(wfd, buf, len) ;
    if (w < 0)
    {
      if (errno == EINTR) continue ;
      return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1 ;
    }
    br_ssl_engine_sendrec_ack(eng, w) ;
  }
  return 1 ;
}

/* Writes every pending record, waiting for wfd until deadline. 1 ok, 0 error. */
static int pushall (int wfd, tain const *deadline)
{
  for (;;)
  {
    int r = sendrec(wfd) ;
    if (r > 0) return 1 ;
    if (r < 0) return 0 ;
    if (io_await(wfd, IOPAUSE_WRITE, deadline) <= 0) return 0 ;
  }
}

static int pushall_for (int wfd, unsigned int secs)
{
  tain d ;
  io_deadline(&d, secs) ;
  return pushall(wfd, &d) ;
}

/* Reads records from rfd into the engine, once. Like read(2). */
static ssize_t recvrec (int rfd)
{
  size_t len ;
  unsigned char *buf = br_ssl_engine_recvrec_buf(&sc.eng, &len) ;
  ssize_t r = read(rfd, buf, len) ;
  if (r > 0) br_ssl_engine_recvrec_ack(&sc.eng, r) ;
  return r ;
}


 /* handshake */

/* The policy (RFC 8996, RFC 7525 4.2): TLS 1.2 and ECDHE with AEAD suites
   unless widened (tls_server_policy). Server order: strongest first. */
static uint16_t const suites_aead[] =
{
  BR_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, BR_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
  BR_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, BR_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
  BR_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, BR_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
} ;

/* ECDHE with every cipher BearSSL has but 3DES: AEAD first, then CBC (the
   only choice of TLS 1.0/1.1 clients) */
static uint16_t const suites_ecdhe[] =
{
  BR_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, BR_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
  BR_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, BR_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
  BR_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, BR_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
  BR_TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, BR_TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384,
  BR_TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, BR_TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256,
  BR_TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, BR_TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
  BR_TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, BR_TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
} ;

static unsigned int vmin = BR_TLS12, vmax = BR_TLS12 ;
static int suiteset = TLS_SUITES_AEAD ;

int tls_server_policy (unsigned int minversion, unsigned int maxversion, int set)
{
  if (minversion < BR_TLS10 || maxversion > BR_TLS12 || minversion > maxversion) return 0 ;
  if (set != TLS_SUITES_AEAD && set != TLS_SUITES_ECDHE && set != TLS_SUITES_ALL) return 0 ;
  vmin = minversion ; vmax = maxversion ; suiteset = set ;
  return 1 ;
}

static int setup (void)
{
  char seed[32] ;
  br_ssl_engine_context *eng = &sc.eng ;
  if (!loaded) { why_set("no key loaded", 0, 0, 0) ; return 0 ; }
  if (kp.keytype == BR_KEYTYPE_RSA)
    br_ssl_server_init_full_rsa(&sc, kp.chain, kp.nchain, br_skey_decoder_get_rsa(&kp.skey)) ;
  else
    br_ssl_server_init_full_ec(&sc, kp.chain, kp.nchain,
      kp.issuer_keytype ? (unsigned int)kp.issuer_keytype : BR_KEYTYPE_EC, br_skey_decoder_get_ec(&kp.skey)) ;
  br_ssl_engine_set_versions(eng, vmin, vmax) ;
  /* TLS_SUITES_ALL keeps the full list of br_ssl_server_init_full_* */
  if (suiteset == TLS_SUITES_AEAD) br_ssl_engine_set_suites(eng, suites_aead, sizeof(suites_aead) / sizeof(suites_aead[0])) ;
  else if (suiteset == TLS_SUITES_ECDHE) br_ssl_engine_set_suites(eng, suites_ecdhe, sizeof(suites_ecdhe) / sizeof(suites_ecdhe[0])) ;
  br_ssl_engine_add_flags(eng, BR_OPT_NO_RENEGOTIATION | BR_OPT_ENFORCE_SERVER_PREFERENCES) ;
  br_ssl_engine_set_buffer(eng, iobuf, sizeof(iobuf), 1) ;
  random_buf(seed, sizeof(seed)) ;
  br_ssl_engine_inject_entropy(eng, seed, sizeof(seed)) ;
  qp_wipe(seed, sizeof(seed)) ;
  if (!br_ssl_server_reset(&sc)) { why_engine("server reset failed: ", br_ssl_engine_last_error(eng)) ; return 0 ; }
  peer_eof = 0 ;
  return 1 ;
}

/* Until the engine can take application data. 1 ok, 0 why set. */
static int run (int rfd, int wfd, tain const *deadline)
{
  br_ssl_engine_context *eng = &sc.eng ;
  for (;;)
  {
    unsigned int st = br_ssl_engine_current_state(eng) ;
    int r ;
    if (st & BR_SSL_CLOSED)
    {
      int err = br_ssl_engine_last_error(eng) ;
      if (err) why_engine("handshake failed: ", err) ;
      else why_set("handshake failed: closed by the client", 0, 0, 0) ;
      return 0 ;
    }
    if (st & BR_SSL_SENDREC)
    {
      r = sendrec(wfd) ;
      if (r < 0) { why_set("handshake failed: write: ", strerror(errno), 0, 0) ; return 0 ; }
      if (!r && io_await(wfd, IOPAUSE_WRITE, deadline) <= 0) break ;
      continue ;
    }
    /* done: its last records are out, the client's may already be queued */
    if (st & BR_SSL_SENDAPP) return 1 ;
    if (!(st & BR_SSL_RECVREC)) { why_set("handshake failed: engine stalled", 0, 0, 0) ; return 0 ; }
    r = recvrec(rfd) ;
    if (r > 0) continue ;
    if (!r) { why_set("handshake failed: EOF from the client", 0, 0, 0) ; return 0 ; }
    if (errno == EINTR) continue ;
    if (errno != EAGAIN && errno != EWOULDBLOCK) { why_set("handshake failed: read: ", strerror(errno), 0, 0) ; return 0 ; }
    if (io_await(rfd, IOPAUSE_READ, deadline) <= 0) break ;
  }
  if (errno == ETIMEDOUT) why_set("handshake failed: timed out", 0, 0, 0) ;
  else why_set("handshake failed: poll: ", strerror(errno), 0, 0) ;
  return 0 ;
}

int tls_server_handshake (int rfd, int wfd, unsigned int timeout)
{
  tain deadline ;
  int r, one = 1 ;
  why[0] = 0 ;
  iotimeout = timeout ? timeout : 1 ;
  /* The engine emits a flight as several records (ChangeCipherSpec, then
     Finished): with Nagle the second waits for the client's delayed ACK,
     40 ms per handshake. Every write here is a whole record or reply, so
     nothing is gained by delaying. Not a socket (a pipe): ignored. */
  setsockopt(wfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)) ;
  io_deadline(&deadline, iotimeout) ;
  r = setup() && run(rfd, wfd, &deadline) ;
  tls_server_wipe() ;
  return r ;
}


 /* what was negotiated */

static struct suite_s { unsigned short id ; char const *name ; } const suites[] =
{
  { BR_TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, "ECDHE-ECDSA-AES256-GCM-SHA384" },
  { BR_TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, "ECDHE-RSA-AES256-GCM-SHA384" },
  { BR_TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, "ECDHE-ECDSA-AES128-GCM-SHA256" },
  { BR_TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, "ECDHE-RSA-AES128-GCM-SHA256" },
  { BR_TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-ECDSA-CHACHA20-POLY1305" },
  { BR_TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256, "ECDHE-RSA-CHACHA20-POLY1305" },
  { BR_TLS_ECDHE_ECDSA_WITH_AES_256_CCM, "ECDHE-ECDSA-AES256-CCM" },
  { BR_TLS_ECDHE_ECDSA_WITH_AES_128_CCM, "ECDHE-ECDSA-AES128-CCM" },
  { BR_TLS_ECDHE_ECDSA_WITH_AES_256_CCM_8, "ECDHE-ECDSA-AES256-CCM8" },
  { BR_TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, "ECDHE-ECDSA-AES128-CCM8" },
  { BR_TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384, "ECDHE-ECDSA-AES256-SHA384" },
  { BR_TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384, "ECDHE-RSA-AES256-SHA384" },
  { BR_TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256, "ECDHE-ECDSA-AES128-SHA256" },
  { BR_TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, "ECDHE-RSA-AES128-SHA256" },
  { BR_TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA, "ECDHE-ECDSA-AES256-SHA" },
  { BR_TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA, "ECDHE-RSA-AES256-SHA" },
  { BR_TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA, "ECDHE-ECDSA-AES128-SHA" },
  { BR_TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, "ECDHE-RSA-AES128-SHA" },
  { BR_TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA, "ECDHE-ECDSA-DES-CBC3-SHA" },
  { BR_TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA, "ECDHE-RSA-DES-CBC3-SHA" },
  { BR_TLS_ECDH_ECDSA_WITH_AES_256_GCM_SHA384, "ECDH-ECDSA-AES256-GCM-SHA384" },
  { BR_TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384, "ECDH-RSA-AES256-GCM-SHA384" },
  { BR_TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256, "ECDH-ECDSA-AES128-GCM-SHA256" },
  { BR_TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256, "ECDH-RSA-AES128-GCM-SHA256" },
  { BR_TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA384, "ECDH-ECDSA-AES256-SHA384" },
  { BR_TLS_ECDH_RSA_WITH_AES_256_CBC_SHA384, "ECDH-RSA-AES256-SHA384" },
  { BR_TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA256, "ECDH-ECDSA-AES128-SHA256" },
  { BR_TLS_ECDH_RSA_WITH_AES_128_CBC_SHA256, "ECDH-RSA-AES128-SHA256" },
  { BR_TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA, "ECDH-ECDSA-AES256-SHA" },
  { BR_TLS_ECDH_RSA_WITH_AES_256_CBC_SHA, "ECDH-RSA-AES256-SHA" },
  { BR_TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA, "ECDH-ECDSA-AES128-SHA" },
  { BR_TLS_ECDH_RSA_WITH_AES_128_CBC_SHA, "ECDH-RSA-AES128-SHA" },
  { BR_TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA, "ECDH-ECDSA-DES-CBC3-SHA" },
  { BR_TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA, "ECDH-RSA-DES-CBC3-SHA" },
  { BR_TLS_RSA_WITH_AES_256_GCM_SHA384, "AES256-GCM-SHA384" },
  { BR_TLS_RSA_WITH_AES_128_GCM_SHA256, "AES128-GCM-SHA256" },
  { BR_TLS_RSA_WITH_AES_256_CCM, "AES256-CCM" },
  { BR_TLS_RSA_WITH_AES_128_CCM, "AES128-CCM" },
  { BR_TLS_RSA_WITH_AES_256_CCM_8, "AES256-CCM8" },
  { BR_TLS_RSA_WITH_AES_128_CCM_8, "AES128-CCM8" },
  { BR_TLS_RSA_WITH_AES_256_CBC_SHA256, "AES256-SHA256" },
  { BR_TLS_RSA_WITH_AES_128_CBC_SHA256, "AES128-SHA256" },
  { BR_TLS_RSA_WITH_AES_256_CBC_SHA, "AES256-SHA" },
  { BR_TLS_RSA_WITH_AES_128_CBC_SHA, "AES128-SHA" },
  { BR_TLS_RSA_WITH_3DES_EDE_CBC_SHA, "DES-CBC3-SHA" },
} ;

char const *tls_suite_name (unsigned int suite)
{
  for (size_t i = 0 ; i < sizeof(suites) / sizeof(suites[0]) ; i++)
    if (suites[i].id == suite) return suites[i].name ;
  return 0 ;
}

static void put (char *to, size_t max, char const *s)
{
  size_t n = s ? strlen(s) : 0 ;
  if (n >= max) n = max - 1 ;
  memcpy(to, s ? s : "", n) ;
  to[n] = 0 ;
}

void tls_server_info (tls_info *info)
{
  br_ssl_session_parameters p ;
  char const *name ;
  char hex[7] = "0x" ;
  static char const digits[] = "0123456789ABCDEF" ;
  unsigned int v = br_ssl_engine_get_version(&sc.eng) ;
  put(info->protocol, sizeof(info->protocol),
    v == BR_TLS12 ? "TLSv1.2" : v == BR_TLS11 ? "TLSv1.1" : v == BR_TLS10 ? "TLSv1" : "") ;
  br_ssl_engine_get_session_parameters(&sc.eng, &p) ;
  name = tls_suite_name(p.cipher_suite) ;
  if (!name)
  {
    for (unsigned int i = 0 ; i < 4 ; i++) hex[2 + i] = digits[(p.cipher_suite >> (12 - 4 * i)) & 15] ;
    hex[6] = 0 ;
    name = hex ;
  }
  put(info->cipher, sizeof(info->cipher), name) ;
  qp_wipe(&p, sizeof(p)) ;   /* it holds a copy of the master secret */
  put(info->sni, sizeof(info->sni), br_ssl_engine_get_server_name(&sc.eng)) ;
  info->peer_subject[0] = 0 ;
}


 /* application data */

ssize_t tls_server_read (int rfd, int wfd, char *s, size_t n)
{
  br_ssl_engine_context *eng = &sc.eng ;
  for (;;)
  {
    unsigned int st = br_ssl_engine_current_state(eng) ;
    ssize_t r ;
    if (st & BR_SSL_RECVAPP)
    {
      size_t len ;
      unsigned char *buf = br_ssl_engine_recvapp_buf(eng, &len) ;
      if (len > n) len = n ;
      memcpy(s, buf, len) ;
      br_ssl_engine_recvapp_ack(eng, len) ;
      return len ;
    }
    if (st & BR_SSL_CLOSED)
    {
      int err = br_ssl_engine_last_error(eng) ;
      if (!err) return 0 ;   /* close_notify */
      why_engine("", err) ;
      errno = EPROTO ;
      return -1 ;
    }
    if (peer_eof) return 0 ;
    /* io.c waits on rfd after EAGAIN: nothing may be left for wfd then */
    if (st & BR_SSL_SENDREC) { if (!pushall_for(wfd, iotimeout)) return -1 ; continue ; }
    if (!(st & BR_SSL_RECVREC)) { why_set("engine stalled", 0, 0, 0) ; errno = EPROTO ; return -1 ; }
    r = recvrec(rfd) ;
    if (r > 0) continue ;
    if (!r) { peer_eof = 1 ; return 0 ; }   /* EOF without close_notify: SMTP has its own framing */
    return -1 ;
  }
}

ssize_t tls_server_write (int wfd, char const *s, size_t n)
{
  br_ssl_engine_context *eng = &sc.eng ;
  for (;;)
  {
    unsigned int st = br_ssl_engine_current_state(eng) ;
    if (st & BR_SSL_CLOSED)
    {
      int err = br_ssl_engine_last_error(eng) ;
      if (err) { why_engine("", err) ; errno = EPROTO ; }
      else errno = EPIPE ;
      return -1 ;
    }
    if (st & BR_SSL_SENDAPP)
    {
      size_t len ;
      unsigned char *buf = br_ssl_engine_sendapp_buf(eng, &len) ;
      if (len > n) len = n ;
      memcpy(buf, s, len) ;
      br_ssl_engine_sendapp_ack(eng, len) ;
      br_ssl_engine_flush(eng, 0) ;
      if (!pushall_for(wfd, iotimeout)) return -1 ;
      return len ;
    }
    if (st & BR_SSL_SENDREC) { if (!pushall_for(wfd, iotimeout)) return -1 ; continue ; }
    why_set("engine takes no data", 0, 0, 0) ;
    errno = EPROTO ;
    return -1 ;
  }
}

void tls_server_close (int wfd, unsigned int timeout)
{
  tain deadline ;
  io_deadline(&deadline, timeout) ;
  br_ssl_engine_close(&sc.eng) ;
  pushall(wfd, &deadline) ;
  qp_wipe(&sc, sizeof(sc)) ;
  qp_wipe(iobuf, sizeof(iobuf)) ;
}


 /* the native engine */

static char certpath[4096] ;
static char keypath[4096] ;
static int tls_errlogged = 0 ;

int tls_native_config (char const *certfile, char const *keyfile)
{
  size_t c = strlen(certfile) ;
  size_t k ;
  if (!keyfile || !*keyfile) keyfile = certfile ;
  k = strlen(keyfile) ;
  if (!c || c >= sizeof(certpath) || k >= sizeof(keypath)) { errno = ENAMETOOLONG ; return 0 ; }
  memcpy(certpath, certfile, c + 1) ;
  memcpy(keypath, keyfile, k + 1) ;
  return 1 ;
}

int tls_native_readable (void)
{
  return certpath[0] && !access(certpath, R_OK) && (!strcmp(keypath, certpath) || !access(keypath, R_OK)) ;
}

/* the first TLS error of the session is logged, with BearSSL's reason */
static ssize_t logged (ssize_t r)
{
  if (r < 0 && errno == EPROTO && !tls_errlogged)
  {
    tls_errlogged = 1 ;
    log_core(LOGNOTICE, "TLS error: ", tls_server_why(), (char *)0) ;
  }
  return r ;
}

static ssize_t tls_read (char *s, size_t n) { return logged(tls_server_read(0, 1, s, n)) ; }
static ssize_t tls_write (char const *s, size_t n) { return logged(tls_server_write(1, s, n)) ; }

static int native_prepare (void)
{
  if (!certpath[0]) { log_core(LOGERROR, "TLS not available: no certificate file configured", (char *)0) ; return 0 ; }
  if (tls_server_load(certpath, keypath)) return 1 ;
  log_core(LOGERROR, "TLS not available: ", tls_server_why(), (char *)0) ;
  return 0 ;
}

static int native_handshake (unsigned int timeout)
{
  if (!tls_server_handshake(0, 1, timeout))
  {
    log_core(LOGNOTICE, "TLS ", tls_server_why(), (char *)0) ;
    return 0 ;
  }
  tls_server_info(&tls_state) ;
  tls_errlogged = 0 ;
  io_transport(&tls_read, &tls_write, 0, 1) ;
  return 1 ;
}

static void native_close (void)
{
  tls_server_close(1, 5) ;
}

tls_engine const tls_native = { .prepare = &native_prepare, .handshake = &native_handshake, .close = &native_close } ;
