/* ISC license. */
/* store.c: the plugins' store (qp_store_*, doc/plugin-api "Store"): each
   call goes to the back end this host is configured for, Redis when
   control/store_redis exists (several hosts sharing state, doc/fleet), else
   LMDB under control/store_dir (one host, no daemon). Decided at the first
   call, once per process; failures are logged once per connection. */

#include <errno.h>
#include <string.h>

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"
#include "store.h"

static int backend = 0 ;   /* 0 not chosen, 1 LMDB, 2 Redis */

static int redis (void)
{
  if (!backend)
  {
    stralloc sa = STRALLOC_ZERO ;
    int e = errno ;
    /* present (even unreadable or empty): Redis, which then reports it */
    backend = qp_control_path("store_redis", &sa) > 0 ? 2 : 1 ;
    stralloc_free(&sa) ;
    errno = e ;
  }
  return backend == 2 ;
}

int qp_store_get (char const *ns, char const *key, size_t klen, stralloc *value, int64_t *expires)
{
  return redis() ? store_redis_get(ns, key, klen, value, expires) : store_lmdb_get(ns, key, klen, value, expires) ;
}

int qp_store_put (char const *ns, char const *key, size_t klen, char const *value, size_t vlen, unsigned int ttl)
{
  return redis() ? store_redis_put(ns, key, klen, value, vlen, ttl) : store_lmdb_put(ns, key, klen, value, vlen, ttl) ;
}

int qp_store_incr (char const *ns, char const *key, size_t klen, int64_t delta, unsigned int ttl, int64_t *result)
{
  return redis() ? store_redis_incr(ns, key, klen, delta, ttl, result) : store_lmdb_incr(ns, key, klen, delta, ttl, result) ;
}

int qp_store_del (char const *ns, char const *key, size_t klen)
{
  return redis() ? store_redis_del(ns, key, klen) : store_lmdb_del(ns, key, klen) ;
}

int qp_store_args (char const *db_dir, char const *redis_server)
{
  stralloc dir = STRALLOC_ZERO, srv = STRALLOC_ZERO ;
  int d = qp_control_line("store_dir", &dir) ;
  int r = qp_control_line("store_redis", &srv) ;
  int ok = 1 ;
  /* qpsmtpd's per-plugin database arguments name the one store of the
     host, or they would split the data between plugins without a word */
  if (redis_server && (r <= 0 || strcmp(srv.s, redis_server)))
  {
    qp_log(LOGERROR, "redis ", redis_server, " is not control/store_redis (", r > 0 ? srv.s : "unset",
      "): the store is the core's; set control/store_redis to it and drop the argument", (char *)0) ;
    ok = 0 ;
  }
  if (db_dir && (d <= 0 || strcmp(dir.s, db_dir) || r > 0))
  {
    qp_log(LOGERROR, "db_dir ", db_dir, " is not control/store_dir (", r > 0 ? "the store is on Redis: control/store_redis" : d > 0 ? dir.s : "unset",
      "): the store is the core's; set control/store_dir to it and drop the argument", (char *)0) ;
    ok = 0 ;
  }
  stralloc_free(&dir) ;
  stralloc_free(&srv) ;
  return ok ;
}
