# control/auth_fail_limit "3 700000" is not "FAILURES SECONDS [USER_FAILURES
# USER_SECONDS]" in range: a configuration error (421 4.3.0, exit 100), logged.
control me mx.example.test
control tls_before_auth 0
control auth_fail_limit 3 700000
control flat_auth_pw <<END
good@example.com:good_pass
END
control plugins <<END
auth/auth_flat_file
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: control/auth_fail_limit: expected "FAILURES SECONDS \[USER_FAILURES USER_SECONDS\]" \(failures 0 to 1000000, seconds 1 to 604800\), got "3 700000"
