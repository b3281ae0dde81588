# Extra command-line arguments are ignored, as qmail-smtpd does.
control me mx.example.test
args some extra words
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> QUIT
<~ 221 
exit 0
