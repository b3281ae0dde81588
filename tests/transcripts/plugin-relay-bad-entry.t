# relay: a relayclients line that is no address, prefix or CIDR block is a
# configuration error (qpsmtpd silently ignored it).
control me mx.example.test
control relayclients <<END
192.0.2.7
192.0.2.0/24 office
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log relayclients: not an IP address.*office
queued 0
