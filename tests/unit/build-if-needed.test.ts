import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIfNeeded, inputsHash, STAMP } from '../../scripts/build-if-needed.mjs';

/**
 * build-if-needed on a small project whose `npm run build` writes dist/out.txt and counts its runs
 * in builds.log: the real npm, the real stamp, only the build itself is tiny.
 */
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

const OUTPUTS = ['dist/out.txt'];

function project() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'till-build-if-needed-'));
  roots.push(root);
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('package.json', JSON.stringify({ name: 'fake', private: true, scripts: { build: 'node build.mjs' } }));
  write(
    'build.mjs',
    [
      "import fs from 'node:fs';",
      "fs.appendFileSync('builds.log', 'built\\n');",
      "if (fs.existsSync('FAIL')) process.exit(3);",
      "fs.mkdirSync('dist', { recursive: true });",
      "fs.writeFileSync('dist/out.txt', 'ok');",
    ].join('\n'),
  );
  write('renderer/src/a.tsx', 'export const a = 1;');
  write('shared/b.ts', 'export const b = 2;');
  write('electron/host/c.ts', 'export const c = 3;');
  write('package-lock.json', '{}');
  const lines: string[] = [];
  const builds = () => (fs.existsSync(path.join(root, 'builds.log')) ? fs.readFileSync(path.join(root, 'builds.log'), 'utf8').split('\n').length - 1 : 0);
  const run = (force = false) => buildIfNeeded({ root, outputs: OUTPUTS, force, log: (l) => lines.push(l) });
  return { root, write, lines, builds, run };
}

describe('npm start builds only what changed', () => {
  it('builds a project never built, then skips while nothing changes, each time saying so in one line', () => {
    const p = project();
    expect(p.run()).toBe(0);
    expect(p.builds()).toBe(1);
    expect(p.lines).toEqual([expect.stringMatching(/^Building \(dist\/out\.txt is missing\)/)]);
    expect(fs.existsSync(path.join(p.root, STAMP))).toBe(true);

    expect(p.run()).toBe(0);
    expect(p.builds()).toBe(1);
    expect(p.lines[1]).toMatch(/^Build is up to date/);
  });

  it('files touched but unchanged do not rebuild; a changed, added or removed input does', () => {
    const p = project();
    p.run();
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(p.root, 'shared/b.ts'), later, later);
    p.run();
    expect(p.builds()).toBe(1);

    p.write('shared/b.ts', 'export const b = 20;');
    p.run();
    expect(p.builds()).toBe(2);
    expect(p.lines.at(-1)).toMatch(/^Building \(sources changed since the last build\)/);

    p.write('electron/host/d.ts', 'export const d = 4;');
    p.run();
    expect(p.builds()).toBe(3);

    fs.rmSync(path.join(p.root, 'renderer/src/a.tsx'));
    p.run();
    expect(p.builds()).toBe(4);

    p.write('package-lock.json', '{"lockfileVersion":3}'); // new packages change the bundles
    p.run();
    expect(p.builds()).toBe(5);
    p.run();
    expect(p.builds()).toBe(5);
  });

  it('a missing output rebuilds whatever the stamp says', () => {
    const p = project();
    p.run();
    fs.rmSync(path.join(p.root, 'dist/out.txt'));
    p.run();
    expect(p.builds()).toBe(2);
  });

  it('a failed build leaves no stamp, so the next start builds again; force always builds', () => {
    const p = project();
    p.run();
    p.write('shared/b.ts', 'export const b = "half-written";');
    p.write('FAIL', '');
    expect(p.run()).toBe(3);
    expect(fs.existsSync(path.join(p.root, STAMP))).toBe(false);
    fs.rmSync(path.join(p.root, 'FAIL'));
    // dist/out.txt is still the old one: only the missing stamp says it is stale.
    expect(p.run()).toBe(0);
    expect(p.builds()).toBe(3);
    expect(p.run(true)).toBe(0);
    expect(p.builds()).toBe(4);
  });

  it('the hash covers path and content of every input, in a fixed order', () => {
    const p = project();
    const before = inputsHash(p.root);
    expect(inputsHash(p.root)).toBe(before);
    fs.renameSync(path.join(p.root, 'shared/b.ts'), path.join(p.root, 'shared/b2.ts'));
    expect(inputsHash(p.root)).not.toBe(before);
    p.write('dist/ignored.txt', 'outputs are not inputs');
    p.write('notes.md', 'nor is anything outside the inputs');
    const renamed = inputsHash(p.root);
    expect(inputsHash(p.root)).toBe(renamed);
  });
});
