# No TCPREMOTEIP: ${PROTO}REMOTEIP is used.
control me mx.example.test
env PROTO=TCP6
env TCP6REMOTEIP=2001:db8::7
<~ 220 
> HELO c.example
<= 250 mx.example.test Hi [2001:db8::7] [2001:db8::7]; I am so happy to meet you.
> QUIT
<~ 221 
exit 0
