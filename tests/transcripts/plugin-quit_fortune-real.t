# quit_fortune with the real fortune(6) of Debian's fortune-mod (installed by
# .ci/run), at its default path: a multi-line 221 ending the session.
control me mx.example.test
control plugins <<END
quit_fortune
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> QUIT
<= 221-2.0.0 mx.example.test closing connection.
<+ 221
<eof
exit 0
