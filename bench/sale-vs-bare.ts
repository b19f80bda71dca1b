/**
 * sale-vs-bare: how much time the till adds to a sale, compared with the same HTTP requests sent
 * bare (node:http, no app) against the same simulator with the same latency. Then, once, how many
 * API calls a sale costs with the production timing.
 */
import fs from 'node:fs';
import { startSimulator, type SimRequestLogEntry } from '../simulator';
import { DEFAULT_TIMING } from '../electron/core/sales/timing';
import { bareHttp } from './lib/bare-http';
import { BENCH_KEYS, FINAL, findOffers, openCore, tempDir, type Offer } from './lib/core';
import { addOverheadFigures, pairedRuns } from './lib/paired-runs';
import { metric, runBench } from './lib/report';
import { median, sleep } from './lib/stats';

const LATENCY_MS = 20;
const WARMUP = 3;
const RUNS = 25;
/** The highest request rate the till's settings accept (its client-side rate gate, provider/rate-gate.ts). */
const GATE_MAX_PER_MINUTE = 6000;

type Kind = 'checkProduct' | 'balance' | 'placeOrder' | 'checkOrder' | 'validate' | 'other';

function kindOf(e: SimRequestLogEntry): Kind {
  if (e.path.startsWith('/v3/gift-cards/checkProduct/')) return 'checkProduct';
  if (e.path === '/v3/account/balance') return 'balance';
  if (e.path === '/v3/gift-cards/placeOrder') return 'placeOrder';
  if (e.path.startsWith('/v3/gift-cards/checkOrder/')) return 'checkOrder';
  if (e.path === '/v3/validate') return 'validate';
  return 'other';
}

function countKinds(log: readonly SimRequestLogEntry[]): Record<Kind, number> {
  const out: Record<Kind, number> = { checkProduct: 0, balance: 0, placeOrder: 0, checkOrder: 0, validate: 0, other: 0 };
  for (const e of log) out[kindOf(e)]++;
  return out;
}

/** The bare client: the gift-card sale's requests, sent with bench/lib/bare-http.ts. */
function bareClient(baseUrl: string) {
  const { call, close } = bareHttp(baseUrl);
  return {
    /** checkProduct + balance (what confirm reads), one placeOrder, then `checks` checkOrders. */
    async sale(offer: Offer, checks: number): Promise<number> {
      const t0 = performance.now();
      await call('GET', `/v3/gift-cards/checkProduct/${encodeURIComponent(offer.productId)}`);
      await call('GET', '/v3/account/balance');
      const placed = await call('POST', '/v3/gift-cards/placeOrder', JSON.stringify({ productId: offer.productId, typeId: offer.typeId, quantity: 1 }), true);
      const orderId = String(placed.data.orderId);
      for (let i = 0; i < checks; i++) await call('GET', `/v3/gift-cards/checkOrder/${encodeURIComponent(orderId)}`);
      return performance.now() - t0;
    },
    close,
  };
}

runBench('sale-vs-bare', async (r) => {
  const sim = await startSimulator({ keys: BENCH_KEYS, handlingMs: 0, latencyMs: LATENCY_MS, balanceDzd: 1_000_000_000 });
  const dirs: string[] = [];
  try {
    // ---- part 1: till vs bare, simulator answers at once (handlingMs 0) after 20 ms of latency
    const dataDir = tempDir('sale-vs-bare');
    dirs.push(dataDir);
    const till = await openCore({ dataDir, apiUrl: sim.url, timing: { firstPollMs: 0, pollMs: 0 } });
    // Back-to-back benchmark sales would otherwise wait for the client-side rate gate's tokens.
    await till.h['settings:update']({ apiRequestsPerMinute: GATE_MAX_PER_MINUTE });
    const [offer] = await findOffers(till.h, 1);
    if (!offer) throw new Error('no offer in the simulated catalogue');
    sim.control.setStock(offer.productId, offer.typeId, 1_000_000);
    const bare = bareClient(sim.url);

    /** Waits until the till's refresh of the balance after the final state has been answered (not timed). */
    const settle = async () => {
      const until = Date.now() + 3000;
      while (Date.now() < until && countKinds(sim.control.requestLog()).balance < 2) await sleep(5);
      await sleep(10);
    };
    const tillSale = async () => {
      sim.control.resetRequestLog();
      const t0 = performance.now();
      const sale = await till.h['sales:confirm']({ ...offer, quantity: 1 });
      const done = await till.waitState(sale.id, FINAL, 10_000);
      if (done.state !== 'FULFILLED') throw new Error(`sale ${sale.id} ended ${done.state}`);
      const ms = done.at - t0;
      await settle();
      return { ms, calls: countKinds(sim.control.requestLog()) };
    };

    const { tills, tillMs, bareMs, overheadMs, checks } = await pairedRuns({
      warmup: WARMUP,
      runs: RUNS,
      till: tillSale,
      checksOf: (t) => t.calls.checkOrder,
      bare: (n) => bare.sale(offer, n),
    });
    const callsOk = tills.every(({ calls: c }) => c.checkProduct === 1 && c.placeOrder === 1 && c.balance === 2 && c.other === 0);
    bare.close();
    await till.core.close();

    r.note(
      `Till run with timing {firstPollMs: 0, pollMs: 0} (the documented polling waits removed rather than subtracted); simulator handlingMs 0, latency ${LATENCY_MS} ms per request, all on 127.0.0.1. ` +
        `apiRequestsPerMinute set to ${GATE_MAX_PER_MINUTE} (the maximum) so that sales run back to back are not paced by the till's rate gate ` +
        `(the default-timing sale below runs with the default setting).`,
    );
    r.note(
      `Timed from sales:confirm to the sales:changed event that reports FULFILLED. Calls on that path per sale: checkProduct 1, balance 1, placeOrder 1, checkOrder ${median(checks)} (median); ` +
        `the bare client sends exactly these (keep-alive for reads, a fresh connection for placeOrder as the till's transport does). The till's balance refresh after the final state is not timed.` +
        (callsOk ? '' : ' WARNING: some till sales made other calls than these.'),
    );
    addOverheadFigures(
      r,
      { tillMs, bareMs, overheadMs },
      { till: 'sale: confirm → FULFILLED through the core', overhead: 'till overhead (till − bare, paired runs)' },
    );

    // ---- part 2: calls per sale with the production timing and orders that take 3 s
    sim.control.setConfig({ handlingMs: 3000 });
    const dataDir2 = tempDir('sale-count');
    dirs.push(dataDir2);
    const prod = await openCore({ dataDir: dataDir2, apiUrl: sim.url });
    await prod.h['catalog:product']({ productId: offer.productId });
    sim.control.resetRequestLog();
    const t0 = performance.now();
    const sale = await prod.h['sales:confirm']({ ...offer, quantity: 1 });
    const placedAt = await prod.waitState(sale.id, ['PLACED'], 30_000);
    const done = await prod.waitState(sale.id, FINAL, 30_000);
    const seconds = (done.at - t0) / 1000;
    const until = Date.now() + 3000;
    while (Date.now() < until && countKinds(sim.control.requestLog()).balance < 2) await sleep(20);
    const calls = countKinds(sim.control.requestLog());
    await prod.core.close();
    r.note(
      `Production timing (firstPollMs ${DEFAULT_TIMING.firstPollMs}, pollMs ${DEFAULT_TIMING.pollMs}) and default settings, right after opening the product, handlingMs 3000: ` +
        `PLACED ${(placedAt.at - t0).toFixed(0)} ms after confirm, ${done.state} after ${seconds.toFixed(2)} s with ` +
        `checkProduct ${calls.checkProduct}, balance ${calls.balance} (one before the sale, one refresh after it), placeOrder ${calls.placeOrder}, checkOrder ${calls.checkOrder}.`,
    );
    r.add(
      metric({
        name: 'placeOrder calls per sale (default timing)',
        unit: 'calls',
        median: calls.placeOrder,
        runs: 1,
        target: '= 1',
        pass: calls.placeOrder === 1,
      }),
    );
    r.add(
      metric({
        name: 'checkOrder calls per sale (default timing, 3 s order)',
        unit: 'calls',
        median: calls.checkOrder,
        runs: 1,
        target: '≤ 3 (fulfilled within 10 s)',
        pass: calls.checkOrder <= 3 && done.state === 'FULFILLED' && seconds <= 10,
      }),
    );
    r.add(
      metric({
        name: 'all API calls per sale (default timing)',
        unit: 'calls',
        median: calls.checkProduct + calls.balance + calls.placeOrder + calls.checkOrder + calls.other,
        runs: 1,
        target: 'info',
        pass: null,
      }),
    );
  } finally {
    await sim.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
});
