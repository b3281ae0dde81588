# rcpt_map reject naughty: the refusal is stored with its verdict and naughty
# delivers it.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example reject naughty
naughty
rcpt_ok
END
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
> RCPT TO:<info@example.test>
<= 550 5.7.1 (rcpt_map) User not found.
> QUIT
<~ 221 
exit 0
