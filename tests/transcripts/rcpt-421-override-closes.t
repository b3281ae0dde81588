# Found with tests/fuzz (session invariant "nothing after a 221 or 421").
# spec-core.md "Plugin messages": a
# "NNN " override of the verdict's class replaces the table's code; RFC 5321
# 3.8 and 4.2.2: 421 means the server is closing the channel. A DENYSOFT whose
# message starts "421 " (as plugins/relay.c's "421 4.3.0 out of memory" at
# rcpt) sends 421 and then keeps serving: the client takes the connection as
# closed while we do not. Expected: after a 421 reply the session ends, as for
# DENYSOFT_DISCONNECT (disconnect hook, exit 0).
control me mx.example.test
control rcpthosts example.test
control plugins <<END
test/verdict rcpt DENYSOFT 421 4.3.0 out of memory
relay
badmailfrom
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0
> RCPT TO:<u@example.test>
<= 421 4.3.0 out of memory
<eof
exit 0
queued 0
