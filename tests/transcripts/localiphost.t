# qmail-smtpd's localiphost (reference/qmail.md 1.6, issue 9): an address
# literal naming one of this host's addresses (TCPLOCALIP, an interface's:
# 127.0.0.1 and ::1 on loopback, 0.0.0.0) is rewritten to control/localiphost
# (default: me) before the recipient checks, and the envelope carries the
# name. IPv6 literals too. Another literal is left alone (and refused here).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env TCPLOCALIP=192.0.2.1
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@[127.0.0.1]>
<= 250 2.1.0 <a@mx.example.test>, sender OK - how exciting to get mail from you!
> RCPT TO:<postmaster@[192.0.2.1]>
<= 250 2.1.5 <postmaster@mx.example.test>, recipient ok
> RCPT TO:<u@[IPv6:::1]>
<= 250 2.1.5 <u@mx.example.test>, recipient ok
> RCPT TO:<u@[0.0.0.0]>
<= 250 2.1.5 <u@mx.example.test>, recipient ok
> RCPT TO:<u@[203.0.113.99]>
<~ 550 5.7.1 
> DATA
<~ 354 
>{
> Subject: literal
>
> body
> .
>}
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
envelope Fa@mx.example.test\0Tpostmaster@mx.example.test\0Tu@mx.example.test\0Tu@mx.example.test\0\0
