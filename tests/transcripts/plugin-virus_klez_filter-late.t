# virus/klez_filter: the signature as the 41st body line (the part header at 38) is past the 40 lines looked at: queued.
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
> filler line 1
> filler line 2
> filler line 3
> filler line 4
> filler line 5
> filler line 6
> filler line 7
> filler line 8
> filler line 9
> filler line 10
> filler line 11
> filler line 12
> filler line 13
> filler line 14
> filler line 15
> filler line 16
> filler line 17
> filler line 18
> filler line 19
> filler line 20
> filler line 21
> filler line 22
> filler line 23
> filler line 24
> filler line 25
> filler line 26
> filler line 27
> filler line 28
> filler line 29
> filler line 30
> filler line 31
> filler line 32
> --b1
> Content-Type: audio/x-wav; name="a.exe"
> Content-Transfer-Encoding: base64
>
> TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
>* 800 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA {n}
> --b1--
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
