import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import type { CodeCipher } from '../ledger/code-cipher';
import type { Ledger } from '../ledger/ledger';
import { SCHEMA_VERSION } from '../ledger/migrations';
import type { SettingsBackend } from '../ports';
import type { SettingsService } from '../settings/settings-service';

/**
 * Backups are one SQLite file made with the online backup API: consistent while sales go on, the
 * codes still encrypted (only this till's data key opens them), and the settings carried inside
 * in the key-value table. A restore is staged and applied at the next start, before the ledger
 * opens, so nothing is swapped under a running sale engine; the replaced ledger is kept aside.
 */
const SETTINGS_SNAPSHOT = 'settings-snapshot';
export const STAGED_RESTORE = 'ledger.restore.sqlite';

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export async function createBackup(ledger: Ledger, settings: SettingsService, dataDir: string, now: number, target?: string): Promise<{ path: string; bytes: number }> {
  const file = path.resolve(target ?? path.join(dataDir, 'backups', `till-backup-${stamp(now)}.sqlite`));
  if (target && !path.isAbsolute(target)) throw new AppError('INVALID_INPUT', 'path: must be absolute', { field: 'path' });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  ledger.kvSet(SETTINGS_SNAPSHOT, JSON.stringify(settings.get()));
  const tmp = `${file}.part`;
  await ledger.backupTo(tmp);
  fs.renameSync(tmp, file);
  return { path: file, bytes: fs.statSync(file).size };
}

/** Checks a backup file thoroughly, then stages it; returns how many sales it holds. */
export function stageRestore(file: string, dataDir: string, cipher: CodeCipher): number {
  if (!path.isAbsolute(file)) throw new AppError('INVALID_INPUT', 'path: must be absolute', { field: 'path' });
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'No backup file at that path', { field: 'path' });
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new AppError('INVALID_INPUT', 'path: not a till backup', { field: 'path' });
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > SCHEMA_VERSION) throw new AppError('INVALID_INPUT', 'path: not a backup of this version of the till', { field: 'path' });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new AppError('INVALID_INPUT', 'path: the backup file is damaged', { field: 'path' });
    const sales = (db.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
    const card = db.prepare('SELECT code_enc FROM cards LIMIT 1').get() as { code_enc: Buffer } | undefined;
    if (card) {
      try {
        cipher.decrypt(card.code_enc);
      } catch {
        throw new AppError('INVALID_INPUT', "path: this backup was made by another till; its codes cannot be read with this till's key", { field: 'path' });
      }
    }
    db.close();
    fs.copyFileSync(file, path.join(dataDir, STAGED_RESTORE));
    return sales;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', 'path: not a till backup', { field: 'path' });
  } finally {
    if (db.open) db.close();
  }
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
