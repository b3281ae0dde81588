# virus/clamdscan: clamd_port overrides clamd_socket, as in qpsmtpd.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
virus/clamdscan clamd_socket ${TMP}/clamd.sock clamd_host ::1 clamd_port 1 defer_on_error 1
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: hi
>
> hello
> .
<= 451 4.3.0 Unable to scan for viruses
> QUIT
<~ 221 
exit 0
queued 0
log error: unable to connect to clamd at ::1 port 1: (Connection refused|Cannot assign requested address|Address not available|Network is unreachable|Network unreachable|Address family not supported by protocol)
