# control/auth_fail_limit is read only when AUTH is offered: without an auth
# plugin even a malformed one is not a configuration error.
control me mx.example.test
control auth_fail_limit nonsense
control plugins <<END
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> QUIT
<~ 221 
exit 0
