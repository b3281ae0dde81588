# STYLE (Logging): at loglevel 7 the log has every event, but no password and
# no AUTH payload (base64 or decoded), whether the attempt succeeds or not,
# from the command line, the continuation lines or the plugins.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 7
control flat_auth_pw good@example.com:good_pass
control plugins <<END
auth/auth_flat_file
auth/auth_checkpassword checkpw ${TESTS}/checkpassword-test true /bin/true
auth/authdeny
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> EHLO c.example
<+ 250
> AUTH PLAIN AGdvb2RAZXhhbXBsZS5jb20AYmFkX3Bhc3M=
<~ 535 5.7.8 
> AUTH LOGIN
<= 334 VXNlcm5hbWU6
> b3RoZXJAZXhhbXBsZS5jb20=
<= 334 UGFzc3dvcmQ6
> c2VjcmV0X3R3bw==
<~ 535 5.7.8 
> AUTH PLAIN
<= 334 
> AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
<~ 235 2.7.0 
> QUIT
<~ 221 
exit 0
log info dispatching AUTH PLAIN \.\.\.$
log notice AUTH PLAIN failed for good@example.com from 192.0.2.7
log info AUTH PLAIN succeeded for good@example.com from 192.0.2.7
nolog good_pass
nolog bad_pass
nolog secret_two
nolog AGdvb2RAZXhhbXBsZS5jb20AYmFkX3Bhc3M
nolog AGdvb2RAZXhhbXBsZS5jb20AZ29vZF9wYXNz
nolog c2VjcmV0X3R3bw
nolog b3RoZXJAZXhhbXBsZS5jb20
