/* ISC license. */
/* tls.h: TLS under the client connection (RFC 3207 STARTTLS, RFC 8314
   implicit TLS). Two engines:
   - native: BearSSL in this process (tls.c, pem.c); the chain and the key
     are read when TLS is about to start, never at exec;
   - UCSPI-TLS: the handshake is done by a helper outside the process
     (ucspitls.c; SSLCTLFD, SSLREADFD, SSLWRITEFD; reference/qmail.md 3.5).
   The core (smtp.c) only knows tls_engine: the tls plugin sets it when TLS
   may be offered, so a binary without that plugin links no TLS code. */

#ifndef QCSMTPD_TLS_H
#define QCSMTPD_TLS_H

#include <stddef.h>
#include <sys/types.h>

typedef struct tls_engine_s tls_engine ;
struct tls_engine_s
{
  /* Before the 220: can TLS start now (key readable and decodable, helper
     there)? 1 yes; 0 no, logged (the client gets 454 4.7.0). */
  int (*prepare) (void) ;
  /* After the 220 was flushed and buffered input thrown away: runs the
     handshake within timeout seconds and puts the engine under io.c
     (io_transport). 1 ok; 0 failed, logged with the engine's reason: the
     connection is unusable and must close without a reply. */
  int (*handshake) (unsigned int timeout) ;
  /* At the end of the session: close_notify (native), or closes the write
     side (UCSPI-TLS). Best effort, bounded by the io timeout. */
  void (*close) (void) ;
} ;

/* The engine that did this session's handshake (closed at the end), NULL
   if none (no TLS, or TLS from the environment). */
extern tls_engine const *tls_engine_cur ;

/* Set when TLS starts before the greeting (qp_tls_implicit): runs the
   handshake, returns a QP_CMD_* outcome. NULL otherwise. */
extern int (*tls_implicit_start) (void) ;

/* What the handshake gave (native, or the SSL_* entries of a UCSPI-TLS
   helper or of the environment for a session started inside TLS). Empty
   strings when unknown. */
typedef struct tls_info_s tls_info ;
struct tls_info_s
{
  char protocol[16] ;       /* "TLSv1.2" */
  char cipher[64] ;         /* OpenSSL-style suite name: "ECDHE-RSA-AES256-GCM-SHA384" */
  char sni[256] ;           /* server name the client asked for */
  char peer_subject[256] ;  /* client certificate subject, if one was sent */
} ;
extern tls_info tls_state ;


 /* Native engine (tls.c) */

/* Where the chain and the key are: one file may hold both (qmail-tls
   control/servercert.pem). Copied; 1 ok, 0 too long. */
extern int tls_native_config (char const *certfile, char const *keyfile) ;
/* Both files exist and are readable (access(2)): decides the EHLO offer
   without reading the key. */
extern int tls_native_readable (void) ;
extern tls_engine const tls_native ;


 /* The BearSSL server under the native engine, shared with tests/ucspi-tlsd
    (tls.c). One connection per process: the server context, its 33 KB
    buffer and the decoded key are static. Byte I/O is on non-blocking fds
    rfd and wfd (often one socket). No function here logs: a failure leaves
    a one-line reason for tls_server_why(). */

/* The protocol versions (BR_TLS10 .. BR_TLS12) and the cipher suites of
   later handshakes. Default: TLS 1.2 only and TLS_SUITES_AEAD (RFC 8996,
   RFC 7525). 1 ok, 0 out of range. */
#define TLS_SUITES_AEAD 0    /* ECDHE with AES-GCM or ChaCha20-Poly1305 */
#define TLS_SUITES_ECDHE 1   /* ECDHE with any cipher but 3DES (CBC for TLS 1.0/1.1 clients) */
#define TLS_SUITES_ALL 2     /* everything BearSSL offers, RSA key exchange and 3DES included */
extern int tls_server_policy (unsigned int minversion, unsigned int maxversion, int set) ;

/* Reads the chain and the key (pem.c: pem_load; keyfile 0 = certfile) into
   static storage. 1 ok; 0 failed, tls_server_why() names the file and why. */
extern int tls_server_load (char const *certfile, char const *keyfile) ;
/* Sets up the server over the loaded key (TLS 1.0-1.2, server preference,
   no renegotiation, 32 octets of entropy from random_buf) and runs the
   handshake within timeout seconds. Wipes the key whatever the outcome; the
   timeout also bounds each later wait for wfd in tls_server_read/write.
   1 ok; 0 failed, tls_server_why() (BearSSL's code and its meaning, EOF,
   timeout). */
extern int tls_server_handshake (int rfd, int wfd, unsigned int timeout) ;
/* Protocol ("TLSv1.2"), OpenSSL-style cipher name and SNI of the finished
   handshake; peer_subject stays empty (no client certificates). */
extern void tls_server_info (tls_info *info) ;
/* Like read(2) for the plaintext: decrypted data already held is returned
   first, without touching rfd; pending records are pushed to wfd
   completely first (waiting for wfd); then rfd is read. 0 on EOF or
   close_notify; -1 with errno EAGAIN when rfd has nothing, EPROTO on a TLS
   error (see tls_server_why), ETIMEDOUT when wfd stays blocked. */
extern ssize_t tls_server_read (int rfd, int wfd, char *s, size_t n) ;
/* Like write(2): encrypts up to n octets and pushes the records to wfd
   completely before returning how many were taken. -1 on error (EPIPE
   after a close, EPROTO, ETIMEDOUT). Never EAGAIN. */
extern ssize_t tls_server_write (int wfd, char const *s, size_t n) ;
/* Sends close_notify within timeout seconds, ignoring errors, and zeroes
   the engine. */
extern void tls_server_close (int wfd, unsigned int timeout) ;
/* Forgets a loaded key without a handshake (a process that will not use it). */
extern void tls_server_wipe (void) ;
/* The reason of the last failure, for logs and messages. */
extern char const *tls_server_why (void) ;
/* OpenSSL-style name of a TLS cipher suite ("ECDHE-RSA-AES256-GCM-SHA384"),
   0 if not one BearSSL implements. */
extern char const *tls_suite_name (unsigned int suite) ;


 /* UCSPI-TLS (ucspitls.c) */

/* SSLCTLFD, SSLREADFD and SSLWRITEFD are set to open descriptors (marked
   close-on-exec by this call). 1 yes, 0 no. */
extern int tls_ucspi_available (void) ;
extern tls_engine const tls_ucspi ;

/* Imports SSL_PROTOCOL, SSL_CIPHER, SSL_TLS_SNI_SERVERNAME and
   SSL_PEER_CERT_SUBJECT (or SSL_CLIENT_S_DN) from the environment into
   tls_state: for a session that starts inside TLS (sslserver, s6-tlsd). */
extern void tls_info_from_env (void) ;
/* The same from a UCSPI-TLS helper's block of "VAR=value\0" entries (len octets). */
extern void tls_info_from_block (char const *s, size_t len) ;

#endif
