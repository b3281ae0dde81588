# rcpt_map default DECLINED: unknown addresses go on to rcpt_ok; a default
# without =MSG uses "No such user." (only sent with a refusal).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
rcpt_map domain example.test file map_example default DECLINED
rcpt_map:2 domain other.test file map_example default DENY
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
control rcpthosts <<END
example.test
other.test
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<stranger@example.test>
<= 250 2.1.5 <stranger@example.test>, recipient ok
> RCPT TO:<x@other.test>
<= 550 5.1.1 No such user.
> QUIT
<~ 221 
exit 0
