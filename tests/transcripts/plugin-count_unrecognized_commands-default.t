# count_unrecognized_commands without argument: 4, as qpsmtpd; known commands
# in between do not reset the count.
control me mx.example.test
control plugins <<END
count_unrecognized_commands loglevel 7
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> A
<= 500 5.5.1 Unrecognized command
> B
<= 500 5.5.1 Unrecognized command
> NOOP
<~ 250 
> HELO c.example
<~ 250 
> C
<= 500 5.5.1 Unrecognized command
> D
<= 521 5.5.1 Closing connection, 4 unrecognized commands. Perhaps you should read RFC 5321?
<eof
exit 0
log plugin=count_unrecognized_commands pass: unrecognized command number 3
