# naughty listed after rcpt_ok with reject rcpt: rcpt_ok accepts the
# recipient first, so the refusal comes from the data_post safety net after
# the message: 554 at the end of data, nothing queued (as qpsmtpd).
control me mx.example.test
control rcpthosts example.test
control badmailfrom bad@b.test
control plugins <<END
badmailfrom reject naughty
rcpt_ok
naughty
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> DATA
<~ 354 
>{
> Subject: x
>
> body
> .
>}
<= 554 5.7.1 (badmailfrom) Your envelope sender is in my badmailfrom list
<eof
exit 0
queued 0
