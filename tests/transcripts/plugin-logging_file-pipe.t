# logging/file |COMMAND ARGS: the command (words split on blanks, no shell)
# is started once for the connection and reads the lines on its stdin; %i in
# it becomes qpsmtpd's session id (time-pid-count). It is reaped at the end.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
env TZ=UTC
file logger.sh 755 <<END
#!/bin/sh
echo "id $2" > "$1"
exec /bin/cat >> "$1"
END
control logging logging/file tsformat %H:%M:%S loglevel 5 |${TMP}/logger.sh ${TMP}/piped.log %i
control plugins <<END
relay
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<= 550 5.7.1 Relaying denied
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: t
>
> x
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
nolog .
fileis piped.log <<END
id 1700000000-{{re:\d+}}-1
22:13:20 {{re:[^ \[]+}}[{{re:\d+}}]: Connection from [192.0.2.7] [192.0.2.7]
22:13:20 {{re:[^ \[]+}}[{{re:\d+}}]: queued from 192.0.2.7 by queue/qmail-queue
END
