# random_error: the connection note random_fail_% set by an earlier plugin replaces the argument (here 0 -> 100).
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
test/note random_fail_% 100
random_error 0
rcpt_ok
END
<= 421 random failure
<eof
exit 0
log fail: random failure at connect
