# rcpt_map reject 0: refusals are only logged; rcpt_ok decides.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example reject 0
rcpt_ok
END
control loglevel 6
control map_example <<END
# map for example.test
me@example.test          OK
info@Example.Test        DENY     User not found.
busy                     DENYSOFT Mailbox busy, try later
nocomment@example.test   DENY
gone@example.test        DENY_DISCONNECT Gone
other@elsewhere.test     OK
pass@example.test        DECLINED
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<stranger@example.test>
<= 250 2.1.5 <stranger@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
log plugin=rcpt_map fail: <stranger@example.test> is not in the map: DENY
log plugin=rcpt_map fail, tolerated: No such user\.
