# virus/clamdscan: a clamd_socket longer than a unix socket address holds is refused (421, exit 100).
control me mx.example.test
control plugins <<END
virus/clamdscan clamd_socket /xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log plugin=virus/clamdscan clamd_socket '/x+' is no absolute path of at most 107 octets
queued 0
