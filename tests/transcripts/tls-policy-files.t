# control/tls_protocols and tls_ciphers that hold comments only (as the
# samples in control/) leave the defaults; a bad word is a configuration
# error naming the file (tests/integration/tls.py tests the handshakes).
control me mx.example.test
control tls_protocols <<END
# only a comment
END
control tls_ciphers <<END
# only a comment
END
control plugins <<END
tls
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 mx.example.test ESMTP
> QUIT
<~ 221 
exit 0
