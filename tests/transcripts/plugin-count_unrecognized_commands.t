# count_unrecognized_commands 3 (reference/qpsmtpd.md 4.1): the first two
# unknown commands get the core's 500, the third 521 and the connection
# closes. Empty lines count too.
control me mx.example.test
control plugins <<END
count_unrecognized_commands 3
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> FROB
<= 500 5.5.1 Unrecognized command
>
<= 500 5.5.1 Unrecognized command
> EXPN list
<= 521 5.5.1 Closing connection, 3 unrecognized commands. Perhaps you should read RFC 5321?
<eof
exit 0
