# logging/file loglevel LOGINFO tsformat F PATH: info events too (the core's
# qpsmtpd-shaped lines), the time in the given strftime format.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1700000000
env TZ=UTC
control logging logging/file loglevel LOGINFO tsformat [%Y-%m-%dT%H:%M:%S] qp.log
control plugins <<END
relay
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
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
fileis qp.log <<END
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: Connection from [192.0.2.7] [192.0.2.7]
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: (connect) relay: skip: 192.0.2.7 may not relay
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: 220 mx.example.test ESMTP qcsmtpd 0.1.0 ready
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: dispatching HELO c.example
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: 250 mx.example.test Hi [192.0.2.7] [192.0.2.7]; I am so happy to meet you.
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: dispatching MAIL FROM:<a@b.test>
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: dispatching RCPT TO:<u@elsewhere.test>
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: (rcpt) rcpt_ok: fail: elsewhere.test is not in rcpthosts
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: Plugin rcpt_ok, hook rcpt returned DENY, 550 5.7.1 Relaying denied
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: 550 5.7.1 Relaying denied
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: dispatching RCPT TO:<u@example.test>
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: Plugin rcpt_ok, hook rcpt returned OK, 
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: 250 2.1.5 <u@example.test>, recipient ok
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: dispatching DATA
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: 354 go ahead, end data with <CR><LF>.<CR><LF>
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: (queue) queue/qmail-queue: queued: pid={{re:\d+}} code=0
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: Plugin queue/qmail-queue, hook queue returned OK, Queued! 1700000000 qp {{re:\d+}}
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: 250 2.0.0 Queued! 1700000000 qp {{re:\d+}}
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: queued from 192.0.2.7 by queue/qmail-queue
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: dispatching QUIT
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: 221 2.0.0 mx.example.test closing connection. Have a wonderful day.
[2023-11-14T22:13:20] {{re:[^ \[]+}}[{{re:\d+}}]: click, disconnecting
END
