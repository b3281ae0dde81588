# badmailfromto reject_type temp: 450 4.1.1.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
check_badmailfromto reject_type temp
rcpt_ok
END
control badmailfromto stalker@bad.test victim@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<stalker@bad.test>
<~ 250 
> RCPT TO:<victim@example.test>
<= 450 4.1.1 mail to victim@example.test not accepted here
> QUIT
<~ 221 
exit 0
