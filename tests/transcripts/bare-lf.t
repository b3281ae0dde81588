# SMTP smuggling: a bare LF in DATA gives 421 and a disconnect; nothing is queued.
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
>~ Subject: x\r\n\r\nbody\n.\nMAIL FROM:<evil@b.test>\r\nRCPT TO:<u@example.test>\r\nDATA\r\nsmuggled\r\n.\r\n
<= 421 4.5.2 mx.example.test Bare LF or CR in message text (RFC 5321 2.3.8), closing connection
<eof
exit 111
queued 0
