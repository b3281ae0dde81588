# whitelist: a control file over 4 MiB is refused (the core's limit): 421.
control me mx.example.test
bigcontrol whitelisthosts 10485760 10.{n}.0.0/16
control plugins <<END
whitelist
rcpt_ok
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log unable to read control/whitelisthosts: File too large
