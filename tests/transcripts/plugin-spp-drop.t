# spp: D drops the connection; RFC 5321 3.8 wants a 421 first.
control me mx.example.test
file d 755 <<END
#!/bin/sh
echo D
END
control smtpplugins <<END
[helo]
${TMP}/d
END
control plugins <<END
spp
rcpt_ok
END
<~ 220 
> EHLO c.example
<= 421 closing connection
<eof
exit 0
