// Preloaded (`node --import`) into the browser host that start.mjs runs: when start.mjs goes away,
// however it goes (even SIGKILL, which it cannot pass on), the host stops too instead of serving the
// till with nobody to stop it. start.mjs gives the host an IPC channel; the channel closes when
// start.mjs exits, and the host then shuts down as on SIGTERM (closing the ledger cleanly).
// A 'disconnect' listener does not keep the process alive, so this changes nothing else.
if (typeof process.send === 'function') {
  process.once('disconnect', () => {
    process.kill(process.pid, 'SIGTERM');
  });
}
