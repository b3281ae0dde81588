# badmailfrom reject_type disconnect: 550 5.7.1 and the connection is closed.
control me mx.example.test
control badmailfrom bad@b.test
control plugins <<END
badmailfrom reject_type disconnect
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<= 550 5.7.1 Your envelope sender is in my badmailfrom list
<eof
exit 0
