# virus/clamdscan: scan_all 0 scans a multipart message (folded Content-Type, boundary on the next line): clamd is missing, so 451 with defer_on_error.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7
control loglevel 6
control plugins <<END
virus/clamdscan clamd_socket ${TMP}/clamd.sock defer_on_error 1 scan_all 0
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
> MIME-Version: 1.0
> Content-Type: multipart/mixed;
>  boundary="b1"
>
> --b1
> Content-Type: text/plain
>
> hello
> --b1--
> .
<= 451 4.3.0 Unable to scan for viruses
> QUIT
<~ 221 
exit 0
queued 0
nolog not multipart
