# quit_fortune with a system program as the fortune (/bin/echo prints its
# argument, "-s"): one line.
control me mx.example.test
control plugins <<END
quit_fortune fortune /bin/echo
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> QUIT
<= 221-2.0.0 mx.example.test closing connection.
<= 221-2.0.0   / -s
<= 221 2.0.0 Have a wonderful day.
<eof
exit 0
