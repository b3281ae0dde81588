/* ISC license. */
/* rfc5322.c: date-time and address-list parsers (rfc5322.h). One lexer for
   both: comments and folding white space are skipped between tokens, with
   an explicit nesting counter (no recursion on hostile input). */

#include "rfc5322.h"

#include <string.h>
#include <errno.h>

#include "qcsmtpd/plugin.h"

typedef struct lex_s lex ;
struct lex_s
{
  char const *s ;
  size_t len ;
  size_t pos ;
} ;

 /* lexical tokens (RFC 5322 3.2, 4.1) */

static int wsp (unsigned char c) { return c == ' ' || c == '\t' ; }

/* VCHAR or WSP: what comments, quoted strings and literals may hold */
static int text (unsigned char c) { return wsp(c) || (c > 32 && c != 127) ; }

static int atext (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
      || (c && strchr("!#$%&'*+-/=?^_`{|}~", c)) || c >= 128 ;
}

/* Length of the line break at x->pos, CRLF or a bare LF, if it folds: a
   blank follows, or it ends the input. 0 if not (bare CR, empty line). */
static size_t fold (lex const *x)
{
  size_t n = x->s[x->pos] == '\r' ;
  if (x->pos + n >= x->len || x->s[x->pos + n] != '\n') return 0 ;
  n++ ;
  return x->pos + n == x->len || wsp(x->s[x->pos + n]) ? n : 0 ;
}

/* One octet of a comment, quoted string or literal body at x->pos, that is
   not its delimiter: moves past it (a quoted-pair or a fold is one item).
   0 if it is not allowed. */
static int item (lex *x)
{
  unsigned char c = x->s[x->pos] ;
  if (c == '\\')
  {
    /* quoted-pair (3.2.1) of VCHAR or WSP; obs-qp's controls are refused */
    if (x->pos + 1 >= x->len || !text(x->s[x->pos + 1])) return 0 ;
    x->pos += 2 ;
    return 1 ;
  }
  if (c == '\r' || c == '\n')
  {
    size_t n = fold(x) ;
    x->pos += n ;
    return n > 0 ;
  }
  if (!text(c)) return 0 ;
  x->pos++ ;
  return 1 ;
}

/* A comment (3.2.2) from its '(' to its matching ')', nesting counted. */
static int comment (lex *x)
{
  size_t depth = 1 ;
  x->pos++ ;
  while (depth)
  {
    if (x->pos >= x->len) return 0 ;
    if (x->s[x->pos] == '(') { depth++ ; x->pos++ ; }
    else if (x->s[x->pos] == ')') { depth-- ; x->pos++ ; }
    else if (!item(x)) return 0 ;
  }
  return 1 ;
}

/* Skips CFWS (3.2.2, 4.2). 0 on a bad comment or line break. */
static int cfws (lex *x)
{
  while (x->pos < x->len)
  {
    unsigned char c = x->s[x->pos] ;
    if (wsp(c)) x->pos++ ;
    else if (c == '(') { if (!comment(x)) return 0 ; }
    else if (c == '\r' || c == '\n')
    {
      size_t n = fold(x) ;
      if (!n) return 0 ;
      x->pos += n ;
    }
    else break ;
  }
  return 1 ;
}

/* A quoted-string (3.2.4) or domain-literal (3.4.1) from its opening
   delimiter to its closing one ('"' or ']'); '[' is no dtext. */
static int enclosed (lex *x, char end)
{
  for (x->pos++ ; x->pos < x->len ;)
  {
    char c = x->s[x->pos] ;
    if (c == end) { x->pos++ ; return 1 ; }
    if ((end == ']' && c == '[') || !item(x)) return 0 ;
  }
  return 0 ;
}

 /* date-time (RFC 5322 3.3, 4.3) */

/* A run of digits: their number; the value saturates (it is then too big
   for any field anyway). */
static size_t digits (lex *x, long *v)
{
  size_t n = 0 ;
  *v = 0 ;
  for (; x->pos < x->len && x->s[x->pos] >= '0' && x->s[x->pos] <= '9' ; x->pos++, n++)
    if (*v < 100000) *v = *v * 10 + (x->s[x->pos] - '0') ;
  return n ;
}

/* A run of letters, lower-cased into w (up to 15, NUL-terminated): its length */
static size_t word (lex *x, char *w)
{
  size_t n = 0 ;
  while (x->pos < x->len && ((x->s[x->pos] | 32) >= 'a' && (x->s[x->pos] | 32) <= 'z'))
  {
    if (n < 15) w[n] = x->s[x->pos] | 32 ;
    n++ ; x->pos++ ;
  }
  w[n < 15 ? n : 15] = 0 ;
  return n ;
}

static int index_of (char const *const *t, char const *w)
{
  for (int i = 0 ; t[i] ; i++) if (!strcmp(t[i], w)) return i ;
  return -1 ;
}

static char const *const days[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun", 0 } ;
static char const *const months[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", 0 } ;
static struct { char const *name ; int minutes ; } const zones[] =
{
  { "ut", 0 }, { "gmt", 0 }, { "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
  { "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 }, { 0, 0 }
} ;

typedef struct dt_s dt ;
struct dt_s
{
  long day, mon, year ;   /* mon 0..11 */
  long hh, mm, ss ;
  long zone ;             /* minutes east of UTC */
} ;

static int leap (long y) { return (y % 4 == 0 && y % 100) || y % 400 == 0 ; }

/* days since 1970-01-01 of a proleptic Gregorian date */
static int64_t days_from_civil (long y, long m, long d)
{
  int64_t era, yoe, doy, doe ;
  y -= m <= 2 ;
  era = (y >= 0 ? y : y - 399) / 400 ;
  yoe = y - era * 400 ;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1 ;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy ;
  return era * 146097 + doe - 719468 ;
}

/* [day-of-week ","]: a valid name, not checked against the date */
static int dayofweek (lex *x)
{
  char w[16] ;
  if (x->pos >= x->len || (x->s[x->pos] | 32) < 'a' || (x->s[x->pos] | 32) > 'z') return 1 ;
  if (word(x, w) != 3 || index_of(days, w) < 0 || !cfws(x)) return 0 ;
  if (x->pos >= x->len || x->s[x->pos] != ',') return 0 ;
  x->pos++ ;
  return cfws(x) ;
}

/* day month year; two- and three-digit years mapped as 4.3 says */
static int date (lex *x, dt *d)
{
  char w[16] ;
  size_t n ;
  n = digits(x, &d->day) ;
  if (n < 1 || n > 2 || !cfws(x)) return 0 ;
  if (word(x, w) != 3 || (d->mon = index_of(months, w)) < 0 || !cfws(x)) return 0 ;
  n = digits(x, &d->year) ;
  if (n < 2) return 0 ;
  if (n == 2) d->year += d->year < 50 ? 2000 : 1900 ;
  else if (n == 3) d->year += 1900 ;
  return cfws(x) ;
}

static int colon (lex *x)
{
  if (!cfws(x) || x->pos >= x->len || x->s[x->pos] != ':') return 0 ;
  x->pos++ ;
  return cfws(x) ;
}

/* hour ":" minute [":" second], no CFWS after */
static int timeofday (lex *x, dt *d)
{
  size_t p ;
  if (digits(x, &d->hh) != 2 || !colon(x) || digits(x, &d->mm) != 2) return 0 ;
  p = x->pos ;
  if (!cfws(x)) return 0 ;
  if (x->pos < x->len && x->s[x->pos] == ':')
    return colon(x) && digits(x, &d->ss) == 2 ;
  x->pos = p ;
  return 1 ;
}

/* zone at x->pos; sep: CFWS came before it (a numeric zone needs it) */
static int zone (lex *x, int sep, long *minutes)
{
  char w[16] ;
  long v ;
  unsigned char c = x->pos < x->len ? x->s[x->pos] : 0 ;
  if (c == '+' || c == '-')
  {
    x->pos++ ;
    if (!sep || digits(x, &v) != 4 || v % 100 > 59) return 0 ;
    *minutes = (v / 100) * 60 + v % 100 ;
    if (c == '-') *minutes = -*minutes ;
    return 1 ;
  }
  if (!word(x, w)) return 0 ;
  for (int i = 0 ; zones[i].name ; i++)
    if (!strcmp(zones[i].name, w)) { *minutes = zones[i].minutes ; return 1 ; }
  /* military zones, one letter but J: their meaning is unreliable, so 4.3
     says to take them as -0000 (no zone information) */
  if (w[0] && !w[1] && w[0] != 'j') { *minutes = 0 ; return 1 ; }
  return 0 ;
}

static int possible (dt const *d)
{
  static unsigned char const mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 } ;
  if (d->year < 1900 || d->year > 9999 || d->hh > 23 || d->mm > 59 || d->ss > 60) return 0 ;
  return d->day >= 1 && d->day <= mdays[d->mon] + (d->mon == 1 && leap(d->year)) ;
}

int rfc5322_date_parse (char const *s, size_t len, int64_t *t)
{
  lex x = { .s = s, .len = len, .pos = 0 } ;
  dt d = { .ss = 0 } ;
  size_t p ;
  if (!cfws(&x) || !dayofweek(&x) || !date(&x, &d) || !timeofday(&x, &d)) return 0 ;
  p = x.pos ;
  if (!cfws(&x) || !zone(&x, x.pos > p, &d.zone) || !cfws(&x) || x.pos != len || !possible(&d)) return 0 ;
  *t = days_from_civil(d.year, d.mon + 1, d.day) * 86400 + d.hh * 3600 + d.mm * 60 + d.ss - d.zone * 60 ;
  return 1 ;
}

 /* address-list (RFC 5322 3.4, 4.4) */

enum tok_e { T_END, T_ATOM, T_QUOTED, T_LITERAL, T_SPECIAL, T_BAD } ;

typedef struct tok_s tok ;
struct tok_s
{
  int kind ;
  size_t start, len ;   /* in the input */
  char c ;              /* T_SPECIAL: the character */
} ;

/* The next token after CFWS; x->pos moves past it. */
static tok next (lex *x)
{
  tok t = { .kind = T_END } ;
  unsigned char c ;
  if (!cfws(x)) { t.kind = T_BAD ; return t ; }
  if (x->pos >= x->len) return t ;
  t.start = x->pos ;
  c = x->s[x->pos] ;
  if (atext(c))
  {
    while (x->pos < x->len && atext(x->s[x->pos])) x->pos++ ;
    t.kind = T_ATOM ;
  }
  else if (c == '"' || c == '[')
  {
    t.kind = c == '"' ? T_QUOTED : T_LITERAL ;
    if (!enclosed(x, c == '"' ? '"' : ']')) { t.kind = T_BAD ; return t ; }
  }
  else if (c && strchr("<>@,:;.", c)) { t.kind = T_SPECIAL ; t.c = (char)c ; x->pos++ ; }
  else { t.kind = T_BAD ; return t ; }
  t.len = x->pos - t.start ;
  return t ;
}

static int is (tok const *t, char c) { return t->kind == T_SPECIAL && t->c == c ; }
static int isword (tok const *t) { return t->kind == T_ATOM || t->kind == T_QUOTED ; }

typedef struct ctx_s ctx ;
struct ctx_s
{
  lex x ;
  tok t ;          /* the current token */
  stralloc *sa ;   /* 0: the addr-spec is skipped (a route) */
  int count ;
  int nomem ;
} ;

static void adv (ctx *c) { c->t = next(&c->x) ; }

static int cat (ctx *c, char const *s, size_t n)
{
  if (!c->sa || stralloc_catb(c->sa, s, n)) return 1 ;
  c->nomem = 1 ;
  return 0 ;
}

/* Appends the current token's text, unfolded (its only CR and LF are line
   breaks of folds: the lexer refused any other), and moves on. */
static int put (ctx *c)
{
  char const *s = c->x.s + c->t.start ;
  size_t n = c->t.len, i = 0 ;
  while (i < n)
  {
    size_t j = i ;
    while (j < n && s[j] != '\r' && s[j] != '\n') j++ ;
    if (!cat(c, s + i, j - i)) return 0 ;
    for (i = j ; i < n && (s[i] == '\r' || s[i] == '\n') ; i++) ;
  }
  adv(c) ;
  return 1 ;
}

/* local-part: dot-atom, quoted-string or obs-local-part (word *("." word)) */
static int localpart (ctx *c)
{
  for (;;)
  {
    if (!isword(&c->t) || !put(c)) return 0 ;
    if (!is(&c->t, '.')) return 1 ;
    if (!cat(c, ".", 1)) return 0 ;
    adv(c) ;
  }
}

/* domain: dot-atom, domain-literal or obs-domain (atom *("." atom)) */
static int domain (ctx *c)
{
  if (c->t.kind == T_LITERAL) return put(c) ;
  for (;;)
  {
    if (c->t.kind != T_ATOM || !put(c)) return 0 ;
    if (!is(&c->t, '.')) return 1 ;
    if (!cat(c, ".", 1)) return 0 ;
    adv(c) ;
  }
}

/* addr-spec at the current token; appends it and its NUL. 1 ok, 0 error. */
static int addrspec (ctx *c)
{
  size_t mark = c->sa->len ;
  if (!localpart(c) || !is(&c->t, '@') || !cat(c, "@", 1)) return 0 ;
  adv(c) ;
  if (!domain(c)) return 0 ;
  if (c->sa->len - mark > RFC5322_ADDRSPEC_MAX || ++c->count > RFC5322_ADDR_MAX) return 0 ;
  /* 8-bit octets are display text only: no address without SMTPUTF8 */
  for (size_t i = mark ; i < c->sa->len ; i++) if ((unsigned char)c->sa->s[i] >= 128) return 0 ;
  return cat(c, "", 1) ;
}

/* obs-route (4.4): *(CFWS / ",") "@" domain *("," [CFWS] ["@" domain]) ":",
   skipped */
static int route (ctx *c)
{
  stralloc *sa = c->sa ;
  int ok = 1 ;
  while (is(&c->t, ',')) adv(c) ;
  if (!is(&c->t, '@')) return 0 ;
  c->sa = 0 ;
  for (;;)
  {
    if (is(&c->t, '@')) { adv(c) ; if (!domain(c)) { ok = 0 ; break ; } }
    if (!is(&c->t, ',')) break ;
    adv(c) ;
  }
  c->sa = sa ;
  if (!ok || !is(&c->t, ':')) return 0 ;
  adv(c) ;
  return 1 ;
}

/* angle-addr at '<' */
static int angle (ctx *c)
{
  adv(c) ;
  if ((is(&c->t, '@') || is(&c->t, ',')) && !route(c)) return 0 ;
  if (!addrspec(c) || !is(&c->t, '>')) return 0 ;
  adv(c) ;
  return 1 ;
}

/* What follows at the top level of an address: the first of '<', ':', or
   anything that ends it; the lexer is not moved. Linear overall: the
   parser then consumes what was looked at, or fails. */
static char lookahead (ctx const *c)
{
  lex x = c->x ;
  tok t = c->t ;
  for (;;)
  {
    if (t.kind == T_END) return 0 ;
    if (t.kind == T_BAD) return '!' ;
    if (t.kind == T_SPECIAL && strchr("<:,;>", t.c)) return t.c ;
    t = next(&x) ;
  }
}

/* display-name: a phrase (words, and dots after the first in obs-phrase) */
static int phrase (ctx *c)
{
  int n = 0 ;
  while (isword(&c->t) || (n && is(&c->t, '.'))) { adv(c) ; n++ ; }
  return n ;
}

/* mailbox: name-addr (display name optional) or addr-spec */
static int mailbox (ctx *c)
{
  if (lookahead(c) == '<')
  {
    phrase(c) ;
    return is(&c->t, '<') && angle(c) ;
  }
  return addrspec(c) ;
}

/* group: display-name ":" [group-list] ";", members mailboxes, empty
   elements allowed (obs-mbox-list, obs-group-list) */
static int group (ctx *c)
{
  if (!phrase(c) || !is(&c->t, ':')) return 0 ;
  adv(c) ;
  for (;;)
  {
    while (is(&c->t, ',')) adv(c) ;
    if (is(&c->t, ';')) { adv(c) ; return 1 ; }
    if (!mailbox(c)) return 0 ;
    if (!is(&c->t, ',') && !is(&c->t, ';')) return 0 ;
  }
}

static int address (ctx *c)
{
  return lookahead(c) == ':' ? group(c) : mailbox(c) ;
}

int rfc5322_addrlist_parse (char const *s, size_t len, stralloc *sa)
{
  ctx c = { .x = { .s = s, .len = len, .pos = 0 }, .sa = sa, .count = 0, .nomem = 0 } ;
  size_t mark = sa->len ;
  adv(&c) ;
  for (;;)
  {
    while (is(&c.t, ',')) adv(&c) ;
    if (c.t.kind == T_END) return c.count ;
    if (!address(&c)) break ;
    if (c.t.kind == T_END) return c.count ;
    if (!is(&c.t, ',')) break ;
  }
  sa->len = mark ;
  errno = c.nomem ? ENOMEM : EINVAL ;
  return -1 ;
}

/* The plugin API's names for them (here, so that a binary whose plugins
   parse no header links none of this). */
int qp_date_parse (char const *s, size_t len, int64_t *t) { return rfc5322_date_parse(s, len, t) ; }
int qp_addrlist_parse (char const *s, size_t len, stralloc *sa) { return rfc5322_addrlist_parse(s, len, sa) ; }
