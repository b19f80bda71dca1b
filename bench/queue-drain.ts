/**
 * queue-drain: 500 sales confirmed while the provider is unreachable, then drained against a
 * provider that allows R requests per second per key, with the till's own rate gate set to that
 * limit. How long the drain takes, whether the till stays within the limit (429 answers), and
 * placeOrder throughput against what the limit allows.
 */
import fs from 'node:fs';
import { RateGate } from '../electron/core/provider/rate-gate';
import { startSimulator, type SimRequestLogEntry } from '../simulator';
import { BENCH_KEYS, FINAL, findOffers, openCore, tempDir } from './lib/core';
import { metric, runBench, timedMetric } from './lib/report';
import { mapLimit, sleep } from './lib/stats';

const SALES = 500;
const R = 40; // requests per second per key (the simulator's fixed window)
const HANDLING_MS = 100;
const TIMING = { firstPollMs: 300, pollMs: 1000, probeMinMs: 100, probeMaxMs: 500, idleMs: 1000 };
const CONFIRM_CONCURRENCY = 100;
const TIMED_CONFIRMS = 3;
const GATE_MAX_PER_MINUTE = 6000;
/**
 * The till's apiRequestsPerMinute during the drain: the provider's limit, as a shop would set it.
 * BENCH_GATE_FRACTION (e.g. 0.9) sets it to a fraction of the limit instead, to try a margin.
 */
const GATE_FRACTION = Number(process.env.BENCH_GATE_FRACTION ?? 1);
const GATE_PER_MINUTE = Math.round(R * 60 * GATE_FRACTION);

const kind = (e: SimRequestLogEntry) => {
  if (e.path === '/v3/gift-cards/placeOrder') return 'placeOrder';
  if (e.path.startsWith('/v3/gift-cards/checkOrder/')) return 'checkOrder';
  if (e.path === '/v3/account/balance') return 'balance';
  if (e.path === '/v3/ping') return 'ping';
  if (e.path.startsWith('/v3/gift-cards/checkProduct/')) return 'checkProduct';
  if (e.path === '/v3/gift-cards/list') return 'list';
  return e.path;
};

runBench('queue-drain', async (r) => {
  const sim = await startSimulator({ keys: BENCH_KEYS, handlingMs: HANDLING_MS, balanceDzd: 1_000_000_000, rateLimit: { requests: R, perMs: 1000 } });
  const dataDir = tempDir('queue-drain');
  try {
    const settings = { store: { idleLockMinutes: 240 } as Record<string, unknown> };
    let till = await openCore({ dataDir, apiUrl: sim.url, timing: TIMING, settings });
    // Filling the queue fast: offline attempts also take tokens from the till's rate gate.
    await till.h['settings:update']({ queueCap: SALES, maxQuantityPerSale: 10, apiRequestsPerMinute: GATE_MAX_PER_MINUTE });
    const offers = await findOffers(till.h, 6);
    for (const o of offers) sim.control.setStock(o.productId, o.typeId, 1_000_000);
    // The till keeps each product's last live check and sells from it while offline: refresh it after the restock.
    for (const o of offers) await till.h['catalog:product']({ productId: o.productId });
    await sleep(1100);

    await sim.control.setOffline(true);
    const confirm = async (i: number) => {
      const sale = await till.h['sales:confirm']({ ...offers[i % offers.length]!, quantity: 1 + (i % 3) });
      if (sale.state !== 'QUEUED') throw new Error(`sale ${sale.id} is ${sale.state}, expected QUEUED`);
      return sale.id;
    };
    // What a cashier waits for one sale while offline (one at a time), then the rest of the queue at once.
    const confirmMs: number[] = [];
    const ids: number[] = [];
    for (let i = 0; i < TIMED_CONFIRMS; i++) {
      const t0 = performance.now();
      ids.push(await confirm(i));
      confirmMs.push(performance.now() - t0);
    }
    ids.push(
      ...(await mapLimit(
        Array.from({ length: SALES - TIMED_CONFIRMS }, (_, i) => i + TIMED_CONFIRMS),
        CONFIRM_CONCURRENCY,
        confirm,
      )),
    );
    r.log(`${ids.length} sales queued while offline`);
    await till.h['settings:update']({ apiRequestsPerMinute: GATE_PER_MINUTE });
    // Restart the till on the same data: the bulk confirm above squeezed hours of offline selling
    // into seconds, and its ~1,500 failed attempts would otherwise still fill the gate's one-minute
    // window when the connection returns (a real shop's offline attempts are spread out).
    await till.core.close();
    till = await openCore({ dataDir, apiUrl: sim.url, timing: TIMING, settings });
    await sleep(1100); // a fresh rate-limit window
    sim.control.resetRequestLog();
    const t0 = performance.now();
    const wall0 = Date.now();
    await sim.control.setOffline(false);
    const finals = await Promise.all(ids.map((id) => till.waitState(id, FINAL, 180_000)));
    const drainS = (Math.max(...finals.map((f) => f.at)) - t0) / 1000;
    const notFulfilled = finals.filter((f) => f.state !== 'FULFILLED').length;
    await sleep(500); // the last balance refreshes
    await till.core.close();

    const log = sim.control.requestLog().filter((e) => e.at >= wall0);
    const by = new Map<string, { ok: number; limited: number }>();
    for (const e of log) {
      const k = kind(e);
      const c = by.get(k) ?? { ok: 0, limited: 0 };
      if (e.status === 429) c.limited++;
      else c.ok++;
      by.set(k, c);
    }
    const limited = log.filter((e) => e.status === 429).length;
    const placed = log.filter((e) => kind(e) === 'placeOrder' && e.status === 200).map((e) => e.at);
    const placeRate = placed.length > 1 ? ((placed.length - 1) * 1000) / ((placed[placed.length - 1] as number) - (placed[0] as number)) : NaN;
    const counted = log.filter((e) => kind(e) !== 'ping' && e.status !== 429);
    const span = (Math.max(...counted.map((e) => e.at)) - Math.min(...counted.map((e) => e.at))) / 1000;
    // Per second windows: the busiest second must stay within R.
    const perSecond = new Map<number, number>();
    for (const e of log) if (kind(e) !== 'ping') perSecond.set(Math.floor((e.at - wall0) / 1000), (perSecond.get(Math.floor((e.at - wall0) / 1000)) ?? 0) + 1);
    const requestRate = counted.length / span;
    const RATE_MARGIN = RateGate.MARGIN;

    r.note(
      `Simulator: fixed window of ${R} authenticated requests per 1000 ms per key (ping needs no key and is not counted), orders HANDLING ${HANDLING_MS} ms; till timing ${JSON.stringify(TIMING)}; queueCap ${SALES}. ` +
        `${SALES} sales of 1–3 cards confirmed while offline (${TIMED_CONFIRMS} one by one, timed; the rest ${CONFIRM_CONCURRENCY} at a time with apiRequestsPerMinute ${GATE_MAX_PER_MINUTE}), ` +
        `then apiRequestsPerMinute set to ${GATE_FRACTION === 1 ? "the provider's limit" : `${GATE_FRACTION} × the provider's limit`} (${GATE_PER_MINUTE}), the till restarted on the same data ` +
        `(so the bulk confirm's failed attempts do not fill its rate gate's one-minute window) and the simulator put back online.`,
    );
    r.note(
      `Throughput is what the provider sees: every accepted request per second over the drain, against its limit R. The till keeps ${Math.round(RATE_MARGIN * 100)} % of the configured ` +
        `rate as its own budget (a margin for clocks that count a request when it leaves, not when it arrives). With several orders placed at once it polls them all with one ` +
        `gift-cards/list page (which carries the cards) instead of one checkOrder each, and reads the balance once per burst of finished sales, so most of the budget goes to placeOrder.`,
    );
    r.note(
      `Requests during the drain (ok / 429): ${[...by.entries()].map(([k, c]) => `${k} ${c.ok}/${c.limited}`).join(', ')}; busiest second ${Math.max(...perSecond.values())} requests.`,
    );
    if (notFulfilled > 0) r.note(`${notFulfilled} sale(s) did not end FULFILLED.`);
    r.add(
      metric({
        name: `drain ${SALES} queued sales to FULFILLED`,
        unit: 's',
        median: drainS,
        p95: null,
        runs: 1,
        target: `info (floor ${(SALES / R).toFixed(1)} s at one request a sale)`,
        pass: null,
      }),
    );
    r.add(
      metric({
        name: `requests refused with 429 (limit ${R}/s)`,
        unit: 'req',
        median: limited,
        p95: null,
        runs: 1,
        target: '0 (stay within the limit)',
        pass: limited === 0,
      }),
    );
    r.add(
      metric({
        name: 'throughput: accepted requests per second during the drain',
        unit: '/s',
        median: requestRate,
        p95: null,
        runs: 1,
        target: `within 10 % of the limit: ≥ ${(0.9 * R).toFixed(1)}/s`,
        pass: requestRate >= 0.9 * R && limited === 0,
        reference: { name: 'provider limit R', median: R },
      }),
    );
    r.add(
      metric({
        name: 'placeOrder throughput',
        unit: '/s',
        median: placeRate,
        p95: null,
        runs: 1,
        target: 'info',
        pass: null,
        reference: { name: 'provider limit R', median: R },
      }),
    );
    r.add(timedMetric('confirm while offline (queued, not sent)', confirmMs));
  } finally {
    await sim.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
