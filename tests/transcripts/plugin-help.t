# help (reference/qpsmtpd.md 4.2): per-command help files from help_dir and
# from COMMAND FILE arguments (which win); HELP alone gives the hint and the
# core's commands; a command without help, or no command name, gets 502.
control me mx.example.test
file help/mail <<END
MAIL FROM:<sender> [SIZE=n] [BODY=8BITMIME]
  starts a mail transaction (RFC 5321 4.1.1.2)
END
file help/rcpt <<END
not this one: the argument names another file
END
file rcpt.txt <<END
RCPT TO:<recipient>
END
control plugins <<END
help help_dir ${TMP}/help RCPT ${TMP}/rcpt.txt
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELP
<= 214-2.0.0 Try 'HELP COMMAND' for getting help on COMMAND
<= 214 2.0.0 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT
> HELP mail
<= 214-2.0.0 MAIL FROM:<sender> [SIZE=n] [BODY=8BITMIME]
<= 214 2.0.0   starts a mail transaction (RFC 5321 4.1.1.2)
> help Mail FROM:<x@y>
<+ 214
> HELP RCPT
<= 214 2.0.0 RCPT TO:<recipient>
> HELP data
<= 502 5.5.1 Invalid command name
> HELP ../etc/passwd
<= 502 5.5.1 Invalid command name
> HELP help/mail
<= 502 5.5.1 Invalid command name
> HELP abcdefghijklm
<= 502 5.5.1 Invalid command name
> QUIT
<~ 221 
exit 0
