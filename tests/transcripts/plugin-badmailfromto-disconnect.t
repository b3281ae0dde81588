# badmailfromto reject_type disconnect: 550 5.1.1 and the connection closes.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfromto reject_type disconnect
rcpt_ok
END
control badmailfromto stalker@bad.test victim@example.test
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<stalker@bad.test>
<~ 250 
> RCPT TO:<victim@example.test>
<= 550 5.1.1 mail to victim@example.test not accepted here
<eof
exit 0
