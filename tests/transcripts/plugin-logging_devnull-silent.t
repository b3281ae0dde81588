# logging/devnull listed alone in control/logging: the built-in logger is
# silent (stderr stays empty) while a rejected RCPT and a queued message are
# logged by the core and the plugins; the session itself is unchanged.
control me mx.example.test
control rcpthosts example.test
control loglevel 7
control logging logging/devnull
control plugins <<END
relay
badmailfrom
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 mx.example.test ESMTP
> HELO c.example
<~ 250 mx.example.test Hi
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
