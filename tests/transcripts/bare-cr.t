# A bare CR in DATA (the <CR>.<CR> smuggling form) is refused like a bare LF.
control me mx.example.test
control rcpthosts example.test
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
>~ body\r.\rmore\r\n.\r\n
<= 421 4.5.2 mx.example.test Bare LF or CR in message text (RFC 5321 2.3.8), closing connection
<eof
exit 111
queued 0
