# fcrdns: no DNS server answers: iprev=temperror (RFC 8601) goes into the
# core's Authentication-Results field and the message is accepted (reject 0,
# the default, as qpsmtpd).
control me mx.example.test
control rcpthosts example.test
control dns_servers 127.0.0.1:1
control dns_tries 1
control plugins <<END
fcrdns
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
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
message <<END
Authentication-Results: mx.example.test; iprev=temperror policy.iprev=192.0.2.7
Received: {{ANY}}
{{x09}}{{ANY}}
Subject: t

x
END
