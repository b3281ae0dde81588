# help not_implemented 1: every HELP gets 502.
control me mx.example.test
control plugins <<END
help not_implemented 1
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELP
<= 502 5.5.1 Not implemented.
> HELP mail
<= 502 5.5.1 Not implemented.
> QUIT
<~ 221 
exit 0
