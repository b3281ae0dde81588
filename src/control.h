/* ISC license. */
/* control.h: qmail/qpsmtpd control files. Lookup per file name, first found
   wins: $QCSMTPD_CONTROL/<name>, $QPSMTPD_CONFIG/<name>, ./control/<name>,
   ./config/<name> (qpsmtpd's), $QMAIL/control/<name>.
   Returns: 1 found, 0 missing, -1 error (errno set). */

#ifndef QCSMTPD_CONTROL_H
#define QCSMTPD_CONTROL_H

#include <stddef.h>
#include <stdint.h>
#include <skalibs/stralloc.h>

extern void control_init (void) ;
extern char const *control_qmailhome (void) ;

/* Full path of the file that name resolves to, into sa (NUL-terminated). */
extern int control_path (char const *name, stralloc *sa) ;

/* Every value line, trimmed, blank and '#' lines skipped, $include expanded,
   each NUL-terminated, appended to sa. */
extern int control_readlist (char const *name, stralloc *sa) ;

/* The first value line, NUL-terminated, into sa (replacing its content). */
extern int control_readline (char const *name, stralloc *sa) ;

/* A decimal number from the first value line. -1 with EINVAL if not a number. */
extern int control_readuint (char const *name, uint64_t *n) ;

/* cdb lookup of key in the file name. 1 found, 0 not found or no file, -1 error. */
extern int control_cdb (char const *name, char const *key, size_t keylen) ;

/* The same, and the value of the first record into value (NUL-terminated,
   len without the NUL; at most CONTROL_CDB_VALUE_MAX octets, else -1 EFBIG). */
extern int control_cdb_get (char const *name, char const *key, size_t keylen, stralloc *value) ;

/* Pure parser: appends the value lines of the text s (len octets) to sa,
   calling include() for every "$include X" line. 1 ok, 0 include failed. */
typedef int control_include_fn (char const *target, stralloc *sa, unsigned int depth) ;
extern int control_parse (char const *s, size_t len, stralloc *sa, control_include_fn *include, unsigned int depth) ;

#endif
