# smtpgreeting without the word ESMTP gets " ESMTP" appended; QUIT arguments ignored.
control me mx.example.test
control smtpgreeting mx.example.test welcome to the test
<= 220 mx.example.test welcome to the test ESMTP
> quit now please
<= 221 2.0.0 mx.example.test closing connection. Have a wonderful day.
<eof
exit 0
