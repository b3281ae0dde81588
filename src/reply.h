/* ISC license. */
/* reply.h: the only writer of SMTP replies: the verdict x hook table, plugin
   message overrides, enhanced status codes (RFC 2034, 3463), sanitising. */

#ifndef QCSMTPD_REPLY_H
#define QCSMTPD_REPLY_H

#include <stddef.h>

#define REPLY_CONTINUE 0   /* OK/DECLINED where the command goes on */
#define REPLY_SENT 1       /* a reply was sent, the command is over */
#define REPLY_DONE 2       /* DONE: the plugin answered, the command is over */
#define REPLY_CLOSE 3      /* a reply was sent and the connection must close */
#define REPLY_IOERROR 4    /* the reply could not be written: the client is gone */

/* Sends a reply: text may hold several lines ('\n'); esc is the enhanced
   status code or NULL. 1 ok, 0 write error. */
extern int reply_send (unsigned int code, char const *esc, char const *text) ;

/* Turns the verdict v of hook (with its message msg, NULL or "" for none)
   into a reply per the table (the hook table says whose rules a hook
   follows). subject replaces "%s" in default texts. Returns one of REPLY_*. */
extern int reply_verdict (int hook, int v, char const *subject, char const *msg) ;

/* The table's row for hook (as the hook table's reply_as names it) and
   verdict: 1 and its code and whether it closes, 0 if none (tests). */
extern int reply_rule (int hook, int v, unsigned int *code, int *closes) ;

/* The length of an RFC 3463 enhanced status code ("5.7.1") at the start of
   s, followed by a space or the end; 0 if there is none. */
extern size_t reply_esc_len (char const *s, size_t len) ;

/* "421 <me> why" with esc, logged. 1 ok, 0 write error. */
extern int reply_closing (char const *esc, char const *why) ;

/* A command's outcome (QP_CMD_*) for a reply_verdict result that ended the
   command: CLOSE and IOERROR end the session, the rest goes on. */
extern int reply_outcome (int r) ;

/* Error replies (500, 501, 503, 504, 555) sent so far, the last code sent,
   the number of replies sent; reply_reset forgets them (a new session). */
extern unsigned int reply_errors (void) ;
extern unsigned int reply_last (void) ;
extern unsigned int reply_count (void) ;
extern void reply_reset (void) ;

#endif
