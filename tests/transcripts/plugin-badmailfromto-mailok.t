# badmailfromto: when an earlier plugin accepts MAIL with OK, its MAIL hook
# does not run; RCPT then looks the sender up itself, so the pair is still
# refused (test/verdict answers OK at mail).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
test/verdict mail OK
badmailfromto
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
> QUIT
<~ 221 
exit 0
