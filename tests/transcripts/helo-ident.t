# remote_info: no host -> [ip]; with ident -> info@host. Verb case-insensitive.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> hElO client.example
<= 250 mx.example.test Hi [192.0.2.7] [192.0.2.7]; I am so happy to meet you.
> QUIT
<~ 221 
