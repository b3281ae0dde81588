# control/relayclients with a prefix "192.0.2." makes the client a relay client.
control me mx.example.test
control rcpthosts example.test
control relayclients <<END
# comment
10.1.1.1
192.0.2.
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<= 250 2.1.5 <u@elsewhere.test>, recipient ok
> QUIT
<~ 221 
exit 0
