# badmailfromto: the null sender is never listed.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfromto
rcpt_ok
END
control badmailfromto @spam.test victim@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<>
<~ 250 
> RCPT TO:<victim@example.test>
<= 250 2.1.5 <victim@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
