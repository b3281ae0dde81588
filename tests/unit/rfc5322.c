/* ISC license. */
/* tests/unit/rfc5322.c: the RFC 5322 date-time and address-list parsers
   (src/rfc5322.h) against tables of valid, obsolete and hostile values.
   Expected times were computed independently (Python's email.utils and
   calendar.timegm; 3-digit years per RFC 5322 4.3, not Python's guess). */

#include <string.h>

#include <skalibs/stralloc.h>

#include "rfc5322.h"
#include "unit.h"

struct dcase { char const *in ; int ok ; int64_t t ; } ;

static struct dcase const dates[] =
{
  { "Fri, 21 Nov 1997 09:55:06 -0600", 1, 880127706 },
  { "21 Nov 97 09:55:06 GMT", 1, 880106106 },
  { "Thu, 13 Feb 1969 23:32 -0330 (Newfoundland Time)", 1, -27723480 },
  { "Mon, 1 Jan 2040 00:00:00 +0000", 1, 2208988800LL },
  { "Sat, 31 Dec 2016 23:59:60 +0000", 1, 1483228800 },
  { "Tue, 1 Jul 2003 10:52:37 +0200", 1, 1057049557 },
  { "1 Jan 1900 00:00 +0000", 1, -2208988800LL },
  { "31 Dec 9999 23:59:59 -1200", 1, 253402343999LL },
  { "29 Feb 2000 12:00:00 EST", 1, 951843600 },
  { "1 Mar 049 00:00 PDT", 1, -657565200 },
  { "Fri, 21 Nov 1997 09:55:06 -0600\r\n", 1, 880127706 },
  { "Fri,\r\n 21 Nov 1997\r\n 09:55:06\r\n -0600", 1, 880127706 },
  { "(c) Fri (d), 21 (x) Nov (y) 1997 09 (z) : 55 : 06 -0600 (end)", 1, 880127706 },
  { "fri, 21 nov 1997 09:55:06 -0600", 1, 880127706 },
  { "FRI, 21 NOV 1997 09:55:06 -0600", 1, 880127706 },
  { "21 Nov 1997 09:55:06 UT", 1, 880106106 },
  { "21 Nov 1997 09:55:06 Z", 1, 880106106 },
  { "21 Nov 1997 09:55:06 a", 1, 880106106 },
  { "21 Nov 1997 03:55:06 CST", 1, 880106106 },
  { "Mon, 21 Nov 1997 09:55:06 -0600", 1, 880127706 },   /* wrong day name: accepted */
  { "21 Nov 1997 09:55 -0600", 1, 880127700 },
  { " \t21 Nov 1997 09:55:06 +0000 ((nested) comment)", 1, 880106106 },
  { "", 0, 0 },
  { "   ", 0, 0 },
  { "Fri 21 Nov 1997 09:55:06 -0600", 0, 0 },
  { "Fry, 21 Nov 1997 09:55:06 -0600", 0, 0 },
  { "21 Novem 1997 09:55:06 -0600", 0, 0 },
  { "30 Feb 2000 00:00 +0000", 0, 0 },
  { "29 Feb 1900 00:00 +0000", 0, 0 },
  { "29 Feb 2100 00:00 +0000", 0, 0 },
  { "0 Jan 2000 00:00 +0000", 0, 0 },
  { "32 Jan 2000 00:00 +0000", 0, 0 },
  { "1 Jan 2000 24:00 +0000", 0, 0 },
  { "1 Jan 2000 23:60 +0000", 0, 0 },
  { "1 Jan 2000 23:59:61 +0000", 0, 0 },
  { "1 Jan 2000 23:59 +0060", 0, 0 },
  { "1 Jan 2000 23:59 +000", 0, 0 },
  { "1 Jan 2000 23:59", 0, 0 },
  { "1 Jan 2000 23:59 +0000 trailing", 0, 0 },
  { "1 Jan 2000 23:59 +0000 (unterminated", 0, 0 },
  { "1 Jan 10000 00:00 +0000", 0, 0 },
  { "1 Jan 1899 00:00 +0000", 0, 0 },
  { "1 Jan 2000 0:00 +0000", 0, 0 },
  { "1 Jan 2000 00:00 J", 0, 0 },
  { "1 Jan 2000 00:00 XYZ", 0, 0 },
  { "123 Jan 2000 00:00 +0000", 0, 0 },
  { "1 Jan 2000 00:00 +0000 )", 0, 0 },
} ;

static void test_dates (void)
{
  for (size_t i = 0 ; i < sizeof(dates) / sizeof(dates[0]) ; i++)
  {
    int64_t t = 0 ;
    int r = rfc5322_date_parse(dates[i].in, strlen(dates[i].in), &t) ;
    unit_check(r == dates[i].ok && (!r || t == dates[i].t), "date", "%s: got %d %lld", unit_escs(dates[i].in), r, (long long)t) ;
  }
  {
    /* a NUL inside is no date; length is honoured (no read past len) */
    char const in[] = "1 Jan 2000 00:00 +0000\0junk" ;
    int64_t t ;
    unit_check(!rfc5322_date_parse("1 Jan 2000\0 00:00 +0000", 23, &t), "date with NUL", 0) ;
    {
      stralloc sa = STRALLOC_ZERO ;
      unit_check(rfc5322_addrlist_parse("u@[a\\\0b]", 8, &sa) == -1 && !sa.len, "quoted-pair of NUL in a domain literal refused", 0) ;
      unit_check(rfc5322_addrlist_parse("a (x\\\0y) @b.test", 16, &sa) == -1, "quoted-pair of NUL in a comment refused", 0) ;
      stralloc_free(&sa) ;
    }
    unit_check(rfc5322_date_parse(in, 22, &t) && t == 946684800, "date stops at len", 0) ;
  }
  {
    /* deeply nested comment: no recursion */
    static char deep[200100] ;
    int64_t t ;
    size_t n = 0 ;
    memcpy(deep, "1 Jan 2000 00:00 +0000 ", 23) ; n = 23 ;
    for (int i = 0 ; i < 100000 ; i++) deep[n++] = '(' ;
    for (int i = 0 ; i < 100000 ; i++) deep[n++] = ')' ;
    unit_check(rfc5322_date_parse(deep, n, &t) && t == 946684800, "date, 100000 nested comments", 0) ;
    unit_check(!rfc5322_date_parse(deep, n - 1, &t), "date, unbalanced nested comments", 0) ;
  }
}

struct acase { char const *in ; int n ; char const *out ; } ;   /* out: addresses joined by '|' */

static struct acase const lists[] =
{
  { "a@b.example", 1, "a@b.example" },
  { "John Doe <jdoe@machine.example>", 1, "jdoe@machine.example" },
  { "\"Joe Q. Public\" <john.q.public@example.com>", 1, "john.q.public@example.com" },
  { "Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>", 3, "mary@x.test|jdoe@example.org|one@y.test" },
  { "<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>", 2, "boss@nil.test|sysservices@example.net" },
  { "A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;", 3, "c@a.test|joe@where.test|jdoe@one.test" },
  { "Undisclosed recipients:;", 0, "" },
  { "undisclosed-recipients: ;", 0, "" },
  { "Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>", 1, "pete@silly.test" },
  { "A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend); (the end of the group)", 3, "c@public.example|joe@example.org|jdoe@one.test" },
  { "(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;", 0, "" },
  { "Joe Q. Public <john.q.public@example.com>", 1, "john.q.public@example.com" },
  { "Mary Smith <@node.test:mary@example.net>", 1, "mary@example.net" },
  { "<@a.test,@b.test:x@c.test>", 1, "x@c.test" },
  { "John Doe <jdoe@machine(comment).  example>", 1, "jdoe@machine.example" },
  { "jdoe . x @ example . org", 1, "jdoe.x@example.org" },
  { "\"john smith\"@example.org", 1, "\"john smith\"@example.org" },
  { "\"folded\r\n local\"@example.org", 1, "\"folded local\"@example.org" },
  { "u@[192.0.2.1]", 1, "u@[192.0.2.1]" },
  { "u@[IPv6:2001:db8::1]", 1, "u@[IPv6:2001:db8::1]" },
  { "a@b.test, , ,c@d.test,", 2, "a@b.test|c@d.test" },
  { ", a@b.test", 1, "a@b.test" },
  { "", 0, "" },
  { "   (just a comment)  ", 0, "" },
  { "J\xc3\xb6rg <j@example.de>", 1, "j@example.de" },
  { "a@b.test c@d.test", -1, 0 },
  { "no-at-sign", -1, 0 },
  { "Name <no-at>", -1, 0 },
  { "Name <a@b.test", -1, 0 },
  { "Name a@b.test>", -1, 0 },
  { "<a@b.test>>", -1, 0 },
  { "a@", -1, 0 },
  { "@b.test", -1, 0 },
  { "a..b@c.test", -1, 0 },
  { "a@b..c", -1, 0 },
  { "G: a@b.test", -1, 0 },
  { "G: H: a@b.test;;", -1, 0 },
  { "a@b.test;", -1, 0 },
  { "\"unterminated@x.test", -1, 0 },
  { "u@[unterminated", -1, 0 },
  { "u@[a[b]", -1, 0 },
  { "a@b.test (unterminated", -1, 0 },
  { "a\x01@b.test", -1, 0 },
  { "a@b.test\x7f", -1, 0 },
  { "a\\b@c.test", -1, 0 },
  { "<>", -1, 0 },
  { "u@[a\\\x01b]", -1, 0 },           /* quoted-pair of a control (found by fuzzing: a NUL got through) */
  { "\"a\\\x7f\"@b.test", -1, 0 },
} ;

static void join (stralloc const *sa, size_t from, char *out, size_t max)
{
  size_t o = 0 ;
  for (size_t i = from ; i < sa->len && o + 1 < max ; i++) out[o++] = sa->s[i] ? sa->s[i] : '|' ;
  if (o && out[o-1] == '|') o-- ;
  out[o] = 0 ;
}

static void test_lists (void)
{
  stralloc sa = STRALLOC_ZERO ;
  char got[2048] ;
  for (size_t i = 0 ; i < sizeof(lists) / sizeof(lists[0]) ; i++)
  {
    int r ;
    sa.len = 0 ;
    stralloc_cats(&sa, "keep") ;
    r = rfc5322_addrlist_parse(lists[i].in, strlen(lists[i].in), &sa) ;
    join(&sa, 4, got, sizeof got) ;
    if (lists[i].n < 0) unit_check(r == -1 && sa.len == 4, "address-list refused", "%s: got %d %s", unit_escs(lists[i].in), r, got) ;
    else unit_check(r == lists[i].n && !strcmp(got, lists[i].out), "address-list", "%s: got %d %s", unit_escs(lists[i].in), r, got) ;
  }
  stralloc_free(&sa) ;
}

static void test_limits (void)
{
  stralloc in = STRALLOC_ZERO, sa = STRALLOC_ZERO ;
  int r ;
  for (int i = 0 ; i < RFC5322_ADDR_MAX ; i++) stralloc_cats(&in, i ? ",a@b.test" : "a@b.test") ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == RFC5322_ADDR_MAX, "1000 addresses", "got %d", r) ;
  stralloc_cats(&in, ",a@b.test") ;
  sa.len = 0 ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == -1 && !sa.len, "1001 addresses refused", "got %d", r) ;
  in.len = 0 ;
  for (int i = 0 ; i < 996 ; i++) stralloc_catb(&in, "x", 1) ;
  stralloc_cats(&in, "@b") ;
  sa.len = 0 ;
  unit_check(rfc5322_addrlist_parse(in.s, in.len, &sa) == 1, "998-octet addr-spec", 0) ;
  in.len = 0 ;
  for (int i = 0 ; i < 997 ; i++) stralloc_catb(&in, "x", 1) ;
  stralloc_cats(&in, "@b") ;
  sa.len = 0 ;
  unit_check(rfc5322_addrlist_parse(in.s, in.len, &sa) == -1, "999-octet addr-spec refused", 0) ;
  /* no leak when called in a loop on one stralloc */
  for (int i = 0 ; i < 10000 ; i++)
  {
    sa.len = 0 ;
    if (rfc5322_addrlist_parse("A <a@b.test>, G: c@d.test;", 26, &sa) != 2) { unit_check(0, "loop", "call %d", i) ; break ; }
  }
  unit_check(1, "10000 calls on one stralloc", 0) ;
  stralloc_free(&in) ;
  stralloc_free(&sa) ;
}

int main (void)
{
  unit_init("rfc5322") ;
  test_dates() ;
  test_lists() ;
  test_limits() ;
  return unit_end() ;
}
