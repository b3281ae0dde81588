# rcpt_ok: an unreadable rcpthosts (here a directory): 451 4.3.0, logged;
# relay clients and bare postmaster do not need it.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
file control/rcpthosts/x <<END
example.test
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@example.test>
<= 451 4.3.0 unable to read controls
> RCPT TO:<postmaster>
<= 250 2.1.5 <postmaster>, recipient ok
> QUIT
<~ 221 
exit 0
log error plugin=rcpt_ok .*rcpthosts
