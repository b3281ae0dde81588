# relay: a corrupt morerelayclients.cdb makes the check impossible: the client is
# told to come back later (421 4.3.0 at connect), never silently refused relaying.
control me mx.example.test
control rcpthosts example.test
control morerelayclients.cdb this is not a cdb file
env TCPREMOTEIP=192.0.2.7
# (the core sends no enhanced status code at the greeting stage)
<* 421 (4\.3\.0 )?unable to read controls
<eof
exit 0
log morerelayclients.cdb
