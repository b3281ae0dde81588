# help: a help file that cannot be read at HELP time (here a directory in
# help_dir, and a file named in the arguments that is not there) is logged,
# and the client gets 502 saying help is not available; the session goes on.
control me mx.example.test
file help/mail/x <<END
x
END
control plugins <<END
help help_dir ${TMP}/help RCPT ${TMP}/nosuch.txt
rcpt_ok
END
env TCPREMOTEIP=192.0.2.7
<~ 220 
> HELP MAIL
<= 502 5.3.0 Help for that command is not available now
> HELP rcpt
<= 502 5.3.0 Help for that command is not available now
> NOOP
<~ 250 
> QUIT
<~ 221 
exit 0
log error plugin=help error: unable to read .*/help/mail: Is a directory
log error plugin=help error: unable to read .*/nosuch\.txt: No such file or directory
