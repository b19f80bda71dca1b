import fs from 'node:fs';

/**
 * Every live process (Linux /proc) of the PostgreSQL server whose data directory is `dataDir`.
 * The postmaster changes into its data directory before it starts anything, and every backend and
 * auxiliary process inherits that working directory; backends are not in the postmaster's process
 * group (each calls setsid), so the working directory is what ties them all to one server, even
 * after the postmaster has died and left them to init.
 */
export function postgresProcesses(dataDir: string): number[] {
  let target: string;
  try {
    target = fs.realpathSync(dataDir);
  } catch {
    return []; // no directory, no server
  }
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/cwd`) !== target) continue;
      // A zombie has exited: it only waits for its parent to read its status.
      if (/^\d+ \(.*\) Z /.test(fs.readFileSync(`/proc/${entry}/stat`, 'latin1'))) continue;
      pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

/** The real user id a process runs as (Linux /proc), or null once it is gone. */
export function processUid(pid: number): number | null {
  try {
    const line = fs
      .readFileSync(`/proc/${pid}/status`, 'latin1')
      .split('\n')
      .find((l) => l.startsWith('Uid:'));
    return line ? Number(line.split(/\s+/)[1]) : null;
  } catch {
    return null;
  }
}

/** Sends `signal` to each pid, ignoring those already gone. */
export function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Polls `condition` every `everyMs` until it holds, or throws after `timeoutMs` saying `what`. */
export async function pollUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs: number, everyMs = 10): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
