# The plugin API that no production plugin uses yet, black-box through
# test/api: the client's parsed address (IPv4-mapped IPv6 is IPv4) and CIDR
# matching, a cdb value, per-instance notes, the raw Subject field with its
# folding, a new envelope sender and a replaced body (header kept) at
# data_post, before the queue.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
cdb testmap.cdb <<END
192.0.2.7 value-for-the-client
END
control plugins <<END
test/api net 192.0.2.0/24 map testmap.cdb sender new@sender.test upper 1
test/api:1 net 2001:db8::/32
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=::ffff:192.0.2.7
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<old@sender.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>~ Subject: folded\r\n\tsecond line\r\n\r\nbody text\r\n.\r\n
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
envelope Fnew@sender.test\0Tu@example.test\0\0
message <<END
Received: from c.example (unknown [192.0.2.7])
{{x09}}by mx.example.test (qcsmtpd {{ANY}}) with SMTP; {{DATE}}
Subject: folded
{{x09}}second line

BODY TEXT
END
log plugin=test/api family=4
log plugin=test/api in 192\.0\.2\.0/24: yes
log plugin=test/api:1 in 2001:db8::/32: no
log plugin=test/api cdb value=value-for-the-client
log plugin=test/api:1 own note=1 shared note=none
nolog plugin=test/api:1 cdb
log plugin=test/api own note=1 shared note=none
log plugin=test/api raw=Subject: folded\\n\\tsecond line\\n
