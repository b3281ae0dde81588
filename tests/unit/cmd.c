/* ISC license. */
/* tests/unit/cmd.c: cmd_split, cmd_keyword, cmd_params, cmd_param_get against
   tables of hostile command lines (src/cmd.h). */

#include <string.h>

#include <skalibs/stralloc.h>

#include "cmd.h"
#include "unit.h"

 /* cmd_split */

struct split_case
{
  char const *name ;
  char const *line ;
  int ret ;
  char const *verb ;
  char const *arg ;
} ;

static struct split_case const split_cases[] =
{
  { "split: HELO with argument", "HELO example.com", 1, "helo", "example.com" },
  { "split: 1-char verb", "h x", 1, "h", "x" },
  { "split: 12-char verb", "ABCDEFGHIJKL x", 1, "abcdefghijkl", "x" },
  { "split: 12-char verb alone", "ABCDEFGHIJKL", 1, "abcdefghijkl", "" },
  { "split: 13-char verb rejected", "ABCDEFGHIJKLM x", 0, 0, 0 },
  { "split: 13-char verb alone rejected", "ABCDEFGHIJKLM", 0, 0, 0 },
  { "split: 200-char verb rejected", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 0, 0, 0 },
  { "split: leading space rejected", " HELO x", 0, 0, 0 },
  { "split: TAB separator rejected", "HELO\tx", 0, 0, 0 },
  { "split: TAB right after verb rejected", "DATA\t", 0, 0, 0 },
  { "split: mixed case lowered", "MaIl FROM:<a@b>", 1, "mail", "FROM:<a@b>" },
  { "split: empty line rejected", "", 0, 0, 0 },
  { "split: only spaces rejected", "   ", 0, 0, 0 },
  { "split: trailing spaces removed", "QUIT   ", 1, "quit", "" },
  { "split: trailing blanks removed from argument", "RCPT   TO:<a@b>  \t ", 1, "rcpt", "TO:<a@b>" },
  { "split: inner spaces kept", "NOOP a b  c", 1, "noop", "a b  c" },
  { "split: leading TAB of argument kept", "HELO \t x", 1, "helo", "\t x" },
  { "split: hyphen in verb rejected", "X-Y z", 0, 0, 0 },
  { "split: 8-bit verb rejected", "EH\xc3\x89LO x", 0, 0, 0 },
  { "split: 8-bit argument kept", "HELO \xc3\xa9x", 1, "helo", "\xc3\xa9x" },
  { "split: underscore and digits", "x_1 y", 1, "x_1", "y" },
  { "split: digits only", "123 x", 1, "123", "x" },
  { "split: colon in verb rejected", "MAIL:x", 0, 0, 0 },
  { "split: CR in verb rejected", "QUIT\r", 0, 0, 0 },
  { "split: 12 chars then TAB rejected", "ABCDEFGHIJKL\t", 0, 0, 0 },
  { 0, 0, 0, 0, 0 }
} ;

static void test_split (void)
{
  struct split_case const *c = split_cases ;
  for (; c->name ; c++)
  {
    char line[512] ;
    char verb[CMD_VERB_MAX + 1 + 16] ;
    char *arg = 0 ;
    int r ;
    size_t i ;
    int canary = 1 ;
    strcpy(line, c->line) ;
    memset(verb, 0x5a, sizeof(verb)) ;
    r = cmd_split(line, verb, &arg) ;
    for (i = CMD_VERB_MAX + 1 ; i < sizeof(verb) ; i++) if (verb[i] != 0x5a) canary = 0 ;
    if (!canary) { unit_check(0, c->name, "wrote past verb[%d]", CMD_VERB_MAX) ; continue ; }
    if (r != c->ret) { unit_check(0, c->name, "\"%s\": returned %d, expected %d", unit_escs(c->line), r, c->ret) ; continue ; }
    if (!r) { unit_check(1, c->name, 0) ; continue ; }
    if (strcmp(verb, c->verb)) { unit_check(0, c->name, "verb \"%s\", expected \"%s\"", unit_escs(verb), c->verb) ; continue ; }
    if (!arg || arg < line || arg > line + strlen(c->line)) { unit_check(0, c->name, "arg does not point into line") ; continue ; }
    unit_check(!strcmp(arg, c->arg), c->name, "arg \"%s\", expected \"%s\"", unit_escs(arg), unit_escs(c->arg)) ;
  }
}

 /* cmd_keyword */

struct kw_case
{
  char const *name ;
  char const *s ;
  char const *kw ;
  size_t ret ;
} ;

static struct kw_case const kw_cases[] =
{
  { "keyword: FROM: exact", "FROM:<a@b>", "from:", 5 },
  { "keyword: spaces after colon skipped", "from:   <a@b>", "from:", 8 },
  { "keyword: mixed case", "FrOm:<>", "from:", 5 },
  { "keyword: missing colon", "FROM <a@b>", "from:", 0 },
  { "keyword: prefix only", "FRO", "from:", 0 },
  { "keyword: empty string", "", "from:", 0 },
  { "keyword: other keyword", "TO:<a>", "from:", 0 },
  { "keyword: nothing after", "FROM:", "from:", 5 },
  { "keyword: nothing after but spaces", "FROM:  ", "from:", 7 },
  { "keyword: TAB after colon not skipped", "FROM:\t<a>", "from:", 5 },
  { "keyword: extra letter", "FROMX:<a>", "from:", 0 },
  { "keyword: leading space", " FROM:<a>", "from:", 0 },
  { "keyword: TO:", "To: <a@b>", "to:", 4 },
  { "keyword: 8-bit", "FR\xd0\x9eM:<a>", "from:", 0 },
  { 0, 0, 0, 0 }
} ;

static void test_keyword (void)
{
  struct kw_case const *c = kw_cases ;
  for (; c->name ; c++)
  {
    size_t r = cmd_keyword(c->s, c->kw) ;
    unit_check(r == c->ret, c->name, "cmd_keyword(\"%s\", \"%s\") = %zu, expected %zu", unit_escs(c->s), c->kw, r, c->ret) ;
  }
}

 /* cmd_params */

struct param_case
{
  char const *name ;
  char const *s ;
  int ret ;
  char const *pairs ;   /* expected "key\0value\0..." */
  size_t plen ;
} ;

#define P(x) (x), (sizeof(x) - 1)

static struct param_case const param_cases[] =
{
  { "params: empty", "", 1, P("") },
  { "params: blanks only", "   ", 1, P("") },
  { "params: SIZE", "SIZE=1000", 1, P("size\0" "1000\0") },
  { "params: two", "SIZE=1000 BODY=8BITMIME", 1, P("size\0" "1000\0" "body\0" "8BITMIME\0") },
  { "params: extra spaces", "  SIZE=1000   BODY=8BITMIME  ", 1, P("size\0" "1000\0" "body\0" "8BITMIME\0") },
  { "params: without value", "SMTPUTF8", 1, P("smtputf8\0" "\0") },
  { "params: mixed with and without value", "A B=1 C", 1, P("a\0" "\0" "b\0" "1\0" "c\0" "\0") },
  { "params: hyphen in key", "X-Foo=bar", 1, P("x-foo\0" "bar\0") },
  { "params: key starting with digit", "9A=1", 1, P("9a\0" "1\0") },
  { "params: printable value", "AUTH=<>", 1, P("auth\0" "<>\0") },
  { "params: value punctuation", "X=~!#$%&'()*+,-./:;<>?@[\\]^_`{|}", 1, P("x\0" "~!#$%&'()*+,-./:;<>?@[\\]^_`{|}\0") },
  { "params: value case kept, key lowered", "ENVID=QQ314159", 1, P("envid\0" "QQ314159\0") },
  { "params: duplicate keys both kept", "SIZE=1 SIZE=2", 1, P("size\0" "1\0" "size\0" "2\0") },
  { "params: key starting with hyphen", "-X=1", 0, P("") },
  { "params: x= (empty value)", "x=", 0, P("") },
  { "params: x= before another", "x= y=1", 0, P("") },
  { "params: =y (no key)", "=y", 0, P("") },
  { "params: x==y", "x==y", 0, P("") },
  { "params: = inside value", "x=a=b", 0, P("") },
  { "params: 8-bit value", "x=\xc3\xa9", 0, P("") },
  { "params: 8-bit key", "\xc3\xa9=1", 0, P("") },
  { "params: DEL in value", "x=a\x7f", 0, P("") },
  { "params: control char in value", "x=a\x01", 0, P("") },
  { "params: TAB between params", "SIZE=1\tBODY=7BIT", 0, P("") },
  { "params: TAB after key", "SIZE\t", 0, P("") },
  { "params: underscore in key", "a_b=1", 0, P("") },
  { "params: bad second param discards first", "SIZE=1 BO_DY=7BIT", 0, P("") },
  { "params: colon in key", "a:b=1", 0, P("") },
  { 0, 0, 0, 0, 0 }
} ;

static void test_params (void)
{
  struct param_case const *c = param_cases ;
  stralloc sa = STRALLOC_ZERO ;
  for (; c->name ; c++)
  {
    int r ;
    sa.len = 0 ;
    r = cmd_params(c->s, &sa) ;
    if (r != c->ret) { unit_check(0, c->name, "\"%s\": returned %d, expected %d", unit_escs(c->s), r, c->ret) ; continue ; }
    unit_check(sa.len == c->plen && !unit_memcmp(sa.s, c->pairs, c->plen), c->name, "got \"%s\", expected \"%s\"",
      unit_esc(sa.s, sa.len), unit_esc(c->pairs, c->plen)) ;
  }

  /* a failed parse leaves what was there; a good one appends */
  {
    char const *name = "params: failure leaves existing content" ;
    sa.len = 0 ;
    stralloc_catb(&sa, "pre\0\0", 5) ;
    if (cmd_params("A=1 B= C", &sa)) unit_check(0, name, "accepted \"A=1 B= C\"") ;
    else unit_check(sa.len == 5 && !unit_memcmp(sa.s, "pre\0\0", 5), name, "content now \"%s\"", unit_esc(sa.s, sa.len)) ;
    name = "params: success appends" ;
    if (!cmd_params("A=1", &sa)) unit_check(0, name, "rejected \"A=1\"") ;
    else unit_check(sa.len == 9 && !unit_memcmp(sa.s, "pre\0\0a\0" "1\0", 9), name, "content now \"%s\"", unit_esc(sa.s, sa.len)) ;
  }

  /* no leak or growth when called in a loop */
  {
    unsigned int i ;
    int ok = 1 ;
    for (i = 0 ; i < 10000 ; i++)
    {
      sa.len = 0 ;
      if (!cmd_params("SIZE=12345 BODY=8BITMIME SMTPUTF8", &sa) || cmd_params("x=", &sa)) ok = 0 ;
    }
    unit_check(ok && sa.a < 4096, "params: 10000 calls reuse storage", "ok=%d a=%zu", ok, sa.a) ;
  }
  stralloc_free(&sa) ;
}

 /* cmd_param_get */

static void test_param_get (void)
{
  stralloc sa = STRALLOC_ZERO ;
  char const *v ;
  v = cmd_param_get(&sa, "size") ;
  unit_check(!v, "param_get: empty list", "got \"%s\"", unit_escs(v)) ;
  if (!cmd_params("SIZE=1000 BODY=8BITMIME SMTPUTF8 AUTH=<> X=size", &sa))
  {
    unit_check(0, "param_get: parse", "cmd_params failed") ;
    stralloc_free(&sa) ;
    return ;
  }
  v = cmd_param_get(&sa, "size") ;
  unit_check(v && !strcmp(v, "1000"), "param_get: size", "got \"%s\"", unit_escs(v)) ;
  v = cmd_param_get(&sa, "body") ;
  unit_check(v && !strcmp(v, "8BITMIME"), "param_get: body value case kept", "got \"%s\"", unit_escs(v)) ;
  v = cmd_param_get(&sa, "smtputf8") ;
  unit_check(v && !*v, "param_get: key without value gives \"\"", "got \"%s\"", unit_escs(v)) ;
  v = cmd_param_get(&sa, "auth") ;
  unit_check(v && !strcmp(v, "<>"), "param_get: auth", "got \"%s\"", unit_escs(v)) ;
  v = cmd_param_get(&sa, "SIZE") ;
  unit_check(!v, "param_get: keys are stored lower-case", "got \"%s\"", unit_escs(v)) ;
  v = cmd_param_get(&sa, "siz") ;
  unit_check(!v, "param_get: prefix of a key is absent", "got \"%s\"", unit_escs(v)) ;
  v = cmd_param_get(&sa, "1000") ;
  unit_check(!v, "param_get: a value is not a key", "got \"%s\"", unit_escs(v)) ;
  v = cmd_param_get(&sa, "") ;
  unit_check(!v, "param_get: empty key value is not a key", "got \"%s\"", unit_escs(v)) ;
  v = cmd_param_get(&sa, "x") ;
  unit_check(v && !strcmp(v, "size"), "param_get: last key", "got \"%s\"", unit_escs(v)) ;
  sa.len = 0 ;
  cmd_params("SIZE=1 SIZE=2", &sa) ;
  v = cmd_param_get(&sa, "size") ;
  unit_check(v && !strcmp(v, "1"), "param_get: duplicate key gives the first", "got \"%s\"", unit_escs(v)) ;
  stralloc_free(&sa) ;
}

int main (void)
{
  unit_init("cmd") ;
  test_split() ;
  test_keyword() ;
  test_params() ;
  test_param_get() ;
  return unit_end() ;
}
