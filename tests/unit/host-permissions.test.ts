import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { secureDataDir } from '../../electron/core/platform/data-permissions';
import { silentLogger } from '../../electron/core/platform/log';
import { HostProcess } from './helpers/host-process';

/**
 * Another account on the same machine must not read the till's data: the ledger holds PIN hashes
 * and sales, keys/ the ledger's data key and (browser host) the API key in plain text. The host
 * runs here as a real process, under the test runner's umask (typically 022).
 */

const mode = (p: string) => fs.statSync(p).mode & 0o777;
const octal = (m: number) => `0${m.toString(8)}`;

/** Every entry the till owns under `dir`, with its mode in octal, for one readable assertion. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': octal(mode(dir)) };
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      out[r] = octal(mode(full));
      if (e.isDirectory()) walk(full, r);
    }
  };
  walk(dir, '');
  return out;
}

function expectPrivate(dir: string): void {
  const all = modes(dir);
  const loose = Object.entries(all).filter(([rel, m]) => {
    const isDir = fs.statSync(path.join(dir, rel)).isDirectory();
    return m !== (isDir ? '0700' : '0600');
  });
  expect(loose, JSON.stringify(all)).toEqual([]);
}

const parents: string[] = [];
let host: HostProcess | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
  for (const p of parents.splice(0)) fs.rmSync(p, { recursive: true, force: true });
});

function freshParent(): string {
  const p = fs.mkdtempSync(path.join(os.tmpdir(), 'till-perm-'));
  parents.push(p);
  return p;
}

describe.runIf(process.platform !== 'win32')('browser host data permissions', () => {
  it('creates its data directory 0700 and every file 0600, the WAL included', async () => {
    const dataDir = path.join(freshParent(), 'data');
    host = new HostProcess({ POS_DATA_DIR: dataDir });
    await host.start();
    await host.must('session:get', {});
    expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite-wal'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'keys'))).toBe(true);
    expectPrivate(dataDir);
  }, 60_000);

  it('repairs a data directory left 0755 with 0644 files, and files created later are 0600', async () => {
    const dataDir = path.join(freshParent(), 'data');
    host = new HostProcess({ POS_DATA_DIR: dataDir });
    await host.start();
    await host.stop();
    // As an older version, a `cp -r` or a umask of 022 would have left it.
    fs.mkdirSync(path.join(dataDir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'backups', 'caisse-2026-01-01.sqlite'), 'backup');
    fs.writeFileSync(path.join(dataDir, 'keys', 'api-key'), 'sk_live_example');
    fs.writeFileSync(path.join(dataDir, 'ledger.sqlite-shm'), '');
    const walk = (d: string) => {
      fs.chmodSync(d, 0o755);
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        if (e.isDirectory()) walk(full);
        else fs.chmodSync(full, 0o644);
      }
    };
    walk(dataDir);
    fs.rmSync(path.join(dataDir, 'ledger.sqlite-wal'), { force: true });
    fs.rmSync(path.join(dataDir, 'ledger.sqlite-shm'), { force: true });
    expect(mode(path.join(dataDir, 'ledger.sqlite'))).toBe(0o644);

    host = new HostProcess({ POS_DATA_DIR: dataDir, ONECLICKDZ_API_KEY: '' });
    await host.start();
    await host.must('session:get', {});
    // The WAL and shared-memory files did not exist before this start.
    expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite-wal'))).toBe(true);
    expectPrivate(dataDir);
  }, 60_000);
});

describe.runIf(process.platform !== 'win32')('secureDataDir', () => {
  it("tightens only the till's own files, names them, and leaves a symlink's target alone", () => {
    const dataDir = freshParent();
    const outside = path.join(freshParent(), 'not-the-tills.txt');
    fs.writeFileSync(outside, 'x', { mode: 0o644 });
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, 'ledger.sqlite'), '', { mode: 0o644 });
    fs.writeFileSync(path.join(dataDir, 'settings.json'), '{}', { mode: 0o664 });
    fs.writeFileSync(path.join(dataDir, 'Local State'), '{}', { mode: 0o644 });
    fs.mkdirSync(path.join(dataDir, 'keys'), { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'keys', 'data-key.bin'), 'k', { mode: 0o644 });
    fs.symlinkSync(outside, path.join(dataDir, 'keys', 'link'));
    const warnings: Record<string, unknown>[] = [];
    const fixed = secureDataDir(dataDir, { ...silentLogger, warn: (_m, f) => warnings.push(f ?? {}) });
    expect(fixed.sort()).toEqual(['./', 'keys/', 'keys/data-key.bin', 'ledger.sqlite', 'settings.json']);
    expect(mode(path.join(dataDir, 'Local State'))).toBe(0o644);
    expect(mode(outside)).toBe(0o644);
    expect(warnings).toHaveLength(1);
    expect(secureDataDir(dataDir, silentLogger)).toEqual([]);
  });

  it('does nothing on Windows, which has no POSIX modes', () => {
    const dataDir = freshParent();
    fs.chmodSync(dataDir, 0o755);
    expect(secureDataDir(dataDir, silentLogger, 'win32')).toEqual([]);
    expect(mode(dataDir)).toBe(0o755);
  });
});
