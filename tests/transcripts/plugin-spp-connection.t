# spp: a 4xx E at [connection] ends the session: it is sent as 421.
control me mx.example.test
file busy 755 <<END
#!/bin/sh
echo "E451 4.3.2 too busy for $TCPREMOTEIP"
END
env TCPREMOTEIP=192.0.2.9
control smtpplugins <<END
[connection]
${TMP}/busy
END
control plugins <<END
spp
rcpt_ok
END
<= 421 too busy for 192.0.2.9
<eof
exit 0
