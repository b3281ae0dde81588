# quit_fortune: EHLO clients are programs; they get the usual 221.
control me mx.example.test
control plugins <<END
quit_fortune fortune /bin/echo
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> QUIT
<= 221 2.0.0 mx.example.test closing connection. Have a wonderful day.
<eof
exit 0
