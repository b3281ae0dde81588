# received_line hook: OK with a message replaces the value of the Received: field.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
test/verdict received_line OK from custom.example by mx.example.test; private
queue/qmail-queue
rcpt_ok
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
> Subject: r
>
> x
> .
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
message <<END
Received: from custom.example by mx.example.test; private
Subject: r

x
END
