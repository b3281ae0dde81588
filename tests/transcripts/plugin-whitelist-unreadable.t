# whitelist: an unreadable control file (here a directory) is a configuration error.
control me mx.example.test
file control/whitelistsenders/x <<END
a@b.example
END
control plugins <<END
whitelist
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log unable to read control/whitelistsenders
