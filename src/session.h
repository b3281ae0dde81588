/* ISC license. */
/* session.h: what we know of the connection (UCSPI environment, control
   files) and the SMTP state that outlives transactions. */

#ifndef QCSMTPD_SESSION_H
#define QCSMTPD_SESSION_H

#include <stdint.h>
#include <skalibs/stralloc.h>

typedef struct session_s session ;
struct session_s
{
  char const *remoteip ;
  char const *remotehost ;
  char const *remoteinfo ;
  char const *remoteport ;
  char const *localip ;
  char const *localhost ;
  char const *localport ;
  char ipbuf[64] ;
  stralloc me ;
  stralloc greeting ;
  stralloc helo ;
  stralloc spooldir ;
  stralloc notes ;
  int helo_seen ;
  int ehlo ;
  int relay ;
  int tls ;              /* the session is inside TLS */
  int tls_required ;     /* control/tls_required or UCSPITLS=!: MAIL and AUTH only inside TLS */
  int tls_before_auth ;  /* control/tls_before_auth (default 1): AUTH only inside TLS */
  stralloc authuser ;    /* non-empty once AUTH succeeded */
  stralloc arresults ;   /* "; method=result ..." of the connection (qp_auth_result) */
  unsigned int commands ; /* commands read */
  uint64_t databytes ;
  unsigned int timeout ;
  unsigned int timeoutsession ;  /* seconds the whole connection may last, 0: no limit */
  unsigned int mindatarate ;     /* bytes per second in DATA, 0: no minimum */
  unsigned int maxrcpt ;
} ;

extern session sess ;

/* Reads the UCSPI environment. */
extern void session_env (void) ;

/* Reads the core control files. 1 ok; 0 configuration error, logged, with
   the reason in why. */
extern int session_config (void) ;

/* The host name of qmail-smtpd's command line (the SMTP AUTH patch's
   first argument): me when control/me is missing. */
extern void session_hostname (char const *name) ;

/* The spool directory (read on first use). */
extern char const *session_spooldir (void) ;

/* "TCPREMOTEINFO@host", the host, or "[ip]" (qpsmtpd's remote_info). */
extern void session_remote_info (stralloc *) ;


#endif
