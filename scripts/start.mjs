#!/usr/bin/env node
// `npm start`: everything a fresh machine needs, then the till. Node 22 (fetched into .node/ when
// the machine's is older), the npm packages, a build only when the sources changed; then the
// Electron app when an Electron runtime is present, otherwise the browser host (same core, same
// data dir rules), with the same args and env. `npm run serve` is `start.mjs --browser-host`.
//
// One chain of Node processes, each ending with its parent: npm → sh → this → the app. See
// supervise.mjs (we stop the app when sh is gone) and exit-with-parent.mjs (the host stops when we
// are gone).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNode22 } from './node22.mjs';

await ensureNode22();

const { ensurePackages } = await import('./ensure-env.mjs');
const { buildIfNeeded } = await import('./build-if-needed.mjs');
const { findElectronRuntime, projectRoot } = await import('./electron-runtime.mjs');
const { superviseChild } = await import('./supervise.mjs');

const BROWSER_HOST_FLAG = '--browser-host';
const browserOnly = process.argv.includes(BROWSER_HOST_FLAG);
const args = process.argv.slice(2).filter((a) => a !== BROWSER_HOST_FLAG);

ensurePackages();
const status = buildIfNeeded();
if (status !== 0) process.exit(status);

const runtime = browserOnly ? null : findElectronRuntime();
const env = { ...process.env };
let command;
let commandArgs;
let stdio = 'inherit';
if (runtime?.ok) {
  const main = path.join(projectRoot, 'dist', 'electron', 'main.cjs');
  if (!fs.existsSync(main)) {
    console.error(`${path.relative(projectRoot, main)} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  // With this set, Electron would run main.cjs as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  command = runtime.executablePath;
  commandArgs = [main, ...args];
} else {
  if (runtime) console.log(`Electron runtime not available here (${runtime.reason}); starting the browser host instead.`);
  const serve = path.join(projectRoot, 'dist', 'host', 'serve.js');
  if (!fs.existsSync(serve)) {
    console.error(`${path.relative(projectRoot, serve)} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  const watch = fileURLToPath(new URL('./exit-with-parent.mjs', import.meta.url));
  command = process.execPath;
  commandArgs = ['--import', watch, serve, ...args];
  stdio = ['inherit', 'inherit', 'inherit', 'ipc'];
}

await superviseChild(spawn(command, commandArgs, { stdio, env }));
