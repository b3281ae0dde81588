# karma: the store directory missing: the client passes, the failure is logged
# at connect and at disconnect (karma is a convenience, never a reason to refuse).
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/nostore
env TCPREMOTEIP=192.0.2.7
control karma_tlds <<END
example:-9
END
control plugins <<END
karma
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@sender.example>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> QUIT
<~ 221 
exit 0
log plugin=karma store failure: .*; the client is let in
log plugin=karma store failure: .*; the connection is not counted
