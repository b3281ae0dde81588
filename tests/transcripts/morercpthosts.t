# rcpt_ok: rcpthosts exact and ".domain" entries, morercpthosts.cdb keys, bare
# postmaster; everything else is refused with 550 5.7.1.
control me mx.example.test
control rcpthosts <<END
example.test
.sub.example.test
END
cdb morercpthosts.cdb <<END
more.example.test
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 2.1.5 
> RCPT TO:<u@EXAMPLE.test>
<~ 250 2.1.5 
> RCPT TO:<u@a.sub.example.test>
<~ 250 2.1.5 
> RCPT TO:<u@more.example.test>
<~ 250 2.1.5 
> RCPT TO:<postmaster>
<~ 250 2.1.5 
> RCPT TO:<u@other.example.test>
<* 550 5\.7\.1 .*
> RCPT TO:<u@notmore.example.test>
<* 550 5\.7\.1 .*
> QUIT
<~ 221 
exit 0
