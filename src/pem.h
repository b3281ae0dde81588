/* ISC license. */
/* pem.h: a certificate chain and one private key from PEM text, decoded with
   BearSSL into bounded static-size storage. Never logs; the key stays in the
   pem_keypair until pem_wipe. */

#ifndef QCSMTPD_PEM_H
#define QCSMTPD_PEM_H

#include <stddef.h>

#include <bearssl.h>

#define PEM_CHAIN_MAX 8              /* certificates kept, leaf first */
#define PEM_DER_MAX 32768            /* octets of certificate DER, all of them */
#define PEM_FILE_MAX 65536           /* octets of one PEM file */

/* Failure reasons (pem_keypair.err), texts from pem_error_str. */
enum pem_error_e
{
  PEM_EOK = 0,
  PEM_ESYS,        /* open or read failed: errno */
  PEM_ETOOBIG,     /* file over PEM_FILE_MAX */
  PEM_ESYNTAX,     /* PEM syntax error (bad base64, unterminated object) */
  PEM_ENOCERT,     /* no CERTIFICATE object */
  PEM_ECHAIN,      /* more than PEM_CHAIN_MAX certificates or PEM_DER_MAX octets */
  PEM_ECERT,       /* the leaf certificate does not decode */
  PEM_ENOKEY,      /* no PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY object */
  PEM_EKEY,        /* the key does not decode, or is neither RSA nor EC (encrypted, Ed25519...) */
  PEM_EMISMATCH,   /* the key type is not the leaf's public key type */
  PEM_ENUM
} ;

typedef struct pem_keypair_s pem_keypair ;
struct pem_keypair_s
{
  br_x509_certificate chain[PEM_CHAIN_MAX] ;   /* data points into der */
  size_t nchain ;
  unsigned char der[PEM_DER_MAX] ;
  size_t derlen ;
  br_skey_decoder_context skey ;   /* holds the private key */
  int keytype ;          /* BR_KEYTYPE_RSA, BR_KEYTYPE_EC; 0 no key yet */
  int keyseen ;          /* a key object was met (only the first is decoded) */
  int otherkey ;         /* an unusable "... PRIVATE KEY" object was met */
  int issuer_keytype ;   /* key type of the leaf's signer (br_ssl_server_init_full_ec) */
  int err ;              /* enum pem_error_e */
  int syserr ;           /* errno for PEM_ESYS */
  int brerr ;            /* BearSSL's error code for PEM_ECERT and PEM_EKEY, else 0 */
} ;

/* What pem_add takes from a buffer. */
#define PEM_CERTS 1
#define PEM_KEY 2

/* Empties kp. */
extern void pem_init (pem_keypair *kp) ;

/* Adds the certificates (in order) and/or the first private key of len
   octets of PEM text; text outside objects is ignored. 1 ok, 0 failed with
   kp->err set. Pure: no I/O. */
extern int pem_add (pem_keypair *kp, char const *s, size_t len, unsigned int what) ;

/* Checks that kp holds a chain and a key of the leaf's type and finds the
   leaf's signer key type. 1 ok, 0 failed with kp->err set. */
extern int pem_finish (pem_keypair *kp) ;

/* pem_init, pem_add of both, pem_finish over one buffer (a qmail-tls
   servercert.pem). 1 ok, 0 failed with kp->err set. */
extern int pem_parse (pem_keypair *kp, char const *s, size_t len) ;

/* Reads the chain from certfile and the key from keyfile (the same file
   read once if keyfile is 0 or equal), each at most PEM_FILE_MAX octets;
   the file text is wiped after decoding. 1 ok, 0 failed with kp->err set
   (and kp->syserr for PEM_ESYS; *which says which file, if not 0). */
extern int pem_load (pem_keypair *kp, char const *certfile, char const *keyfile, char const **which) ;

/* A short text for kp->err (and brerr/syserr): "no private key", ... */
extern char const *pem_error_str (int err) ;

/* Zeroes all of kp, the private key first, in a way the compiler keeps. */
extern void pem_wipe (pem_keypair *kp) ;

#endif
