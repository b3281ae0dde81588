# control/localiphost names what an own-address literal becomes.
control me mx.example.test
control localiphost mail.example.test
control rcpthosts mail.example.test
control plugins <<END
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
env TCPLOCALIP=192.0.2.1
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<postmaster@[192.0.2.1]>
<= 250 2.1.5 <postmaster@mail.example.test>, recipient ok
> QUIT
<~ 221 
exit 0
