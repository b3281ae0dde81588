# ::ffff:a.b.c.d compares and shows as a.b.c.d; TCPREMOTEHOST is used as remote_info.
control me mx.example.test
env TCPREMOTEIP=::ffff:192.0.2.9
<~ 220 
> HELO c.example
<= 250 mx.example.test Hi [192.0.2.9] [192.0.2.9]; I am so happy to meet you.
> QUIT
<~ 221 
exit 0
