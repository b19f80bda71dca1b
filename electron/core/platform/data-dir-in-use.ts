import fs from 'node:fs';
import path from 'node:path';

/**
 * Which process has a data dir open: `till.pid`, written by the core when it opens the ledger and
 * removed when it closes. Not a lock the till enforces on itself (Electron has its single-instance
 * lock); it lets a tool that must have the ledger to itself (the migration to PostgreSQL) refuse
 * while a till runs on it. A pid left by a crash is ignored once that process is gone.
 */
const FILE = 'till.pid';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, run by another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process (not this one) that has the data dir open, or null. */
export function dataDirInUseBy(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return alive(pid) ? pid : null;
}

/** Notes this process as the data dir's user; the returned function forgets it (if still ours). */
export function markDataDirInUse(dataDir: string): () => void {
  const file = path.join(dataDir, FILE);
  fs.writeFileSync(file, String(process.pid), { mode: 0o600 });
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
