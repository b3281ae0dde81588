# noop_counter 2: any other command between two NOOPs starts the count again:
# RSET outside a transaction, an unrecognized command, HELP, VRFY, MAIL, and
# RCPT even when rcpt_ok, listed first, ends the rcpt chain.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
rcpt_ok
noop_counter 2
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> NOOP
<= 250 2.0.0 OK
> RSET
<~ 250 
> NOOP
<= 250 2.0.0 OK
> FROB
<= 500 5.5.1 Unrecognized command
> NOOP
<= 250 2.0.0 OK
> HELP
<+ 214
> NOOP
<= 250 2.0.0 OK
> VRFY u
<~ 252 
> NOOP
<= 250 2.0.0 OK
> HELO c.example
<~ 250 
> NOOP
<= 250 2.0.0 OK
> MAIL FROM:<a@b.test>
<~ 250 
> NOOP
<= 250 2.0.0 OK
> RCPT TO:<u@example.test>
<~ 250 
> NOOP
<= 250 2.0.0 OK
> QUIT
<~ 221 
exit 0
