/* ISC license. */
/* test/api (test builds only): drives the parts of the plugin API that no
   production plugin uses yet, so they are tested black-box: the parsed
   client address and CIDR matching, cdb values, per-instance notes, the raw
   view of a header field, replacing the body and changing the sender before
   the queue. Never part of ./qcsmtpd. */

#include <stddef.h>
#include <string.h>

#include <skalibs/stralloc.h>
#include <skalibs/types.h>

#include <qcsmtpd/plugin.h>

typedef struct api_s api ;
struct api_s
{
  char const *net ;       /* "a.b.c.d/n" or "x::/n": logged whether the client is inside */
  char const *map ;       /* a cdb control file: the client's address is looked up */
  char const *sender ;    /* the new envelope sender, at data_post */
  int upper ;             /* replace the body by its upper-case copy */
} ;

static qp_argdef const args[] =
{
  { .name = "net", .type = QP_ARG_STRING, .off = offsetof(api, net) },
  { .name = "map", .type = QP_ARG_STRING, .off = offsetof(api, map) },
  { .name = "sender", .type = QP_ARG_STRING, .off = offsetof(api, sender) },
  { .name = "upper", .type = QP_ARG_BOOL, .off = offsetof(api, upper), .def = "0" },
  { 0 }
} ;

static int a_connect (void *state, qp_hookarg const *a)
{
  static stralloc v = STRALLOC_ZERO ;
  api const *st = state ;
  qp_ip const *ip = qp_remote_addr() ;
  char fam[4] ;
  (void)a ;
  fam[uint_fmt(fam, ip->family)] = 0 ;
  qp_log(LOGINFO, "family=", fam, (char *)0) ;
  if (st->net)
  {
    char text[64] ;
    char const *slash = strchr(st->net, '/') ;
    unsigned int bits = 0 ;
    qp_ip net ;
    size_t n = slash ? (size_t)(slash - st->net) : strlen(st->net) ;
    if (n >= sizeof text) n = sizeof text - 1 ;
    memcpy(text, st->net, n) ;
    text[n] = 0 ;
    if (!qp_ip_parse(text, &net) || !slash || !uint_scan(slash + 1, &bits)) qp_log(LOGINFO, "net unparsable", (char *)0) ;
    else qp_log(LOGINFO, "in ", st->net, ": ", qp_ip_match(ip, &net, bits) ? "yes" : "no", (char *)0) ;
  }
  if (st->map)
  {
    char const *key = qp_remote_ip() ;
    int r = qp_control_cdb_get(st->map, key, strlen(key), &v) ;
    qp_log(LOGINFO, "cdb ", r > 0 ? "value=" : r ? "error" : "none", r > 0 ? v.s : "", (char *)0) ;
  }
  if (!qp_note_set(QP_CONN_OWN, "seen", "1")) return DENYSOFT ;
  qp_log(LOGINFO, "own note=", qp_note_get(QP_CONN_OWN, "seen") ? "1" : "none",
    " shared note=", qp_note_get(QP_CONN, "seen") ? "1" : "none", (char *)0) ;
  return DECLINED ;
}

/* the body, upper-cased, as the new body */
static int upper (void)
{
  char buf[4096] ;
  uint64_t off = 0 ;
  if (!qp_body_begin()) return 0 ;
  for (;;)
  {
    ssize_t r = qp_body_read(off, buf, sizeof buf) ;
    if (r < 0) { qp_body_abort() ; return 0 ; }
    if (!r) break ;
    for (ssize_t i = 0 ; i < r ; i++) if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] -= 32 ;
    if (!qp_body_write(buf, (size_t)r)) { qp_body_abort() ; return 0 ; }
    off += (uint64_t)r ;
  }
  return qp_body_commit() ;
}

static int a_data_post (void *state, qp_hookarg const *a)
{
  api const *st = state ;
  char const *raw = qp_header_raw("Subject", 0) ;
  (void)a ;
  if (raw)
  {
    char esc[512] ;
    size_t o = 0 ;
    for (; *raw && o < sizeof esc - 3 ; raw++)
    {
      if (*raw == '\n') { esc[o++] = '\\' ; esc[o++] = 'n' ; }
      else if (*raw == '\t') { esc[o++] = '\\' ; esc[o++] = 't' ; }
      else esc[o++] = *raw ;
    }
    esc[o] = 0 ;
    qp_log(LOGINFO, "raw=", esc, (char *)0) ;
  }
  if (st->sender && !qp_sender_set(st->sender)) { qp_msg("sender not set") ; return DENYSOFT ; }
  if (st->upper && !upper()) { qp_msg("body not replaced") ; return DENYSOFT ; }
  return DECLINED ;
}

qp_plugin const plugin_test_api =
{
  .name = "test/api",
  .state_size = sizeof(api),
  .args = args,
  .hook = { [HOOK_CONNECT] = &a_connect, [HOOK_DATA_POST] = &a_data_post },
  .flags = QP_PLUGIN_TESTONLY,
} ;
