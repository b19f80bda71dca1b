import { metric, type Reporter } from './report';
import { median, p95 } from './stats';

/**
 * The till timed against the same requests sent bare, in pairs (sale-vs-bare, topup-vs-bare). The
 * bare run makes as many status reads as the till's run of its pair did; who goes first alternates
 * so that neither always meets a warm or a cold socket.
 */
export interface PairedRuns<T> {
  /** Each timed till run, as `till` returned it. */
  tills: T[];
  tillMs: number[];
  bareMs: number[];
  overheadMs: number[];
  /** The status reads of each till run. */
  checks: number[];
}

export async function pairedRuns<T extends { ms: number }>(o: {
  warmup: number;
  runs: number;
  till: () => Promise<T>;
  /** How many status reads (checkOrder, check-id) a till run made. */
  checksOf: (t: T) => number;
  bare: (checks: number) => Promise<number>;
}): Promise<PairedRuns<T>> {
  for (let i = 0; i < o.warmup; i++) {
    const t = await o.till();
    await o.bare(o.checksOf(t));
  }
  const out: PairedRuns<T> = { tills: [], tillMs: [], bareMs: [], overheadMs: [], checks: [] };
  for (let i = 0; i < o.runs; i++) {
    let t: T;
    let b: number;
    if (i % 2 === 0) {
      t = await o.till();
      b = await o.bare(o.checksOf(t));
    } else {
      // The bare run goes first with the last run's count, and again if the till's differs.
      const planned = out.checks.length > 0 ? (out.checks[out.checks.length - 1] as number) : 1;
      b = await o.bare(planned);
      t = await o.till();
      if (o.checksOf(t) !== planned) b = await o.bare(o.checksOf(t));
    }
    out.tills.push(t);
    out.tillMs.push(t.ms);
    out.bareMs.push(b);
    out.overheadMs.push(t.ms - b);
    out.checks.push(o.checksOf(t));
  }
  return out;
}

/**
 * Part 1's two figures: the till's time, with the bare median as its reference, and the paired
 * overhead against its budget, max(30 ms, 10 % of the bare median).
 */
export function addOverheadFigures(
  r: Reporter,
  runs: Pick<PairedRuns<unknown>, 'tillMs' | 'bareMs' | 'overheadMs'>,
  names: { till: string; overhead: string },
): void {
  const bareMedian = median(runs.bareMs);
  const budget = Math.max(30, 0.1 * bareMedian);
  r.add(
    metric({
      name: names.till,
      unit: 'ms',
      median: median(runs.tillMs),
      p95: p95(runs.tillMs),
      runs: runs.tillMs.length,
      target: 'info (see overhead)',
      pass: null,
      reference: { name: 'same requests sent bare', median: bareMedian },
    }),
  );
  r.add(
    metric({
      name: names.overhead,
      unit: 'ms',
      median: median(runs.overheadMs),
      p95: p95(runs.overheadMs),
      runs: runs.overheadMs.length,
      target: `≤ max(30 ms, 10% of bare) = ${budget.toFixed(1)} ms`,
      pass: median(runs.overheadMs) <= budget,
    }),
  );
}
