# test/verdict: the words after the verdict are the message (replacing the default).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
test/verdict mail DENY go   away
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<= 550 5.7.1 go away
> QUIT
<~ 221 
exit 0
