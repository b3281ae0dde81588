# headers require From,Date future 2 past 15 (master's sample line), with the
# check binary's clock fixed at 2026-12-05T00:00:00Z (QCSMTPD_TEST_NOW): a
# Date 3 days ahead, 16 days back, or unparsable is refused for now
# (reject_type temp: 451); one within the window passes; obsolete forms too.
control me mx.example.test
control rcpthosts example.test
control plugins <<END
headers reject_type temp require From,Date future 2 past 15
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1796428800
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> From: a@b.test
>
> no date
> .
>}
<= 451 4.7.1 We require a valid Date header
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> From: a@b.test
> Date: Tue, 08 Dec 2026 00:00:01 +0000
>
> future
> .
>}
<= 451 4.7.1 The Date header is too far in the future
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> From: a@b.test
> Date: 19 Nov 26 23:59 GMT
>
> past
> .
>}
<= 451 4.7.1 The Date header is too far in the past
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> From: a@b.test
> Date: yesterday
>
> garbage
> .
>}
<= 451 4.7.1 The Date header is not a valid RFC 5322 date
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> From: a@b.test
> Date: Fri, 4 Dec 2026 18:00:00 -0600 (CST)
>
> fine
> .
>}
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
