# spp: an empty control/smtpplugins (comments only) runs no program: the
# session goes on as without the plugin.
control me mx.example.test
control rcpthosts example.test
control smtpplugins <<END
# nothing yet
[rcpt]
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
<= 250 2.1.0 <a@b.test>, sender OK - how exciting to get mail from you!
> RCPT TO:<x@example.test>
<= 250 2.1.5 <x@example.test>, recipient ok
> QUIT
<~ 221 
exit 0
