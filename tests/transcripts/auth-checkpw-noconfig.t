# auth/auth_checkpassword with neither arguments nor control/smtpauth-checkpassword: configuration error.
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
control plugins <<END
auth/auth_checkpassword
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 421 4.3.0 
<eof
exit 100
log usage: auth/auth_checkpassword
