/**
 * packaging: electron-builder.yml turned into an unpacked build (`--dir`) for Windows x64 and
 * Linux x64, given an Electron distribution (`electronDist`). No Electron binary can be had here,
 * so a stand-in distribution is used: electron-builder copies the app, writes app.asar and
 * unpacks the native files, then stops at the fuses step, which must patch the real binary. What
 * is checked is what a shop's installer depends on: the bundles inside app.asar, better-sqlite3's
 * prebuilt binary for that platform unpacked beside it, and no rebuild step.
 */
import { extractFile, listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './lib/core';
import { metric, runBench } from './lib/report';

const ROOT = path.resolve(import.meta.dirname, '..');
const TARGETS = [
  { platform: 'linux', flag: '--linux', unpacked: 'linux-unpacked', exe: 'electron', prebuild: 'linux-x64.node' },
  { platform: 'win', flag: '--win', unpacked: 'win-unpacked', exe: 'electron.exe', prebuild: 'win32-x64.node' },
] as const;

runBench('packaging', async (r) => {
  const electronVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version as string;
  for (const t of TARGETS) {
    const dist = tempDir(`electron-dist-${t.platform}`);
    const out = tempDir(`pkg-${t.platform}`);
    fs.writeFileSync(path.join(dist, t.exe), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dist, 'version'), electronVersion);
    const started = performance.now();
    const run = spawnSync(
      'npx',
      ['electron-builder', '--dir', t.flag, '--x64', '-c.electronDist=' + dist, '-c.electronVersion=' + electronVersion, '-c.directories.output=' + out],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, timeout: 240_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    const log = `${run.stdout}\n${run.stderr}`;
    const resources = path.join(out, t.unpacked, 'resources');
    const asar = path.join(resources, 'app.asar');
    const prebuild = path.join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/prebuilds', t.prebuild);
    const files = fs.existsSync(asar) ? listPackage(asar, { isPack: false }) : [];
    const hasMain = files.some((f) => f.replace(/\\/g, '/').endsWith('/dist/electron/main.cjs'));
    const hasPreload = files.some((f) => f.replace(/\\/g, '/').endsWith('/dist/electron/preload.cjs'));
    const hasRenderer = files.some((f) => f.replace(/\\/g, '/').endsWith('/dist/renderer/index.html'));
    const noSources = !files.some((f) => /\/(renderer\/src|electron\/core|node_modules\/(react|zod|conf))\//.test(f.replace(/\\/g, '/')));
    const pkg = fs.existsSync(asar) ? JSON.parse(extractFile(asar, 'package.json').toString('utf8')) : {};
    const rebuilt = /rebuilding native dependencies|node-gyp rebuild/i.test(log);
    // After app.asar is written, electron-builder edits the Electron executable itself (fuses on
    // Linux, the PE resources on Windows): with a stand-in binary that is where it stops.
    const stoppedAtBinary = /fuse|DataView|rcedit|not a valid/i.test(log);
    r.note(
      `${t.platform} x64: electron-builder ${run.status === 0 ? 'finished' : stoppedAtBinary ? 'stopped where it edits the Electron executable (fuses, resources), which needs the real binary' : `failed (exit ${run.status})`} after ${seconds.toFixed(1)} s; ` +
        `app.asar ${fs.existsSync(asar) ? `${(fs.statSync(asar).size / 1e6).toFixed(1)} MB, ${files.length} entries` : 'missing'}; main ${pkg.main ?? '?'}.`,
    );
    const ok = hasMain && hasPreload && hasRenderer && noSources && fs.existsSync(prebuild) && !rebuilt;
    r.add(
      metric({
        name: `${t.platform} x64 --dir: bundles in app.asar, ${t.prebuild} unpacked, no rebuild`,
        unit: 'ok',
        median: ok ? 1 : 0,
        runs: 1,
        target: 'all present',
        pass: ok,
      }),
    );
    if (!ok)
      r.note(
        `${t.platform}: main ${hasMain}, preload ${hasPreload}, renderer ${hasRenderer}, no sources ${noSources}, prebuild ${fs.existsSync(prebuild)}, rebuilt ${rebuilt}`,
      );
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(dist, { recursive: true, force: true });
  }
});
