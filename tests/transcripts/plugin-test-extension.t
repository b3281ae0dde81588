# A plugin adds a command, an EHLO keyword and a MAIL parameter through its
# descriptor (test/extension): the keyword is advertised after the core's
# early ones, the command's flags are checked by the core (503 before HELO,
# 501 with arguments), the parameter is the plugin's to accept or refuse, and
# a parameter nobody owns still gets 555 (RFC 5321 4.1.1.11). The value
# accepted is kept in a transaction note, gone at the next MAIL.
control me mx.example.test
control rcpthosts example.test
control loglevel 6
control plugins <<END
test/extension
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> XTEST
<= 503 5.5.1 please say hello first ...
> EHLO c.example
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250-XTEST V1
<= 250 ENHANCEDSTATUSCODES
> XTEST now
<= 501 5.5.4 Syntax error (no parameters allowed)
> XTEST
<= 250 2.0.0 xtest count=1
> xtest
<= 250 2.0.0 xtest count=2
> MAIL FROM:<a@b.test> XTEST=abc
<= 501 5.5.4 XTEST= takes a number
> MAIL FROM:<a@b.test> XTEST=42 OTHER=1
<= 555 5.5.4 Unsupported MAIL parameter
> MAIL FROM:<a@b.test> xtest=42
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> RCPT TO:<u@example.test> XTEST=1
<= 555 5.5.4 Unsupported RCPT parameter
> MAIL FROM:<c@d.test>
<~ 250 2.1.0 
> QUIT
<~ 221 
exit 0
log plugin=test/extension xtest note=42 param=42
log plugin=test/extension xtest note=\(none\) param=\(none\)
