/* ISC license. */
/* spool.h: the message body: in a fixed buffer while it fits, else on disk in
   a file that has no name (O_TMPFILE, or unlinked at once), so nothing is left
   behind whatever happens. spool_open(dir) names the directory (checked for
   access) and takes the dir pointer for the life of the message.
   1 ok, 0 error (errno set); reads return octets, 0 at the end, -1 on error. */

#ifndef QCSMTPD_SPOOL_H
#define QCSMTPD_SPOOL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

extern int spool_open (char const *dir) ;
extern int spool_write (char const *s, size_t len) ;
extern int spool_flush (void) ;
extern ssize_t spool_pread (uint64_t off, char *buf, size_t len) ;
extern uint64_t spool_size (void) ;
extern void spool_close (void) ;

/* A new body replacing the one stored (up to the queue hook): begin opens
   an unnamed file, write appends, commit makes it the body, abort forgets
   it. 1 ok, 0 error (errno set; the stored body is unchanged). */
extern int spool_replace_begin (void) ;
extern int spool_replace_write (char const *s, size_t len) ;
extern int spool_replace_commit (void) ;
extern void spool_replace_abort (void) ;

#endif
