# rcpt_map: an address listed twice is a warning; the first line counts.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example
rcpt_ok
END
control loglevel 4
control map_example <<END
info@example.test DENY First
INFO OK
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<info@example.test>
<= 550 5.7.1 First
> QUIT
<~ 221 
exit 0
log plugin=rcpt_map warning: control/map_example: info@example.test is listed more than once: the first line counts
