import fs from 'node:fs';
import path from 'node:path';
import { backupsDir } from './backup-paths';

/** One file the till can restore from its backups folder. */
export type BackupFile = { name: string; bytes: number; modifiedAt: string };

// The same shape backup-paths.ts accepts as a name: what is listed can be restored by that name.
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/;
const MAX_LISTED = 200;

/**
 * The backups the till made (or the owner put) in <dataDir>/backups: plain .sqlite files only, no
 * links, no folders, newest first, at most 200. The browser host has no file dialog, so restoring
 * there is picking one of these; the folder's path is given so the owner knows where to copy them
 * to a USB stick.
 */
export function listBackups(dataDir: string): { folder: string; files: BackupFile[] } {
  const folder = backupsDir(dataDir);
  const files: BackupFile[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (!entry.isFile() || !NAME.test(entry.name) || entry.name.length > 120) continue;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(path.join(folder, entry.name));
    } catch {
      continue; // removed meanwhile
    }
    if (!stat.isFile()) continue;
    files.push({ name: entry.name, bytes: stat.size, modifiedAt: new Date(stat.mtimeMs).toISOString() });
  }
  files.sort((a, b) => (a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : a.name < b.name ? 1 : -1));
  return { folder, files: files.slice(0, MAX_LISTED) };
}
