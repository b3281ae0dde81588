# karma: a redis argument naming another server than control/store_redis
# is refused (it would split the data), both named in the log; the same
# server is accepted (the session below is never reached for the first).
control me mx.example.test
control rcpthosts example.test
control store_redis 127.0.0.1:6380
env TCPREMOTEIP=192.0.2.7
control plugins <<END
karma redis 127.0.0.1:6379
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=karma redis 127.0.0.1:6379 is not control/store_redis \(127\.0\.0\.1:6380\)
