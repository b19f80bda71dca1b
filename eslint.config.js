// ESLint for the whole tree: typescript-eslint's recommended rules, React's hook rules for the
// renderer, and the architecture's boundaries, all in this one run (`npm run lint`).
//
// Boundaries: eslint-plugin-import-x rather than eslint-plugin-boundaries or dependency-cruiser.
// - One plugin and one resolver give all four checks: no-restricted-paths (which folder may import
//   which), no-nodejs-modules (no `node:` builtins in browser code), no-cycle, and the plain
//   no-restricted-imports for the `electron` package. Rules are written by folder, so they hold
//   before and after files move inside a side.
// - It judges an import by the file it resolves to, not by how the path is spelled, so
//   `../../../renderer/x` is caught as surely as a bare name.
// - dependency-cruiser would be a second parser and a second run over the tree, and it reads
//   TypeScript through the compiler's JavaScript API, which TypeScript 7 no longer ships.
//   eslint-plugin-boundaries would add its own element model on top of the same resolver for
//   rules that no-restricted-paths already expresses.
//
// Not type-aware: with typescript-eslint's recommendedTypeChecked (projectService) a run of the
// whole tree took 177 s instead of 38 s on this 2-core machine (both while other jobs loaded it),
// far over a minute; `npm run typecheck` already runs the compiler on every file.
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';

const ROOT = import.meta.dirname;

// typescript-eslint parses with TypeScript's JavaScript API (createSourceFile), which TypeScript 7,
// the project's compiler, no longer has. `@tsd/typescript` (the tsd tool's repackaging of
// TypeScript 6.0.3's library) has no `tsc` command, so `npx tsc` stays TypeScript 7, where an npm
// alias of typescript@6 would race it for node_modules/.bin/tsc. This hook hands it to
// typescript-eslint's packages when they ask for `typescript`, and to nobody else. package.json's override keeps npm
// from refusing typescript-eslint's peer range (<6.1) against TypeScript 7. Remove both when
// typescript-eslint supports TypeScript 7.
const LINT_TYPESCRIPT_USERS = /[\\/]node_modules[\\/](?:@typescript-eslint[\\/]|typescript-eslint[\\/]|ts-api-utils[\\/])/;
if (typeof module.registerHooks !== 'function') throw new Error(`ESLint here needs Node 22.15 or newer (module.registerHooks); this is ${process.version}`);
module.registerHooks({
  resolve(specifier, context, nextResolve) {
    if ((specifier === 'typescript' || specifier.startsWith('typescript/')) && LINT_TYPESCRIPT_USERS.test(context.parentURL ?? '')) {
      const inner = specifier === 'typescript' ? '' : specifier.slice('typescript'.length);
      return nextResolve(inner ? `@tsd/typescript/typescript${inner}` : '@tsd/typescript', context);
    }
    return nextResolve(specifier, context);
  },
});

const { default: js } = await import('@eslint/js');
const { default: tseslint } = await import('typescript-eslint');
const { default: reactHooks } = await import('eslint-plugin-react-hooks');
const { importX } = await import('eslint-plugin-import-x');
const { createTypeScriptImportResolver } = await import('eslint-import-resolver-typescript');
const { default: globals } = await import('globals');
const { defineConfig } = await import('eslint/config');

const CODE = '**/*.{ts,tsx,mts,cts,js,mjs,cjs}';

/** Every `<parent>/product-lines/<line>/` folder in the tree, found afresh on each run. */
function productLineFolders(dir = ROOT, found = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || ['node_modules', 'dist', 'release'].includes(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'product-lines') {
      for (const line of fs.readdirSync(full, { withFileTypes: true })) if (line.isDirectory()) found.push(path.join(full, line.name));
    } else {
      productLineFolders(full, found);
    }
  }
  return found;
}

/**
 * One product line never reaches into another: they meet only through the product-line interface.
 * A folder named `*-kit` (top-up-kit) is not a line but what several lines share: lines may use
 * it, and it may use no line.
 */
function productLineZones() {
  const folders = productLineFolders();
  const isKit = (folder) => path.basename(folder).endsWith('-kit');
  const lines = folders.filter((f) => !isKit(f));
  const sameParent = (a, b) => a !== b && path.dirname(a) === path.dirname(b);
  const betweenLines = lines.flatMap((line) =>
    lines
      .filter((other) => sameParent(line, other))
      .map((other) => ({
        target: line,
        from: other,
        message: `The product line ${path.basename(line)} must not import the product line ${path.basename(other)}; share code through the product-line interface.`,
      })),
  );
  const kitsFromLines = folders.filter(isKit).flatMap((kit) =>
    lines
      .filter((line) => sameParent(kit, line))
      .map((line) => ({
        target: kit,
        from: line,
        message: `${path.basename(kit)} is shared by the product lines and must not import one of them (${path.basename(line)}).`,
      })),
  );
  return [...betweenLines, ...kitsFromLines];
}

const ELECTRON_PACKAGE = {
  paths: [{ name: 'electron', message: 'Only electron/main, electron/preload and electron/host talk to Electron.' }],
  patterns: [{ group: ['electron/*'], message: 'Only electron/main, electron/preload and electron/host talk to Electron.' }],
};

export default defineConfig(
  {
    ignores: ['node_modules/', 'dist/', 'release/', '.node/', '.reports/', 'test-results/', 'playwright-report/', 'coverage/'],
  },
  {
    files: [CODE],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    settings: {
      // Follow imports into TypeScript files too (import-x reads only .js by default), so that
      // no-cycle walks the whole graph and no-restricted-paths sees where each import lands.
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(ROOT, 'tsconfig.json') })],
    },
    rules: {
      // ESLint 10's recommended set adds it; here it flags only defensive first values
      // (`let ok = false; try { ok = f(); } catch { ok = false; }`), which read clearer kept.
      'no-useless-assignment': 'off',
      // `catch (e)` that ignores e still says that something is thrown there.
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }],
      // Runtime cycles only: a cycle of `import type` is erased by the compiler and orders nothing.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            {
              target: './electron/core',
              from: ['./renderer', './electron/main', './electron/host', './electron/preload', './simulator'],
              message:
                'The core is plain Node: it is driven by electron/main or electron/host and never reaches into them, the renderer, or the simulator (which is handed to it).',
            },
            {
              target: './renderer',
              from: './',
              except: ['./renderer', './shared', './node_modules'],
              message: 'The renderer imports only renderer/, shared/ and npm packages; it reaches the core through the contract in shared/.',
            },
            {
              target: './shared',
              from: './',
              except: ['./shared', './node_modules'],
              message: 'shared/ is imported by both sides and imports only shared/ and npm packages.',
            },
            ...productLineZones(),
          ],
        },
      ],
    },
  },
  {
    // Browser code and the code both sides share: no Node builtins, no Electron.
    files: ['renderer/**', 'shared/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': ['error', ELECTRON_PACKAGE],
    },
  },
  {
    files: ['electron/core/**'],
    rules: { 'no-restricted-imports': ['error', ELECTRON_PACKAGE] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat['recommended-latest']],
    rules: {
      'react-hooks/exhaustive-deps': 'error',
      // Two React Compiler rules (the renderer is not compiled by it) that flag correct React:
      // the latest-callback ref assigned during render, and effects that reset state when a
      // list or a switch changes. Rewriting them would change when things happen.
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Tests read the simulator's and the host's JSON answers untyped and assert on their fields.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
