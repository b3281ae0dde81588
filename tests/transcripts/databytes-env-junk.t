# DATABYTES without leading digits parses as 0 = unlimited (qmail), overriding control/databytes.
control me mx.example.test
control databytes 5
env DATABYTES=junk
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
