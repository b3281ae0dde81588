# control/tls_ciphers takes aead, ecdhe or all; anything else is a
# configuration error naming the file and the choices.
control me mx.example.test
control tls_ciphers HIGH:!aNULL
control plugins <<END
tls
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log control/tls_ciphers: 'HIGH:!aNULL' is not one of aead ecdhe all
