# spp: NOSPP in the environment turns the plugin off, as it does qmail-spp:
# not even control/smtpplugins is read (here it is missing).
control me mx.example.test
control rcpthosts example.test
env NOSPP=1
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
<= 250 2.1.5 <x@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
