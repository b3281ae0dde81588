# rcpt_map default OK: unknown addresses are accepted (no rcpthosts needed),
# listed refusals still apply.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example default OK
rcpt_ok
END
control rcpthosts other.test
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
> RCPT TO:<info@example.test>
<= 550 5.7.1 User not found.
> QUIT
<~ 221 
exit 0
