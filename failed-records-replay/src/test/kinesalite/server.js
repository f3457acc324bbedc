// Starts kinesalite (in memory) on an ephemeral loopback port for one test run and prints
// "kinesalite listening on <port>". Exits when its stdin closes, so a JVM that dies leaves no server behind.
// Usage: node server.js <path to the installed kinesalite package>
'use strict';
const kinesalite = require(process.argv[2]);
const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 100 });
server.listen(0, '127.0.0.1', () => {
  console.log('kinesalite listening on ' + server.address().port);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
