import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core';
import { dispatchByName as dispatchCommand } from '../../electron/core/commands/dispatch';
import { silentLogger } from '../../electron/core/platform/log';
import type { BackupDialogs, SettingsBackend, TillCore } from '../../electron/core/platform/ports';
import { plainKeyProtector } from '../../electron/core/platform/file-secrets';
import { BACKUP_REFUSALS, copyToNewPrivateFile } from '../../electron/core/backup/backup-paths';
import { createBackupDialogs } from '../../electron/main/backup-dialogs';
import { shopAr } from '../../renderer/src/i18n/strings/shop-ar';
import { shopEn } from '../../renderer/src/i18n/strings/shop-en';
import { shopFr } from '../../renderer/src/i18n/strings/shop-fr';
import { createBackup as createBackupAction, restoreBackup as restoreBackupAction } from '../../renderer/src/features/backoffice/backups/backupActions';
import { installApi } from '../../renderer/src/bridge';
import { useBackupStore } from '../../renderer/src/features/backoffice/backups/backupStore';
import { MemorySecretStore, signInOwner } from './helpers/core-harness';
import { FakeCore } from './helpers/fake-core';

/**
 * Issue 9 §4: a backup path once overwrote keys/data-key.bin, so every stored code became
 * unreadable and the till could not start. Each attack below is refused, the key file keeps its
 * bytes, and the till still starts. Backups go to <dataDir>/backups/ by name, or to a path from
 * the main process's own dialog (scripted here), created exclusively with mode 0600.
 */
const posix = process.platform !== 'win32';
const tmp: string[] = [];
const tempDir = (prefix: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmp.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tmp) fs.rmSync(dir, { recursive: true, force: true });
});

/** The dialogs answer what the test scripts, as the owner would pick in Electron's own dialog. */
const scripted = { save: null as string | null, open: null as string | null };
const dialogs: BackupDialogs = {
  chooseBackupTarget: async () => scripted.save,
  chooseBackupSource: async () => scripted.open,
};

async function openTill(dataDir: string, withDialogs: boolean): Promise<TillCore> {
  const settings: SettingsBackend = { store: {} };
  const core = await createCore({
    dataDir,
    secretStore: new MemorySecretStore(),
    keyProtector: plainKeyProtector,
    settingsBackend: settings,
    logger: silentLogger,
    version: 'test',
    trainingSimulator: async () => (await import('../../simulator/training')).trainingProvider,
    ...(withDialogs ? { backupDialogs: dialogs } : {}),
  });
  await signInOwner(core.handlers);
  return core;
}

let dataDir: string;
let outside: string;
let core: TillCore;
let keyFile: string;
let keyBytes: Buffer;
const call = (name: 'backup:create' | 'backup:restore', input: unknown) => dispatchCommand(core.handlers, name, input);

beforeAll(async () => {
  dataDir = tempDir('till-backup-attack-');
  outside = tempDir('till-backup-elsewhere-');
  core = await openTill(dataDir, true);
  keyFile = path.join(dataDir, 'keys', 'data-key.bin');
  keyBytes = fs.readFileSync(keyFile);
}, 30_000);

afterEach(() => {
  scripted.save = null;
  scripted.open = null;
  // The invariant every attack must keep: the data key is exactly what it was.
  expect(fs.readFileSync(keyFile).equals(keyBytes)).toBe(true);
});

afterAll(async () => {
  await core?.close();
});

describe('backup:create refuses every way onto the data key or the ledger', () => {
  it('refuses a renderer-supplied path (the known attack: path = keys/data-key.bin)', async () => {
    for (const p of [keyFile, 'keys/data-key.bin', '../keys/data-key.bin', path.join(dataDir, 'ledger.sqlite')]) {
      const r = await call('backup:create', { path: p });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
  });

  it('refuses names that are not a bare .sqlite file name', async () => {
    for (const name of ['keys/data-key.bin', '../keys/data-key.bin', '..', '.hidden.sqlite', keyFile, 'a\\..\\b.sqlite', 'ledger', 'x/../y.sqlite']) {
      const r = await call('backup:create', { name });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'name' } } });
    }
    // The core checks again, for a caller that skipped the contract.
    for (const name of ['../keys/data-key.bin', '../../etc/x.sqlite', '../ledger.sqlite']) {
      await expect(core.handlers['backup:create']({ name })).rejects.toMatchObject({ details: { reason: 'BACKUP_BAD_NAME' } });
    }
  });

  it.each([
    ['the key itself', () => keyFile, 'BACKUP_IN_DATA_DIR'],
    ['a new file beside the key', () => path.join(dataDir, 'keys', 'more.sqlite'), 'BACKUP_IN_DATA_DIR'],
    ['the ledger', () => path.join(dataDir, 'ledger.sqlite'), 'BACKUP_IN_DATA_DIR'],
    ['the data dir itself', () => path.join(dataDir, 'new.sqlite'), 'BACKUP_IN_DATA_DIR'],
    ['a path stepping out of backups/', () => `${dataDir}/backups/../keys/data-key.bin`, 'BACKUP_IN_DATA_DIR'],
  ])('refuses a dialog-chosen path into the data dir: %s', async (_label, target, reason) => {
    scripted.save = target();
    const r = await call('backup:create', { choose: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', details: { reason } } });
  });

  it('refuses a chosen folder that is a link into the data dir', async () => {
    fs.symlinkSync(path.join(dataDir, 'keys'), path.join(outside, 'innocent-folder'));
    scripted.save = path.join(outside, 'innocent-folder', 'data-key.bin');
    expect(await call('backup:create', { choose: true })).toMatchObject({ ok: false, error: { details: { reason: 'BACKUP_IN_DATA_DIR' } } });
  });

  it('refuses a symlink under backups/ that points at the key', async () => {
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.symlinkSync(keyFile, path.join(dataDir, 'backups', 'evil.sqlite'));
    expect(await call('backup:create', { name: 'evil.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', details: { reason: 'BACKUP_SYMLINK' } },
    });
  });

  it('refuses a dangling link chosen in the dialog (it would create a file inside keys/)', async () => {
    const target = path.join(dataDir, 'keys', 'planted.sqlite');
    fs.symlinkSync(target, path.join(outside, 'dangling.sqlite'));
    scripted.save = path.join(outside, 'dangling.sqlite');
    expect(await call('backup:create', { choose: true })).toMatchObject({ ok: false, error: { details: { reason: 'BACKUP_SYMLINK' } } });
    expect(fs.existsSync(target)).toBe(false);
  });

  it('never overwrites an existing file, in backups/ or elsewhere', async () => {
    const first = await call('backup:create', { name: 'once.sqlite' });
    expect(first.ok).toBe(true);
    const again = await call('backup:create', { name: 'once.sqlite' });
    expect(again).toMatchObject({ ok: false, error: { details: { reason: 'BACKUP_EXISTS' } } });
    const mine = path.join(outside, 'my-document.sqlite');
    fs.writeFileSync(mine, 'precious');
    scripted.save = mine;
    expect(await call('backup:create', { choose: true })).toMatchObject({ ok: false, error: { details: { reason: 'BACKUP_EXISTS' } } });
    expect(fs.readFileSync(mine, 'utf8')).toBe('precious');
  });

  it('creates the file exclusively, so a link planted at the last moment is not followed', () => {
    const src = path.join(outside, 'src.bin');
    fs.writeFileSync(src, 'backup bytes');
    const late = path.join(outside, 'late-link.sqlite');
    fs.symlinkSync(keyFile, late);
    expect(() => copyToNewPrivateFile(src, late)).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: 'BACKUP_EXISTS' }) }));
  });

  it('the till still starts with its key after all of the above', async () => {
    await core.close();
    core = await openTill(dataDir, true);
    expect((await call('backup:create', {})).ok).toBe(true);
  });
});

describe('a valid backup', () => {
  it('goes to backups/ (0700) as a 0600 file', async () => {
    const r = await call('backup:create', {});
    expect(r.ok).toBe(true);
    const value = r.ok ? (r.value as { path: string; bytes: number }) : null;
    expect(path.dirname(value!.path)).toBe(fs.realpathSync(path.join(dataDir, 'backups')));
    expect(fs.statSync(value!.path).size).toBe(value!.bytes);
    if (posix) {
      expect(fs.statSync(value!.path).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(dataDir, 'backups')).mode & 0o777).toBe(0o700);
    }
    // No scratch copy is left behind in the data dir.
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('.backup-work-'))).toEqual([]);
  });

  it('goes where the owner chose in the dialog, 0600; a cancelled dialog writes nothing', async () => {
    scripted.save = path.join(outside, 'usb-key-backup.sqlite');
    const r = await call('backup:create', { choose: true });
    expect(r).toMatchObject({ ok: true, value: { path: scripted.save } });
    if (posix) expect(fs.statSync(scripted.save).mode & 0o777).toBe(0o600);
    scripted.save = null;
    expect(await call('backup:create', { choose: true })).toEqual({ ok: true, value: null });
  });
});

describe('backup:restore reads only from backups/ or a dialog-chosen file', () => {
  it('refuses paths and names that step out', async () => {
    expect(await call('backup:restore', { path: path.join(dataDir, 'ledger.sqlite') })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('backup:restore', { name: '../ledger.sqlite' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await expect(core.handlers['backup:restore']({ name: '../ledger.sqlite' })).rejects.toMatchObject({ details: { reason: 'BACKUP_BAD_NAME' } });
    expect(await call('backup:restore', {})).toMatchObject({ ok: false, error: { details: { reason: 'BACKUP_BAD_NAME' } } });
  });

  it.each([
    ['the live ledger', () => path.join(dataDir, 'ledger.sqlite')],
    ['the key', () => keyFile],
  ])('refuses a dialog-chosen file inside the data dir: %s', async (_label, source) => {
    scripted.open = source();
    expect(await call('backup:restore', { choose: true })).toMatchObject({ ok: false, error: { details: { reason: 'BACKUP_IN_DATA_DIR' } } });
  });

  it('refuses a link in backups/, even to a good backup', async () => {
    scripted.save = path.join(outside, 'good.sqlite');
    expect((await call('backup:create', { choose: true })).ok).toBe(true);
    fs.symlinkSync(scripted.save, path.join(dataDir, 'backups', 'link.sqlite'));
    expect(await call('backup:restore', { name: 'link.sqlite' })).toMatchObject({ ok: false, error: { details: { reason: 'BACKUP_SYMLINK' } } });
    expect(fs.existsSync(path.join(dataDir, 'ledger.restore.sqlite'))).toBe(false);
  });

  it('restores a backup by name or from the dialog', async () => {
    expect(await call('backup:restore', { name: 'once.sqlite' })).toMatchObject({ ok: true, value: { restartRequired: true } });
    scripted.open = path.join(outside, 'good.sqlite');
    expect(await call('backup:restore', { choose: true })).toMatchObject({ ok: true, value: { restartRequired: true } });
    if (posix) expect(fs.statSync(path.join(dataDir, 'ledger.restore.sqlite')).mode & 0o077).toBe(0);
    fs.rmSync(path.join(dataDir, 'ledger.restore.sqlite'));
  });
});

describe('without native dialogs (browser host)', () => {
  it('says choosing a file needs the till app, and refuses an unsafe backups folder', async () => {
    const dir = tempDir('till-backup-host-');
    const host = await openTill(dir, false);
    try {
      const r = await dispatchCommand(host.handlers, 'backup:create', { choose: true });
      expect(r).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED', details: { reason: 'BACKUP_NO_DIALOG' } } });
      // backups/ replaced by a link to keys/: nothing is written through it.
      fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
      fs.symlinkSync(path.join(dir, 'keys'), path.join(dir, 'backups'));
      const before = fs.readdirSync(path.join(dir, 'keys')).sort();
      expect(await dispatchCommand(host.handlers, 'backup:create', {})).toMatchObject({ ok: false, error: { details: { reason: 'BACKUP_FOLDER_UNSAFE' } } });
      expect(fs.readdirSync(path.join(dir, 'keys')).sort()).toEqual(before);
    } finally {
      await host.close();
    }
  });
});

describe('Electron backup dialogs', () => {
  it('ask the main process dialogs and hand back only what the owner picked', async () => {
    const seen: unknown[] = [];
    const d = createBackupDialogs({
      startDir: '/home/shop/Documents',
      showSaveDialog: async (o) => (seen.push(o), { canceled: false, filePath: '/media/usb/b.sqlite' }),
      showOpenDialog: async (o) => (seen.push(o), { canceled: true, filePaths: [] }),
    });
    expect(await d.chooseBackupTarget('till-backup-1.sqlite')).toBe('/media/usb/b.sqlite');
    expect(await d.chooseBackupSource()).toBeNull();
    expect(seen[0]).toMatchObject({ defaultPath: path.join('/home/shop/Documents', 'till-backup-1.sqlite') });
    expect((seen[0] as { properties: string[] }).properties).not.toContain('showOverwriteConfirmation');
    expect(seen[1]).toMatchObject({ properties: ['openFile'] });
  });
});

describe('every refusal is explained in fr, ar and en', () => {
  it.each(BACKUP_REFUSALS)('%s', (reason) => {
    for (const dict of [shopFr, shopAr, shopEn]) {
      const text = (dict.backup.refused as Record<string, string>)[reason];
      expect(typeof text === 'string' && text.length > 10).toBe(true);
    }
  });
});

describe('the Backup tab actions send no path', () => {
  afterEach(() => installApi(null));

  it('ask for a name or the dialog only, and a cancelled dialog leaves the tab idle', async () => {
    const fake = new FakeCore();
    installApi(fake.bridge);
    fake.on('backup:create', () => ({ ok: true, value: null }));
    fake.on('backup:restore', () => ({ ok: false, error: { code: 'NOT_ALLOWED', message: 'x', details: { field: 'name', reason: 'BACKUP_SYMLINK' } } }));
    await createBackupAction(true);
    expect(fake.last('backup:create')).toEqual({ choose: true });
    expect(useBackupStore.getState()).toEqual({ status: 'idle' });
    await restoreBackupAction({ name: '  till-backup-1.sqlite ' });
    expect(fake.last('backup:restore')).toEqual({ name: 'till-backup-1.sqlite' });
    expect(useBackupStore.getState()).toMatchObject({ status: 'error', what: 'restore', error: { details: { reason: 'BACKUP_SYMLINK' } } });
    await restoreBackupAction({ choose: true });
    expect(fake.last('backup:restore')).toEqual({ choose: true });
  });
});
