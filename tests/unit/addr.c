/* ISC license. */
/* tests/unit/addr.c: addr_parse_path, addr_isascii, addr_format, addr_domain_ok
   against tables of hostile paths (src/addr.h, RFC 5321 4.1.2). Every input is
   copied into a buffer of exactly its length (no NUL after it), so a read past
   len shows under valgrind. */

#include <string.h>
#include <stdlib.h>

#include <skalibs/stralloc.h>

#include "addr.h"
#include "unit.h"

#define NUL ADDR_NULL_OK
#define PM ADDR_POSTMASTER_OK
#define BOTH (ADDR_NULL_OK | ADDR_POSTMASTER_OK)

struct path_case
{
  char const *name ;
  char const *in ;
  size_t len ;
  unsigned int flags ;
  int ret ;
  char const *out ;   /* expected mailbox when ret is 1 */
  size_t end ;
} ;

#define S(x) (x), (sizeof(x) - 1)

static struct path_case const path_cases[] =
{
  /* null path */
  { "<> with ADDR_NULL_OK", S("<>"), NUL, 1, "", 2 },
  { "<> without flags", S("<>"), 0, 0, 0, 0 },
  { "<> with ADDR_POSTMASTER_OK only", S("<>"), PM, 0, 0, 0 },
  { "<> followed by parameters", S("<> SIZE=10"), NUL, 1, "", 2 },
  { "< > (space inside)", S("< >"), NUL, 0, 0, 0 },
  /* postmaster */
  { "<postmaster> with ADDR_POSTMASTER_OK", S("<postmaster>"), PM, 1, "postmaster", 12 },
  { "<PostMaster> with ADDR_POSTMASTER_OK", S("<PostMaster>"), PM, 1, "PostMaster", 12 },
  { "<POSTMASTER> with both flags", S("<POSTMASTER>"), BOTH, 1, "POSTMASTER", 12 },
  { "<postmaster> without flags", S("<postmaster>"), 0, 0, 0, 0 },
  { "<postmaster> with ADDR_NULL_OK only", S("<postmaster>"), NUL, 0, 0, 0 },
  { "<postmaster@x> without flags", S("<postmaster@x>"), 0, 1, "postmaster@x", 14 },
  { "<postmaster@x> with ADDR_POSTMASTER_OK", S("<postmaster@x>"), PM, 1, "postmaster@x", 14 },
  { "<postmasterx> with ADDR_POSTMASTER_OK", S("<postmasterx>"), PM, 0, 0, 0 },
  { "<postmaster without >", S("<postmaster"), PM, 0, 0, 0 },
  { "<postmaster> SIZE=1 end index", S("<postmaster> SIZE=1"), PM, 1, "postmaster", 12 },
  /* plain */
  { "<a@b.c>", S("<a@b.c>"), 0, 1, "a@b.c", 7 },
  { "<a@b.c> with parameters", S("<a@b.c> SIZE=1"), 0, 1, "a@b.c", 7 },
  { "trailing text after > (end index)", S("<a@b.c>xyz"), 0, 1, "a@b.c", 7 },
  { "<a@b>> second >", S("<a@b>>"), 0, 1, "a@b", 5 },
  { "NUL after > outside the path", S("<a@b>\0"), 0, 1, "a@b", 5 },
  { "missing >", S("<a@b.c"), 0, 0, 0, 0 },
  { "missing > with parameters", S("<a@b.c SIZE=1"), 0, 0, 0, 0 },
  { "missing <", S("a@b.c"), 0, 0, 0, 0 },
  { "empty input", S(""), BOTH, 0, 0, 0 },
  { "lone <", S("<"), BOTH, 0, 0, 0 },
  { "<<a@b>>", S("<<a@b>>"), 0, 0, 0, 0 },
  { "no domain <a>", S("<a>"), BOTH, 0, 0, 0 },
  { "empty domain <a@>", S("<a@>"), 0, 0, 0, 0 },
  { "empty local part <@d>", S("<@d>"), 0, 0, 0, 0 },
  { "two @ <a@b@c>", S("<a@b@c>"), 0, 0, 0, 0 },
  { "comment in local part", S("<a(c)@b>"), 0, 0, 0, 0 },
  { "all atext specials", S("<!#$%&'*+-/=?^_`{|}~@d>"), 0, 1, "!#$%&'*+-/=?^_`{|}~@d", 23 },
  { "dots tolerated a..b", S("<a..b@d>"), 0, 1, "a..b@d", 8 },
  { "leading dot tolerated", S("<.a@d>"), 0, 1, ".a@d", 6 },
  { "trailing dot tolerated", S("<a.@d>"), 0, 1, "a.@d", 6 },
  { "dot-only local part needs an atom character", S("<.@d>"), 0, 0, 0, 0 },
  { "dots-only local part needs an atom character", S("<...@d>"), 0, 0, 0, 0 },
  /* source routes */
  { "source route dropped", S("<@a,@b:u@d>"), 0, 1, "u@d", 11 },
  { "one-hop source route", S("<@a:u@d>"), 0, 1, "u@d", 8 },
  { "long source route", S("<@a.x,@b-c.y,@c:u@e>"), 0, 1, "u@e", 20 },
  { "source route via literal", S("<@[1.2.3.4]:u@d>"), 0, 1, "u@d", 16 },
  { "route missing colon", S("<@a,u@d>"), 0, 0, 0, 0 },
  { "route repeated colon", S("<@a:@b:u@d>"), 0, 0, 0, 0 },
  { "route empty domain", S("<@:u@d>"), 0, 0, 0, 0 },
  { "route empty hop", S("<@a,:u@d>"), 0, 0, 0, 0 },
  { "route empty hop 2", S("<@a,,@b:u@d>"), 0, 0, 0, 0 },
  { "route with space", S("<@a u@d>"), 0, 0, 0, 0 },
  { "route only", S("<@a>"), 0, 0, 0, 0 },
  { "route then nothing", S("<@a:>"), 0, 0, 0, 0 },
  { "route bad label", S("<@-a:u@d>"), 0, 0, 0, 0 },
  { "route trailing dot", S("<@a.:u@d>"), 0, 0, 0, 0 },
  { "colon without route", S("<:u@d>"), 0, 0, 0, 0 },
  { "route then postmaster", S("<@a:postmaster>"), PM, 0, 0, 0 },
  { "route then null", S("<@a:>"), BOTH, 0, 0, 0 },
  /* quoted local parts */
  { "quoted with space", S("<\"a b\"@d>"), 0, 1, "a b@d", 9 },
  { "quoted with escaped quote", S("<\"a\\\"b\"@d>"), 0, 1, "a\"b@d", 10 },
  { "quoted with escaped backslash", S("<\"a\\\\b\"@d>"), 0, 1, "a\\b@d", 10 },
  { "quoted with escaped letter", S("<\"\\a\"@d>"), 0, 1, "a@d", 8 },
  { "quoted with @", S("<\"a@b\"@d>"), 0, 1, "a@b@d", 9 },
  { "quoted with specials", S("<\"(a),[b];<c>:\"@d>"), 0, 1, "(a),[b];<c>:@d", 18 },
  { "quoted with escaped space", S("<\"a\\ b\"@d>"), 0, 1, "a b@d", 10 },
  { "quoted empty", S("<\"\"@d>"), 0, 0, 0, 0 },
  { "quoted unterminated", S("<\"a b@d>"), 0, 0, 0, 0 },
  { "quoted missing >", S("<\"a b\"@d"), 0, 0, 0, 0 },
  { "quoted ends in backslash", S("<\"a\\"), 0, 0, 0, 0 },
  { "quoted escaped control char", S("<\"a\\\x01\"@d>"), 0, 0, 0, 0 },
  { "quoted TAB", S("<\"a\tb\"@d>"), 0, 0, 0, 0 },
  { "quoted CR", S("<\"a\rb\"@d>"), 0, 0, 0, 0 },
  { "quoted 8-bit", S("<\"a\xe9\"@d>"), 0, 0, 0, 0 },
  { "quoted escaped 8-bit", S("<\"a\\\xe9\"@d>"), 0, 0, 0, 0 },
  { "quoted then atom", S("<\"a\"b@d>"), 0, 0, 0, 0 },
  { "atom then quoted", S("<a\"b\"@d>"), 0, 0, 0, 0 },
  { "quoted postmaster", S("<\"postmaster\">"), PM, 0, 0, 0 },
  /* spaces */
  { "unquoted space", S("<a b@d>"), 0, 0, 0, 0 },
  { "space after <", S("< a@d>"), 0, 0, 0, 0 },
  { "space before >", S("<a@d >"), 0, 0, 0, 0 },
  { "space around @", S("<a @ d>"), 0, 0, 0, 0 },
  { "TAB in local part", S("<a\tb@d>"), 0, 0, 0, 0 },
  /* domains */
  { "trailing dot in domain", S("<a@b.c.>"), 0, 0, 0, 0 },
  { "leading dot in domain", S("<a@.b>"), 0, 0, 0, 0 },
  { "empty label", S("<a@b..c>"), 0, 0, 0, 0 },
  { "label starting with -", S("<a@-b.c>"), 0, 0, 0, 0 },
  { "label ending with -", S("<a@b-.c>"), 0, 0, 0, 0 },
  { "last label ending with -", S("<a@b.c->"), 0, 0, 0, 0 },
  { "inner hyphens", S("<a@b--c.d-e>"), 0, 1, "a@b--c.d-e", 12 },
  { "digit labels", S("<a@1.2.3.4>"), 0, 1, "a@1.2.3.4", 11 },
  { "underscore in domain", S("<a@b_c.d>"), 0, 0, 0, 0 },
  { "domain with port-like colon", S("<a@b:25>"), 0, 0, 0, 0 },
  /* address literals */
  { "IPv4 literal", S("<a@[1.2.3.4]>"), 0, 1, "a@[1.2.3.4]", 13 },
  { "IPv4 literal 255", S("<a@[255.255.255.255]>"), 0, 1, "a@[255.255.255.255]", 21 },
  { "IPv4 literal 300", S("<a@[300.1.1.1]>"), 0, 0, 0, 0 },
  { "IPv4 literal 3 parts", S("<a@[1.2.3]>"), 0, 0, 0, 0 },
  { "IPv4 literal 5 parts", S("<a@[1.2.3.4.5]>"), 0, 0, 0, 0 },
  { "IPv4 literal trailing dot", S("<a@[1.2.3.4.]>"), 0, 0, 0, 0 },
  { "IPv4 literal with space", S("<a@[1.2.3. 4]>"), 0, 0, 0, 0 },
  { "IPv6 literal ::1", S("<a@[IPv6:::1]>"), 0, 1, "a@[IPv6:::1]", 14 },
  { "IPv6 tag case-insensitive", S("<a@[ipv6:::1]>"), 0, 1, "a@[ipv6:::1]", 14 },
  { "IPv6 literal full", S("<a@[IPv6:2001:db8:0:0:0:0:0:1]>"), 0, 1, "a@[IPv6:2001:db8:0:0:0:0:0:1]", 31 },
  { "IPv6 literal v4-mapped", S("<a@[IPv6:::ffff:1.2.3.4]>"), 0, 1, "a@[IPv6:::ffff:1.2.3.4]", 25 },
  { "IPv6 literal zz", S("<a@[IPv6:zz]>"), 0, 0, 0, 0 },
  { "IPv6 literal empty", S("<a@[IPv6:]>"), 0, 0, 0, 0 },
  { "IPv6 literal too many groups", S("<a@[IPv6:1:2:3:4:5:6:7:8:9]>"), 0, 0, 0, 0 },
  { "IPv6 literal two ::", S("<a@[IPv6:1::2::3]>"), 0, 0, 0, 0 },
  { "IPv6 literal with zone", S("<a@[IPv6:fe80::1%eth0]>"), 0, 0, 0, 0 },
  { "bare IPv6 without tag", S("<a@[::1]>"), 0, 0, 0, 0 },
  { "general literal tag:text", S("<a@[tag:text]>"), 0, 1, "a@[tag:text]", 14 },
  { "general literal hyphen tag", S("<a@[x-y:z]>"), 0, 1, "a@[x-y:z]", 11 },
  { "general literal empty tag", S("<a@[:text]>"), 0, 0, 0, 0 },
  { "general literal empty text", S("<a@[tag:]>"), 0, 0, 0, 0 },
  { "general literal no colon", S("<a@[notag]>"), 0, 0, 0, 0 },
  { "general literal space", S("<a@[tag:a b]>"), 0, 0, 0, 0 },
  { "general literal [", S("<a@[tag:a[b]>"), 0, 0, 0, 0 },
  { "general literal backslash", S("<a@[tag:a\\b]>"), 0, 0, 0, 0 },
  { "general literal underscore in tag", S("<a@[ta_g:x]>"), 0, 0, 0, 0 },
  { "general literal containing @", S("<u@[tag:a@b]>"), 0, 1, "u@[tag:a@b]", 13 },
  { "general literal 8-bit", S("<a@[tag:\xe9]>"), 0, 0, 0, 0 },
  { "empty literal []", S("<a@[]>"), 0, 0, 0, 0 },
  { "literal missing ]", S("<a@[1.2.3.4>"), 0, 0, 0, 0 },
  { "literal then text", S("<a@[1.2.3.4]x>"), 0, 0, 0, 0 },
  { "literal then dot", S("<a@[1.2.3.4].b>"), 0, 0, 0, 0 },
  { "domain then literal", S("<a@b[1.2.3.4]>"), 0, 0, 0, 0 },
  /* 8-bit and NUL */
  { "8-bit local part", S("<\xc3\xa9@d>"), 0, 0, 0, 0 },
  { "8-bit domain", S("<a@d\xc3\xa9.com>"), 0, 0, 0, 0 },
  { "0xff domain", S("<a@\xff>"), 0, 0, 0, 0 },
  { "NUL in local part", S("<a\0b@d>"), 0, 0, 0, 0 },
  { "NUL in domain", S("<a@d\0>"), 0, 0, 0, 0 },
  { "NUL before >", S("<a@d\0>"), BOTH, 0, 0, 0 },
  { "NUL as path", S("<\0>"), BOTH, 0, 0, 0 },
  { "NUL in literal", S("<a@[1.2.3.4\0]>"), 0, 0, 0, 0 },
  { "NUL in quoted string", S("<\"a\0b\"@d>"), 0, 0, 0, 0 },
  { "NUL in route", S("<@a\0:u@d>"), 0, 0, 0, 0 },
  { "DEL in local part", S("<a\x7f@d>"), 0, 0, 0, 0 },
  { 0, 0, 0, 0, 0, 0, 0 }
} ;

/* Runs one parse on an exact-size copy; out starts with a prefix that a failed
   parse must leave alone. */
static void run_path (char const *name, char const *in, size_t len, unsigned int flags, int ret, char const *exp, size_t expend)
{
  static stralloc out = STRALLOC_ZERO ;
  char *buf = malloc(len ? len : 1) ;
  size_t end = 12345 ;
  int r ;
  if (!buf) { unit_check(0, name, "malloc") ; return ; }
  memcpy(buf, in, len) ;
  out.len = 0 ;
  stralloc_cats(&out, "PREFIX") ;
  r = addr_parse_path(buf, len, &out, &end, flags) ;
  free(buf) ;
  if (r != ret)
  {
    unit_check(0, name, "\"%s\" flags %u: returned %d, expected %d%s%s", unit_esc(in, len), flags, r, ret,
      r ? ", mailbox " : "", r ? unit_esc(out.s + 6, out.len - 6) : "") ;
    return ;
  }
  if (!r)
  {
    unit_check(out.len == 6 && !unit_memcmp(out.s, "PREFIX", 6) && end == 12345, name,
      "failed parse changed out (\"%s\") or end (%zu)", unit_esc(out.s, out.len), end) ;
    return ;
  }
  if (out.len - 6 != strlen(exp) || unit_memcmp(out.s + 6, exp, out.len - 6))
  { unit_check(0, name, "mailbox \"%s\", expected \"%s\"", unit_esc(out.s + 6, out.len - 6), unit_escs(exp)) ; return ; }
  if (out.s[out.len]) { unit_check(0, name, "mailbox not NUL-terminated at out->len") ; return ; }
  unit_check(end == expend, name, "end %zu, expected %zu", end, expend) ;
}

/* format(parse(x)) parses back to the same mailbox */
static void roundtrip (char const *name, char const *mbox, unsigned int flags)
{
  stralloc f = STRALLOC_ZERO, back = STRALLOC_ZERO ;
  size_t end = 0 ;
  if (!addr_format(mbox, &f)) { unit_check(0, name, "addr_format failed") ; goto done ; }
  if (!addr_parse_path(f.s, f.len, &back, &end, flags))
  { unit_check(0, name, "\"%s\" formatted as \"%s\", which does not parse", unit_escs(mbox), unit_esc(f.s, f.len)) ; goto done ; }
  unit_check(back.len == strlen(mbox) && !unit_memcmp(back.s, mbox, back.len) && end == f.len, name,
    "\"%s\" -> \"%s\" -> \"%s\" (end %zu of %zu)", unit_escs(mbox), unit_esc(f.s, f.len), unit_esc(back.s, back.len), end, f.len) ;
 done:
  stralloc_free(&f) ;
  stralloc_free(&back) ;
}

static void test_paths (void)
{
  struct path_case const *c = path_cases ;
  char name[256] ;
  for (; c->name ; c++)
  {
    snprintf(name, sizeof(name), "parse: %s", c->name) ;
    run_path(name, c->in, c->len, c->flags, c->ret, c->out, c->end) ;
  }
  /* every accepted table entry survives addr_format and a second parse */
  for (c = path_cases ; c->name ; c++)
  {
    if (!c->ret) continue ;
    snprintf(name, sizeof(name), "roundtrip: %s", c->name) ;
    roundtrip(name, c->out, c->flags) ;
  }
}

/* truncating a valid path anywhere makes it invalid, and never reads past len */
static void test_truncation (void)
{
  static char const *const full[] = { "<@a,@b:u@d.e>", "<\"a\\\"b c\"@[IPv6:::1]>", "<postmaster>", "<x@[tag:y]>", 0 } ;
  unsigned int k ;
  for (k = 0 ; full[k] ; k++)
  {
    size_t n = strlen(full[k]), l ;
    int bad = -1 ;
    for (l = 0 ; l < n ; l++)
    {
      stralloc out = STRALLOC_ZERO ;
      size_t end ;
      char *buf = malloc(l ? l : 1) ;
      memcpy(buf, full[k], l) ;
      if (addr_parse_path(buf, l, &out, &end, BOTH) && bad < 0) bad = (int)l ;
      free(buf) ;
      stralloc_free(&out) ;
    }
    {
      char name[128] ;
      snprintf(name, sizeof(name), "parse: every truncation of %s rejected", full[k]) ;
      unit_check(bad < 0, name, "accepted at length %d", bad) ;
    }
  }
}

static void test_long (void)
{
  stralloc in = STRALLOC_ZERO, exp = STRALLOC_ZERO ;
  size_t i ;

  /* 10 KB local part: the parser has no length limit of its own (the 512-octet
     command line bounds it) */
  stralloc_cats(&in, "<") ;
  for (i = 0 ; i < 10000 ; i++) stralloc_catb(&in, "a", 1) ;
  stralloc_copyb(&exp, in.s + 1, in.len - 1) ;
  stralloc_cats(&in, "@d>") ; stralloc_cats(&exp, "@d") ; stralloc_0(&exp) ;
  run_path("parse: 10 KB local part", in.s, in.len, 0, 1, exp.s, in.len) ;

  /* 10 KB domain of valid labels: over 255 octets */
  in.len = 0 ;
  stralloc_cats(&in, "<a@") ;
  for (i = 0 ; i < 1000 ; i++) stralloc_cats(&in, "abcdefghi.") ;
  stralloc_cats(&in, "x>") ;
  run_path("parse: 10 KB domain rejected", in.s, in.len, 0, 0, 0, 0) ;

  /* 10 KB source route */
  in.len = 0 ;
  stralloc_cats(&in, "<") ;
  for (i = 0 ; i < 2000 ; i++) stralloc_cats(&in, "@abc,") ;
  stralloc_cats(&in, "@z:u@d>") ;
  run_path("parse: 10 KB source route", in.s, in.len, 0, 1, "u@d", in.len) ;

  /* 10 KB quoted string of spaces */
  in.len = 0 ; exp.len = 0 ;
  stralloc_cats(&in, "<\"") ;
  for (i = 0 ; i < 10000 ; i++) { stralloc_catb(&in, " ", 1) ; stralloc_catb(&exp, " ", 1) ; }
  stralloc_cats(&in, "\"@d>") ; stralloc_cats(&exp, "@d") ; stralloc_0(&exp) ;
  run_path("parse: 10 KB quoted string", in.s, in.len, 0, 1, exp.s, in.len) ;

  /* 10 KB general literal */
  in.len = 0 ; exp.len = 0 ;
  stralloc_cats(&in, "<a@[tag:") ;
  for (i = 0 ; i < 10000 ; i++) stralloc_catb(&in, "x", 1) ;
  stralloc_cats(&in, "]>") ;
  stralloc_copyb(&exp, in.s + 1, in.len - 2) ; stralloc_0(&exp) ;
  run_path("parse: 10 KB general literal", in.s, in.len, 0, 1, exp.s, in.len) ;

  /* 10 KB IPv6 literal */
  in.len = 0 ;
  stralloc_cats(&in, "<a@[IPv6:") ;
  for (i = 0 ; i < 2500 ; i++) stralloc_cats(&in, "1:") ;
  stralloc_cats(&in, ":1]>") ;
  run_path("parse: 10 KB IPv6 literal rejected", in.s, in.len, 0, 0, 0, 0) ;

  /* 10 KB IPv4-looking literal */
  in.len = 0 ;
  stralloc_cats(&in, "<a@[") ;
  for (i = 0 ; i < 2500 ; i++) stralloc_cats(&in, "1.2.") ;
  stralloc_cats(&in, "3]>") ;
  run_path("parse: 10 KB IPv4 literal rejected", in.s, in.len, 0, 0, 0, 0) ;

  /* 10 KB of < and of @ */
  in.len = 0 ;
  for (i = 0 ; i < 10000 ; i++) stralloc_catb(&in, "<", 1) ;
  run_path("parse: 10 KB of <", in.s, in.len, BOTH, 0, 0, 0) ;
  in.len = 0 ;
  stralloc_catb(&in, "<", 1) ;
  for (i = 0 ; i < 10000 ; i++) stralloc_catb(&in, "@", 1) ;
  run_path("parse: 10 KB of @", in.s, in.len, BOTH, 0, 0, 0) ;
  in.len = 0 ;
  stralloc_catb(&in, "<\"", 2) ;
  for (i = 0 ; i < 10000 ; i++) stralloc_catb(&in, "\\", 1) ;
  run_path("parse: 10 KB of backslashes", in.s, in.len, BOTH, 0, 0, 0) ;

  stralloc_free(&in) ;
  stralloc_free(&exp) ;
}

/* labels of 63/64 and domains of 255/256 octets, in a path and alone */
static void test_domain_sizes (void)
{
  char dom[300], path[320], exp[310] ;
  size_t n ;
  static struct { char const *name ; size_t labels[5] ; int ok ; } const t[] =
  {
    { "63-char label", { 63, 0 }, 1 },
    { "64-char label", { 64, 0 }, 0 },
    { "63-char label then 64", { 63, 64, 0 }, 0 },
    { "255-char domain", { 63, 63, 63, 63, 0 }, 1 },
    { "256-char domain", { 63, 63, 63, 64, 0 }, 0 },
    { "256-char domain of short labels", { 63, 63, 63, 62, 1 }, 0 },
    { 0, { 0 }, 0 }
  } ;
  unsigned int k ;
  for (k = 0 ; t[k].name ; k++)
  {
    unsigned int j ;
    char name[128] ;
    int r ;
    n = 0 ;
    for (j = 0 ; j < 5 && t[k].labels[j] ; j++)
    {
      if (j) dom[n++] = '.' ;
      memset(dom + n, 'a' + j, t[k].labels[j]) ;
      n += t[k].labels[j] ;
    }
    dom[n] = 0 ;
    snprintf(name, sizeof(name), "domain_ok: %s (%zu octets)", t[k].name, n) ;
    r = addr_domain_ok(dom, n) ;
    unit_check(r == t[k].ok, name, "returned %d", r) ;
    snprintf(path, sizeof(path), "<x@%s>", dom) ;
    snprintf(exp, sizeof(exp), "x@%s", dom) ;
    snprintf(name, sizeof(name), "parse: %s", t[k].name) ;
    run_path(name, path, strlen(path), 0, t[k].ok, exp, strlen(path)) ;
  }
}

static void test_domain_ok (void)
{
  static struct { char const *s ; size_t len ; int ok ; } const t[] =
  {
    { S("a"), 1 }, { S(""), 0 }, { S("a.b"), 1 }, { S("a."), 0 }, { S(".a"), 0 }, { S("."), 0 },
    { S("a..b"), 0 }, { S("-a"), 0 }, { S("a-"), 0 }, { S("a-b"), 1 }, { S("a--b"), 1 },
    { S("xn--bcher-kva.ch"), 1 }, { S("a_b"), 0 }, { S("[1.2.3.4]"), 0 }, { S("1.2.3.4"), 1 },
    { S("a b"), 0 }, { S("a\0"), 0 }, { S("a\0b"), 0 }, { S("\xc3\xa9.fr"), 0 }, { S("a.-b.c"), 0 },
    { S("a.b-.c"), 0 }, { S("EXAMPLE.COM"), 1 }, { S("a:b"), 0 }, { S("a@b"), 0 },
    { 0, 0, 0 }
  } ;
  unsigned int k ;
  for (k = 0 ; t[k].s ; k++)
  {
    char name[128] ;
    char *buf = malloc(t[k].len ? t[k].len : 1) ;
    int r ;
    memcpy(buf, t[k].s, t[k].len) ;
    r = addr_domain_ok(buf, t[k].len) ;
    free(buf) ;
    snprintf(name, sizeof(name), "domain_ok: \"%s\"", unit_esc(t[k].s, t[k].len)) ;
    unit_check(r == t[k].ok, name, "returned %d, expected %d", r, t[k].ok) ;
  }
}

static void test_isascii (void)
{
  static struct { char const *s ; size_t len ; int ok ; } const t[] =
  {
    { S(""), 1 }, { S("abc"), 1 }, { S("\x7f"), 1 }, { S("\x01\t\r\n"), 1 }, { S("a\0b"), 1 },
    { S("\x80"), 0 }, { S("\xff"), 0 }, { S("abc\xc3\xa9"), 0 }, { S("\0\x80"), 0 },
    { 0, 0, 0 }
  } ;
  unsigned int k ;
  for (k = 0 ; t[k].s ; k++)
  {
    char name[128] ;
    char *buf = malloc(t[k].len ? t[k].len : 1) ;
    int r ;
    memcpy(buf, t[k].s, t[k].len) ;
    r = addr_isascii(buf, t[k].len) ;
    free(buf) ;
    snprintf(name, sizeof(name), "isascii: \"%s\"", unit_esc(t[k].s, t[k].len)) ;
    unit_check(r == t[k].ok, name, "returned %d, expected %d", r, t[k].ok) ;
  }
}

static void test_format (void)
{
  static struct { char const *name ; char const *mbox ; char const *exp ; } const t[] =
  {
    { "null sender", "", "<>" },
    { "postmaster", "postmaster", "<postmaster>" },
    { "plain", "a@b", "<a@b>" },
    { "dot-string", "a.b.c@d", "<a.b.c@d>" },
    { "atext specials", "!#$%&'*+-/=?^_`{|}~@d", "<!#$%&'*+-/=?^_`{|}~@d>" },
    { "space needs quotes", "a b@d", "<\"a b\"@d>" },
    { "quote escaped", "a\"b@d", "<\"a\\\"b\"@d>" },
    { "backslash escaped", "a\\b@d", "<\"a\\\\b\"@d>" },
    { "leading dot quoted", ".a@d", "<\".a\"@d>" },
    { "trailing dot quoted", "a.@d", "<\"a.\"@d>" },
    { "double dot quoted", "a..b@d", "<\"a..b\"@d>" },
    { "@ in local part quoted", "a@b@d", "<\"a@b\"@d>" },
    { "parenthesis quoted", "a(b)@d", "<\"a(b)\"@d>" },
    { "IPv4 literal", "a@[1.2.3.4]", "<a@[1.2.3.4]>" },
    { "general literal with @", "u@[tag:a@b]", "<u@[tag:a@b]>" },
    { "quoted local part and literal with @", "a b@[tag:c@d]", "<\"a b\"@[tag:c@d]>" },
    { "no domain, needs quotes", "a b", "<\"a b\">" },
    { 0, 0, 0 }
  } ;
  unsigned int k ;
  stralloc sa = STRALLOC_ZERO ;
  for (k = 0 ; t[k].name ; k++)
  {
    char name[128] ;
    snprintf(name, sizeof(name), "format: %s", t[k].name) ;
    sa.len = 0 ;
    stralloc_cats(&sa, "x") ;
    if (!addr_format(t[k].mbox, &sa)) { unit_check(0, name, "returned 0") ; continue ; }
    unit_check(sa.len == strlen(t[k].exp) + 1 && sa.s[0] == 'x' && !unit_memcmp(sa.s + 1, t[k].exp, sa.len - 1), name,
      "\"%s\" -> \"%s\", expected \"%s\"", unit_escs(t[k].mbox), unit_esc(sa.s + 1, sa.len - 1), unit_escs(t[k].exp)) ;
  }
  stralloc_free(&sa) ;

  /* mailboxes a plugin may hand back: format then parse gives them back */
  roundtrip("roundtrip: quoted local part with @ and literal", "x@y@[tag:z]", 0) ;
  roundtrip("roundtrip: quoted local part holding @[ before a literal", "x@[y@[1.2.3.4]", 0) ;
  roundtrip("roundtrip: quoted local part holding a literal before a domain", "a@[b]@d", 0) ;
  roundtrip("roundtrip: quoted ] before a literal", "a]@[IPv6:::1]", 0) ;
  roundtrip("roundtrip: every printable in a quoted local part",
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~@d", 0) ;
}

static void test_loop (void)
{
  stralloc out = STRALLOC_ZERO, f = STRALLOC_ZERO ;
  unsigned int i ;
  int ok = 1 ;
  for (i = 0 ; i < 10000 ; i++)
  {
    size_t end ;
    out.len = 0 ; f.len = 0 ;
    if (!addr_parse_path("<@a:\"x y\"@[IPv6:::1]>", 21, &out, &end, 0)) ok = 0 ;
    if (!addr_format(out.s, &f)) ok = 0 ;
    out.len = 0 ;
    if (addr_parse_path("<\"x y@d>", 8, &out, &end, 0)) ok = 0 ;
  }
  unit_check(ok && out.a < 1024 && f.a < 1024, "parse: 10000 calls reuse storage", "ok=%d", ok) ;
  stralloc_free(&out) ;
  stralloc_free(&f) ;
}

int main (void)
{
  unit_init("addr") ;
  test_paths() ;
  test_truncation() ;
  test_long() ;
  test_domain_sizes() ;
  test_domain_ok() ;
  test_isascii() ;
  test_format() ;
  test_loop() ;
  return unit_end() ;
}
