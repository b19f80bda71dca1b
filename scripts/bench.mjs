#!/usr/bin/env node
// `npm run bench` (after `npm run build`): runs each benchmark of bench/ in its own process with
// `node --expose-gc --import tsx bench/<name>.ts`, reads the one `BENCH_RESULT {json}` line each
// prints, and prints a table of every figure with its target and PASS/MISS.
//
// A missed target is a finding, not a failure: the exit code is non-zero ONLY when a benchmark
// could not run (crashed, timed out, or printed no result).
//
// Usage: node scripts/bench.mjs [name ...]   (default: all, in the order below)
// The benchmarks share a work directory (BENCH_WORK_DIR) so the 100,000-sale ledger is built once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PREFIX = 'BENCH_RESULT ';
const BENCHES = [
  'sale-vs-bare',
  'topup-vs-bare',
  'ledger-year',
  'shop-report',
  'catalog-filter',
  'queue-drain',
  'shared-confirm-write',
  'shared-tills-throughput',
  'memory',
  'packaging',
];
const TIMEOUT_MS = 240_000;

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !BENCHES.includes(n));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHES.join(', ')}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? BENCHES.filter((n) => wanted.includes(n)) : BENCHES;

function machine() {
  const cpu =
    fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .match(/^model name\s*:\s*(.+)$/m)?.[1]
      ?.trim() ??
    os.cpus()[0]?.model ??
    'unknown';
  return {
    cpus: os.availableParallelism(),
    cpu,
    node: process.version,
    memGb: Math.round(os.totalmem() / 1024 ** 3),
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** Runs one benchmark; resolves with its parsed result or the reason it could not run. */
function runOne(name, workDir) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join('bench', `${name}.ts`)], {
      cwd: ROOT,
      env: { ...process.env, BENCH_WORK_DIR: workDir },
      stdio: ['ignore', 'pipe', 'inherit'],
      // Its own process group, so a timeout also stops what it started (simulator, Chromium).
      detached: true,
    });
    let result = null;
    const rl = readline.createInterface({ input: child.stdout });
    rl.on('line', (line) => {
      if (line.startsWith(PREFIX)) {
        try {
          result = JSON.parse(line.slice(PREFIX.length));
        } catch {
          console.error(`[${name}] unreadable result line`);
        }
      } else {
        console.log(line);
      }
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, TIMEOUT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      rl.close();
      const seconds = (Date.now() - t0) / 1000;
      if (timedOut) resolve({ name, ok: false, reason: `timed out after ${TIMEOUT_MS / 1000} s`, seconds });
      else if (code !== 0) resolve({ name, ok: false, reason: `exited with ${code ?? signal}`, seconds });
      else if (!result) resolve({ name, ok: false, reason: 'printed no result', seconds });
      else resolve({ name, ok: true, result, seconds });
    });
  });
}

const num = (x) => {
  if (x === null || x === undefined) return '–';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 0.1) return x.toFixed(2);
  return x.toPrecision(2);
};
const verdict = (pass) => (pass === null ? 'info' : pass ? 'PASS' : 'MISS');

function table(runs) {
  const header = ['Benchmark', 'Figure', 'Median', 'p95', 'Runs', 'Target', 'Reference (median)', 'Ratio', 'Result'];
  const rows = [];
  for (const run of runs) {
    if (!run.ok) {
      rows.push([run.name, `could not run: ${run.reason}`, '', '', '', '', '', '', 'ERROR']);
      continue;
    }
    for (const m of run.result.metrics) {
      rows.push([
        run.name,
        m.name,
        `${num(m.median)} ${m.unit}`,
        m.p95 === null ? '–' : `${num(m.p95)} ${m.unit}`,
        String(m.runs),
        m.target,
        m.reference ? `${m.reference.name}: ${num(m.reference.median)} ${m.unit}` : '',
        m.reference ? num(m.reference.ratio) : '',
        verdict(m.pass),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const env = machine();
console.log(`Benchmarks on ${env.cpus} CPU(s), ${env.cpu}, ${env.memGb} GB, Node ${env.node}; load average at start ${env.load}`);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-bench-'));
const started = Date.now();
const runs = [];
try {
  for (const name of selected) {
    console.log(`\n--- ${name} ---`);
    const run = await runOne(name, workDir);
    if (!run.ok) console.error(`[${name}] could not run: ${run.reason}`);
    runs.push(run);
  }
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}
const totalS = (Date.now() - started) / 1000;

console.log(`\n${table(runs)}\n`);
for (const run of runs) {
  if (!run.ok) continue;
  for (const n of run.result.notes) console.log(`- ${run.name}: ${n}`);
}
const figures = runs.flatMap((r) => (r.ok ? r.result.metrics : []));
const missed = figures.filter((m) => m.pass === false).length;
const passed = figures.filter((m) => m.pass === true).length;
const failedToRun = runs.filter((r) => !r.ok).length;
console.log(
  `\n${passed} target(s) met, ${missed} missed, ${failedToRun} benchmark(s) could not run; ${totalS.toFixed(0)} s in all ` +
    `(load average now ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}).`,
);

const reports = path.join(ROOT, '.reports');
fs.mkdirSync(reports, { recursive: true });
fs.writeFileSync(path.join(reports, 'bench.json'), JSON.stringify({ machine: env, totalSeconds: totalS, runs }, null, 2));
process.exit(failedToRun > 0 ? 1 : 0);
