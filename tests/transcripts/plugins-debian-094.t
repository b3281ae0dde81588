# Debian's qpsmtpd 0.94 default plugins file (reference/qpsmtpd.md 4.4), minus
# the plugins qcsmtpd does not have yet (rhsbl, dnsbl, check_spamhelo,
# check_badrcptto, check_loop), with qpsmtpd's per-plugin "loglevel 7" on
# every line: it loads, and a message goes through with each plugin logging
# at its own level while control/loglevel stays at warn.
control me mx.example.test
control rcpthosts example.test
control loglevel 4
control plugins <<END
# Debian 0.94 /etc/qpsmtpd/plugins, as shipped
check_earlytalker action log loglevel 7
check_relay loglevel 7
check_badmailfrom loglevel 7
rcpt_ok loglevel 7
queue/qmail-queue loglevel 7
END
env TCPREMOTEIP=192.0.2.7
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
>{
> Subject: debian
>
> body
> .
>}
<~ 250 2.0.0 
> QUIT
<~ 221 
exit 0
queued 1
log info plugin=check_earlytalker pass: 192\.0\.2\.7 waited for the greeting
log debug plugin=rcpt_ok pass: example\.test is ours
nolog config error
nolog qcsmtpd: [0-9]+ info reply
log info plugin=check_relay skip: 192\.0\.2\.7 may not relay
