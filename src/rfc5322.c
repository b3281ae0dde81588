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

/* quoted-pair (RFC 5322 3.2.1): a backslash and VCHAR or WSP; the obsolete
   form's controls and NUL are refused, so no value carries them */
static int qpair (unsigned char c)
{
  return c == ' ' || c == '\t' || (c > 32 && c != 127) ;
}

static int atext (unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
      || (c && strchr("!#$%&'*+-/=?^_`{|}~", c)) || c >= 128 ;
}

/* Skips CFWS (RFC 5322 3.2.2): blanks, CR, LF, comments. 0 on an
   unterminated comment or a control character in one. */
static int cfws (lex *x)
{
  while (x->pos < x->len)
  {
    unsigned char c = x->s[x->pos] ;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { x->pos++ ; continue ; }
    if (c != '(') return 1 ;
    {
      size_t depth = 0 ;
      for (; x->pos < x->len ; x->pos++)
      {
        c = x->s[x->pos] ;
        if (c == '\\') { if (++x->pos >= x->len || !qpair(x->s[x->pos])) return 0 ; continue ; }
        if (c == '(') depth++ ;
        else if (c == ')' && !--depth) { x->pos++ ; break ; }
        else if (!c || (c < 32 && c != '\t' && c != '\r' && c != '\n') || c == 127) return 0 ;
      }
      if (depth) return 0 ;
    }
  }
  return 1 ;
}

 /* date-time (RFC 5322 3.3, 4.3) */

static size_t digits (lex *x, unsigned int min, unsigned int max, long *v)
{
  size_t n = 0 ;
  *v = 0 ;
  while (x->pos < x->len && n < max + 1 && x->s[x->pos] >= '0' && x->s[x->pos] <= '9')
  {
    *v = *v * 10 + (x->s[x->pos++] - '0') ;
    n++ ;
  }
  return n >= min && n <= max ? n : 0 ;
}

/* a run of letters, lower-cased into w (up to 15), its length */
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

static int zone (lex *x, long *minutes)
{
  char w[16] ;
  long v ;
  unsigned char c = x->pos < x->len ? x->s[x->pos] : 0 ;
  if (c == '+' || c == '-')
  {
    x->pos++ ;
    if (digits(x, 4, 4, &v) != 4 || v % 100 > 59) return 0 ;
    *minutes = (v / 100) * 60 + v % 100 ;
    if (c == '-') *minutes = -*minutes ;
    return 1 ;
  }
  if (!word(x, w)) return 0 ;
  for (int i = 0 ; zones[i].name ; i++)
    if (!strcmp(zones[i].name, w)) { *minutes = zones[i].minutes ; return 1 ; }
  /* military zones: one letter but J; their meaning is unreliable, so
     RFC 5322 4.3 says to take them as -0000 (no zone information) */
  if (strlen(w) == 1 && w[0] != 'j') { *minutes = 0 ; return 1 ; }
  return 0 ;
}

int rfc5322_date_parse (char const *s, size_t len, int64_t *t)
{
  static unsigned char const mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 } ;
  lex x = { .s = s, .len = len, .pos = 0 } ;
  char w[16] ;
  long day, mon, year, hh, mm, ss = 0, zm ;
  size_t n ;
  if (!cfws(&x)) return 0 ;
  if (x.pos < len && (s[x.pos] | 32) >= 'a' && (s[x.pos] | 32) <= 'z')
  {
    if (word(&x, w) != 3 || index_of(days, w) < 0 || !cfws(&x) || x.pos >= len || s[x.pos] != ',') return 0 ;
    x.pos++ ;
    if (!cfws(&x)) return 0 ;
  }
  if (!digits(&x, 1, 2, &day) || !cfws(&x)) return 0 ;
  if (word(&x, w) != 3 || (mon = index_of(months, w)) < 0 || !cfws(&x)) return 0 ;
  n = digits(&x, 2, 4, &year) ;
  if (!n) return 0 ;
  if (n == 2) year += year < 50 ? 2000 : 1900 ;
  else if (n == 3) year += 1900 ;
  if (!cfws(&x) || !digits(&x, 2, 2, &hh) || !cfws(&x) || x.pos >= len || s[x.pos++] != ':' || !cfws(&x)
   || !digits(&x, 2, 2, &mm) || !cfws(&x)) return 0 ;
  if (x.pos < len && s[x.pos] == ':')
  {
    x.pos++ ;
    if (!cfws(&x) || !digits(&x, 2, 2, &ss) || !cfws(&x)) return 0 ;
  }
  if (!zone(&x, &zm) || !cfws(&x) || x.pos != len) return 0 ;
  if (year < 1900 || year > 9999 || hh > 23 || mm > 59 || ss > 60) return 0 ;
  if (day < 1 || day > mdays[mon] + (mon == 1 && leap(year))) return 0 ;
  *t = days_from_civil(year, mon + 1, day) * 86400 + hh * 3600 + mm * 60 + ss - zm * 60 ;
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
    while (x->pos < x->len && atext((unsigned char)x->s[x->pos])) x->pos++ ;
    t.kind = T_ATOM ;
  }
  else if (c == '"' || c == '[')
  {
    char end = c == '"' ? '"' : ']' ;
    t.kind = c == '"' ? T_QUOTED : T_LITERAL ;
    for (x->pos++ ; ; x->pos++)
    {
      if (x->pos >= x->len) { t.kind = T_BAD ; return t ; }
      c = x->s[x->pos] ;
      if (c == '\\') { if (++x->pos >= x->len || !qpair(x->s[x->pos])) { t.kind = T_BAD ; return t ; } continue ; }
      if (c == (unsigned char)end) { x->pos++ ; break ; }
      if (!c || c == 127 || (c < 32 && c != '\t' && c != '\r' && c != '\n') || (end == ']' && c == '[')) { t.kind = T_BAD ; return t ; }
    }
  }
  else if (c && strchr("<>@,:;.", c)) { t.kind = T_SPECIAL ; t.c = (char)c ; x->pos++ ; }
  else { t.kind = T_BAD ; return t ; }
  t.len = x->pos - t.start ;
  return t ;
}

static int is (tok const *t, char c) { return t->kind == T_SPECIAL && t->c == c ; }
static int isword (tok const *t) { return t->kind == T_ATOM || t->kind == T_QUOTED ; }

/* Appends a token's text, folding (CR, LF) dropped. */
static int put (stralloc *sa, lex const *x, tok const *t)
{
  for (size_t i = 0 ; i < t->len ; i++)
  {
    char c = x->s[t->start + i] ;
    if (c != '\r' && c != '\n' && !stralloc_catb(sa, &c, 1)) return 0 ;
  }
  return 1 ;
}

typedef struct ctx_s ctx ;
struct ctx_s
{
  lex x ;
  tok t ;          /* the current token */
  stralloc *sa ;
  int count ;
  int nomem ;
} ;

static void adv (ctx *c) { c->t = next(&c->x) ; }

/* addr-spec at the current token; appends it and its NUL. 1 ok, 0 error. */
static int addrspec (ctx *c)
{
  size_t mark = c->sa->len ;
  if (!isword(&c->t)) return 0 ;
  for (;;)
  {
    if (!put(c->sa, &c->x, &c->t)) { c->nomem = 1 ; return 0 ; }
    adv(c) ;
    if (!is(&c->t, '.')) break ;
    if (!stralloc_catb(c->sa, ".", 1)) { c->nomem = 1 ; return 0 ; }
    adv(c) ;
    if (!isword(&c->t)) return 0 ;
  }
  if (!is(&c->t, '@')) return 0 ;
  if (!stralloc_catb(c->sa, "@", 1)) { c->nomem = 1 ; return 0 ; }
  adv(c) ;
  if (c->t.kind == T_LITERAL)
  {
    if (!put(c->sa, &c->x, &c->t)) { c->nomem = 1 ; return 0 ; }
    adv(c) ;
  }
  else for (;;)
  {
    if (c->t.kind != T_ATOM) return 0 ;
    if (!put(c->sa, &c->x, &c->t)) { c->nomem = 1 ; return 0 ; }
    adv(c) ;
    if (!is(&c->t, '.')) break ;
    if (!stralloc_catb(c->sa, ".", 1)) { c->nomem = 1 ; return 0 ; }
    adv(c) ;
  }
  if (c->sa->len - mark > RFC5322_ADDRSPEC_MAX || ++c->count > RFC5322_ADDR_MAX) return 0 ;
  if (!stralloc_0(c->sa)) { c->nomem = 1 ; return 0 ; }
  return 1 ;
}

/* obs-route (RFC 5322 4.4): 1#([CFWS] "@" domain) ":" ; skipped */
static int route (ctx *c)
{
  while (is(&c->t, '@') || is(&c->t, ','))
  {
    if (is(&c->t, ',')) { adv(c) ; continue ; }
    adv(c) ;
    if (c->t.kind == T_LITERAL) adv(c) ;
    else
    {
      if (c->t.kind != T_ATOM) return 0 ;
      for (adv(c) ; is(&c->t, '.') ; adv(c)) { adv(c) ; if (c->t.kind != T_ATOM) return 0 ; }
    }
  }
  if (!is(&c->t, ':')) return 0 ;
  adv(c) ;
  return 1 ;
}

/* angle-addr at '<' */
static int angle (ctx *c)
{
  adv(c) ;
  if (is(&c->t, '@') && !route(c)) return 0 ;
  if (!addrspec(c) || !is(&c->t, '>')) return 0 ;
  adv(c) ;
  return 1 ;
}

/* What follows at the top level of an address: the first of '<', ':', or
   anything that ends it; the lexer is not moved. */
static char lookahead (ctx const *c)
{
  lex x = c->x ;
  tok t = c->t ;
  for (;;)
  {
    if (t.kind == T_END) return 0 ;
    if (t.kind == T_BAD) return '!' ;
    if (t.kind == T_SPECIAL && (t.c == '<' || t.c == ':' || t.c == ',' || t.c == ';' || t.c == '>')) return t.c ;
    t = next(&x) ;
  }
}

/* display-name: a phrase (words, and dots in the obsolete form) */
static int phrase (ctx *c)
{
  int n = 0 ;
  while (isword(&c->t) || (n && is(&c->t, '.'))) { adv(c) ; n++ ; }
  return n ;
}

static int mailbox (ctx *c)
{
  char la = lookahead(c) ;
  if (la == '<')
  {
    phrase(c) ;
    return is(&c->t, '<') && angle(c) ;
  }
  return addrspec(c) ;
}

/* address: mailbox or group; a group's members are mailboxes */
static int address (ctx *c, int ingroup)
{
  if (!ingroup && lookahead(c) == ':')
  {
    if (!phrase(c) || !is(&c->t, ':')) return 0 ;
    adv(c) ;
    for (;;)
    {
      while (is(&c->t, ',')) adv(c) ;
      if (is(&c->t, ';')) { adv(c) ; return 1 ; }
      if (!address(c, 1)) return 0 ;
      if (is(&c->t, ',')) continue ;
      if (!is(&c->t, ';')) return 0 ;
    }
  }
  return mailbox(c) ;
}

int rfc5322_addrlist_parse (char const *s, size_t len, stralloc *sa)
{
  ctx c = { .x = { .s = s, .len = len, .pos = 0 }, .sa = sa, .count = 0, .nomem = 0 } ;
  size_t mark = sa->len ;
  adv(&c) ;
  for (;;)
  {
    while (is(&c.t, ',')) adv(&c) ;
    if (c.t.kind == T_END) break ;
    if (!address(&c, 0)) goto err ;
    if (c.t.kind == T_END) break ;
    if (!is(&c.t, ',')) goto err ;
  }
  return c.count ;
 err:
  sa->len = mark ;
  if (c.nomem) errno = ENOMEM ;
  return -1 ;
}

/* The plugin API's names for them (here, so that a binary whose plugins
   parse no header links none of this). */
int qp_date_parse (char const *s, size_t len, int64_t *t) { return rfc5322_date_parse(s, len, t) ; }
int qp_addrlist_parse (char const *s, size_t len, stralloc *sa) { return rfc5322_addrlist_parse(s, len, sa) ; }
