# virus/klez_filter: an application part, the header in other case (CONTENT-TYPE: APPLICATION/...), is matched too.
control me mx.example.test
control rcpthosts example.test
env TCPREMOTEIP=192.0.2.7

control plugins <<END
virus/klez_filter
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
> Content-Type: multipart/alternative; boundary="b1"
>
> --b1
> Content-Type: text/html
>
> <html></html>

> --b1
> CONTENT-TYPE: APPLICATION/octet-stream; name="b.scr"
> Content-Transfer-Encoding: base64
>
> TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
>* 800 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA {n}
> --b1--
> .
<= 552 5.7.1 Klez Virus Detected
> QUIT
<~ 221 
exit 0
queued 0
