import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { writeStamp } from '../../../scripts/build-if-needed.mjs';
import { projectRoot } from '../../../scripts/electron-runtime.mjs';

/**
 * A copy of the project for running `npm start` in tests: package.json, package-lock.json (its
 * time kept, so the packages count as installed), scripts/ and the current dist/, with
 * node_modules linked to the real one. Its stamp says dist/ is the build of what is there, so npm
 * start finds "nothing changed": it never builds, and never touches the shared dist/.
 */
export function startProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'till-start-project-'));
  for (const item of ['package.json', 'package-lock.json', 'scripts', 'dist']) {
    fs.cpSync(path.join(projectRoot, item), path.join(root, item), { recursive: true, preserveTimestamps: true });
  }
  fs.rmSync(path.join(root, 'dist', '.build-stamp.json'), { force: true });
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  writeStamp(root);
  return root;
}

export interface Started {
  child: ChildProcess;
  /** Everything printed so far on stdout and stderr. */
  output: () => string;
  url: URL;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `npm <args>` in `root` and resolves once the till prints its address. */
export async function runUntilServing(root: string, args: string[], env: Record<string, string>): Promise<Started> {
  const child = spawn('npm', args, { cwd: root, env: { ...process.env, ONECLICKDZ_API_KEY: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<URL>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /^TILL_URL=(\S+)$/m.exec(out);
      if (m) resolve(new URL(m[1]!));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((e) => reject(new Error(`npm ${args.join(' ')} ended (${e.code ?? e.signal}) before serving:\n${out}`)));
  });
  return { child, output: () => out, url, exited };
}

/** Process ids (Linux /proc) whose environment holds `marker` exactly: one test's process tree. */
export function processesWithEnv(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = fs.readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
      const state = fs.readFileSync(`/proc/${entry}/stat`, 'latin1');
      // A zombie has exited: it only waits for its parent to read its status.
      if (env.includes(marker) && !/^\d+ \(.*\) Z /.test(state)) pids.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return pids;
}

export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** True when something accepts a TCP connection on 127.0.0.1:port. */
export function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls `condition` until it holds; the test's own timeout is the deadline. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, deadlineMs = 60_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`still not true after ${deadlineMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
