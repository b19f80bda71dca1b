#!/usr/bin/env node
// `npm start` (after `npm run build`): run the Electron app when an Electron runtime is present,
// otherwise the browser host (same core, same data dir rules), with the same args and env.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findElectronRuntime, projectRoot } from './electron-runtime.mjs';

const args = process.argv.slice(2);
const runtime = findElectronRuntime();

let command;
let commandArgs;
const env = { ...process.env };
if (runtime.ok) {
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
  console.log(`Electron runtime not available here (${runtime.reason}); starting the browser host instead.`);
  const serve = path.join(projectRoot, 'dist', 'host', 'serve.js');
  if (!fs.existsSync(serve)) {
    console.error(`${path.relative(projectRoot, serve)} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
  command = process.execPath;
  commandArgs = [serve, ...args];
}

const child = spawn(command, commandArgs, { stdio: 'inherit', env });

const forwarded = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'].filter((s) => s !== 'SIGBREAK' || process.platform === 'win32');
// Forward each signal once: Ctrl+C already reaches the child through the terminal's process group,
// and a second SIGINT must not cut short its graceful close.
for (const signal of forwarded) {
  let sent = false;
  process.on(signal, () => {
    if (sent || child.exitCode !== null || child.signalCode !== null) return;
    sent = true;
    child.kill(signal);
  });
}

child.on('error', (error) => {
  console.error(`could not start ${path.basename(command)}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // Die the same way so the caller sees the signal, not a made-up exit code.
    for (const s of forwarded) process.removeAllListeners(s);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
