# $QCSMTPD_CONTROL comes before $QPSMTPD_CONFIG, and ./control before
# ./config: a file in the earlier directory hides the later one's, even when
# it holds only comments (rcpthosts here: nothing is ours).
env QPSMTPD_CONFIG=${TMP}/qpconfig
control me from-qcsmtpd-control.example
control rcpthosts # nothing
file qpconfig/me <<END
from-qpsmtpd-config.example
END
file qpconfig/rcpthosts <<END
example.test
END
file qpconfig/plugins <<END
rcpt_ok
queue/qmail-queue
END
env TCPREMOTEIP=192.0.2.7
<= 220 from-qcsmtpd-control.example ESMTP qcsmtpd ${VERSION} ready
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<= 550 5.7.1 Relaying denied
> QUIT
<~ 221 
exit 0
