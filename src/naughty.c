/* ISC license. */
/* naughty.c: the stored refusals of a connection. The first refusal's
   verdict is the one delivered; each refusal adds a line "(plugin) text"
   (bounded by NAUGHTY_MAX). The connection note "naughty" mirrors the text
   so that plugins written for qpsmtpd's note keep working (doc/notes). */

#include "naughty.h"

#include <string.h>

#include <skalibs/stralloc.h>

#include "qcsmtpd/plugin.h"
#include "limits.h"
#include "log.h"
#include "notes.h"
#include "session.h"

static stralloc text = STRALLOC_ZERO ;
static int verdict = DECLINED ;
static int stored = 0 ;

void naughty_reset (void)
{
  text.len = 0 ;
  verdict = DECLINED ;
  stored = 0 ;
}

static int refusal (int v)
{
  return v == DENY || v == DENYSOFT || v == DENY_DISCONNECT || v == DENYSOFT_DISCONNECT ;
}

int qp_naughty_store (int v, char const *msg)
{
  char const *who = log_who() ;
  size_t mark = text.len ;
  if (!refusal(v)) v = DECLINED ;
  if (!msg || !*msg) msg = "refused" ;
  if (text.len && text.s[text.len - 1] == 0) text.len-- ;
  if (text.len + strlen(msg) + 64 > NAUGHTY_MAX) { log_core(LOGWARN, "naughty: refusal text full, message dropped", (char *)0) ; return 1 ; }
  if ((text.len && !stralloc_catb(&text, "\n", 1))
   || !stralloc_catb(&text, "(", 1) || !stralloc_cats(&text, who ? who : "core") || !stralloc_catb(&text, ") ", 2)
   || !stralloc_cats(&text, msg) || !stralloc_0(&text))
  {
    text.len = mark ;
    return 0 ;
  }
  if (verdict == DECLINED) verdict = v ;
  stored = 1 ;
  return notes_set(&sess.notes, "naughty", text.s) ;
}

int qp_naughty (stralloc *msg, int dflt)
{
  if (!stored) return DECLINED ;
  /* no memory only loses the text: the refusal itself stands */
  if (msg && stralloc_cats(msg, text.s) && stralloc_0(msg)) msg->len-- ;
  return verdict != DECLINED ? verdict : refusal(dflt) ? dflt : DENY ;
}

void qp_naughty_clear (void)
{
  naughty_reset() ;
  notes_set(&sess.notes, "naughty", 0) ;
}
