# NOOP, RSET, VRFY, HELP, unrecognized commands (spec-core defaults, no plugin hooks).
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> NOOP
<= 250 2.0.0 OK
> noop with args
<= 250 2.0.0 OK
> RSET
<= 250 2.0.0 OK
> RSET x
<= 250 2.0.0 OK
> VRFY postmaster
<= 252 2.0.0 Just try sending a mail and we'll see how it turns out ...
> HELP
<= 214-2.0.0 This is qcsmtpd ${VERSION}
<= 214-2.0.0 Commands: HELO EHLO MAIL RCPT DATA RSET NOOP VRFY HELP QUIT
<= 214 2.0.0 End of HELP info
> EXPN list
<= 500 5.5.1 Unrecognized command
>
<= 500 5.5.1 Unrecognized command
>  NOOP
<= 500 5.5.1 Unrecognized command
>~ NOOP\tx\r\n
<= 500 5.5.1 Unrecognized command
> QUIT
<~ 221 2.0.0 
<eof
exit 0
