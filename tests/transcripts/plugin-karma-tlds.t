# karma: control/karma_tlds lines tld:+-n weigh the sender's domain on the
# connection's karma (every matching line counts: jp and co.jp); a malformed
# line is logged with its text and skipped; other domains are untouched.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control store_dir ${TMP}/store
file store/.keep <<END
END
env TCPREMOTEIP=192.0.2.7
env QCSMTPD_TEST_NOW=1800000000
control karma_tlds <<END
# comment
jp:-4
.co.jp:-1
fr:+1
bad line
x y:-1
ch:3
de:-1001
jp-:+z
END
control plugins <<END
karma
test/note karma at data
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@mail.example.co.JP>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: t
>
> hi
> .
<~ 250 
> MAIL FROM:<b@example.fr>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> .
<~ 250 
> MAIL FROM:<b@notjp>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 3
log plugin=karma warning: control/karma_tlds: malformed line 'bad line' \(want tld:\+N or tld:-N, N up to 1000\): skipped
log plugin=karma warning: control/karma_tlds: malformed line 'x y:-1'
log plugin=karma warning: control/karma_tlds: malformed line 'de:-1001'
log plugin=karma warning: control/karma_tlds: malformed line 'jp-:\+z'
nolog malformed line 'ch:3'
log plugin=karma adjusting karma by -4 for \.jp envelope sender
log plugin=karma adjusting karma by -1 for \.co\.jp envelope sender
log plugin=test/note note karma=-5\n(.*\n)*.*plugin=test/note note karma=-4\n(.*\n)*.*plugin=test/note note karma=-4$
log plugin=karma negative, sent to penalty box, \(msg: -4, his: -1\)
log plugin=karma fail, deferred to naughty: very bad karma: -5
