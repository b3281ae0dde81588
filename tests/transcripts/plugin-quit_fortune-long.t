# quit_fortune: at most 18 lines of the fortune are sent, so that the
# reply, with its first and last lines, fits the core's 20.
control me mx.example.test
file bin/fortune 755 <<END
#!/bin/sh
i=1
while test $i -le 25 ; do echo "line $i" ; i=$((i+1)) ; done
END
control plugins <<END
quit_fortune fortune ${TMP}/bin/fortune
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> QUIT
<= 221-2.0.0 mx.example.test closing connection.
<= 221-2.0.0   / line 1
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<* 221-2\.0\.0   / line ([2-9]|1[0-7])
<= 221-2.0.0   / line 18
<= 221 2.0.0 Have a wonderful day.
<eof
exit 0
