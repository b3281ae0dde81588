# uribl: a malformed control/uribl_zones line (an unknown action) is our
# fault: logged at start, messages deferred after DATA until it is fixed.
control me mx.example.test
control rcpthosts example.test
control uribl_zones multi.surbl.test 0x0c reject-everything
control plugins <<END
uribl
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: t
>
> http://x.example/
> .
<= 451 4.3.0 URI block list configuration error; try again later
> QUIT
<~ 221 
exit 0
queued 0
log error plugin=uribl error: control/uribl_zones: malformed line
