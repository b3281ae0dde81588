# auth/auth_checkpassword: DJB's interface on fd 3; exit 0 (the program execs
# its "true") is OK, exit 1 DENY (535). PLAIN and LOGIN only: no CRAM-MD5.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
control plugins <<END
auth/auth_checkpassword checkpw ${TESTS}/checkpassword-test true /bin/true
auth/authdeny
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<= 250-mx.example.test Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE
<= 250-AUTH PLAIN LOGIN
<= 250 ENHANCEDSTATUSCODES
> AUTH LOGIN Z29vZEBleGFtcGxlLmNvbQ==
<= 334 UGFzc3dvcmQ6
> YmFk
<= 535 5.7.8 LOGIN authentication failed for good@example.com from 192.0.2.7 - auth_checkpassword - bad password
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<= 235 2.7.0 PLAIN authentication successful for good@example.com - auth_checkpassword
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@elsewhere.test>
<~ 250 2.1.5 
> QUIT
<~ 221 
exit 0
nolog good_pass
