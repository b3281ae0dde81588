/* ISC license. */
/* notes.h: string notes keyed by string ("key\0value\0" pairs in one stralloc). */

#ifndef QCSMTPD_NOTES_H
#define QCSMTPD_NOTES_H

#include <skalibs/stralloc.h>

/* NULL if absent. */
extern char const *notes_get (stralloc const *, char const *key) ;
/* value NULL deletes. 1 ok, 0 no memory or over NOTES_MAX. */
extern int notes_set (stralloc *, char const *key, char const *value) ;

#endif
