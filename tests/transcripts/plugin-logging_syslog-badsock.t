# logging/syslog logsock udp: only the local datagram socket is spoken, so
# Sys::Syslog's other transports are a configuration error naming them.
control me mx.example.test
control logging logging/syslog logsock udp
control plugins rcpt_ok
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log ^qcsmtpd: \d+ .*plugin=logging/syslog bad logsock udp \(unix or the absolute path
queued 0
