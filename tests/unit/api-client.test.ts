import { describe, expect, it } from 'vitest';
import { OneClickDzClient } from '../../electron/core/provider/client';
import { giftCards } from '../../electron/core/product-lines/gift-cards/gift-card-api';
import { ApiError } from '../../electron/core/provider/errors';
import { TransportError, type Transport, type TransportRequest } from '../../electron/core/provider/transport';

const KEY = 'secret-key-7f3a9c2e-0000-4000-8000-123456789abc';

function fake(responses: (req: TransportRequest) => { status: number; body: unknown; headers?: Record<string, string> } | Error) {
  const calls: TransportRequest[] = [];
  const transport: Transport = async (req) => {
    calls.push(req);
    const r = responses(req);
    if (r instanceof Error) throw r;
    return { status: r.status, headers: r.headers ?? {}, bodyText: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) };
  };
  const client = new OneClickDzClient({ baseUrl: 'http://127.0.0.1:9', apiKey: KEY, transport, sleep: async () => {}, random: () => 0 });
  return { client, calls };
}

const err = (code: string, message = 'x', details?: unknown) => ({ success: false, error: { code, message, details }, requestId: 'req_1_a' });

async function caught(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected a failure');
}

describe('OneClickDZ client', () => {
  it('sends the key in X-Access-Token, never in the URL', async () => {
    const { client, calls } = fake(() => ({ status: 200, body: { success: true, data: { balance: 1326.13 } } }));
    expect(await client.balance()).toBe(132613);
    expect(calls[0]!.headers['X-Access-Token']).toBe(KEY);
    expect(calls[0]!.url).not.toContain(KEY);
  });

  it('reads the documented catalog variants (title or name, id or _id)', async () => {
    const { client } = fake(() => ({
      status: 200,
      body: {
        success: true,
        data: {
          categories: [
            { name: 'Gaming', products: [{ _id: 'p1', title: 'PSN', enabled: true }] },
            { title: 'Streaming', products: [{ id: 'p2', title: 'Netflix' }] },
          ],
        },
      },
    }));
    const c = await giftCards(client).catalog();
    expect(c.categories.map((x) => x.title)).toEqual(['Gaming', 'Streaming']);
    expect(c.categories[0]!.products[0]).toMatchObject({ id: 'p1', enabled: true });
    expect(c.categories[1]!.products[0]).toMatchObject({ id: 'p2', enabled: true, region: null });
  });

  it('reads checkProduct with type _id (Arabic guide) and fractional prices exactly', async () => {
    const { client } = fake(() => ({
      status: 200,
      body: { success: true, data: { _id: 'p', types: [{ _id: 't', name: 'PSN 10 USD', price: 496.25, quantity: 3 }] } },
    }));
    const p = await giftCards(client).checkProduct('p');
    expect(p.types[0]).toEqual({ id: 't', name: 'PSN 10 USD', costC: 49625, stock: 3 });
  });

  it('reads a HANDLING order without the fields that come later', async () => {
    const { client } = fake(() => ({ status: 200, body: { success: true, data: { _id: 'o1', status: 'HANDLING', quantity: 2 } } }));
    expect(await giftCards(client).checkOrder('o1')).toMatchObject({ orderId: 'o1', status: 'HANDLING', deliveredQuantity: 0, cards: [] });
  });

  it('reads pagination under data or meta', async () => {
    const item = { _id: 'o1', status: 'FULFILLED', quantity: 1, product: 'p', type: 't', time: '2026-01-01T00:00:00.000Z', cards: [] };
    const a = fake(() => ({ status: 200, body: { success: true, data: { items: [item], pagination: { page: 1, totalPages: 3 } } } }));
    expect((await giftCards(a.client).listOrders({ page: 1, pageSize: 100, from: 'a', to: 'b' })).totalPages).toBe(3);
    const b = fake(() => ({ status: 200, body: { success: true, data: { items: [item] }, meta: { pagination: { page: 1, totalPages: 4 } } } }));
    expect((await giftCards(b.client).listOrders({ page: 1, pageSize: 100, from: 'a', to: 'b' })).totalPages).toBe(4);
  });

  const mappings: [string, number, unknown, string, string][] = [
    ['validation', 400, err('ERR_VALIDATION', 'bad', { field: 'quantity' }), 'rejected', 'API_VALIDATION'],
    [
      'insufficient balance',
      403,
      err('INSUFFICIENT_BALANCE', 'Insufficient balance', { required: 1000, available: 500.5 }),
      'rejected',
      'INSUFFICIENT_BALANCE',
    ],
    ['NO_BALANCE alias', 403, err('NO_BALANCE'), 'rejected', 'INSUFFICIENT_BALANCE'],
    ['out of stock by message only', 400, err('SOMETHING', 'Product out of stock'), 'rejected', 'OUT_OF_STOCK'],
    ['invalid key', 401, err('INVALID_ACCESS_TOKEN', 'invalid', { attemptsLeft: 3 }), 'auth', 'API_AUTH'],
    ['missing key as 400', 400, err('MISSING_ACCESS_TOKEN'), 'auth', 'API_AUTH'],
    ['IP blocked', 403, err('IP_BLOCKED'), 'auth', 'API_IP_BLOCKED'],
    ['IP not allowed', 403, err('IP_NOT_ALLOWED'), 'auth', 'API_IP_NOT_ALLOWED'],
    ['read-only key', 403, err('INSUFFICIENT_PERMISSIONS', 'This API key is read-only'), 'rejected', 'API_READ_ONLY'],
    ['rate limited', 429, err('RATE_LIMITED'), 'rate_limited', 'API_RATE_LIMITED'],
    ['server error on an order', 500, err('INTERNAL'), 'unknown', 'API_OUTCOME_UNKNOWN'],
    ['503 on an order', 503, 'Service Unavailable', 'unknown', 'API_OUTCOME_UNKNOWN'],
    ['top-level message variant', 400, { success: false, message: 'Card value out of stock' }, 'rejected', 'OUT_OF_STOCK'],
  ];
  for (const [name, status, body, kind, code] of mappings) {
    it(`maps ${name} on placeOrder to ${kind}/${code}`, async () => {
      const { client, calls } = fake(() => ({ status, body, headers: status === 429 ? { 'retry-after': '7' } : ({} as Record<string, string>) }));
      const e = await caught(giftCards(client).placeOrder({ productId: 'p', typeId: 't', quantity: 1 }));
      expect(e.kind).toBe(kind);
      expect(e.code).toBe(code);
      expect(calls).toHaveLength(1);
      expect(e.message).not.toContain(KEY);
      if (status === 429) expect(e.retryAfterMs).toBe(7000);
    });
  }

  it('keeps required/available of an insufficient balance in centimes', async () => {
    const { client } = fake(() => ({ status: 403, body: err('INSUFFICIENT_BALANCE', 'x', { required: 1000, available: 500.5 }) }));
    const e = await caught(giftCards(client).placeOrder({ productId: 'p', typeId: 't', quantity: 1 }));
    expect(e.details).toMatchObject({ requiredC: 100000, availableC: 50050 });
  });

  it('tells an unsent order (refused, DNS) from one whose outcome is unknown (timeout after sending)', async () => {
    const refused = fake(() => new TransportError('unsent', 'refused', 'network refused'));
    expect((await caught(giftCards(refused.client).placeOrder({ productId: 'p', typeId: 't', quantity: 1 }))).kind).toBe('unsent');
    const timeout = fake(() => new TransportError('sent', 'timeout', 'network timeout'));
    const e = await caught(giftCards(timeout.client).placeOrder({ productId: 'p', typeId: 't', quantity: 1 }));
    expect(e.kind).toBe('unknown');
    expect(timeout.calls).toHaveLength(1);
  });

  it('treats an unreadable 200 to placeOrder as unknown (the order may exist), and to a read as a bad response', async () => {
    const a = fake(() => ({ status: 200, body: '<html>oops' }));
    expect((await caught(giftCards(a.client).placeOrder({ productId: 'p', typeId: 't', quantity: 1 }))).kind).toBe('unknown');
    const b = fake(() => ({ status: 200, body: '{"success":true,"data":{"balance":"lots"}}' }));
    const e = await caught(b.client.balance());
    expect(e.code).toBe('API_BAD_RESPONSE');
  });

  it('retries reads with backoff after a blip, fails fast when the provider refuses connections, never retries a placeOrder', async () => {
    let n = 0;
    const { client, calls } = fake(() =>
      ++n < 3 ? new TransportError('unsent', 'reset', 'x') : { status: 200, body: { success: true, data: { balance: 5 } } },
    );
    expect(await client.balance()).toBe(500);
    expect(calls).toHaveLength(3);
    const down = fake(() => new TransportError('unsent', 'refused', 'x'));
    expect((await caught(down.client.balance())).kind).toBe('unsent');
    expect(down.calls).toHaveLength(1);
    const order = fake(() => new TransportError('unsent', 'refused', 'x'));
    await caught(giftCards(order.client).placeOrder({ productId: 'p', typeId: 't', quantity: 1 }));
    expect(order.calls).toHaveLength(1);
  });

  it('stops calling the provider at all after the key is refused (5 bad attempts block the IP)', async () => {
    const { client, calls } = fake(() => ({ status: 401, body: err('INVALID_ACCESS_TOKEN') }));
    await caught(client.balance());
    await caught(client.balance());
    await caught(giftCards(client).placeOrder({ productId: 'p', typeId: 't', quantity: 1 }));
    expect(calls).toHaveLength(1);
    expect(client.haltedBy?.code).toBe('API_AUTH');
  });
});
