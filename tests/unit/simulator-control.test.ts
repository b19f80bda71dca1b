import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { CONTROL_TOKEN_HEADER, TEST_TYPE_REFUND, TRAINING_API_KEY, type SimOrder } from '../../simulator';
import { simulatorsClosedAfterEach } from './helpers/simulators';

const start = simulatorsClosedAfterEach({ handlingMs: 50, controlListener: true });

type ControlHandle = { controlUrl: string | null; controlToken: string | null };

async function ctl(sim: ControlHandle, method: string, path: string, body?: unknown) {
  const token = { [CONTROL_TOKEN_HEADER]: sim.controlToken ?? '' };
  const res = await fetch(sim.controlUrl + path, {
    method,
    headers: body === undefined ? token : { ...token, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function psn(url: string) {
  const headers = { 'X-Access-Token': TRAINING_API_KEY };
  const cat = (await (await fetch(`${url}/v3/gift-cards/catalog`, { headers })).json()) as any;
  const product = cat.data.categories.flatMap((c: any) => c.products).find((p: any) => p.title === 'PlayStation Network');
  const detail = (await (await fetch(`${url}/v3/gift-cards/checkProduct/${product.id}`, { headers })).json()) as any;
  return { productId: product.id as string, type: detail.data.types.find((t: any) => t.name === 'PSN 20 USD') };
}

describe('simulator control listener', () => {
  it('drives balance, stock, orders, faults, config and the request log over HTTP', async () => {
    const sim = await start();
    expect(sim.controlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.controlUrl).not.toBe(sim.url);

    expect(await ctl(sim, 'GET', '/balance')).toEqual({ status: 200, body: { dzd: 50000 } });
    expect((await ctl(sim, 'POST', '/balance', { dzd: 1234.5 })).status).toBe(200);
    expect(sim.control.getBalance()).toBe(1234.5);
    expect((await ctl(sim, 'POST', '/balance', { dzd: 100000 })).status).toBe(200);

    const { productId, type } = await psn(sim.url);
    expect((await ctl(sim, 'POST', '/stock', { productId, typeId: type.id, qty: 7 })).status).toBe(200);
    const detail = (await (
      await fetch(`${sim.url}/v3/gift-cards/checkProduct/${productId}`, { headers: { 'X-Access-Token': TRAINING_API_KEY } })
    ).json()) as any;
    expect(detail.data.types.find((t: any) => t.id === type.id).quantity).toBe(7);

    const placed = await ctl(sim, 'POST', '/orders', { productId, typeId: type.id, quantity: 2 });
    expect(placed.status).toBe(200);
    const order = placed.body as SimOrder;
    expect(order).toMatchObject({ productId, typeId: type.id, quantity: 2, status: 'HANDLING', key: TRAINING_API_KEY, cards: [] });
    expect(order.id).toMatch(/^[0-9a-f]{24}$/);
    expect((await ctl(sim, 'GET', '/orders')).body.map((o: SimOrder) => o.id)).toEqual([order.id]);
    // No stock left for 6 more: refused with a reason.
    const refused = await ctl(sim, 'POST', '/orders', { productId, typeId: type.id, quantity: 6 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('OUT_OF_STOCK');

    expect((await ctl(sim, 'POST', '/faults', { endpoint: 'balance', kind: 'error-500', times: null })).status).toBe(200);
    const headers = { 'X-Access-Token': TRAINING_API_KEY };
    expect((await fetch(`${sim.url}/v3/account/balance`, { headers })).status).toBe(500);
    expect((await fetch(`${sim.url}/v3/account/balance`, { headers })).status).toBe(500); // times: null = for ever
    expect((await ctl(sim, 'DELETE', '/faults')).status).toBe(200);
    expect((await fetch(`${sim.url}/v3/account/balance`, { headers })).status).toBe(200);

    expect((await ctl(sim, 'POST', '/config', { handlingMs: 0, latencyMs: 0, rateLimit: { requests: 100, perMs: 1000 } })).status).toBe(200);
    expect((await ctl(sim, 'GET', '/orders')).body[0].status).toBe('FULFILLED');
    expect((await ctl(sim, 'POST', '/config', { rateLimit: null })).status).toBe(200);

    const log = await ctl(sim, 'GET', '/requests');
    expect(log.body.length).toBeGreaterThan(0);
    expect(log.body.filter((e: any) => e.path === '/v3/account/balance').map((e: any) => e.status)).toEqual([500, 500, 200]);
    expect((await ctl(sim, 'DELETE', '/requests')).status).toBe(200);
    expect((await ctl(sim, 'GET', '/requests')).body).toEqual([]);
  });

  it('goes offline and back over HTTP, and stays up meanwhile', async () => {
    const sim = await start();
    expect((await ctl(sim, 'POST', '/offline', { offline: true })).status).toBe(200);
    await expect(fetch(`${sim.url}/v3/ping`)).rejects.toThrow();
    expect((await ctl(sim, 'GET', '/balance')).status).toBe(200);
    expect((await ctl(sim, 'POST', '/offline', { offline: false })).status).toBe(200);
    expect((await fetch(`${sim.url}/v3/ping`)).status).toBe(200);
  });

  it('validates its inputs (400) and knows its routes (404)', async () => {
    const sim = await start();
    const bad: [string, string, unknown][] = [
      ['POST', '/faults', { endpoint: 'placeOrder', kind: 'explode' }],
      ['POST', '/faults', { endpoint: 'placeOrder', kind: 'delay', extra: 1 }],
      ['POST', '/offline', { offline: 'yes' }],
      ['POST', '/balance', { dzd: -1 }],
      ['POST', '/balance', {}],
      ['POST', '/stock', { productId: 'x', typeId: 'y', qty: 1.5 }],
      ['POST', '/config', { handlingMs: -5 }],
      ['POST', '/config', { bogus: true }],
      ['POST', '/orders', { productId: 'x', typeId: TEST_TYPE_REFUND }],
    ];
    for (const [method, path, body] of bad) {
      const r = await ctl(sim, method, path, body);
      expect(r.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(r.body.error.code).toBe('BAD_REQUEST');
    }
    const notJson = await fetch(`${sim.controlUrl}/balance`, {
      method: 'POST',
      headers: { [CONTROL_TOKEN_HEADER]: sim.controlToken!, 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    expect((await ctl(sim, 'POST', '/stock', { productId: 'x', typeId: 'y', qty: 1 })).status).toBe(404);
    expect((await ctl(sim, 'GET', '/nope')).status).toBe(404);
    expect(sim.control.getBalance()).toBe(50000);
  });
});

describe('simulator CLI', () => {
  it('prints one JSON line, serves, and exits cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', '--handling-ms', '10', '--balance', '777'], {
      cwd: new URL('../../', import.meta.url).pathname,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [line] = (await once(lines, 'line')) as [string];
      const info = JSON.parse(line) as { url: string; controlUrl: string; controlToken: string };
      expect(Object.keys(info).sort()).toEqual(['controlToken', 'controlUrl', 'url']);
      expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${info.url}/v3/account/balance`, { headers: { 'X-Access-Token': TRAINING_API_KEY } });
      expect(((await res.json()) as any).data.balance).toBe(777);
      expect((await ctl(info, 'GET', '/balance')).body).toEqual({ dzd: 777 });
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 15_000);
});
