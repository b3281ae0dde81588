# spp: a [message] program reads the queued message on stdin and adds a field
# (here the number of lines it read and its Subject).
control me mx.example.test
control rcpthosts example.test
file classify 755 <<END
#!/bin/sh
n=$(wc -l)
echo "HX-Lines: $n"
END
file subject 755 <<END
#!/bin/sh
s=$(sed -n 's/^Subject: //p')
echo "HX-Saw-Subject: $s"
END
control smtpplugins <<END
[message]
${TMP}/classify
${TMP}/subject
END
control plugins <<END
spp
rcpt_ok
queue/qmail-queue
END
<~ 220 
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<x@example.test>
<~ 250 
> DATA
<~ 354 
> Subject: classify me
>
> one
> two
> .
<~ 250 
> QUIT
<~ 221 
exit 0
queued 1
message <<END
{{re:Received: [^\n]*(?:\n\t[^\n]*)*}}
Subject: classify me
X-Lines: 6
X-Saw-Subject: classify me

one
two
END
