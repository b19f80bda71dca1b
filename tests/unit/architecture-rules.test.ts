// The architecture's rules (eslint.config.js) really fail a violation. The probes that break them
// are linted in a copy of the project's skeleton in a temporary folder (the same eslint.config.js,
// node_modules linked), never written into the tree: a lint or an editor reading the tree at the
// same moment would otherwise trip over files that come and go.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ID = `__lint-probe-${process.pid}`;
/** The sandbox: the config and what the probes import, as they stand in the repository. */
const SANDBOX = fs.mkdtempSync(path.join(os.tmpdir(), 'till-lint-rules-'));
const COPIED = ['eslint.config.js', 'shared/result.ts'];

/** Files linted in the sandbox, at the paths they would have in the repository. */
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

function removeSandbox() {
  fs.rmSync(SANDBOX, { recursive: true, force: true });
}

interface LintMessage {
  ruleId: string | null;
  message: string;
  fatal?: boolean;
}

/** Lays out the sandbox, lints the probes there with the project's config; rule ids per file. */
function lintProbes(): Record<string, LintMessage[]> {
  for (const file of COPIED) {
    fs.mkdirSync(path.dirname(path.join(SANDBOX, file)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, file), path.join(SANDBOX, file));
  }
  fs.writeFileSync(path.join(SANDBOX, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'preserve', strict: true }, include: ['**/*.ts'] }));
  fs.writeFileSync(path.join(SANDBOX, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(SANDBOX, 'node_modules'), 'junction');
  for (const [file, text] of Object.entries(PROBES)) {
    fs.mkdirSync(path.dirname(path.join(SANDBOX, file)), { recursive: true });
    fs.writeFileSync(path.join(SANDBOX, file), text);
  }
  const r = spawnSync('npx', ['--no-install', 'eslint', '--format', 'json', ...Object.keys(PROBES)], {
    cwd: SANDBOX,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (!r.stdout.trim().startsWith('[')) throw new Error(`eslint printed no report (exit ${r.status}): ${r.stderr}`);
  const results = JSON.parse(r.stdout) as { filePath: string; messages: LintMessage[] }[];
  return Object.fromEntries(
    results.map((res) => [path.relative(fs.realpathSync(SANDBOX), fs.realpathSync(res.filePath)).split(path.sep).join('/'), res.messages]),
  );
}

describe('architecture rules', () => {
  afterAll(removeSandbox);

  it('reports each violation, and nothing on an allowed import; writes nothing into the tree', { timeout: 180_000 }, () => {
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
  });
});
