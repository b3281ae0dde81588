# rcpt_map: one instance per domain (rcpt_map, rcpt_map:2), each with its own
# map and default; the map path may be absolute.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain a.test file map_a
rcpt_map:2 domain b.test file ${TMP}/maps/b default DENY=Nobody_at_b
rcpt_ok
END
control loglevel 6
control rcpthosts <<END
a.test
b.test
END
control map_a <<END
alice OK
END
file maps/b <<END
bob@b.test OK
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<alice@a.test>
<= 250 2.1.5 <alice@a.test>, recipient ok
> RCPT TO:<bob@a.test>
<= 550 5.1.1 No such user.
> RCPT TO:<bob@b.test>
<= 250 2.1.5 <bob@b.test>, recipient ok
> RCPT TO:<alice@b.test>
<= 550 5.7.1 Nobody at b
> QUIT
<~ 221 
exit 0
log plugin=rcpt_map fail: <bob@a.test> is not in the map: DENY
log plugin=rcpt_map:2 fail: <alice@b.test> is not in the map: DENY
