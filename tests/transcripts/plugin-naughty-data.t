# naughty reject data: the deferred refusal answers DATA (554 and close with
# the default reject_type disconnect); a sender that is not listed goes through.
control me mx.example.test
control rcpthosts example.test
control badmailfrom bad@b.test
control plugins <<END
badmailfrom reject naughty
rcpt_ok
naughty reject data
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<bad@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<= 554 5.7.1 (badmailfrom) Your envelope sender is in my badmailfrom list
<eof
exit 0
queued 0
