import { describe, expect, it } from 'vitest';
import { CONTROL_TOKEN_HEADER, TRAINING_API_KEY, type RunningSimulator, type SimFaultSpec } from '../../simulator';
import { networkErrorCode } from './helpers/sim-api';
import { simulatorsClosedAfterEach } from './helpers/simulators';

const start = simulatorsClosedAfterEach({ handlingMs: 50 });

function get(sim: RunningSimulator, path: string, key: string | null = TRAINING_API_KEY, signal?: AbortSignal): Promise<Response> {
  return fetch(sim.url + path, { headers: key === null ? {} : { 'X-Access-Token': key }, ...(signal ? { signal } : {}) });
}

function post(sim: RunningSimulator, path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(sim.url + path, {
    method: 'POST',
    headers: { 'X-Access-Token': TRAINING_API_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}

/** A PSN 10 USD order body and its unit price. */
async function orderBody(sim: RunningSimulator) {
  const cat = (await (await get(sim, '/v3/gift-cards/catalog')).json()) as any;
  const product = cat.data.categories.flatMap((c: any) => c.products).find((p: any) => p.title === 'PlayStation Network');
  const detail = (await (await get(sim, `/v3/gift-cards/checkProduct/${product.id}`)).json()) as any;
  const type = detail.data.types.find((t: any) => t.name === 'PSN 10 USD');
  return { body: { productId: product.id as string, typeId: type.id as string, quantity: 1 }, price: type.price as number };
}

/** A simulator whose next placeOrder meets the fault `kind`, the PSN 10 USD order to send there, and its price. */
async function withOrderFault(kind: SimFaultSpec['kind']) {
  const sim = await start();
  const { body, price } = await orderBody(sim);
  sim.control.addFault({ endpoint: 'placeOrder', kind });
  return { sim, body, price, placeOrder: (signal?: AbortSignal) => post(sim, '/v3/gift-cards/placeOrder', body, signal) };
}

/**
 * Node's timers count from the event loop's cached clock (whole milliseconds), which may be a
 * little behind performance.now() when the timer is armed: a delay can read a hair short.
 */
const TIMER_SLACK_MS = 5;

/** Polls a condition of the in-process simulator until it holds (the test's timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

describe('simulator faults', () => {
  it('drop-before: the connection dies and no order is created', async () => {
    const { sim, placeOrder } = await withOrderFault('drop-before');
    await expect(placeOrder()).rejects.toThrow();
    expect(sim.control.orders()).toHaveLength(0);
    expect(sim.control.getBalance()).toBe(50000);
    // One-shot: the next call goes through.
    expect((await placeOrder()).status).toBe(200);
    expect(sim.control.orders()).toHaveLength(1);
    const log = sim.control.requestLog().filter((e) => e.path === '/v3/gift-cards/placeOrder');
    expect(log.map((e) => e.status)).toEqual(['dropped', 200]);
  });

  it('drop-after: the order is committed and debited, then the connection dies', async () => {
    const { sim, price, placeOrder } = await withOrderFault('drop-after');
    await expect(placeOrder()).rejects.toThrow();
    expect(sim.control.orders()).toHaveLength(1);
    expect(sim.control.getBalance()).toBe(50000 - price);
  });

  it('error-500-after: committed, yet answered 500 with an error envelope', async () => {
    const { sim, placeOrder } = await withOrderFault('error-500-after');
    const res = await placeOrder();
    expect(res.status).toBe(500);
    const json = (await res.json()) as any;
    expect(json.success).toBe(false);
    expect(typeof json.error.code).toBe('string');
    expect(json.requestId).toMatch(/^req_/);
    expect(sim.control.orders()).toHaveLength(1);
  });

  it('error-500: answered 500 without processing', async () => {
    const { sim, placeOrder } = await withOrderFault('error-500');
    const res = await placeOrder();
    expect(res.status).toBe(500);
    expect(((await res.json()) as any).success).toBe(false);
    expect(sim.control.orders()).toHaveLength(0);
  });

  it('hang-after: committed, never answered; close() still ends promptly', async () => {
    const { sim, placeOrder } = await withOrderFault('hang-after');
    const code = await networkErrorCode(placeOrder(AbortSignal.timeout(300)));
    expect(code).toBe('TimeoutError');
    expect(sim.control.orders()).toHaveLength(1);
    expect(sim.control.requestLog().at(-1)?.status).toBe('hung');

    // A second hung request whose client never gives up must not keep close() waiting: were it
    // waited for, close() would not return before the test's own timeout.
    sim.control.addFault({ endpoint: 'balance', kind: 'hang-after' });
    const pending = get(sim, '/v3/account/balance').catch(() => 'failed');
    await until(() => sim.control.requestLog().some((e) => e.path === '/v3/account/balance' && e.status === 'hung'));
    await sim.close();
    expect(await pending).toBe('failed');
  });

  it('delay: waits, then processes normally', async () => {
    const sim = await start();
    sim.control.addFault({ endpoint: 'balance', kind: 'delay', delayMs: 200 });
    const t0 = performance.now();
    const res = await get(sim, '/v3/account/balance');
    // A lower bound only (a timer never fires early; a busy machine only makes it later).
    expect(performance.now() - t0).toBeGreaterThanOrEqual(200 - TIMER_SLACK_MS);
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).data).toEqual({ balance: 50000 });
  });

  it('rate-limit fault: 429 with or without Retry-After, nothing processed', async () => {
    const sim = await start();
    const { body } = await orderBody(sim);
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'rate-limit', retryAfterSec: 7 });
    sim.control.addFault({ endpoint: 'placeOrder', kind: 'rate-limit' });
    const first = await post(sim, '/v3/gift-cards/placeOrder', body);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(((await first.json()) as any).error.code).toBe('RATE_LIMITED');
    const second = await post(sim, '/v3/gift-cards/placeOrder', body);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBeNull();
    await second.body?.cancel();
    expect(sim.control.orders()).toHaveLength(0);
  });

  it('malformed: 200 with a body that is not JSON, and no order', async () => {
    const { sim, placeOrder } = await withOrderFault('malformed');
    const res = await placeOrder();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(sim.control.orders()).toHaveLength(0);
  });

  it('faults match by endpoint, in the order added, for `times` requests; clearFaults removes them', async () => {
    const sim = await start();
    sim.control.addFault({ endpoint: 'catalog', kind: 'error-500', times: 2 });
    sim.control.addFault({ endpoint: '*', kind: 'rate-limit', times: Infinity, retryAfterSec: 1 });
    expect((await get(sim, '/v3/gift-cards/catalog')).status).toBe(500);
    expect((await get(sim, '/v3/gift-cards/catalog')).status).toBe(500);
    expect((await get(sim, '/v3/gift-cards/catalog')).status).toBe(429);
    expect((await get(sim, '/v3/ping', null)).status).toBe(429);
    expect((await get(sim, '/v3/account/balance')).status).toBe(429);
    sim.control.clearFaults();
    expect((await get(sim, '/v3/account/balance')).status).toBe(200);
  });

  it('a fault on one endpoint leaves the others alone', async () => {
    const sim = await start();
    sim.control.addFault({ endpoint: 'checkOrder', kind: 'error-500' });
    expect((await get(sim, '/v3/account/balance')).status).toBe(200);
    expect((await get(sim, '/v3/gift-cards/checkOrder/ffffffffffffffffffffffff')).status).toBe(500);
    expect((await get(sim, '/v3/gift-cards/checkOrder/ffffffffffffffffffffffff')).status).toBe(404);
  });

  it('rejects an invalid fault spec', async () => {
    const sim = await start();
    expect(() => sim.control.addFault({ endpoint: 'nope' as never, kind: 'delay' })).toThrow();
    expect(() => sim.control.addFault({ endpoint: 'ping', kind: 'delay', times: 0 })).toThrow();
  });

  it('setOffline refuses connections, then serves again on the same port', async () => {
    const sim = await start({ controlListener: true });
    expect((await get(sim, '/v3/ping', null)).status).toBe(200); // leaves a kept-alive socket behind
    await sim.control.setOffline(true);
    expect(await networkErrorCode(get(sim, '/v3/ping', null))).toBe('ECONNREFUSED');
    expect(await networkErrorCode(get(sim, '/v3/account/balance'))).toBe('ECONNREFUSED');
    // The control listener stays reachable meanwhile.
    expect((await fetch(`${sim.controlUrl}/balance`, { headers: { [CONTROL_TOKEN_HEADER]: sim.controlToken! } })).status).toBe(200);
    await sim.control.setOffline(false);
    const res = await get(sim, '/v3/ping', null);
    expect(res.status).toBe(200);
    expect(new URL(sim.url).port).toBe(String(sim.port));
  });

  it('latencyMs delays every response and can be changed at run time', async () => {
    // Lower bounds only: how fast an undelayed answer comes is the machine's business, not this test's.
    const elapsed = async (path: string, key: string | null) => {
      const t0 = performance.now();
      await (await get(sim, path, key)).json();
      return performance.now() - t0;
    };
    const sim = await start({ latencyMs: 150 });
    expect(await elapsed('/v3/ping', null)).toBeGreaterThanOrEqual(150 - TIMER_SLACK_MS);
    expect(await elapsed('/v3/account/balance', TRAINING_API_KEY)).toBeGreaterThanOrEqual(150 - TIMER_SLACK_MS);
    sim.control.setConfig({ latencyMs: 400 });
    expect(await elapsed('/v3/ping', null)).toBeGreaterThanOrEqual(400 - TIMER_SLACK_MS);
    expect(() => sim.control.setConfig({ latencyMs: -1 })).toThrow();
  });
});

describe('simulator rate limit and brute-force guard', () => {
  it('per-key rate limit answers 429 with an integer Retry-After and processes nothing', async () => {
    const sim = await start({ rateLimit: { requests: 2, perMs: 1500 } });
    const { body } = await orderBody(sim); // catalog + checkProduct use up the window
    const res = await post(sim, '/v3/gift-cards/placeOrder', body);
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retry)).toBe(true);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(((await res.json()) as any).error.code).toBe('RATE_LIMITED');
    expect(sim.control.orders()).toHaveLength(0);

    sim.control.setConfig({ rateLimit: null });
    expect((await post(sim, '/v3/gift-cards/placeOrder', body)).status).toBe(200);
  });

  it('blocks the address for 15 minutes after 5 bad keys', async () => {
    let clock = Date.parse('2025-10-29T01:00:00.000Z');
    const sim = await start({ now: () => new Date(clock) });
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await get(sim, '/v3/account/balance', `bad-${i}`);
      expect(res.status).toBe(401);
      const json = (await res.json()) as any;
      expect(json.error.code).toBe('INVALID_ACCESS_TOKEN');
      left.push(json.error.details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);

    for (const [path, key] of [
      ['/v3/account/balance', TRAINING_API_KEY],
      ['/v3/ping', null],
    ] as const) {
      const res = await get(sim, path, key);
      expect(res.status).toBe(403);
      const json = (await res.json()) as any;
      expect(json.error.code).toBe('IP_BLOCKED');
      expect(json.success).toBe(false);
    }

    clock += 15 * 60 * 1000 - 1;
    expect((await get(sim, '/v3/account/balance')).status).toBe(403);
    clock += 1;
    expect((await get(sim, '/v3/account/balance')).status).toBe(200);
  });

  it('the request log never records the key', async () => {
    const sim = await start();
    await get(sim, '/v3/validate');
    await get(sim, '/v3/account/transactions?page=1');
    const log = sim.control.requestLog();
    expect(log.map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/v3/validate', 200],
      ['GET', '/v3/account/transactions', 200],
    ]);
    expect(JSON.stringify(log)).not.toContain(TRAINING_API_KEY);
    sim.control.resetRequestLog();
    expect(sim.control.requestLog()).toEqual([]);
  });
});
