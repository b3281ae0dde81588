# In qmail mode (no plugins file), control/servercert.pem (the qmail-tls
# patch's file) turns STARTTLS on, as the patch does (issue 9); the file's
# contents are read only when a client sends STARTTLS (here it is garbage:
# 454, and the session goes on).
control me mx.example.test
control servercert.pem not a certificate
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250-STARTTLS
<= 250 ENHANCEDSTATUSCODES
> STARTTLS
<= 454 4.7.0 TLS not available due to temporary reason
> QUIT
<~ 221 
exit 0
