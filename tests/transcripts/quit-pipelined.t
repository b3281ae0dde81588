# Input after QUIT in the same packet is not executed.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
>{
> NOOP
> QUIT
> NOOP
> HELO c.example
>}
<= 250 2.0.0 OK
<~ 221 2.0.0 
<eof
exit 0
