# DATABYTES in the environment overrides control/databytes (qmail parse: leading digits).
control me mx.example.test
control rcpthosts example.test
control databytes 5
env DATABYTES=1000x
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE 1000
<= 250 ENHANCEDSTATUSCODES
> QUIT
<~ 221 
