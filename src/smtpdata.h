/* ISC license. */
/* smtpdata.h: the DATA command (RFC 5321 4.1.1.4). */

#ifndef QCSMTPD_SMTPDATA_H
#define QCSMTPD_SMTPDATA_H

/* The DATA command (a qp_command_fn; MAIL, RCPT and no arguments are checked
   by the command table): reads the message, runs the data and queue hooks,
   replies, forgets the transaction. Returns a QP_CMD_* outcome. */
extern int smtp_data (void *state, char *arg) ;

#endif
