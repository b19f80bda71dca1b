import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';

/**
 * Where a backup may be written or read. A backup path once overwrote keys/data-key.bin, which
 * made every stored code unreadable and the till unable to start. So:
 * - the renderer only ever names a bare file in <dataDir>/backups/ (created 0700), or the path
 *   comes from the main process's own file dialog;
 * - real paths are compared (symlinks resolved): nothing inside the data dir but backups/;
 * - the final name is never a symlink and never an existing file (the write itself is O_EXCL);
 * - refusals carry `details.reason`, which the Backup tab explains in the owner's language.
 */

export const BACKUPS_DIR = 'backups';
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/;

export type BackupRefusal =
  | 'BACKUP_BAD_NAME'
  | 'BACKUP_IN_DATA_DIR'
  | 'BACKUP_EXISTS'
  | 'BACKUP_SYMLINK'
  | 'BACKUP_NOT_FILE'
  | 'BACKUP_NOT_FOUND'
  | 'BACKUP_FOLDER_UNSAFE'
  | 'BACKUP_NO_DIALOG'
  | 'BACKUP_NOT_A_BACKUP'
  | 'BACKUP_DAMAGED'
  | 'BACKUP_TOO_NEW'
  | 'BACKUP_OTHER_TILL';

/** Every refusal, for the renderer's messages (one translation each in fr/ar/en). */
export const BACKUP_REFUSALS: readonly BackupRefusal[] = [
  'BACKUP_BAD_NAME',
  'BACKUP_IN_DATA_DIR',
  'BACKUP_EXISTS',
  'BACKUP_SYMLINK',
  'BACKUP_NOT_FILE',
  'BACKUP_NOT_FOUND',
  'BACKUP_FOLDER_UNSAFE',
  'BACKUP_NO_DIALOG',
  'BACKUP_NOT_A_BACKUP',
  'BACKUP_DAMAGED',
  'BACKUP_TOO_NEW',
  'BACKUP_OTHER_TILL',
];

export function refuse(code: 'INVALID_INPUT' | 'NOT_ALLOWED' | 'NOT_FOUND' | 'NOT_SUPPORTED', reason: BackupRefusal, message: string): AppError {
  return new AppError(code, message, { field: 'name', reason });
}

/** Where the backup comes from or goes: a name in backups/, or a path from the native dialog. */
export type BackupLocation = { kind: 'backups'; name: string } | { kind: 'chosen'; path: string };

function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

const samePath = (a: string, b: string) => path.relative(a, b) === '';

/** <dataDir>/backups as a real, private directory (created 0700); refused if it is a link. */
export function backupsDir(dataDir: string): string {
  const dir = path.join(dataDir, BACKUPS_DIR);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  if (stat.isSymbolicLink() || !stat.isDirectory()) {
    throw refuse('NOT_ALLOWED', 'BACKUP_FOLDER_UNSAFE', 'The backups folder is not a plain folder');
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  return fs.realpathSync(dir);
}

function checkName(name: string): string {
  if (!NAME.test(name) || name.length > 120) {
    throw refuse('INVALID_INPUT', 'BACKUP_BAD_NAME', 'name: must be a file name (letters, digits, . _ -) ending in .sqlite');
  }
  return name;
}

/**
 * A real path may sit in the data dir only inside backups/ (the keys, the ledger, settings and
 * the staged restore are all off limits).
 */
function checkOutsideDataDir(dataDir: string, realBackups: string, realPath: string): void {
  const realData = fs.realpathSync(dataDir);
  if ((isInside(realData, realPath) || samePath(realData, realPath)) && !isInside(realBackups, realPath)) {
    throw refuse('NOT_ALLOWED', 'BACKUP_IN_DATA_DIR', "Backups cannot be written to or read from the till's data folder, except its backups folder");
  }
}

/** The absolute path a new backup may be created at. It does not exist (yet). */
export function backupTargetPath(dataDir: string, where: BackupLocation): string {
  const realBackups = backupsDir(dataDir);
  let file: string;
  if (where.kind === 'backups') {
    file = path.join(realBackups, checkName(where.name));
  } else {
    if (!path.isAbsolute(where.path)) throw refuse('INVALID_INPUT', 'BACKUP_BAD_NAME', 'path: must be absolute');
    let parent: string;
    try {
      parent = fs.realpathSync(path.dirname(where.path));
    } catch {
      throw refuse('NOT_FOUND', 'BACKUP_NOT_FOUND', 'That folder does not exist');
    }
    file = path.join(parent, path.basename(where.path));
    checkOutsideDataDir(dataDir, realBackups, file);
  }
  let existing: fs.Stats | null = null;
  try {
    existing = fs.lstatSync(file);
  } catch {
    existing = null;
  }
  if (existing?.isSymbolicLink()) throw refuse('NOT_ALLOWED', 'BACKUP_SYMLINK', 'That name is a link to another file');
  if (existing) throw refuse('NOT_ALLOWED', 'BACKUP_EXISTS', 'A file with that name already exists; a backup never replaces a file');
  return file;
}

/** The real path of an existing backup file to restore from (a regular file, not a link). */
export function backupSourcePath(dataDir: string, where: BackupLocation): string {
  const realBackups = backupsDir(dataDir);
  let file: string;
  if (where.kind === 'backups') file = path.join(realBackups, checkName(where.name));
  else if (!path.isAbsolute(where.path)) throw refuse('INVALID_INPUT', 'BACKUP_BAD_NAME', 'path: must be absolute');
  else file = where.path;
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch {
    throw refuse('NOT_FOUND', 'BACKUP_NOT_FOUND', 'No backup file with that name');
  }
  if (stat.isSymbolicLink()) throw refuse('NOT_ALLOWED', 'BACKUP_SYMLINK', 'That name is a link to another file');
  if (!stat.isFile()) throw refuse('NOT_ALLOWED', 'BACKUP_NOT_FILE', 'That is not a file');
  const real = fs.realpathSync(file);
  checkOutsideDataDir(dataDir, realBackups, real);
  return real;
}

// O_NOFOLLOW does not exist on Windows; there O_EXCL (CREATE_NEW) already refuses any existing name.
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/**
 * Copies `from` to a new file `to`, created exclusively (never over an existing file or link),
 * mode 0600, flushed to disk. A failed copy leaves no partial file behind.
 */
export function copyToNewPrivateFile(from: string, to: string): number {
  let out: number;
  try {
    out = fs.openSync(to, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW, 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ELOOP')
      throw refuse('NOT_ALLOWED', 'BACKUP_EXISTS', 'A file with that name already exists; a backup never replaces a file');
    throw e;
  }
  try {
    const input = fs.openSync(from, fs.constants.O_RDONLY);
    let bytes: number;
    try {
      bytes = copyFd(input, out);
    } finally {
      fs.closeSync(input);
    }
    if (process.platform !== 'win32') fs.fchmodSync(out, 0o600);
    fs.fsyncSync(out);
    fs.closeSync(out);
    return bytes;
  } catch (e) {
    try {
      fs.closeSync(out);
    } catch {
      // already closed
    }
    fs.rmSync(to, { force: true });
    throw e;
  }
}

/** Reads `from` (not through a final symlink) into a new private file `to` in a folder we own. */
export function copyFromRegularFile(from: string, to: string): void {
  const input = fs.openSync(from, fs.constants.O_RDONLY | NOFOLLOW);
  try {
    if (!fs.fstatSync(input).isFile()) throw refuse('NOT_ALLOWED', 'BACKUP_NOT_FILE', 'That is not a file');
    const out = fs.openSync(to, 'wx', 0o600);
    try {
      copyFd(input, out);
    } finally {
      fs.closeSync(out);
    }
  } finally {
    fs.closeSync(input);
  }
}

/** Streams one file descriptor into another a mebibyte at a time (a year's ledger is large). */
function copyFd(input: number, out: number): number {
  const buffer = Buffer.allocUnsafe(1 << 20);
  let total = 0;
  for (;;) {
    const n = fs.readSync(input, buffer, 0, buffer.length, null);
    if (n === 0) return total;
    let written = 0;
    while (written < n) written += fs.writeSync(out, buffer, written, n - written);
    total += n;
  }
}
