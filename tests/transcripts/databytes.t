# databytes counts the message as stored (LF line ends, dots removed, without the
# Received line): exactly databytes is accepted, one more byte is refused after the
# end of data (reference/qmail.md 1.8).
control me mx.example.test
control rcpthosts example.test
control databytes 20
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
# 19 characters + LF = 20 bytes (the leading dot is removed)
> ..23456789012345678
> .
<~ 250 2.0.0 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> 12345678901234567890
> .
<= 552 5.3.4 Message size exceeds fixed maximum message size
> QUIT
<~ 221 
exit 0
queued 1
