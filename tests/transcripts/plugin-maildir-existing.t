# queue/maildir: an existing Maildir is used as it is.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
rcpt_ok
queue/maildir ${TMP}/Maildir
END
env TCPREMOTEIP=192.0.2.7
file Maildir/tmp/.keep <<END
END
file Maildir/new/.keep <<END
END
file Maildir/cur/.keep <<END
END
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
