# "offer tls": the keyword's offer function advertises XTEST only inside
# TLS, so a plaintext EHLO does not list it.
control me mx.example.test
control plugins <<END
test/extension offer tls
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
> QUIT
<~ 221 
exit 0
