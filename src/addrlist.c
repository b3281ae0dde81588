/* ISC license. */
/* addrlist.c: address lists in qmail's badmailfrom format, with qpsmtpd's
   pattern entries (qp_addrlist_*), for badmailfrom, badrcptto and the
   like. Each line is "key [reason]": an address, "@host", or a POSIX
   extended regex. Whether a key is a pattern is the caller's choice per
   file: qmail's files are literal (list+bounce@x blocks exactly that),
   qpsmtpd master took any key with one of its pattern characters as a
   regex, and qpsmtpd 0.94's *_patterns files held only regexes. The file's
   text stays in one stralloc, split in place, and the patterns are compiled
   once, when the plugin starts. */

#include <errno.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"

/* qpsmtpd master's rule: a key with any of these characters is a pattern */
#define PATTERN_CHARS "/^$*+!%?\\"

enum kind_e { KIND_ADDR, KIND_HOST, KIND_REGEX } ;

struct qp_addrentry_s
{
  size_t key ;          /* offsets in the list's text */
  size_t reason ;       /* (size_t)-1: none */
  int kind ;
  regex_t re ;          /* KIND_REGEX */
} ;

/* Splits "key   reason" in place; the reason's offset or (size_t)-1. */
static size_t split (char *text, size_t off)
{
  char *s = text + off ;
  size_t k = strcspn(s, " \t") ;
  if (!s[k]) return (size_t)-1 ;
  s[k++] = 0 ;
  k += strspn(s + k, " \t") ;
  return s[k] ? off + k : (size_t)-1 ;
}

/* 1, or 0 after logging (a bad pattern). */
static int entry_make (qp_addrlist *l, size_t off, int mode, char const *file, char const *hint)
{
  struct qp_addrentry_s *e = l->e + l->n ;
  char *key = l->text.s + off ;
  int looks = !!key[strcspn(key, PATTERN_CHARS)] ;
  e->key = off ;
  e->reason = split(l->text.s, off) ;
  if (mode == QP_ADDRLIST_PATTERN || (mode == QP_ADDRLIST_AUTO && looks))
  {
    int r = regcomp(&e->re, key, REG_EXTENDED | REG_ICASE | REG_NOSUB) ;
    if (r)
    {
      char err[256] ;
      regerror(r, &e->re, err, sizeof err) ;
      qp_log(LOGERROR, "control/", file, ": bad pattern ", key, ": ", err, (char *)0) ;
      return 0 ;
    }
    e->kind = KIND_REGEX ;
    return 1 ;
  }
  if (looks && hint)
    qp_log(LOGINFO, "control/", file, ": ", key, " is taken literally, as qmail does (patterns: ", hint, ")", (char *)0) ;
  for (char *s = key ; *s ; s++) if (*s >= 'A' && *s <= 'Z') *s += 'a' - 'A' ;
  if (!strchr(key, '@'))
    qp_log(LOGWARN, "warning: control/", file, ": no @ in ", key, ": it can never match", (char *)0) ;
  e->kind = key[0] == '@' ? KIND_HOST : KIND_ADDR ;
  return 1 ;
}

int qp_addrlist_load (qp_addrlist *l, char const *file, int mode, char const *hint)
{
  size_t start = l->text.len, count = 0 ;
  struct qp_addrentry_s *e ;
  if (qp_control_list(file, &l->text) < 0)
  {
    qp_log(LOGERROR, "unable to read control/", file, ": ", strerror(errno), (char *)0) ;
    return 0 ;
  }
  for (size_t i = start ; i < l->text.len ; i++) count += !l->text.s[i] ;
  if (!count) return 1 ;
  e = realloc(l->e, (l->n + count) * sizeof *e) ;
  if (!e)
  {
    qp_log(LOGERROR, "out of memory", (char *)0) ;
    return 0 ;
  }
  l->e = e ;
  for (size_t i = start ; i < l->text.len ; )
  {
    size_t next = i + strlen(l->text.s + i) + 1 ;
    if (!entry_make(l, i, mode, file, hint)) return 0 ;
    l->n++ ;
    i = next ;
  }
  return 1 ;
}

int qp_addrlist_match (qp_addrlist const *l, char const *addr, qp_addrmatch *m)
{
  char const *at = strrchr(addr, '@') ;
  /* the null sender, and an address without user or host, match nothing */
  if (!at || at == addr || !at[1]) return 0 ;
  for (size_t i = 0 ; i < l->n ; i++)
  {
    struct qp_addrentry_s const *e = l->e + i ;
    char const *key = l->text.s + e->key ;
    int hit = e->kind == KIND_REGEX ? !regexec(&e->re, addr, 0, 0, 0)
            : e->kind == KIND_HOST ? !strcasecmp(key, at) : !strcasecmp(key, addr) ;
    if (!hit) continue ;
    m->key = key ;
    m->reason = e->reason == (size_t)-1 ? 0 : l->text.s + e->reason ;
    m->pattern = e->kind == KIND_REGEX ;
    return 1 ;
  }
  return 0 ;
}
