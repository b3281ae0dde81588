# helo lenient: an ordinary name, the client's own address literal and
# a name badhelo's negated expression (!...) matches pass; the last name
# given goes into X-HELO; a name the expression does not match is refused.
control me mx.example.test
control rcpthosts example.test
control badhelo <<END
!^([a-z0-9.-]+|\[[0-9.]+\])$
END
control plugins <<END
helo
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO [192.0.2.7]
<+ 250
> HELO client.example
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
> HELO under_score.example
<= 550 Your HELO hostname is not allowed
<eof
exit 0
queued 1
message <<END
Received: {{ANY}}
{{x09}}{{ANY}}
Subject: t
X-HELO: client.example

x
END
