# help: a help file's text is text. A first line that looks like a reply
# code or an enhanced status code does not become one (the plugin gives the
# codes); TABs and non-ASCII octets reach the client as '?' (the core's
# reply writer); an empty file has a placeholder; at most 20 lines are sent.
control me mx.example.test
file help/vrfy <<END
250 2.1.5 looks like a reply
	tab and ümlaut
END
file help/noop <<END
END
file help/expn <<END
line 1
line 2
line 3
line 4
line 5
line 6
line 7
line 8
line 9
line 10
line 11
line 12
line 13
line 14
line 15
line 16
line 17
line 18
line 19
line 20
line 21
line 22
END
control plugins <<END
help help_dir ${TMP}/help/
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELP VRFY
<= 214-2.0.0 250 2.1.5 looks like a reply
<= 214 2.0.0 ?tab and ?mlaut
> HELP NOOP
<= 214 2.0.0 (no help text)
> HELP EXPN
<= 214-2.0.0 line 1
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<* 214-2\.0\.0 line ([2-9]|1[0-9])
<= 214 2.0.0 line 20
> QUIT
<~ 221 
exit 0
