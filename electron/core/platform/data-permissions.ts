import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from './ports';

/**
 * The till's data directory holds PIN hashes, sales, the ledger's data key and (browser host) the
 * API key in plain files, so only the user who runs the till may read it: the directory and its
 * sub-directories 0700, the files 0600. A data directory made by an older version, copied with
 * `cp`, or created under a permissive umask is repaired at every start.
 *
 * Only the till's own files are touched (the Electron data directory also holds Chromium's files,
 * which manage their own modes). Symbolic links are never followed. Windows has no POSIX modes.
 */

/** Top-level files of the till: the ledger with its -wal/-shm, staged and pre-restore copies, settings. */
const OWN_TOP_LEVEL_FILE = /^(ledger[^/]*|settings\.json)$/;
/** Directories whose whole content is the till's. */
const OWN_DIRS = ['keys', 'backups'];

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Sets `want` if the entry is a plain file/dir with any other mode; returns whether it changed. */
function tighten(file: string, kind: 'file' | 'dir'): boolean {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return false;
  }
  const want = kind === 'dir' ? PRIVATE_DIR : PRIVATE_FILE;
  const isKind = kind === 'dir' ? st.isDirectory() : st.isFile();
  if (!isKind || (st.mode & 0o777) === want) return false;
  fs.chmodSync(file, want);
  return true;
}

function tightenTree(dir: string, rel: string, fixed: string[]): void {
  if (tighten(dir, 'dir')) fixed.push(`${rel}/`);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const child = path.join(dir, e.name);
    if (e.isDirectory()) tightenTree(child, `${rel}/${e.name}`, fixed);
    else if (e.isFile() && tighten(child, 'file')) fixed.push(`${rel}/${e.name}`);
  }
}

/**
 * Checks and repairs the modes of the till's data; returns the paths it changed (relative to the
 * data directory, never their content) and logs them.
 */
export function secureDataDir(dataDir: string, logger: Logger, platform: NodeJS.Platform = process.platform): string[] {
  if (platform === 'win32') return [];
  const fixed: string[] = [];
  if (tighten(dataDir, 'dir')) fixed.push('./');
  for (const e of fs.readdirSync(dataDir, { withFileTypes: true })) {
    const full = path.join(dataDir, e.name);
    if (e.isFile() && OWN_TOP_LEVEL_FILE.test(e.name)) {
      if (tighten(full, 'file')) fixed.push(e.name);
    } else if (e.isDirectory() && OWN_DIRS.includes(e.name)) tightenTree(full, e.name, fixed);
  }
  if (fixed.length > 0) logger.warn('data files were readable by other users: made private', { count: fixed.length, paths: fixed.join(', ') });
  return fixed;
}
