# smtpgreeting that already has the word ESMTP is sent unchanged; client EOF exits 0.
control me mx.example.test
control smtpgreeting mx.example.test ESMTP hello
<= 220 mx.example.test ESMTP hello
close
<eof
exit 0
