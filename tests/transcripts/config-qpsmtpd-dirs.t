# qpsmtpd's configuration directories (issue 9): without $QCSMTPD_CONTROL,
# $QPSMTPD_CONFIG comes first, then ./control, then ./config (qpsmtpd's
# config directory, where its run script cds), then $QMAIL/control. Each
# file name is looked up on its own.
unenv QCSMTPD_CONTROL
env QPSMTPD_CONFIG=${TMP}/qpconfig
env QMAIL=${TMP}/qmail
file qpconfig/me <<END
from-qpsmtpd-config.example
END
file config/me <<END
from-dot-config.example
END
file config/rcpthosts <<END
dot-config.example
END
file config/plugins <<END
relay
rcpt_ok
queue/qmail-queue
END
file qmail/control/rcpthosts <<END
qmail-control.example
END
file qmail/control/databytes <<END
100
END
env TCPREMOTEIP=192.0.2.7
<= 220 from-qpsmtpd-config.example ESMTP qcsmtpd ${VERSION} ready
> EHLO c.example
<= 250-from-qpsmtpd-config.example Hi [192.0.2.7] [192.0.2.7]
<= 250-PIPELINING
<= 250-8BITMIME
<= 250-SIZE 100
<= 250 ENHANCEDSTATUSCODES
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@dot-config.example>
<~ 250 
> RCPT TO:<u@qmail-control.example>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
