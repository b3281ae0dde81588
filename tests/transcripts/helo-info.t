# remote_info with TCPREMOTEINFO: info@host.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
env TCPREMOTEHOST=client.example.net
env TCPREMOTEINFO=alice
<~ 220 
> HELO client.example
<= 250 mx.example.test Hi alice@client.example.net [192.0.2.7]; I am so happy to meet you.
> QUIT
<~ 221 
