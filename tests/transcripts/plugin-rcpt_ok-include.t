# rcpt_ok: rcpthosts may $include another file.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts <<END
example.test
$include rcpthosts.more
END
control rcpthosts.more <<END
other.test
END
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@other.test>
<= 250 2.1.5 <u@other.test>, recipient ok
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> RCPT TO:<u@third.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
