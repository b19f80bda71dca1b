// The architecture's rules (eslint.config.js) really fail a violation: a few files that break
// them are written into the tree for one ESLint run and removed again, whatever happens.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ID = `__lint-probe-${process.pid}`;

/** Files that exist only while the test runs; every path is inside the repository. */
const PROBES: Record<string, string> = {
  // The core is plain Node: never Electron.
  [`electron/core/${ID}-electron.ts`]: `import { app } from 'electron';\nexport const probe = app;\n`,
  // The core never reaches into the renderer.
  [`electron/core/${ID}-renderer.ts`]: `import { probe as fromRenderer } from '../../renderer/src/${ID}-allowed';\nexport const probe = fromRenderer;\n`,
  // The renderer runs in a page: no Node builtins.
  [`renderer/src/${ID}-node.ts`]: `import fs from 'node:fs';\nexport const probe = fs.existsSync;\n`,
  // Allowed: the renderer imports shared/ and npm packages (the control: no error expected here).
  [`renderer/src/${ID}-allowed.ts`]: `import { create } from 'zustand';\nimport { ok } from '../../shared/result';\nexport const probe = [create, ok];\n`,
  // A cycle between two modules.
  [`electron/core/${ID}-cycle-a.ts`]: `import { b } from './${ID}-cycle-b';\nexport const a = (): number => b() + 1;\n`,
  [`electron/core/${ID}-cycle-b.ts`]: `import { a } from './${ID}-cycle-a';\nexport const b = (): number => (Math.random() > 2 ? a() : 0);\n`,
  // One product line reaching into another.
  [`electron/core/${ID}/product-lines/alpha/index.ts`]: `import { beta } from '../beta';\nexport const alpha = beta;\n`,
  [`electron/core/${ID}/product-lines/beta/index.ts`]: `export const beta = 'beta';\n`,
};

function removeProbes() {
  for (const file of Object.keys(PROBES)) fs.rmSync(path.join(ROOT, file), { force: true });
  fs.rmSync(path.join(ROOT, 'electron/core', ID), { recursive: true, force: true });
}

interface LintMessage {
  ruleId: string | null;
  message: string;
  fatal?: boolean;
}

/** Writes the probes, lints them with the project's config, removes them; rule ids per file. */
function lintProbes(): Record<string, LintMessage[]> {
  try {
    for (const [file, text] of Object.entries(PROBES)) {
      fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
      fs.writeFileSync(path.join(ROOT, file), text);
    }
    const r = spawnSync('npx', ['--no-install', 'eslint', '--format', 'json', ...Object.keys(PROBES)], {
      cwd: ROOT,
      encoding: 'utf8',
      shell: process.platform === 'win32',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (!r.stdout.trim().startsWith('[')) throw new Error(`eslint printed no report (exit ${r.status}): ${r.stderr}`);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: LintMessage[] }[];
    return Object.fromEntries(results.map((res) => [path.relative(ROOT, res.filePath).split(path.sep).join('/'), res.messages]));
  } finally {
    removeProbes();
  }
}

describe('architecture rules', () => {
  afterAll(removeProbes);

  it('reports each violation, and nothing on an allowed import; leaves no file behind', { timeout: 180_000 }, () => {
    const byFile = lintProbes();
    const rules = (file: string) => (byFile[file] ?? []).map((m) => m.ruleId);

    expect(
      Object.values(byFile)
        .flat()
        .filter((m) => m.fatal),
    ).toEqual([]);
    expect(rules(`electron/core/${ID}-electron.ts`)).toContain('no-restricted-imports');
    expect(rules(`electron/core/${ID}-renderer.ts`)).toContain('import-x/no-restricted-paths');
    expect(rules(`renderer/src/${ID}-node.ts`)).toContain('import-x/no-nodejs-modules');
    expect(rules(`renderer/src/${ID}-allowed.ts`)).toEqual([]);
    expect(rules(`electron/core/${ID}-cycle-a.ts`)).toContain('import-x/no-cycle');
    expect(rules(`electron/core/${ID}-cycle-b.ts`)).toContain('import-x/no-cycle');
    expect(rules(`electron/core/${ID}/product-lines/alpha/index.ts`)).toContain('import-x/no-restricted-paths');
    expect(rules(`electron/core/${ID}/product-lines/beta/index.ts`)).toEqual([]);

    for (const file of Object.keys(PROBES)) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(false);
    expect(fs.existsSync(path.join(ROOT, 'electron/core', ID))).toBe(false);
  });
});
