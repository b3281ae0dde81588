# auth/auth_checkpassword runs no shell and searches no PATH: a relative
# program is a configuration error (421 4.3.0 at the greeting).
control me mx.example.test
control rcpthosts example.test
control tls_before_auth 0
control loglevel 5
control plugins <<END
auth/auth_checkpassword checkpw checkpassword true /bin/true
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 421 4.3.0 
<eof
exit 100
log not an absolute path: checkpassword
