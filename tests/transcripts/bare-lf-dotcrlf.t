# Smuggling variant <LF>.<CR><LF>: a bare LF before the dot, 421, nothing queued.
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
>~ body\n.\r\nMAIL FROM:<evil@b.test>\r\n
<= 421 4.5.2 mx.example.test Bare LF or CR in message text (RFC 5321 2.3.8), closing connection
<eof
exit 111
queued 0
