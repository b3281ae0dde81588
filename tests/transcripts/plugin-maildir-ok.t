# queue/maildir: delivery into a new Maildir (created with tmp/ new/ cur/):
# 250 Queued! <unique name>, the name <epoch>.P<pid>M<usec>Q<n>.<host>.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
rcpt_ok
queue/maildir ${TMP}/Maildir
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> RCPT TO:<v@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: md
>
> body
> .
<* 250 2\.0\.0 Queued! \d+\.P\d+M\d+Q0\.\S+
# the session goes on
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
queued 0
log info plugin=queue/maildir queued: .*/Maildir/new/\d+\.P\d+M\d+Q0\.
