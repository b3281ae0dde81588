# badmailfromto takes only the common arguments: anything else is a
# configuration error.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control plugins <<END
badmailfromto file x
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin badmailfromto: unknown argument 'file'
