# rcpt_ok: a bare postmaster (any case) is accepted; postmaster at a foreign
# domain is not.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts example.test
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<postmaster>
<= 250 2.1.5 <postmaster>, recipient ok
> RCPT TO:<PostMaster>
<= 250 2.1.5 <PostMaster>, recipient ok
> RCPT TO:<postmaster@elsewhere.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
