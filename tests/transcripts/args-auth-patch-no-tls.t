# The AUTH patch form with the default tls_before_auth 1 and no TLS
# configured: AUTH cannot be offered, and every EHLO says so in the log.
control me mx.example.test
args mx.auth.test ${TESTS}/checkpassword-test /bin/true
env TCPREMOTEIP=192.0.2.7
<~ 220 mx.example.test ESMTP
> EHLO c.example
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250 ENHANCEDSTATUSCODES
> QUIT
<~ 221 
exit 0
log warn AUTH is not offered: it needs TLS first
