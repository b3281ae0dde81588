# Control syntax: blank and # lines skipped, whitespace trimmed, $include FILE and DIR
# (a directory includes its non-dot files, sorted).
control me   mx.example.test  
control rcpthosts <<END
# the local domains
  example.test  

$include more-hosts
$include hosts.d
END
control more-hosts <<END
one.test
END
control hosts.d/a <<END
two.test
END
control hosts.d/.hidden <<END
hidden.test
END
env TCPREMOTEIP=192.0.2.7
<= 220 mx.example.test ESMTP qcsmtpd ${VERSION} ready
> HELO c.example
<~ 250 
> MAIL FROM:<a@b.test>
<~ 250 
> RCPT TO:<u@example.test>
<~ 250 2.1.5 
> RCPT TO:<u@one.test>
<~ 250 2.1.5 
> RCPT TO:<u@two.test>
<~ 250 2.1.5 
> RCPT TO:<u@hidden.test>
<* 550 5\.7\.1 .*
> QUIT
<~ 221 
exit 0
