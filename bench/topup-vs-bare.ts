/**
 * topup-vs-bare: how much time the till adds to a mobile top-up and to an internet recharge,
 * compared with the same HTTP requests sent bare (node:http, no app) against the same simulator
 * with the same latency. Then, once per line, how many API calls a top-up costs with the
 * production timing. The top-up twin of sale-vs-bare.ts.
 */
import fs from 'node:fs';
import { startSimulator, type SimRequestLogEntry } from '../simulator';
import { DEFAULT_TIMING } from '../electron/core/sales/timing';
import { RateGate } from '../electron/core/provider/rate-gate';
import { DEFAULT_SETTINGS } from '../shared/domain';
import { bareHttp } from './lib/bare-http';
import { BENCH_KEYS, FINAL, openCore, tempDir, type OpenCore } from './lib/core';
import { TOP_UP_CONFIRMS, type ConfirmInput } from './lib/top-up-confirms';
import { addOverheadFigures, pairedRuns } from './lib/paired-runs';
import { metric, runBench, type Reporter } from './lib/report';
import { median, sleep } from './lib/stats';

const LATENCY_MS = 20;
const WARMUP = 3;
const RUNS = 25;
/** The highest request rate the till's settings accept (its client-side rate gate, provider/rate-gate.ts). */
const GATE_MAX_PER_MINUTE = 6000;
/** The rate gate's default setting, which the production-timing top-ups run with. */
const DEFAULT_RATE = DEFAULT_SETTINGS.apiRequestsPerMinute;

/** What a top-up costs at the provider, by what each call is for. `status` is check-id or check-ref. */
type Kind = 'catalog' | 'checkNumber' | 'balance' | 'send' | 'status' | 'other';
type Calls = Record<Kind, number>;

/** One product line as the bench sells it: through the core, and the same requests bare. */
interface LineBench {
  /** Short name for figures and notes. */
  label: string;
  /** The counter's confirmation (the same as tests/unit/top-up-faults.test.ts sends). */
  confirm: ConfirmInput;
  /**
   * What the counter asks the core before confirming (internet: "Vérifier la ligne", which the
   * confirmation then trusts for 5 minutes instead of asking the provider again). Timed with it.
   */
  before?: (h: OpenCore['h']) => Promise<unknown>;
  /** The product the cashier opens before selling (part 2). */
  open: { line: string; productId: string };
  /** The line's endpoints, by kind (the request log holds paths without their query string). */
  kindOf(path: string): Kind | null;
  /** The calls a top-up makes up to its final state, status reads apart (the balance refresh after it is counted on top). */
  expected: Omit<Calls, 'status' | 'other'>;
  /** The bare requests, in the till's order: `[method, path, body?]`; the send comes back with its id. */
  reads: string[];
  send: { path: string; body: (ref: string) => Record<string, unknown> };
  statusPath: (id: string) => string;
  /** Names of the calls for the notes, in the order they are made. */
  describe: string;
}

const MOBILE: LineBench = {
  label: 'mobile top-up',
  confirm: TOP_UP_CONFIRMS['mobile-topups'],
  open: { line: 'mobile-topups', productId: 'Djezzy' },
  kindOf: (p) => (p === '/v3/mobile/plans' ? 'catalog' : p === '/v3/mobile/send' ? 'send' : /^\/v3\/mobile\/check-(id|ref)\//.test(p) ? 'status' : null),
  expected: { catalog: 1, checkNumber: 0, balance: 1, send: 1 },
  reads: ['/v3/mobile/plans', '/v3/account/balance'],
  send: { path: '/v3/mobile/send', body: (ref) => ({ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0778037340', amount: 500, ref }) },
  statusPath: (id) => `/v3/mobile/check-id/${encodeURIComponent(id)}`,
  describe: 'GET /v3/mobile/plans, GET /v3/account/balance, POST /v3/mobile/send, GET /v3/mobile/check-id/{id}',
};

const INTERNET: LineBench = {
  label: 'internet recharge (ADSL)',
  confirm: TOP_UP_CONFIRMS.internet,
  before: (h) => h['internet:checkNumber']({ type: 'ADSL', number: '036362608' }),
  open: { line: 'internet', productId: 'ADSL' },
  kindOf: (p) =>
    p === '/v3/internet/products'
      ? 'catalog'
      : p === '/v3/internet/check-number'
        ? 'checkNumber'
        : p === '/v3/internet/send'
          ? 'send'
          : /^\/v3\/internet\/check-(id|ref)\//.test(p)
            ? 'status'
            : null,
  expected: { catalog: 1, checkNumber: 1, balance: 1, send: 1 },
  reads: ['/v3/internet/check-number?type=ADSL&number=036362608', '/v3/internet/products?type=ADSL', '/v3/account/balance'],
  send: { path: '/v3/internet/send', body: (ref) => ({ type: 'ADSL', number: '036362608', value: 1000, ref }) },
  statusPath: (id) => `/v3/internet/check-id/${encodeURIComponent(id)}`,
  describe:
    "GET /v3/internet/check-number (the counter's line check), GET /v3/internet/products?type=ADSL, GET /v3/account/balance, POST /v3/internet/send, GET /v3/internet/check-id/{id}",
};

function countKinds(line: LineBench, log: readonly SimRequestLogEntry[]): Calls {
  const out: Calls = { catalog: 0, checkNumber: 0, balance: 0, send: 0, status: 0, other: 0 };
  for (const e of log) out[e.path === '/v3/account/balance' ? 'balance' : (line.kindOf(e.path) ?? 'other')]++;
  return out;
}

const total = (c: Calls) => c.catalog + c.checkNumber + c.balance + c.send + c.status + c.other;

const showCalls = (c: Calls) =>
  `${c.catalog} catalogue read, ${c.checkNumber} check-number, ${c.balance} balance, ${c.send} send, ${c.status} status read(s)` +
  (c.other > 0 ? `, ${c.other} other` : '');

/** The bare client: a top-up's requests, sent with bench/lib/bare-http.ts. */
function bareClient(baseUrl: string) {
  const { call, close } = bareHttp(baseUrl);
  let refs = 0;
  return {
    /** The reads confirm makes, one send under a fresh ref (a fresh connection, as the till's transport sends), then `checks` status reads. */
    async topUp(line: LineBench, checks: number): Promise<number> {
      const ref = `bare-${process.pid}-${++refs}`;
      const t0 = performance.now();
      for (const path of line.reads) await call('GET', path);
      const sent = await call('POST', line.send.path, JSON.stringify(line.send.body(ref)), true);
      const id = String(sent.data.topupId);
      let status = '';
      for (let i = 0; i < checks; i++) status = String((await call('GET', line.statusPath(id))).data.status);
      const ms = performance.now() - t0;
      // A bare run that did not see the top-up delivered would be compared with a till run that did.
      if (checks > 0 && status !== 'FULFILLED') throw new Error(`bare ${line.label} ${id} read ${status}`);
      return ms;
    },
    close,
  };
}

type Sim = Awaited<ReturnType<typeof startSimulator>>;
type Bare = ReturnType<typeof bareClient>;

/** Part 1 for one line: paired till and bare runs, alternating who goes first. */
async function tillVsBare(r: Reporter, sim: Sim, till: OpenCore, bare: Bare, line: LineBench): Promise<void> {
  /** Waits until the till's balance refresh after the final state (1 s later, account/balance.ts) has been answered (not timed). */
  const settle = async () => {
    const until = Date.now() + 3000;
    while (Date.now() < until && countKinds(line, sim.control.requestLog()).balance < 2) await sleep(5);
    await sleep(10);
  };
  const tillTopUp = async () => {
    sim.control.resetRequestLog();
    const t0 = performance.now();
    await line.before?.(till.h);
    const sale = await till.h['sales:confirm'](line.confirm);
    const done = await till.waitState(sale.id, FINAL, 10_000);
    if (done.state !== 'FULFILLED') throw new Error(`${line.label} ${sale.id} ended ${done.state}`);
    const ms = done.at - t0;
    await settle();
    return { ms, calls: countKinds(line, sim.control.requestLog()) };
  };

  const { tills, tillMs, bareMs, overheadMs, checks } = await pairedRuns({
    warmup: WARMUP,
    runs: RUNS,
    till: tillTopUp,
    checksOf: (t) => t.calls.status,
    bare: (n) => bare.topUp(line, n),
  });
  const e = line.expected;
  const odd = tills
    .map((t) => t.calls)
    .filter((c) => c.catalog !== e.catalog || c.checkNumber !== e.checkNumber || c.balance !== e.balance + 1 || c.send !== e.send || c.other !== 0)
    .map(showCalls);

  r.note(
    `${line.label}: timed from sales:confirm to the sales:changed event that reports FULFILLED. Calls on that path per top-up, read from the simulator's request log: ` +
      `${line.describe}; status reads ${median(checks)} (median). The bare client sends exactly these (keep-alive for reads, a fresh connection for the send as the till's transport does, ` +
      `a fresh ref each time); the till's balance refresh 1 s after the final state is not timed.` +
      (odd.length === 0 ? '' : ` WARNING: ${odd.length} till top-up(s) made other calls than these, e.g. ${odd[0]}.`),
  );
  addOverheadFigures(
    r,
    { tillMs, bareMs, overheadMs },
    {
      till: `${line.label}: confirm → FULFILLED through the core`,
      overhead: `${line.label}: till overhead per top-up (till − bare, paired runs)`,
    },
  );
}

/** Part 2 for one line: one top-up with the production timing, counted call by call. */
async function callsPerTopUp(r: Reporter, sim: Sim, prod: OpenCore, line: LineBench): Promise<void> {
  // As at the counter: the cashier opens the operator (or the internet type) before selling.
  await prod.h['catalog:product'](line.open);
  sim.control.resetRequestLog();
  const t0 = performance.now();
  await line.before?.(prod.h);
  const sale = await prod.h['sales:confirm'](line.confirm);
  const placedAt = await prod.waitState(sale.id, ['PLACED'], 30_000);
  const done = await prod.waitState(sale.id, FINAL, 30_000);
  const seconds = (done.at - t0) / 1000;
  // The balance refresh after the final state, then a moment for anything else the till would still send.
  const until = Date.now() + 3000;
  while (Date.now() < until && countKinds(line, sim.control.requestLog()).balance < 2) await sleep(20);
  await sleep(200);
  const calls = countKinds(line, sim.control.requestLog());
  r.note(
    `${line.label}, production timing (firstPollMs ${DEFAULT_TIMING.firstPollMs}, pollMs ${DEFAULT_TIMING.pollMs}) and default settings, right after opening the product, handlingMs 3000: ` +
      `PLACED ${(placedAt.at - t0).toFixed(0)} ms after confirm, ${done.state} after ${seconds.toFixed(2)} s with ${showCalls(calls)} ` +
      `(balance: one before the send, one refresh after the final state). ` +
      `A send about 1 s after confirm is the rate gate, not the line: at the default ${DEFAULT_RATE} requests/min it lets ${Math.floor(Math.floor(DEFAULT_RATE * RateGate.MARGIN) / 60)} through in any second, ` +
      `and opening the product and confirm's reads have used them.`,
  );
  r.add(
    metric({
      name: `${line.label}: send calls per top-up (default timing)`,
      unit: 'calls',
      median: calls.send,
      runs: 1,
      target: '= 1',
      pass: calls.send === 1,
    }),
  );
  r.add(
    metric({
      name: `${line.label}: status reads per top-up (default timing, 3 s top-up)`,
      unit: 'calls',
      median: calls.status,
      runs: 1,
      target: '≤ 3 (fulfilled within 10 s)',
      pass: calls.status <= 3 && done.state === 'FULFILLED' && seconds <= 10,
    }),
  );
  r.add(
    metric({
      name: `${line.label}: all API calls per top-up (default timing)`,
      unit: 'calls',
      median: total(calls),
      runs: 1,
      target: 'info',
      pass: null,
    }),
  );
}

runBench('topup-vs-bare', async (r) => {
  const sim = await startSimulator({ keys: BENCH_KEYS, handlingMs: 0, latencyMs: LATENCY_MS, balanceDzd: 1_000_000_000 });
  const dirs: string[] = [];
  try {
    // ---- part 1: till vs bare, simulator answers at once (handlingMs 0) after 20 ms of latency
    const dataDir = tempDir('topup-vs-bare');
    dirs.push(dataDir);
    const till = await openCore({ dataDir, apiUrl: sim.url, timing: { firstPollMs: 0, pollMs: 0 } });
    // Back-to-back benchmark top-ups would otherwise wait for the client-side rate gate's tokens.
    await till.h['settings:update']({ apiRequestsPerMinute: GATE_MAX_PER_MINUTE });
    const bare = bareClient(sim.url);
    r.note(
      `Till run with timing {firstPollMs: 0, pollMs: 0} (the documented polling waits removed rather than subtracted); simulator handlingMs 0, latency ${LATENCY_MS} ms per request, all on 127.0.0.1. ` +
        `apiRequestsPerMinute set to ${GATE_MAX_PER_MINUTE} (the maximum) so that top-ups run back to back are not paced by the till's rate gate ` +
        `(the default-timing top-ups below run with the default setting). Mobile: Djezzy PREPAID_DJEZZY 500 DA to 0778037340; internet: ADSL 1000 DA to 036362608.`,
    );
    await tillVsBare(r, sim, till, bare, MOBILE);
    await tillVsBare(r, sim, till, bare, INTERNET);
    bare.close();
    await till.core.close();

    // ---- part 2: calls per top-up with the production timing and top-ups that take 3 s
    sim.control.setConfig({ handlingMs: 3000 });
    const dataDir2 = tempDir('topup-count');
    dirs.push(dataDir2);
    const prod = await openCore({ dataDir: dataDir2, apiUrl: sim.url });
    await callsPerTopUp(r, sim, prod, MOBILE);
    await callsPerTopUp(r, sim, prod, INTERNET);
    await prod.core.close();
  } finally {
    await sim.close();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
});
