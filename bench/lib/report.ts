import { median, p95, round } from './stats';

/**
 * One figure of a benchmark. `pass` is null for figures printed for information only.
 * `reference` is the comparison measured in the same run (bare HTTP, the naive JSON store…);
 * `ratio` is ours divided by the reference's median.
 */
export interface Metric {
  name: string;
  unit: string;
  median: number;
  p95: number | null;
  runs: number;
  target: string;
  pass: boolean | null;
  reference?: { name: string; median: number; ratio: number };
}

export interface BenchResult {
  bench: string;
  metrics: Metric[];
  notes: string[];
  durationMs: number;
}

/** The orchestrator (scripts/bench.mjs) reads exactly one line with this prefix from each benchmark. */
export const RESULT_PREFIX = 'BENCH_RESULT ';

export function metric(
  m: Omit<Metric, 'median' | 'p95' | 'reference'> & { median: number; p95?: number | null; reference?: { name: string; median: number } },
): Metric {
  const out: Metric = {
    name: m.name,
    unit: m.unit,
    median: round(m.median, 3),
    p95: m.p95 === undefined || m.p95 === null ? null : round(m.p95, 3),
    runs: m.runs,
    target: m.target,
    pass: m.pass,
  };
  if (m.reference) {
    out.reference = {
      name: m.reference.name,
      median: round(m.reference.median, 3),
      ratio: m.reference.median === 0 ? NaN : Number((m.median / m.reference.median).toPrecision(3)),
    };
  }
  return out;
}

/**
 * A figure of timed runs in milliseconds: their median and p95. With `p95Max` it passes when the
 * p95 is at most that ("p95 ≤ N ms"); without, it is printed for information.
 */
export function timedMetric(name: string, ms: readonly number[], opts: { p95Max?: number; reference?: { name: string; median: number } } = {}): Metric {
  const { p95Max, reference } = opts;
  const target = p95Max === undefined ? 'info' : `p95 ≤ ${p95Max} ms`;
  return metric({
    name,
    unit: 'ms',
    median: median(ms),
    p95: p95(ms),
    runs: ms.length,
    target,
    pass: p95Max === undefined ? null : p95(ms) <= p95Max,
    reference,
  });
}

const verdict = (pass: boolean | null) => (pass === null ? 'info' : pass ? 'PASS' : 'MISS');

export class Reporter {
  private readonly metrics: Metric[] = [];
  private readonly notes: string[] = [];
  private readonly t0 = performance.now();

  constructor(readonly bench: string) {
    this.log(`== ${bench} ==`);
  }

  log(line: string): void {
    process.stdout.write(`[${this.bench}] ${line}\n`);
  }

  /** A sentence the orchestrator repeats under the table (method, caveat, finding). */
  note(line: string): void {
    this.notes.push(line);
    this.log(`note: ${line}`);
  }

  add(m: Metric): Metric {
    this.metrics.push(m);
    const ref = m.reference ? `; ${m.reference.name} ${m.reference.median} ${m.unit} (ratio ${m.reference.ratio})` : '';
    const p = m.p95 === null ? '' : `, p95 ${m.p95} ${m.unit}`;
    this.log(`${m.name}: median ${m.median} ${m.unit}${p} over ${m.runs} run(s); target ${m.target} -> ${verdict(m.pass)}${ref}`);
    return m;
  }

  finish(): void {
    const result: BenchResult = { bench: this.bench, metrics: this.metrics, notes: this.notes, durationMs: Math.round(performance.now() - this.t0) };
    process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  }
}

/** Runs a benchmark's main function; any failure exits non-zero so the orchestrator reports it as not run. */
export function runBench(name: string, main: (r: Reporter) => Promise<void>): void {
  const r = new Reporter(name);
  main(r).then(
    () => {
      r.finish();
      // Keep-alive sockets, Playwright or SQLite handles must not keep a finished benchmark alive.
      process.exit(0);
    },
    (e: unknown) => {
      process.stderr.write(`[${name}] could not run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
