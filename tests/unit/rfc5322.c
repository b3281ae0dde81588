/* ISC license. */
/* tests/unit/rfc5322.c: rfc5322_date_parse and rfc5322_addrlist_parse
   (src/rfc5322.h) against tables of valid, obsolete and hostile values.
   Expected times were computed independently with Python's
   email.utils.parsedate_tz/mktime_tz and checked with `date -u -d` (3-digit
   years per RFC 5322 4.3, written out as 19xx for Python). */

#include <string.h>
#include <errno.h>

#include <skalibs/stralloc.h>

#include "rfc5322.h"
#include "unit.h"

#define S(x) (x), (sizeof(x) - 1)

 /* rfc5322_date_parse */

struct date_case
{
  char const *name ;
  char const *in ;
  size_t len ;
  int ok ;
  int64_t t ;
} ;

static struct date_case const date_cases[] =
{
  { "date: RFC 5322 A.1.1", S("Fri, 21 Nov 1997 09:55:06 -0600"), 1, 880127706 },
  { "date: 2-digit year, GMT (A.6.2)", S("21 Nov 97 09:55:06 GMT"), 1, 880106106 },
  { "date: no seconds, comment after, before 1970 (A.1.3)", S("Thu, 13 Feb 1969 23:32 -0330 (Newfoundland Time)"), 1, -27723480 },
  { "date: 2038, first second past 31 bits", S("Tue, 19 Jan 2038 03:14:08 +0000"), 1, 2147483648LL },
  { "date: 2038, last 31-bit second", S("Tue, 19 Jan 2038 03:14:07 +0000"), 1, 2147483647 },
  { "date: 2040, wrong day-of-week accepted", S("Mon, 1 Jan 2040 00:00:00 +0000"), 1, 2208988800LL },
  { "date: leap second 23:59:60", S("Sat, 31 Dec 2016 23:59:60 +0000"), 1, 1483228800 },
  { "date: leap second, -0000", S("30 Jun 2015 23:59:60 -0000"), 1, 1435708800 },
  { "date: epoch", S("1 Jan 1970 00:00:00 +0000"), 1, 0 },
  { "date: one second before epoch", S("31 Dec 1969 23:59:59 +0000"), 1, -1 },
  { "date: positive zone", S("Tue, 1 Jul 2003 10:52:37 +0200"), 1, 1057049557 },
  { "date: first day of 1900", S("1 Jan 1900 00:00 +0000"), 1, -2208988800LL },
  { "date: 1900 moved into 1899 by its zone", S("1 Jan 1900 00:00 +0100"), 1, -2208992400LL },
  { "date: last second of 9999", S("31 Dec 9999 23:59:59 -1200"), 1, 253402343999LL },
  { "date: 29 Feb 2000, EST", S("29 Feb 2000 12:00:00 EST"), 1, 951843600 },
  { "date: 29 Feb 2024", S("29 Feb 2024 12:00 +0100"), 1, 1709204400 },
  { "date: 29 Feb 2400", S("29 Feb 2400 00:00 +0000"), 1, 13574563200LL },
  { "date: 3-digit year, PDT", S("1 Mar 049 00:00 PDT"), 1, -657565200 },
  { "date: 3-digit year 100 is 2000", S("1 Jan 100 00:00 +0000"), 1, 946684800 },
  { "date: 2-digit year 50 is 1950", S("1 Jan 50 00:00 +0000"), 1, -631152000 },
  { "date: 2-digit year 49 is 2049", S("31 Dec 49 23:59:59 +0000"), 1, 2524607999LL },
  { "date: 5-digit year with a leading zero", S("21 Nov 01997 09:55:06 +0000"), 1, 880106106 },
  { "date: zone hours 99", S("1 Jan 2000 00:00 +9959"), 1, 946324860 },
  { "date: -0000", S("1 Jan 2000 00:00 -0000"), 1, 946684800 },
  { "date: UT", S("21 Nov 1997 09:55:06 UT"), 1, 880106106 },
  { "date: EDT", S("21 Nov 1997 05:55:06 EDT"), 1, 880106106 },
  { "date: CST", S("21 Nov 1997 03:55:06 CST"), 1, 880106106 },
  { "date: CDT", S("21 Nov 1997 04:55:06 CDT"), 1, 880106106 },
  { "date: MST", S("21 Nov 1997 02:55:06 MST"), 1, 880106106 },
  { "date: MDT", S("21 Nov 1997 03:55:06 MDT"), 1, 880106106 },
  { "date: PST", S("21 Nov 1997 01:55:06 PST"), 1, 880106106 },
  { "date: zone name in lower case", S("21 Nov 1997 01:55:06 pst"), 1, 880106106 },
  { "date: military Z is +0000", S("21 Nov 1997 09:55:06 Z"), 1, 880106106 },
  { "date: military a is +0000 (4.3)", S("21 Nov 1997 09:55:06 a"), 1, 880106106 },
  { "date: military N is +0000 (4.3)", S("21 Nov 1997 09:55:06 N"), 1, 880106106 },
  { "date: names in lower case", S("fri, 21 nov 1997 09:55:06 -0600"), 1, 880127706 },
  { "date: names in upper case", S("FRI, 21 NOV 1997 09:55:06 -0600"), 1, 880127706 },
  { "date: no seconds", S("21 Nov 1997 09:55 -0600"), 1, 880127700 },
  { "date: trailing CRLF (the field's terminator)", S("Fri, 21 Nov 1997 09:55:06 -0600\r\n"), 1, 880127706 },
  { "date: trailing LF", S("Fri, 21 Nov 1997 09:55:06 -0600\n"), 1, 880127706 },
  { "date: folded with CRLF SP", S("Fri,\r\n 21 Nov 1997\r\n 09:55:06\r\n -0600"), 1, 880127706 },
  { "date: folded with CRLF HT", S("Fri, 21 Nov\r\n\t1997 09:55:06 -0600"), 1, 880127706 },
  { "date: folded with LF SP (the core's stored form)", S("Fri,\n 21 Nov 1997 09:55:06\n -0600"), 1, 880127706 },
  { "date: a folded line of blanks only (obs-FWS)", S("Fri,\r\n \r\n 21 Nov 1997 09:55:06 -0600"), 1, 880127706 },
  { "date: comments in odd places", S("(c) Fri (d), 21 (x) Nov (y) 1997 09 (z) : 55 : 06 -0600 (end)"), 1, 880127706 },
  { "date: comment as the separator before the zone", S("21 Nov 1997 09:55:06(c)-0600"), 1, 880127706 },
  { "date: no blanks where obs- CFWS is optional", S("Fri,21Nov97 09:55:06GMT"), 1, 880106106 },
  { "date: folded comment with quoted-pairs", S("21 Nov 1997 09:55:06 +0000 (a \\( \r\n b \\))"), 1, 880106106 },
  { "date: nested comments, leading blanks", S(" \t21 Nov 1997 09:55:06 +0000 ((nested) comment)"), 1, 880106106 },
  { "date: empty", S(""), 0, 0 },
  { "date: blanks only", S("   "), 0, 0 },
  { "date: comment only", S("(1 Jan 2000 00:00 +0000)"), 0, 0 },
  { "date: day-of-week without comma", S("Fri 21 Nov 1997 09:55:06 -0600"), 0, 0 },
  { "date: bad day name", S("Fry, 21 Nov 1997 09:55:06 -0600"), 0, 0 },
  { "date: long day name", S("Friday, 21 Nov 1997 09:55:06 -0600"), 0, 0 },
  { "date: two commas", S("Fri,, 21 Nov 1997 09:55:06 -0600"), 0, 0 },
  { "date: long month name", S("21 Novem 1997 09:55:06 -0600"), 0, 0 },
  { "date: unknown month", S("21 Foo 1997 09:55:06 -0600"), 0, 0 },
  { "date: numeric month", S("21 11 1997 09:55:06 -0600"), 0, 0 },
  { "date: 30 Feb", S("30 Feb 2000 00:00 +0000"), 0, 0 },
  { "date: 29 Feb 1900 (not a leap year)", S("29 Feb 1900 00:00 +0000"), 0, 0 },
  { "date: 29 Feb 2100", S("29 Feb 2100 00:00 +0000"), 0, 0 },
  { "date: 29 Feb 2023", S("29 Feb 2023 00:00 +0000"), 0, 0 },
  { "date: 31 Apr", S("31 Apr 2000 00:00 +0000"), 0, 0 },
  { "date: day 0", S("0 Jan 2000 00:00 +0000"), 0, 0 },
  { "date: day 32", S("32 Jan 2000 00:00 +0000"), 0, 0 },
  { "date: 3-digit day", S("123 Jan 2000 00:00 +0000"), 0, 0 },
  { "date: hour 24", S("1 Jan 2000 24:00 +0000"), 0, 0 },
  { "date: minute 60", S("1 Jan 2000 23:60 +0000"), 0, 0 },
  { "date: second 61", S("1 Jan 2000 23:59:61 +0000"), 0, 0 },
  { "date: 1-digit hour", S("1 Jan 2000 0:00 +0000"), 0, 0 },
  { "date: 3-digit minute", S("1 Jan 2000 00:000 +0000"), 0, 0 },
  { "date: fractional seconds", S("1 Jan 2000 00:00:00.5 +0000"), 0, 0 },
  { "date: zone minutes 60", S("1 Jan 2000 23:59 +0060"), 0, 0 },
  { "date: 3-digit zone", S("1 Jan 2000 23:59 +000"), 0, 0 },
  { "date: 5-digit zone", S("1 Jan 2000 23:59 +00000"), 0, 0 },
  { "date: no zone", S("1 Jan 2000 23:59"), 0, 0 },
  { "date: numeric zone without a blank before it", S("1 Jan 2000 23:59:00-0600"), 0, 0 },
  { "date: military J", S("1 Jan 2000 00:00 J"), 0, 0 },
  { "date: unknown zone name", S("1 Jan 2000 00:00 XYZ"), 0, 0 },
  { "date: zone name and offset", S("1 Jan 2000 00:00 GMT+0100"), 0, 0 },
  { "date: year 1899", S("1 Jan 1899 00:00 +0000"), 0, 0 },
  { "date: year 10000", S("1 Jan 10000 00:00 +0000"), 0, 0 },
  { "date: 4-digit year 0099", S("1 Jan 0099 00:00 +0000"), 0, 0 },
  { "date: 1-digit year", S("1 Jan 5 00:00 +0000"), 0, 0 },
  { "date: text after", S("1 Jan 2000 23:59 +0000 trailing"), 0, 0 },
  { "date: unterminated comment", S("1 Jan 2000 23:59 +0000 (unterminated"), 0, 0 },
  { "date: unmatched )", S("1 Jan 2000 00:00 +0000 )"), 0, 0 },
  { "date: NUL inside", S("1 Jan 2000\0 00:00 +0000"), 0, 0 },
  { "date: NUL in a comment", S("1 Jan 2000 00:00 +0000 (a\0b)"), 0, 0 },
  { "date: quoted-pair of NUL in a comment", S("1 Jan 2000 00:00 +0000 (a\\\0b)"), 0, 0 },
  { "date: control in a comment", S("1 Jan 2000 00:00 +0000 (a\x01)"), 0, 0 },
  { "date: 8-bit octets in a comment", S("1 Jan 2000 00:00 +0000 (caf\xc3\xa9)"), 1, 946684800 },
  { "date: bare CR", S("Fri,\r21 Nov 1997 09:55:06 -0600"), 0, 0 },
  { "date: line break not followed by a blank", S("Fri,\r\n21 Nov 1997 09:55:06 -0600"), 0, 0 },
  { "date: empty line after", S("Fri, 21 Nov 1997 09:55:06 -0600\r\n\r\n"), 0, 0 },
  { 0, 0, 0, 0, 0 }
} ;

static void test_date_table (void)
{
  struct date_case const *c = date_cases ;
  for (; c->name ; c++)
  {
    int64_t t = -42 ;
    int r = rfc5322_date_parse(c->in, c->len, &t) ;
    if (r != c->ok) unit_check(0, c->name, "\"%s\": returned %d, expected %d", unit_esc(c->in, c->len), r, c->ok) ;
    else if (r) unit_check(t == c->t, c->name, "\"%s\": %lld, expected %lld", unit_esc(c->in, c->len), (long long)t, (long long)c->t) ;
    else unit_check(t == -42, c->name, "\"%s\": *t written on failure", unit_esc(c->in, c->len)) ;
  }
}

/* "1 Jan 2000 00:00 +0000 " then n '(' and m ')' */
static void nested (stralloc *sa, size_t n, size_t m)
{
  sa->len = 0 ;
  stralloc_cats(sa, "1 Jan 2000 00:00 +0000 ") ;
  for (size_t i = 0 ; i < n ; i++) stralloc_catb(sa, "(", 1) ;
  for (size_t i = 0 ; i < m ; i++) stralloc_catb(sa, ")", 1) ;
}

static void test_date_hostile (void)
{
  stralloc sa = STRALLOC_ZERO ;
  int64_t t ;
  /* the length is honoured: nothing after len is read */
  unit_check(rfc5322_date_parse("1 Jan 2000 00:00 +0000\0junk", 22, &t) && t == 946684800, "date: stops at len", 0) ;
  unit_check(!rfc5322_date_parse("1 Jan 2000 00:00 +0000", 21, &t), "date: a zone cut by len", 0) ;
  /* nesting is counted, not recursed */
  nested(&sa, 1000, 1000) ;
  unit_check(rfc5322_date_parse(sa.s, sa.len, &t) && t == 946684800, "date: comment nested 1000 deep", 0) ;
  nested(&sa, 1000, 999) ;
  unit_check(!rfc5322_date_parse(sa.s, sa.len, &t), "date: comment nested 1000 deep, one ) missing", 0) ;
  nested(&sa, 100000, 100000) ;
  unit_check(rfc5322_date_parse(sa.s, sa.len, &t) && t == 946684800, "date: comment nested 100000 deep", 0) ;
  nested(&sa, 100000, 100001) ;
  unit_check(!rfc5322_date_parse(sa.s, sa.len, &t), "date: comment nested 100000 deep, one ) too many", 0) ;
  stralloc_free(&sa) ;
}

 /* rfc5322_addrlist_parse */

struct list_case
{
  char const *name ;
  char const *in ;
  size_t len ;
  int n ;               /* -1: refused */
  char const *out ;     /* the addr-specs, each followed by '|' */
} ;

static struct list_case const list_cases[] =
{
  { "list: addr-spec", S("a@b.example"), 1, "a@b.example|" },
  { "list: display name (A.1.1)", S("John Doe <jdoe@machine.example>"), 1, "jdoe@machine.example|" },
  { "list: quoted display name", S("\"Joe Q. Public\" <john.q.public@example.com>"), 1, "john.q.public@example.com|" },
  { "list: three mailboxes (A.1.2)", S("Mary Smith <mary@x.test>, jdoe@example.org, Who? <one@y.test>"), 3, "mary@x.test|jdoe@example.org|one@y.test|" },
  { "list: quoted display name with escapes", S("<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>"), 2, "boss@nil.test|sysservices@example.net|" },
  { "list: group (A.1.3)", S("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;"), 3, "c@a.test|joe@where.test|jdoe@one.test|" },
  { "list: empty group", S("Undisclosed recipients:;"), 0, "" },
  { "list: undisclosed-recipients:;", S("undisclosed-recipients:;"), 0, "" },
  { "list: empty group with a blank", S("undisclosed-recipients: ;"), 0, "" },
  { "list: comments in the mailbox (A.5)", S("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"), 1, "pete@silly.test|" },
  { "list: folded group with comments (A.5)", S("A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend); (the end of the group)"), 3, "c@public.example|joe@example.org|jdoe@one.test|" },
  { "list: empty group, nested comments (A.5)", S("(Empty list)(start)Hidden recipients  :(nobody(that I know))  ;"), 0, "" },
  { "list: group then mailbox", S("G: a@b.test, c@d.test;, e@f.test"), 3, "a@b.test|c@d.test|e@f.test|" },
  { "list: two empty groups", S("G:;,H:;"), 0, "" },
  { "list: group with empty elements", S("G: ,, a@b.test ,;"), 1, "a@b.test|" },
  { "list: obs-phrase with a dot (A.6.1)", S("Joe Q. Public <john.q.public@example.com>"), 1, "john.q.public@example.com|" },
  { "list: obs-route (A.6.1)", S("Mary Smith <@node.test:mary@example.net>"), 1, "mary@example.net|" },
  { "list: obs-route of two domains", S("<@a.test,@b.test:x@c.test>"), 1, "x@c.test|" },
  { "list: obs-route, leading comma", S("<,@a.test:x@c.test>"), 1, "x@c.test|" },
  { "list: obs-route, empty elements", S("<@a.test,,@b.test,:x@c.test>"), 1, "x@c.test|" },
  { "list: obs-route of a domain literal", S("<@[192.0.2.1]:x@c.test>"), 1, "x@c.test|" },
  { "list: CFWS in a domain (A.6.3)", S("John Doe <jdoe@machine(comment).  example>"), 1, "jdoe@machine.example|" },
  { "list: obs-local-part and obs-domain with blanks", S("jdoe . x @ example . org"), 1, "jdoe.x@example.org|" },
  { "list: quoted local part with a space", S("\"john smith\"@example.org"), 1, "\"john smith\"@example.org|" },
  { "list: quoted local part with escapes kept", S("\"a\\\"b\\\\c\"@example.org"), 1, "\"a\\\"b\\\\c\"@example.org|" },
  { "list: quoted local part unfolded", S("\"folded\r\n local\"@example.org"), 1, "\"folded local\"@example.org|" },
  { "list: empty quoted local part", S("\"\"@example.org"), 1, "\"\"@example.org|" },
  { "list: obs-local-part of quoted words", S("\"a\".\"b\".c@example.org"), 1, "\"a\".\"b\".c@example.org|" },
  { "list: domain literal", S("u@[192.0.2.1]"), 1, "u@[192.0.2.1]|" },
  { "list: IPv6 domain literal", S("u@[IPv6:2001:db8::1]"), 1, "u@[IPv6:2001:db8::1]|" },
  { "list: domain literal with blanks kept", S("u@[ 192.0.2.1 ]"), 1, "u@[ 192.0.2.1 ]|" },
  { "list: empty elements, trailing comma", S("a@b.test, , ,c@d.test,"), 2, "a@b.test|c@d.test|" },
  { "list: leading comma", S(", a@b.test"), 1, "a@b.test|" },
  { "list: empty", S(""), 0, "" },
  { "list: comment only", S("   (just a comment)  "), 0, "" },
  { "list: commas only", S(" , ,"), 0, "" },
  { "list: folded with LF SP (the core's stored form)", S("A\n <a@b.test>,\n\tc@d.test"), 2, "a@b.test|c@d.test|" },
  { "list: trailing CRLF", S("a@b.test\r\n"), 1, "a@b.test|" },
  { "list: every atext octet", S("!#$%&'*+-/=?^_`{|}~09AZaz@b.test"), 1, "!#$%&'*+-/=?^_`{|}~09AZaz@b.test|" },
  { "list: two addr-specs without a comma", S("a@b.test c@d.test"), -1, 0 },
  { "list: missing @", S("no-at-sign"), -1, 0 },
  { "list: missing @ in angle brackets", S("Name <no-at>"), -1, 0 },
  { "list: missing @ before a good one", S("a, b@c.test"), -1, 0 },
  { "list: unbalanced <", S("Name <a@b.test"), -1, 0 },
  { "list: unbalanced >", S("Name a@b.test>"), -1, 0 },
  { "list: >>", S("<a@b.test>>"), -1, 0 },
  { "list: two angle-addrs", S("Name <a@b.test> <c@d.test>"), -1, 0 },
  { "list: empty angle-addr", S("<>"), -1, 0 },
  { "list: no domain", S("a@"), -1, 0 },
  { "list: no local part", S("@b.test"), -1, 0 },
  { "list: two @", S("a@b@c.test"), -1, 0 },
  { "list: .. in a local part", S("a..b@c.test"), -1, 0 },
  { "list: .. in a domain", S("a@b..c"), -1, 0 },
  { "list: leading dot", S(".a@b.test"), -1, 0 },
  { "list: dot before @", S("a.@b.test"), -1, 0 },
  { "list: trailing dot in the domain", S("a@b.test."), -1, 0 },
  { "list: quoted domain", S("a@\"b.test\""), -1, 0 },
  { "list: obs-route without ':'", S("<@a.test x@c.test>"), -1, 0 },
  { "list: obs-route without ','", S("<@a.test@b.test:x@c.test>"), -1, 0 },
  { "list: obs-route of a comma only", S("<,x@c.test>"), -1, 0 },
  { "list: route outside angle brackets", S("@a.test:x@c.test"), -1, 0 },
  { "list: unterminated group", S("G: a@b.test"), -1, 0 },
  { "list: nested group", S("G: H: a@b.test;;"), -1, 0 },
  { "list: group without a name", S(":a@b.test;"), -1, 0 },
  { "list: ';' after a mailbox", S("a@b.test;"), -1, 0 },
  { "list: unterminated quoted string", S("\"unterminated@x.test"), -1, 0 },
  { "list: unterminated domain literal", S("u@[unterminated"), -1, 0 },
  { "list: '[' in a domain literal", S("u@[a[b]"), -1, 0 },
  { "list: unterminated comment", S("a@b.test (unterminated"), -1, 0 },
  { "list: unbalanced nested comment", S("a@b.test ((x)"), -1, 0 },
  { "list: control in an atom", S("a\x01@b.test"), -1, 0 },
  { "list: DEL", S("a@b.test\x7f"), -1, 0 },
  { "list: backslash in an atom", S("a\\b@c.test"), -1, 0 },
  { "list: NUL in an atom", S("a\0b@c.test"), -1, 0 },
  { "list: NUL in a quoted string", S("\"a\0b\"@c.test"), -1, 0 },
  { "list: quoted-pair of a control in a literal", S("u@[a\\\x01" "b]"), -1, 0 },
  { "list: quoted-pair of NUL in a literal", S("u@[a\\\0b]"), -1, 0 },
  { "list: quoted-pair of NUL in a comment", S("a (x\\\0y) @b.test"), -1, 0 },
  { "list: quoted-pair of DEL", S("\"a\\\x7f\"@b.test"), -1, 0 },
  { "list: 8-bit display name", S("J\xc3\xb6rg <j@example.de>"), 1, "j@example.de|" },
  { "list: 8-bit quoted display name", S("\"J\xc3\xb6rg\" <j@example.de>"), 1, "j@example.de|" },
  { "list: 8-bit local part", S("j\xc3\xb6rg@example.de"), -1, 0 },
  { "list: 8-bit comment", S("j@example.de (caf\xc3\xa9)"), 1, "j@example.de|" },
  { "list: 8-bit quoted local part", S("\"j\xc3\xb6rg\"@example.de"), -1, 0 },
  { "list: 8-bit domain", S("j@ex\xc3\xa4mple.de"), -1, 0 },
  { "list: bare CR", S("A\r<a@b.test>"), -1, 0 },
  { "list: line break not followed by a blank", S("a@b.test,\r\nc@d.test"), -1, 0 },
  { "list: bare LF in a quoted string", S("\"a\nb\"@c.test"), -1, 0 },
  { 0, 0, 0, 0, 0 }
} ;

/* sa's octets from `from` on, each NUL shown as '|' */
static char const *shown (stralloc const *sa, size_t from)
{
  static char buf[2048] ;
  size_t o = 0 ;
  for (size_t i = from ; i < sa->len && o + 1 < sizeof buf ; i++) buf[o++] = sa->s[i] ? sa->s[i] : '|' ;
  buf[o] = 0 ;
  return buf ;
}

static void test_list_table (void)
{
  stralloc sa = STRALLOC_ZERO ;
  struct list_case const *c = list_cases ;
  for (; c->name ; c++)
  {
    int r ;
    sa.len = 0 ;
    stralloc_cats(&sa, "keep") ;
    errno = 0 ;
    r = rfc5322_addrlist_parse(c->in, c->len, &sa) ;
    if (r != c->n) unit_check(0, c->name, "\"%s\": returned %d (%s), expected %d", unit_esc(c->in, c->len), r, unit_escs(shown(&sa, 4)), c->n) ;
    else if (r < 0) unit_check(sa.len == 4 && !memcmp(sa.s, "keep", 4) && errno == EINVAL, c->name, "\"%s\": sa.len %zu, errno %d", unit_esc(c->in, c->len), sa.len, errno) ;
    else unit_check(!strcmp(shown(&sa, 4), c->out), c->name, "\"%s\": \"%s\", expected \"%s\"", unit_esc(c->in, c->len), unit_escs(shown(&sa, 4)), unit_escs(c->out)) ;
  }
  stralloc_free(&sa) ;
}

/* n mailboxes "a@b.test" separated by commas into in */
static void many (stralloc *in, int n)
{
  in->len = 0 ;
  for (int i = 0 ; i < n ; i++) stralloc_cats(in, i ? ",a@b.test" : "a@b.test") ;
}

/* an addr-spec of n octets, "xxx...@b" */
static void long_addr (stralloc *in, size_t n)
{
  in->len = 0 ;
  for (size_t i = 0 ; i + 2 < n ; i++) stralloc_catb(in, "x", 1) ;
  stralloc_cats(in, "@b") ;
}

/* "\"" CRLF SP, k x's, "\"@b": k + 5 octets once unfolded, k + 7 before */
static void long_quoted (stralloc *in, size_t k)
{
  in->len = 0 ;
  stralloc_cats(in, "\"\r\n ") ;
  for (size_t i = 0 ; i < k ; i++) stralloc_catb(in, "x", 1) ;
  stralloc_cats(in, "\"@b") ;
}

static void test_list_limits (void)
{
  stralloc in = STRALLOC_ZERO, sa = STRALLOC_ZERO ;
  int r ;
  many(&in, RFC5322_ADDR_MAX) ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == RFC5322_ADDR_MAX, "list: 1000 mailboxes", "returned %d", r) ;
  many(&in, RFC5322_ADDR_MAX + 1) ;
  sa.len = 0 ;
  errno = 0 ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == -1 && !sa.len && errno == EINVAL, "list: 1001 mailboxes refused", "returned %d, sa.len %zu", r, sa.len) ;
  in.len = 0 ;
  stralloc_cats(&in, "G:") ;
  for (int i = 0 ; i <= RFC5322_ADDR_MAX ; i++) stralloc_cats(&in, i ? ",a@b.test" : "a@b.test") ;
  stralloc_cats(&in, ";") ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == -1 && !sa.len, "list: 1001 group members refused", "returned %d", r) ;
  long_addr(&in, 998) ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == 1 && sa.len == 999, "list: 998-octet addr-spec", "returned %d, sa.len %zu", r, sa.len) ;
  sa.len = 0 ;
  long_addr(&in, 999) ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == -1 && !sa.len, "list: 999-octet addr-spec refused", "returned %d", r) ;
  long_quoted(&in, 993) ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == 1 && sa.len == 999 && sa.s[1] == ' ', "list: 1000 octets folded, 998 unfolded", "returned %d, sa.len %zu", r, sa.len) ;
  sa.len = 0 ;
  long_quoted(&in, 994) ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == -1 && !sa.len, "list: 999 octets unfolded refused", "returned %d", r) ;
  stralloc_free(&in) ;
  stralloc_free(&sa) ;
}

static void test_list_hostile (void)
{
  stralloc in = STRALLOC_ZERO, sa = STRALLOC_ZERO ;
  int r, bad = 0 ;
  /* the length is honoured */
  r = rfc5322_addrlist_parse("a@b.test\0, c@d.test", 8, &sa) ;
  unit_check(r == 1 && sa.len == 9, "list: stops at len", "returned %d", r) ;
  sa.len = 0 ;
  r = rfc5322_addrlist_parse("a@b.test>", 8, &sa) ;
  unit_check(r == 1, "list: stops at len before a stray >", "returned %d", r) ;
  /* comments nested 1000 deep, counted not recursed */
  in.len = 0 ;
  stralloc_cats(&in, "a@b.test ") ;
  for (int i = 0 ; i < 1000 ; i++) stralloc_catb(&in, "(", 1) ;
  for (int i = 0 ; i < 1000 ; i++) stralloc_catb(&in, ")", 1) ;
  sa.len = 0 ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == 1, "list: comment nested 1000 deep", "returned %d", r) ;
  r = rfc5322_addrlist_parse(in.s, in.len - 1, &sa) ;
  unit_check(r == -1 && sa.len == 9, "list: comment nested 1000 deep, one ) missing", "returned %d", r) ;
  /* a long phrase with no mailbox: one pass each, whatever the length */
  in.len = 0 ;
  for (int i = 0 ; i < 200000 ; i++) stralloc_cats(&in, "w ") ;
  r = rfc5322_addrlist_parse(in.s, in.len, &sa) ;
  unit_check(r == -1, "list: 200000 words and no mailbox", "returned %d", r) ;
  /* no leak growth: 10000 calls on one stralloc (valgrind in check-valgrind) */
  for (int i = 0 ; i < 10000 ; i++)
  {
    sa.len = 0 ;
    if (rfc5322_addrlist_parse(S("A <a@b.test>, G: c@d.test;"), &sa) != 2) bad++ ;
    if (rfc5322_addrlist_parse(S("A <a@b.test"), &sa) != -1 || sa.len != 18) bad++ ;
  }
  unit_check(!bad, "list: 10000 calls on one stralloc", "%d calls wrong", bad) ;
  stralloc_free(&in) ;
  stralloc_free(&sa) ;
}

int main (void)
{
  unit_init("rfc5322") ;
  test_date_table() ;
  test_date_hostile() ;
  test_list_table() ;
  test_list_limits() ;
  test_list_hostile() ;
  return unit_end() ;
}
