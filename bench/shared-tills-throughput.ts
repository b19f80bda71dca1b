/**
 * shared-tills-throughput: 1, 2, 4 and 8 tills sharing one API key (so one provider rate limit for
 * the whole shop) and one PostgreSQL server, selling against ONE simulator that allows R requests
 * per second per key. Tills are engine tills in this process (tests/unit/helpers/engine-till.ts:
 * each its own SQLite ledger, sale engine, provider client, its own pool and till id, the real
 * SharedSenderGuard, and the shop's request budget on the server, ShopRateGate, over its own pool): processes would be 8 tsx hosts on a 2-core machine. Each run queues
 * the same number of sales spread over its tills, then drains them. Figures: accepted requests per
 * second against R, sales per second, the sender lock's wait p50/p95, and duplicate orders
 * (provider orders against sales). Beside them, a one-till run without a shared ledger.
 */
import type pg from 'pg';
import { RateGate } from '../electron/core/provider/rate-gate';
import { SharedSenderGuard } from '../electron/core/shared-ledger/shared-sender-guard';
import { ShopRateGate } from '../electron/core/shared-ledger/shop-rate-gate';
import type { RequestGate } from '../electron/core/provider/request-gate';
import { startSimulator, type RunningSimulator } from '../simulator';
import { TEST_KEY } from '../tests/unit/helpers/core-harness';
import { FINAL_STATES, giftCardOffer, openEngineTill, SHARED_KEY_ID, type EngineTill } from '../tests/unit/helpers/engine-till';
import { startPgServer } from '../tests/unit/helpers/pg-server';
import { SharedTills } from '../tests/unit/helpers/shared-tills';
import { metric, runBench, timedMetric, type Reporter } from './lib/report';
import { median, p95, sleep } from './lib/stats';

const R = 40; // requests per second per key, the simulator's fixed window
const SALES = 200; // per run, spread over its tills
const HANDLING_MS = 100;
const TILL_COUNTS = [1, 2, 4, 8];
const TIMING = { firstPollMs: 150, pollMs: 300, reconcileEveryMs: 300, probeMinMs: 100, probeMaxMs: 500, idleMs: 300 };

interface RunResult {
  label: string;
  seconds: number;
  accepted: number;
  spanS: number;
  limited: number;
  sales: number;
  orders: number;
  duplicates: number;
  notFulfilled: number;
  lockWaits: number[];
}

async function drain(label: string, sim: RunningSimulator, tills: EngineTill[], lockWaits: number[], count = SALES): Promise<RunResult> {
  const offer = await giftCardOffer(sim.url);
  sim.control.setStock(offer.productId, offer.typeId, 1_000_000);
  const ordersBefore = sim.control.orders().length;
  await sleep(1100); // a fresh rate-limit window, the catalogue reads above out of it
  sim.control.resetRequestLog();
  lockWaits.length = 0;
  const t0 = performance.now();
  const wall0 = Date.now();
  for (let i = 0; i < count; i++) tills[i % tills.length]!.sell(offer);
  const done = () => tills.every((t) => t.sales().every((s) => FINAL_STATES.includes(s.state)));
  while (!done()) {
    if (performance.now() - t0 > 60_000) throw new Error(`${label}: not drained within 60 s`);
    await sleep(20);
  }
  const seconds = (performance.now() - t0) / 1000;
  const log = sim.control.requestLog().filter((e) => e.at >= wall0 && e.path !== '/v3/ping');
  const accepted = log.filter((e) => e.status !== 429).map((e) => e.at);
  const sales = tills.flatMap((t) => t.sales());
  const held = sales.map((s) => s.order_id).filter((id): id is string => id !== null);
  const orders = sim.control.orders().length - ordersBefore;
  return {
    label,
    seconds,
    accepted: accepted.length,
    // What the provider saw: accepted requests from the first to the last (as queue-drain counts).
    spanS: (Math.max(...accepted) - Math.min(...accepted)) / 1000,
    limited: log.filter((e) => e.status === 429).length,
    sales: sales.length,
    orders,
    // Orders beyond one per sale, and order ids held by two sales.
    duplicates: orders - held.length + (held.length - new Set(held).size),
    notFulfilled: sales.filter((s) => s.state !== 'FULFILLED').length,
    lockWaits: [...lockWaits],
  };
}

function report(r: Reporter, run: RunResult, reference?: RunResult): void {
  const requestRate = run.accepted / run.spanS;
  r.note(
    `${run.label}: ${run.sales} sales in ${run.seconds.toFixed(1)} s (${(run.sales / run.seconds).toFixed(1)} sales/s), ${run.accepted} requests accepted, ${run.limited} refused (429), ` +
      `${run.orders} provider orders, ${run.notFulfilled} not FULFILLED` +
      (run.lockWaits.length ? `; ${run.lockWaits.length} lock waits, p50 ${median(run.lockWaits).toFixed(1)} ms, p95 ${p95(run.lockWaits).toFixed(1)} ms` : ''),
  );
  r.add(
    metric({
      name: `${run.label}: accepted requests/s`,
      unit: '/s',
      median: requestRate,
      p95: null,
      runs: 1,
      target: `within 10 % of the limit: ≥ ${(0.9 * R).toFixed(0)}/s`,
      pass: requestRate >= 0.9 * R,
      reference: { name: 'provider limit R (per key, shop-wide)', median: R },
    }),
  );
  r.add(
    metric({
      name: `${run.label}: sales/s`,
      unit: '/s',
      median: run.sales / run.seconds,
      p95: null,
      runs: 1,
      target: 'info',
      pass: null,
      ...(reference ? { reference: { name: 'one till, SQLite only', median: reference.sales / reference.seconds } } : {}),
    }),
  );
  r.add(
    metric({ name: `${run.label}: duplicate orders`, unit: 'orders', median: run.duplicates, p95: null, runs: 1, target: '0', pass: run.duplicates === 0 }),
  );
  if (run.lockWaits.length) r.add(timedMetric(`${run.label}: sender lock wait`, run.lockWaits));
}

runBench('shared-tills-throughput', async (r) => {
  const sim = await startSimulator({
    keys: { [TEST_KEY]: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213555000111' } },
    handlingMs: HANDLING_MS,
    balanceDzd: 1_000_000_000,
    rateLimit: { requests: R, perMs: 1000 },
  });
  const server = await startPgServer();
  const open: EngineTill[] = [];
  let shared: SharedTills | null = null;
  try {
    // The request budget. Default (BENCH_GATE=server): what the till does, the shop's budget on the
    // PostgreSQL server (ShopRateGate, R·60 per minute for the key), each till over its own pool.
    // Experiments: BENCH_GATE=split, each till's own local gate at R·60/n per minute (the limit shared
    // out); whole, every till's own gate at the whole limit (as an owner copying the number into each
    // would: the tills together ask for n times the limit); shop, one local gate object for every till
    // of a run (possible only in one process).
    const mode = process.env.BENCH_GATE ?? 'server';
    const shopGates = new Map<number, RateGate>();
    const localGate = (n: number): RateGate =>
      mode === 'shop' ? (shopGates.get(n) ?? shopGates.set(n, new RateGate(R * 60)).get(n)!) : new RateGate(Math.floor((R * 60) / (mode === 'split' ? n : 1)));
    const tillGate = (n: number, pool: pg.Pool): RequestGate =>
      mode === 'server' ? new ShopRateGate({ pool, joined: () => true, keyId: () => SHARED_KEY_ID, perMinute: () => R * 60 }) : localGate(n);
    const gate = (n: number) => localGate(mode === 'server' ? 1 : n);
    // A warm-up drain (code paths compiled, the simulator's catalogue read), not reported.
    const warm = openEngineTill({ name: 'warm-up', simUrl: sim.url, timing: TIMING, orderTimeoutMs: 10_000, gate: gate(1) });
    open.push(warm);
    await drain('warm-up', sim, [warm], [], 30);
    await Promise.all(open.splice(0).map((t) => t.close()));
    const alone = [openEngineTill({ name: 'alone', simUrl: sim.url, timing: TIMING, orderTimeoutMs: 10_000, gate: gate(1) })];
    open.push(...alone);
    const reference = await drain('1 till, SQLite only', sim, alone, []);
    await Promise.all(open.splice(0).map((t) => t.close()));
    report(r, reference);

    for (const n of TILL_COUNTS) {
      shared = new SharedTills(server);
      const ids = await shared.register(n);
      const lockWaits: number[] = [];
      const tills = ids.map((t, i) =>
        openEngineTill({
          name: `t${n}-${i + 1}`,
          simUrl: sim.url,
          timing: TIMING,
          orderTimeoutMs: 10_000,
          gate: tillGate(n, t.pool),
          guard: () => new SharedSenderGuard(t.pool, t.tillId, { maxWaitMs: 2_000, onWait: (ms) => lockWaits.push(ms) }),
        }),
      );
      open.push(...tills);
      const run = await drain(`${n} till${n > 1 ? 's' : ''}, shared ledger`, sim, tills, lockWaits);
      await Promise.all(open.splice(0).map((t) => t.close()));
      await shared.end();
      shared = null;
      report(r, run, reference);
    }
    r.note(
      `Simulator: fixed window of ${R} requests per second per key, every till on the same key; orders HANDLING ${HANDLING_MS} ms. Request budget: ` +
        (mode === 'server'
          ? `the shop's budget on the PostgreSQL server, ${R * 60}/min for the key (ShopRateGate, BENCH_GATE=server, the default; the SQLite-only till its own gate at ${R * 60}/min)`
          : mode === 'shop'
            ? `one local gate object at ${R * 60}/min shared by every till of a run (BENCH_GATE=shop)`
            : mode === 'split'
              ? `each till's own gate at the limit shared out, ${R * 60}/n per minute (BENCH_GATE=split)`
              : `each till's own gate at the provider's whole limit, ${R * 60}/min (BENCH_GATE=whole)`) +
        `: the limit is the shop's, not the till's. Tills are engine tills in one process (own ledger, engine, client, gate, pool, till id). ` +
        `Timing ${JSON.stringify(TIMING)}.`,
    );
  } finally {
    await Promise.all(open.map((t) => t.close().catch(() => undefined)));
    await shared?.end();
    await server.dispose();
    await sim.close();
  }
});
