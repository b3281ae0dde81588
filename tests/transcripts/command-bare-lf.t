# In command mode a bare LF ends a line (qmail compatibility).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
>~ HELO c.example\nMAIL FROM:<a@b.test>\n
<~ 250 mx.example.test Hi 
<~ 250 2.1.0 
>~ QUIT\n
<~ 221 
<eof
exit 0
