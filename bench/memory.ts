/**
 * memory: the core's resident memory with the year's ledger (100,000 sales) open, after 500
 * queued sales were drained. This launcher prepares a copy of the year ledger, bundles
 * memory/measure.ts with esbuild and runs it with plain `node --expose-gc`, so the figure is the
 * core's as the built till runs it, without the TypeScript loader; the simulator runs in a third
 * process. The measurement prints the result line the orchestrator reads.
 */
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './lib/core';
import { copyDataDir, ensureYearLedger } from './lib/year-ledger';

const ROOT = path.resolve(import.meta.dirname, '..');

async function main(): Promise<number> {
  const ownBase = process.env.BENCH_WORK_DIR ? null : tempDir('till-bench');
  const base = process.env.BENCH_WORK_DIR ?? (ownBase as string);
  const dataDir = tempDir('memory');
  try {
    const { dir: yearDir } = ensureYearLedger(base);
    copyDataDir(yearDir, dataDir);
    // Inside the project, so the external better-sqlite3 resolves from node_modules.
    const outfile = path.join(ROOT, 'dist/bench/memory-measure.mjs');
    await build({
      entryPoints: [path.join(ROOT, 'bench/memory/measure.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: ['better-sqlite3'],
      banner: { js: "import { createRequire as __benchCreateRequire } from 'module';\nconst require = __benchCreateRequire(import.meta.url);" },
      logLevel: 'error',
    });
    const child = spawn(process.execPath, ['--expose-gc', outfile], {
      cwd: ROOT,
      env: { ...process.env, BENCH_MEMORY_DIR: dataDir, BENCH_ROOT: ROOT },
      stdio: 'inherit',
    });
    return await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (ownBase) fs.rmSync(ownBase, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`[memory] could not run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
