# A keyword's offer function decides when it is advertised: "offer never"
# leaves XTEST out of the EHLO reply while the command still works.
control me mx.example.test
control plugins <<END
test/extension offer never
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250 ENHANCEDSTATUSCODES
> XTEST
<= 250 2.0.0 xtest count=1
> QUIT
<~ 221 
exit 0
