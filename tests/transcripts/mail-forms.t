# Accepted MAIL forms: null sender, case-insensitive FROM:, spaces after the colon,
# source route dropped, quoted local part, address literal, unknown parameter ignored;
# a second MAIL resets the transaction.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO client.example
<+ 250
> MAIL FROM:<>
<= 250 2.1.0 <>, sender OK - how exciting to get mail from you!
> mail from: <a@b.test>
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<"john smith"@b.test>
<= 250 2.1.0 <"john smith"@b.test>, sender OK - how exciting to get mail from you!
> MAIL FROM:<a@[192.0.2.1]>
<= 250 2.1.0 <a@[192.0.2.1]>, sender OK - how exciting to get mail from you!
> MAIL FROM:<a@b.test> X-UNKNOWN=1 NOVALUE
<= 555 5.5.4 Unsupported MAIL parameter
> MAIL FROM:<a@b.test> SMTPUTF8
<= 555 5.5.4 Unsupported MAIL parameter
> MAIL FROM:<@relay.test,@r2.test:x@b.test>
<~ 250 2.1.0 
> RCPT TO:<POSTMASTER>
<~ 250 2.1.5 
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> DATA
<~ 354 
> Subject: route
>
> x
> .
<* 250 2\.0\.0 .*\bqp [0-9]+.*
> QUIT
<~ 221 
exit 0
queued 1
envelope Fx@b.test\0TPOSTMASTER\0Tu@example.test\0\0
