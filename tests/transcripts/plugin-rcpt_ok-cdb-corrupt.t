# rcpt_ok: a corrupt morercpthosts.cdb: 451 4.3.0 (try later), logged; a domain
# found in rcpthosts first is still accepted.
control me mx.example.test
env TCPREMOTEIP=192.0.2.7
control rcpthosts example.test
control morercpthosts.cdb this is not a cdb
<~ 220 
> EHLO c.example
<+ 250
> MAIL FROM:<a@b.test>
<~ 250 2.1.0 
> RCPT TO:<u@example.test>
<= 250 2.1.5 <u@example.test>, recipient ok
> RCPT TO:<u@elsewhere.test>
<= 451 4.3.0 unable to read controls
> QUIT
<~ 221 
exit 0
log error plugin=rcpt_ok .*morercpthosts\.cdb
