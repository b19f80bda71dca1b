#!/usr/bin/env node
// Bundles the Node-side entry points with esbuild:
//   electron/main/main.ts         -> dist/electron/main.cjs    (Electron main, CommonJS)
//   electron/preload/preload.ts   -> dist/electron/preload.cjs (sandboxed preload: ONE CommonJS file)
//   electron/host/serve.ts        -> dist/host/serve.js        (browser host, ESM)
//   simulator/cli.ts              -> dist/simulator/cli.js    (simulator, ESM)
// An entry whose source does not exist yet is skipped with a warning; a compile error fails the build.
//
// Usage: node scripts/build-node.mjs [--outdir DIR] [filter ...]
//   --outdir DIR  write under DIR instead of the project root (DIR/dist/...); tests use this
//   filter        build only the entries whose source path or name contains it
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (p) => path.relative(root, p) || '.';

// ESM bundles: bundled CommonJS dependencies call `require`, which ESM lacks. Aliased import so it
// cannot clash with a `createRequire` import inside the bundled code.
const ESM_BANNER = ["import { createRequire as __tillCreateRequire } from 'module';", 'const require = __tillCreateRequire(import.meta.url);'].join('\n');

// CJS bundles: ESM sources (ours or bundled packages) may read import.meta.url, which esbuild leaves
// empty in CommonJS output; give it the bundle's own file URL.
const CJS_BANNER = "const __tillImportMetaUrl = require('url').pathToFileURL(__filename).href;";
const CJS_DEFINE = { 'import.meta.url': '__tillImportMetaUrl' };

/** better-sqlite3 is native (Node-API prebuilds): always loaded from node_modules, never bundled. */
const NATIVE = ['better-sqlite3'];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
  legalComments: 'none',
};

const entries = [
  {
    name: 'electron main',
    entry: 'electron/main/main.ts',
    options: {
      outfile: 'dist/electron/main.cjs',
      format: 'cjs',
      // electron-store is ESM and imports `electron`; bundling it (electron external) works in CJS.
      external: ['electron', ...NATIVE],
      banner: { js: CJS_BANNER },
      define: CJS_DEFINE,
    },
  },
  {
    name: 'electron preload',
    entry: 'electron/preload/preload.ts',
    options: {
      outfile: 'dist/electron/preload.cjs',
      format: 'cjs',
      // A sandboxed preload may require only `electron` (and a few Node built-ins): nothing else.
      external: ['electron'],
      platform: 'browser',
    },
    check: checkPreload,
  },
  {
    name: 'browser host',
    entry: 'electron/host/serve.ts',
    options: {
      outfile: 'dist/host/serve.js',
      format: 'esm',
      external: [...NATIVE, 'electron'],
      banner: { js: ESM_BANNER },
    },
  },
  {
    name: 'simulator',
    entry: 'simulator/cli.ts',
    options: {
      outfile: 'dist/simulator/cli.js',
      format: 'esm',
      external: [...NATIVE, 'electron'],
      banner: { js: ESM_BANNER },
    },
  },
];

/** The preload must stay self-contained and tiny; warn if a dependency crept in (e.g. zod). */
function checkPreload(metafile) {
  const packages = new Set(
    Object.keys(metafile.inputs)
      .filter((input) => input.includes('node_modules/'))
      .map((input) => input.split('node_modules/').pop().split('/').slice(0, 1).join('/')),
  );
  if (packages.size > 0) {
    console.warn(`warning: the preload bundles ${[...packages].join(', ')}; it should import only constants and types.`);
  }
  const imports = Object.values(metafile.outputs).flatMap((o) => o.imports ?? []);
  const foreign = imports.filter((i) => i.external && i.path !== 'electron').map((i) => i.path);
  if (foreign.length > 0) {
    throw new Error(`the preload requires ${foreign.join(', ')}: a sandboxed preload can require only 'electron'`);
  }
}

const argv = process.argv.slice(2);
let outRoot = root;
const outdirAt = argv.indexOf('--outdir');
if (outdirAt >= 0) {
  if (!argv[outdirAt + 1]) throw new Error('--outdir needs a directory');
  outRoot = path.resolve(argv[outdirAt + 1]);
  argv.splice(outdirAt, 2);
}
const wanted = argv;
let built = 0;
let skipped = 0;
const failed = [];
for (const { name, entry, options, check } of entries) {
  if (wanted.length > 0 && !wanted.some((w) => entry.includes(w) || name.includes(w))) continue;
  const source = path.join(root, entry);
  if (!fs.existsSync(source)) {
    console.warn(`warning: skipping ${name}: ${entry} does not exist yet`);
    skipped += 1;
    continue;
  }
  const outfile = path.join(outRoot, options.outfile);
  try {
    const result = await build({
      ...common,
      ...options,
      absWorkingDir: root,
      entryPoints: [source],
      outfile,
    });
    check?.(result.metafile);
    const bytes = fs.statSync(outfile).size;
    console.log(`built ${name}: ${rel(outfile)} (${Math.round(bytes / 1024)} KiB)`);
    built += 1;
  } catch (error) {
    // esbuild has already printed the diagnostics with file and line.
    console.error(`error: ${name} (${entry}) failed to build${error?.errors ? '' : `: ${error?.message ?? error}`}`);
    failed.push(name);
  }
}
console.log(`build-node: ${built} built, ${skipped} skipped${failed.length ? `, ${failed.length} FAILED (${failed.join(', ')})` : ''}`);
if (failed.length > 0) process.exit(1);
