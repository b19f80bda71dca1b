import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronRuntime, platformExecutable, projectRoot } from '../../scripts/electron-runtime.mjs';
import { startProject } from './helpers/start-project';

const tmp: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-start-'));
  tmp.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of tmp.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fake project with node_modules/electron as `npm install` leaves it, binary or not. */
function fakeProject({ pathTxt, binary }: { pathTxt?: string; binary?: string }) {
  const root = tempDir();
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(pkg, { recursive: true });
  if (pathTxt) fs.writeFileSync(path.join(pkg, 'path.txt'), pathTxt);
  if (binary) {
    const file = path.join(pkg, 'dist', binary);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
  }
  return root;
}

describe('finding an Electron runtime without downloading one', () => {
  it('names the executable per platform as electron/install.js does', () => {
    expect(platformExecutable('linux')).toBe('electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformExecutable('aix')).toBeNull();
  });

  it('reports a missing binary (the package was installed with ELECTRON_SKIP_BINARY_DOWNLOAD)', () => {
    const root = fakeProject({});
    const found = findElectronRuntime({ root, env: { DISPLAY: ':0' }, platform: 'linux' });
    expect(found).toEqual({ ok: false, reason: expect.stringContaining('no Electron binary at node_modules/electron/dist/electron') });
  });

  it('finds a downloaded binary through path.txt', () => {
    const root = fakeProject({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronRuntime({ root, env: { DISPLAY: ':0' }, platform: 'linux' })).toEqual({
      ok: true,
      executablePath: path.join(root, 'node_modules/electron/dist/electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = fakeProject({});
    const dist = tempDir();
    fs.writeFileSync(path.join(dist, 'electron.exe'), '');
    expect(findElectronRuntime({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'win32' })).toEqual({
      ok: true,
      executablePath: path.join(dist, 'electron.exe'),
    });
    expect(findElectronRuntime({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: '/nope' }, platform: 'win32' }).ok).toBe(false);
  });

  it('says so when Linux has no display to show a window on', () => {
    const root = fakeProject({ pathTxt: 'electron', binary: 'electron' });
    expect(findElectronRuntime({ root, env: {}, platform: 'linux' })).toEqual({ ok: false, reason: expect.stringContaining('no display') });
  });

  it('never requires the electron package (which would start a download)', () => {
    const source = fs.readFileSync(path.join(projectRoot, 'scripts/electron-runtime.mjs'), 'utf8');
    const start = fs.readFileSync(path.join(projectRoot, 'scripts/start.mjs'), 'utf8');
    const code = (text: string) =>
      text
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
        .join('\n');
    for (const text of [source, start]) {
      expect(code(text)).not.toMatch(/require\(\s*['"]electron['"]|from\s+['"]electron['"]|import\(\s*['"]electron['"]/);
    }
  });
});

const built = fs.existsSync(path.join(projectRoot, 'dist/host/serve.js')) && fs.existsSync(path.join(projectRoot, 'dist/renderer/index.html'));
const hasElectron = findElectronRuntime().ok;

describe('npm start without Electron', () => {
  it.skipIf(!built || hasElectron)(
    'says in one line why it runs the browser host, with the same env, and forwards SIGTERM and the exit code',
    async () => {
      const dataDir = tempDir();
      // A copy of the project on the current build, so start.mjs's build step never touches dist/.
      const root = startProject();
      tmp.push(root);
      const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs'), '--port', '0'], {
        cwd: root,
        env: { ...process.env, POS_DATA_DIR: dataDir, ONECLICKDZ_API_KEY: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`host not ready: ${out}`)), 20_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('TILL_URL=')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await ready;
      const lines = out.split('\n');
      expect(lines[0]).toMatch(/^Build is up to date/);
      expect(lines[1]).toMatch(/^Electron runtime not available here \(.+\); starting the browser host instead\.$/);
      expect(lines.filter((l) => l.startsWith('Electron runtime not available'))).toHaveLength(1);
      expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite'))).toBe(true); // same env: POS_DATA_DIR reached the host
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    },
    30_000,
  );
});
