// Keeps a child process's life tied to ours, both ways, for the wrappers `npm start` and `npm test`
// go through (the Node 22 re-run, start.mjs):
// - a signal we get (SIGINT, SIGTERM, SIGHUP) is passed on once, and we end as the child ends,
//   with its exit code or by the same signal;
// - when our own parent goes away we stop the child. npm runs a script through `sh -c`, and on
//   SIGTERM npm kills that shell only: its children are re-parented and would keep running (and
//   keep serving the till) with nobody left to stop them.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', ...(process.platform === 'win32' ? ['SIGBREAK'] : [])];

/** How often to look whether our parent is still there (getppid is one cheap system call). */
const PARENT_POLL_MS = 300;

/**
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<never>} never settles: the process exits when the child does
 */
export function superviseChild(child) {
  const listeners = new Map();
  const alive = () => child.exitCode === null && child.signalCode === null;
  // Pass each signal on once: Ctrl+C already reaches the child through the terminal's process
  // group, and a second SIGINT must not cut short its graceful close.
  const sent = new Set();
  for (const signal of SIGNALS) {
    const listener = () => {
      if (sent.has(signal) || !alive()) return;
      sent.add(signal);
      child.kill(signal);
    };
    listeners.set(signal, listener);
    process.on(signal, listener);
  }

  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    if (alive() && !sent.has('SIGTERM')) {
      sent.add('SIGTERM');
      child.kill('SIGTERM');
    }
  }, PARENT_POLL_MS);

  return new Promise(() => {
    child.on('error', (error) => {
      console.error(`could not start ${child.spawnfile}: ${error.message}`);
      process.exit(1);
    });
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (signal) {
        // Die the same way, so whoever started us sees the signal, not a made-up exit code.
        for (const [s, l] of listeners) process.removeListener(s, l);
        process.kill(process.pid, signal);
        return;
      }
      process.exit(code ?? 1);
    });
  });
}
