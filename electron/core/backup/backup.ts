import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import type { CodeCipher } from '../ledger/code-cipher';
import type { Ledger } from '../ledger/ledger';
import { SCHEMA_VERSION } from '../ledger/migrations';
import type { BackupDialogs, SettingsBackend } from '../platform/ports';
import type { SettingsService } from '../settings/settings-service';
import { BACKUPS_DIR, backupSourcePath, backupTargetPath, copyFromRegularFile, copyToNewPrivateFile, refuse, type BackupLocation } from './backup-paths';

/**
 * Backups are one SQLite file made with the online backup API: consistent while sales go on, the
 * codes still encrypted (only this till's data key opens them), and the settings carried inside
 * in the key-value table. Where they may be written or read from is decided in backup-paths.ts. A restore is staged and applied at the next start, before the ledger
 * opens, so nothing is swapped under a running sale engine; the replaced ledger is kept aside.
 */
const SETTINGS_SNAPSHOT = 'settings-snapshot';
export const STAGED_RESTORE = 'ledger.restore.sqlite';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** A private scratch folder inside the data dir (0700), removed afterwards whatever happens. */
async function withScratchDir<T>(dataDir: string, use: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = fs.mkdtempSync(path.join(dataDir, '.backup-work-'));
  try {
    return await use(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** till-backup-<time>.sqlite, or -2, -3 … when one was already made in that second. */
export function defaultBackupName(now: number, dataDir: string): string {
  const base = `till-backup-${stamp(now)}`;
  const taken = (name: string) => fs.existsSync(path.join(dataDir, BACKUPS_DIR, name));
  for (let n = 1; n < 100; n++) {
    const name = n === 1 ? `${base}.sqlite` : `${base}-${n}.sqlite`;
    if (!taken(name)) return name;
  }
  return `${base}.sqlite`; // then refused as existing, with a clear message
}

/**
 * Writes a backup to `where` (see backup-paths.ts): made in a private scratch folder by SQLite's
 * online backup, then copied into a file created exclusively with mode 0600.
 */
export async function createBackup(
  ledger: Ledger,
  settings: SettingsService,
  dataDir: string,
  now: number,
  where: BackupLocation = { kind: 'backups', name: defaultBackupName(now, dataDir) },
): Promise<{ path: string; bytes: number }> {
  const file = backupTargetPath(dataDir, where);
  ledger.kvSet(SETTINGS_SNAPSHOT, JSON.stringify(settings.get()));
  return withScratchDir(dataDir, async (dir) => {
    const tmp = path.join(dir, 'backup.sqlite');
    await ledger.backupTo(tmp);
    return { path: file, bytes: copyToNewPrivateFile(tmp, file) };
  });
}

/** Checks a backup file thoroughly, then stages it; returns how many sales it holds. */
export async function stageRestore(where: BackupLocation, dataDir: string, cipher: CodeCipher): Promise<number> {
  const source = backupSourcePath(dataDir, where);
  // Check and stage the same bytes: a private copy, so the file cannot change between the two.
  return withScratchDir(dataDir, (dir) => {
    const copy = path.join(dir, 'restore.sqlite');
    copyFromRegularFile(source, copy);
    const sales = checkBackupFile(copy, cipher);
    fs.renameSync(copy, path.join(dataDir, STAGED_RESTORE));
    return sales;
  });
}

function checkBackupFile(file: string, cipher: CodeCipher): number {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw refuse('INVALID_INPUT', 'BACKUP_NOT_A_BACKUP', 'name: not a till backup');
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > SCHEMA_VERSION) throw refuse('INVALID_INPUT', 'BACKUP_TOO_NEW', 'name: not a backup of this version of the till');
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw refuse('INVALID_INPUT', 'BACKUP_DAMAGED', 'name: the backup file is damaged');
    const sales = (db.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
    const card = db.prepare('SELECT code_enc FROM cards LIMIT 1').get() as { code_enc: Buffer } | undefined;
    if (card) {
      try {
        cipher.decrypt(card.code_enc);
      } catch {
        throw refuse('INVALID_INPUT', 'BACKUP_OTHER_TILL', "name: this backup was made by another till; its codes cannot be read with this till's key");
      }
    }
    return sales;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw refuse('INVALID_INPUT', 'BACKUP_NOT_A_BACKUP', 'name: not a till backup');
  } finally {
    if (db.open) db.close();
  }
}

/** The backup commands: a name in backups/, or (Electron) a file from the main process's dialog. */
export async function backupLocation(
  input: { name?: string; choose?: true },
  dialogs: BackupDialogs | undefined,
  ask: (d: BackupDialogs) => Promise<string | null>,
  fallbackName: (() => string) | null,
): Promise<BackupLocation | null> {
  if (input.choose) {
    if (input.name !== undefined) throw refuse('INVALID_INPUT', 'BACKUP_BAD_NAME', 'name: give a name or choose a file, not both');
    if (!dialogs) throw refuse('NOT_SUPPORTED', 'BACKUP_NO_DIALOG', 'Choosing a file needs the till app; here use the backups folder');
    const chosen = await ask(dialogs);
    return chosen ? { kind: 'chosen', path: chosen } : null;
  }
  const name = input.name ?? fallbackName?.();
  if (!name) throw refuse('INVALID_INPUT', 'BACKUP_BAD_NAME', 'name: give the name of a file in the backups folder');
  return { kind: 'backups', name };
}

/** At start-up: puts a staged backup in place of the ledger and brings its settings back. */
export function applyStagedRestore(dataDir: string, settings: SettingsBackend, now: number): boolean {
  const staged = path.join(dataDir, STAGED_RESTORE);
  if (!fs.existsSync(staged)) return false;
  const ledger = path.join(dataDir, 'ledger.sqlite');
  if (fs.existsSync(ledger)) {
    // Fold the WAL into the old ledger before it is set aside, so the kept copy is complete.
    const old = new Database(ledger);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    fs.renameSync(ledger, path.join(dataDir, `ledger.before-restore-${stamp(now)}.sqlite`));
  }
  for (const side of ['-wal', '-shm']) fs.rmSync(ledger + side, { force: true });
  fs.renameSync(staged, ledger);
  const db = new Database(ledger, { readonly: true });
  const snap = db.prepare('SELECT value FROM kv WHERE key = ?').get(SETTINGS_SNAPSHOT) as { value: string } | undefined;
  db.close();
  if (snap) {
    try {
      settings.store = JSON.parse(snap.value) as Record<string, unknown>;
    } catch {
      // A snapshot that cannot be read leaves the current settings in place.
    }
  }
  return true;
}
