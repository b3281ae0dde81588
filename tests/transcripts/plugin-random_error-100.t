# random_error 100: the first stage always fails; at connect both verdicts are 421 and close.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
random_error 100
rcpt_ok
END
<= 421 random failure
<eof
exit 0
log fail: random failure at connect
