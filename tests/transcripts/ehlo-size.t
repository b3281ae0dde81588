# EHLO advertises SIZE <databytes>; MAIL SIZE= over the limit is refused up front;
# BODY=BINARYMIME (RFC 3030, no CHUNKING here) is a value we do not implement: 555.
control me mx.example.test
control databytes 1000000
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO client.example
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE 1000000
<= 250 ENHANCEDSTATUSCODES
> MAIL FROM:<a@b.test> SIZE=1000001
<= 552 5.3.4 Message size exceeds fixed maximum message size
> MAIL FROM:<a@b.test> SIZE=abc
<= 501 5.5.4 Syntax error in parameters
> MAIL FROM:<a@b.test> BODY=BINARYMIME
<= 555 5.5.4 Unsupported BODY value
> MAIL FROM:<a@b.test> SIZE=1000000 BODY=8BITMIME
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> QUIT
<~ 221 
exit 0
