# An unreadable core control file (here databytes is a directory) is a configuration
# error: 421 4.3.0 at the greeting, the reason logged, exit 100.
control me mx.example.test
file control/databytes/x <<END
10
END
<= 421 4.3.0 mx.example.test Service temporarily unavailable (configuration error)
<eof
exit 100
log databytes
