# qmail-smtpd with the common SMTP AUTH patch runs "qmail-smtpd HOSTNAME
# CHECKPASSWORD TRUE" (issue 9). In qmail mode (no plugins file) qcsmtpd
# takes that form: HOSTNAME is me when control/me is missing, and
# auth/auth_checkpassword runs that program. AUTH is offered where
# tls_before_auth allows (here 0, as the patch offered it in plaintext).
control rcpthosts example.test
control tls_before_auth 0
args mx.auth.test ${TESTS}/checkpassword-test /bin/true
env TCPREMOTEIP=192.0.2.7
<= 220 mx.auth.test ESMTP qcsmtpd ${VERSION} ready
> EHLO c.example
<= 250-mx.auth.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250-AUTH PLAIN LOGIN
<= 250 ENHANCEDSTATUSCODES
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 235 2.7.0 PLAIN authentication successful for good@example.com - auth_checkpassword
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 250 2.1.5 
> QUIT
<~ 221 
exit 0
