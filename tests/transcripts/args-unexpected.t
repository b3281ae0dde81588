# Command-line arguments qcsmtpd does not know are a configuration error
# with a log line, not silence (issue 9): only -t and qmail-smtpd's SMTP
# AUTH patch form (HOSTNAME CHECKPASSWORD TRUE) are taken.
control me mx.example.test
args some words
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log config error: unexpected command-line arguments \(qcsmtpd \[-t\] \[HOSTNAME CHECKPASSWORD TRUE\]\): some
