/* ISC license. */
/* store.h: the store's back ends (doc/plugin-api "Store"). qp_store_*
   (store.c) sends each call to Redis when control/store_redis exists, else
   to LMDB under control/store_dir; the choice is made once per process. */
#ifndef QCSMTPD_STORE_H
#define QCSMTPD_STORE_H

#include <stddef.h>
#include <stdint.h>

#include <skalibs/stralloc.h>

/* Logs a store failure: the first of the connection only. */
extern void store_fail (char const *what, char const *why) ;

extern int store_lmdb_get (char const *ns, char const *key, size_t klen, stralloc *value, int64_t *expires) ;
extern int store_lmdb_put (char const *ns, char const *key, size_t klen, char const *value, size_t vlen, unsigned int ttl) ;
extern int store_lmdb_incr (char const *ns, char const *key, size_t klen, int64_t delta, unsigned int ttl, int64_t *result) ;
extern int store_lmdb_del (char const *ns, char const *key, size_t klen) ;

extern int store_redis_get (char const *ns, char const *key, size_t klen, stralloc *value, int64_t *expires) ;
extern int store_redis_put (char const *ns, char const *key, size_t klen, char const *value, size_t vlen, unsigned int ttl) ;
extern int store_redis_incr (char const *ns, char const *key, size_t klen, int64_t delta, unsigned int ttl, int64_t *result) ;
extern int store_redis_del (char const *ns, char const *key, size_t klen) ;

#endif
