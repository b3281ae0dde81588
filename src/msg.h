/* ISC license. */
/* msg.h: the message being received: the header block parsed in memory (for
   plugins, bounded by SMTP_HEADER_MAX), the body streamed to the spool, and
   the message as it will be queued (fields in order, then the body). */

#ifndef QCSMTPD_MSG_H
#define QCSMTPD_MSG_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

extern void msg_reset (void) ;
/* 1 ok, 0 the spool could not be opened (errno set). */
extern int msg_begin (char const *spooldir) ;
/* Takes stored octets (LF line ends). 1 ok, 0 spool write error. */
extern int msg_write (char const *s, size_t len) ;
/* End of data: completes the header block if no blank line came. 1 ok, 0 error. */
extern int msg_end (void) ;

extern int msg_header_done (void) ;
extern int msg_header_toolarge (void) ;
extern unsigned int msg_hops (void) ;
extern uint64_t msg_stored (void) ;   /* octets received (after unstuffing) */

extern unsigned int msg_header_count (char const *name) ;
extern char const *msg_header_get (char const *name, unsigned int n) ;
/* The whole field as stored ("Name: value\n", folding included). */
extern char const *msg_header_raw (char const *name, unsigned int n) ;
/* Makes the replacement body (spool_replace_*) the message's body. 1 ok, 0 error. */
extern int msg_body_commit (void) ;
extern int msg_header_add (char const *name, char const *value, int prepend) ;
/* Inserts a field before the index-th field of the header (0: first; past
   the last: appended). 1, or 0 (bad name, no memory). */
extern int msg_header_insert (unsigned int index, char const *name, char const *value) ;
extern int msg_header_replace (char const *name, unsigned int n, char const *value) ;
extern int msg_header_delete (char const *name, unsigned int n) ;

extern uint64_t msg_total (void) ;
extern ssize_t msg_read (uint64_t off, char *buf, size_t len) ;
extern ssize_t msg_body_read (uint64_t off, char *buf, size_t len) ;

#endif
