import { describe, expect, it } from 'vitest';
import { TEST_TYPE_PARTIAL, TEST_TYPE_REFUND, TRAINING_API_KEY, type RunningSimulator } from '../../simulator';
import { call, expectError, manualClock, type Reply } from './helpers/sim-api';
import { simulatorsClosedAfterEach } from './helpers/simulators';

const start = simulatorsClosedAfterEach({ handlingMs: 80 });

function expectSuccessEnvelope(r: Reply): void {
  expect(r.status).toBe(200);
  expect(r.body.success).toBe(true);
  expect(typeof r.body.meta.timestamp).toBe('string');
  expect(new Date(r.body.meta.timestamp).toISOString()).toBe(r.body.meta.timestamp);
  expect(r.body.requestId).toMatch(/^req_\d+_[a-z0-9]+$/);
}

/** The "PlayStation Network" product and its PSN 10 USD denomination. */
async function psn(sim: RunningSimulator) {
  const catalog = await call(sim, '/v3/gift-cards/catalog');
  const products = catalog.body.data.categories.flatMap((c: any) => c.products);
  const product = products.find((p: any) => p.title === 'PlayStation Network');
  const detail = await call(sim, `/v3/gift-cards/checkProduct/${product.id}`);
  const ten = detail.body.data.types.find((t: any) => t.name === 'PSN 10 USD');
  return { productId: product.id as string, type: ten as { id: string; price: number; quantity: number }, detail: detail.body.data };
}

describe('simulator: read endpoints', () => {
  it('ping answers without a token', async () => {
    const sim = await start();
    const r = await call(sim, '/v3/ping', { key: null });
    expectSuccessEnvelope(r);
    expect(r.body.data.api).toBe('ok');
    expect(r.body.data.operators).toMatchObject({ mobilis: 'up', ooredoo: 'up', djezzy: 'up' });
  });

  it('validate describes the key', async () => {
    const sim = await start();
    const r = await call(sim, '/v3/validate');
    expectSuccessEnvelope(r);
    expect(r.body.data).toEqual({
      username: '+213550000000',
      apiKey: { key: TRAINING_API_KEY, isEnabled: true, type: 'SANDBOX', allowedips: [], scope: 'READ-WRITE' },
    });
  });

  it('balance starts at the configured amount', async () => {
    const sim = await start({ balanceDzd: 1326.13 });
    const r = await call(sim, '/v3/account/balance');
    expectSuccessEnvelope(r);
    expect(r.body.data).toEqual({ balance: 1326.13 });
  });

  it('catalog is realistic, with stable ids and totals at the top level', async () => {
    const sim = await start();
    const r = await call(sim, '/v3/gift-cards/catalog');
    expectSuccessEnvelope(r);
    const cats = r.body.data.categories as any[];
    const products = cats.flatMap((c) => c.products);
    expect(cats.length).toBeGreaterThanOrEqual(8);
    expect(products.length).toBeGreaterThanOrEqual(40);
    expect(r.body.totalCategories).toBe(cats.length);
    expect(r.body.totalProducts).toBe(products.length);
    for (const c of cats) expect(typeof c.title).toBe('string');
    for (const p of products) {
      expect(p.id).toMatch(/^[0-9a-f]{24}$/);
      expect(typeof p.title).toBe('string');
      expect(typeof p.enabled).toBe('boolean');
    }
    expect(new Set(products.map((p) => p.id)).size).toBe(products.length);
    expect(products.filter((p) => !p.enabled)).toHaveLength(1);
    const ps = cats.find((c) => c.title === 'PlayStation');
    expect(ps.products.some((p: any) => p.title === 'PlayStation Network')).toBe(true);

    // Same ids in a second, independent instance.
    const other = await start();
    const again = await call(other, '/v3/gift-cards/catalog');
    expect(again.body.data).toEqual(r.body.data);

    // Every product has 2–6 denominations; some are sold out; one product is sold out entirely.
    let zeroTypes = 0;
    let allZeroProducts = 0;
    let fractional = 0;
    for (const p of products) {
      const d = await call(sim, `/v3/gift-cards/checkProduct/${p.id}`);
      const types = d.body.data.types as any[];
      expect(types.length).toBeGreaterThanOrEqual(2);
      expect(types.length).toBeLessThanOrEqual(6);
      zeroTypes += types.filter((t) => t.quantity === 0).length;
      if (p.enabled && types.every((t) => t.quantity === 0)) allZeroProducts++;
      fractional += types.filter((t) => !Number.isInteger(t.price)).length;
      for (const t of types) expect(t.id).toMatch(/^([0-9a-f]{24}|TEST_PARTIAL|TEST_REFUND)$/);
    }
    expect(zeroTypes).toBeGreaterThanOrEqual(3);
    expect(allZeroProducts).toBeGreaterThanOrEqual(1);
    expect(fractional).toBeGreaterThan(0);
  });

  it('checkProduct gives price and stock; PSN 10 USD is ~2,700–3,000 DA and in stock', async () => {
    const sim = await start();
    const { type, detail } = await psn(sim);
    expect(detail.productTitle).toBe('PlayStation Network');
    expect(detail.types.map((t: any) => t.name)).toEqual(expect.arrayContaining(['PSN 10 USD', 'PSN 20 USD']));
    expect(type.price).toBeGreaterThanOrEqual(2700);
    expect(type.price).toBeLessThanOrEqual(3000);
    expect(type.quantity).toBeGreaterThanOrEqual(100);
    for (const t of detail.types) expect(Object.keys(t).sort()).toEqual(['id', 'name', 'price', 'quantity']);
  });

  it('checkProduct: unknown product is NOT_FOUND; a disabled product shows no stock', async () => {
    const sim = await start();
    expectError(await call(sim, '/v3/gift-cards/checkProduct/000000000000000000000000'), 404, 'NOT_FOUND');
    const catalog = await call(sim, '/v3/gift-cards/catalog');
    const disabled = catalog.body.data.categories.flatMap((c: any) => c.products).find((p: any) => !p.enabled);
    const d = await call(sim, `/v3/gift-cards/checkProduct/${disabled.id}`);
    expectSuccessEnvelope(d);
    expect(d.body.data.types.length).toBeGreaterThan(0);
    for (const t of d.body.data.types) expect(t.quantity).toBe(0);
  });

  it('unknown routes are NOT_FOUND', async () => {
    const sim = await start();
    expectError(await call(sim, '/v3/nope'), 404, 'NOT_FOUND');
    expectError(await call(sim, '/v3/gift-cards/placeOrder'), 404, 'NOT_FOUND'); // GET on a POST route
  });

  it('auth: missing and unknown tokens', async () => {
    const sim = await start();
    expectError(await call(sim, '/v3/account/balance', { key: null }), 401, 'MISSING_ACCESS_TOKEN');
    const bad = await call(sim, '/v3/account/balance', { key: 'wrong' });
    expectError(bad, 401, 'INVALID_ACCESS_TOKEN');
    expect(bad.body.error.details.attemptsLeft).toBe(4);
  });
});

describe('simulator: placeOrder', () => {
  it('validates the body strictly', async () => {
    const sim = await start();
    const { productId, type } = await psn(sim);
    const cases: [unknown, string][] = [
      ['{not json', 'body'],
      [[1, 2], 'body'],
      [{ typeId: type.id, quantity: 1 }, 'productId'],
      [{ productId, quantity: 1 }, 'typeId'],
      [{ productId, typeId: type.id }, 'quantity'],
      [{ productId, typeId: type.id, quantity: 0 }, 'quantity'],
      [{ productId, typeId: type.id, quantity: 1.5 }, 'quantity'],
      [{ productId, typeId: type.id, quantity: '1' }, 'quantity'],
      [{ productId: 5, typeId: type.id, quantity: 1 }, 'productId'],
      [{ productId, typeId: type.id, quantity: 1, ref: 'x' }, 'ref'],
    ];
    for (const [body, field] of cases) {
      const r = await call(sim, '/v3/gift-cards/placeOrder', { body });
      expectError(r, 400, 'ERR_VALIDATION');
      expect(r.body.error.details.field).toBe(field);
    }
    expect(sim.control.orders()).toHaveLength(0);
    expect(sim.control.getBalance()).toBe(50000);
  });

  it('refuses a read-only key', async () => {
    const sim = await start({ keys: { ro: { type: 'PRODUCTION', scope: 'READ-ONLY', username: '+213660000000' } } });
    const catalog = await call(sim, '/v3/gift-cards/catalog', { key: 'ro' });
    const p = catalog.body.data.categories[0].products[0];
    const d = await call(sim, `/v3/gift-cards/checkProduct/${p.id}`, { key: 'ro' });
    const r = await call(sim, '/v3/gift-cards/placeOrder', {
      key: 'ro',
      body: { productId: p.id, typeId: d.body.data.types[0].id, quantity: 1 },
    });
    expectError(r, 403, 'INSUFFICIENT_PERMISSIONS');
    expect(r.body.error.message).toBe('This API key is read-only');
    expect(sim.control.orders()).toHaveLength(0);
  });

  it('out of stock and insufficient balance carry details and change nothing', async () => {
    const sim = await start({ balanceDzd: 3000 });
    const { productId, type } = await psn(sim);
    sim.control.setStock(productId, type.id, 1);
    const oos = await call(sim, '/v3/gift-cards/placeOrder', { body: { productId, typeId: type.id, quantity: 2 } });
    expectError(oos, 400, 'OUT_OF_STOCK');
    expect(oos.body.error.message).toBe('Product out of stock');
    expect(oos.body.error.details).toEqual({ available: 1 });

    sim.control.setStock(productId, type.id, 10);
    const poor = await call(sim, '/v3/gift-cards/placeOrder', { body: { productId, typeId: type.id, quantity: 2 } });
    expectError(poor, 403, 'INSUFFICIENT_BALANCE');
    expect(poor.body.error.details).toEqual({ required: type.price * 2, available: 3000 });

    expect(sim.control.orders()).toHaveLength(0);
    expect(sim.control.getBalance()).toBe(3000);
    const after = await call(sim, `/v3/gift-cards/checkProduct/${productId}`);
    expect(after.body.data.types.find((t: any) => t.id === type.id).quantity).toBe(10);
  });

  it('unknown product or type is NOT_FOUND', async () => {
    const sim = await start();
    const { productId } = await psn(sim);
    expectError(await call(sim, '/v3/gift-cards/placeOrder', { body: { productId: 'ffffffffffffffffffffffff', typeId: 'x', quantity: 1 } }), 404, 'NOT_FOUND');
    expectError(await call(sim, '/v3/gift-cards/placeOrder', { body: { productId, typeId: 'nope', quantity: 1 } }), 404, 'NOT_FOUND');
  });

  it('debits at placement, stays HANDLING, then FULFILLED with unique cards', async () => {
    const clock = manualClock();
    const sim = await start({ handlingMs: 150, now: clock.now });
    const { productId, type } = await psn(sim);
    const placed = await call(sim, '/v3/gift-cards/placeOrder', { body: { productId, typeId: type.id, quantity: 3 } });
    expectSuccessEnvelope(placed);
    const orderId = placed.body.data.orderId as string;
    expect(orderId).toMatch(/^[0-9a-f]{24}$/);
    expect(Object.keys(placed.body.data)).toEqual(['orderId']);

    // Centime-exact debit.
    expect(sim.control.getBalance()).toBe(Math.round((50000 - type.price * 3) * 100) / 100);
    const stock = await call(sim, `/v3/gift-cards/checkProduct/${productId}`);
    expect(stock.body.data.types.find((t: any) => t.id === type.id).quantity).toBe(type.quantity - 3);

    const handling = await call(sim, `/v3/gift-cards/checkOrder/${orderId}`);
    expectSuccessEnvelope(handling);
    expect(handling.body.data).toEqual({
      _id: orderId,
      status: 'HANDLING',
      quantity: 3,
      product: productId,
      type: type.id,
      time: expect.any(String),
    });

    // One millisecond short of its handling time it is still HANDLING; at the mark it is settled.
    clock.advance(149);
    expect((await call(sim, `/v3/gift-cards/checkOrder/${orderId}`)).body.data.status).toBe('HANDLING');
    clock.advance(1);
    const done = await call(sim, `/v3/gift-cards/checkOrder/${orderId}`);
    expect(done.body.data).toMatchObject({
      _id: orderId,
      status: 'FULFILLED',
      quantity: 3,
      fulfilled_quantity: 3,
      fulfilled_amount: Math.round(type.price * 3 * 100) / 100,
      price_per_card: type.price,
    });
    const cards = done.body.data.cards as { value: string; serial: string }[];
    expect(cards).toHaveLength(3);
    for (const c of cards) {
      expect(c.value).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(c.serial).toMatch(/^\d+$/);
    }

    // A second order never repeats a code or serial.
    const second = await call(sim, '/v3/gift-cards/placeOrder', { body: { productId, typeId: type.id, quantity: 5 } });
    clock.advance(150);
    const secondDone = await call(sim, `/v3/gift-cards/checkOrder/${second.body.data.orderId}`);
    const all = [...cards, ...secondDone.body.data.cards];
    expect(new Set(all.map((c) => c.value)).size).toBe(8);
    expect(new Set(all.map((c) => c.serial)).size).toBe(8);

    const orders = sim.control.orders();
    expect(orders.map((o) => o.id)).toEqual([orderId, second.body.data.orderId]);
    expect(orders[0]).toMatchObject({ status: 'FULFILLED', key: TRAINING_API_KEY, fulfilledQuantity: 3, pricePerCard: type.price });
  });

  it('TEST_PARTIAL delivers half and refunds the rest; TEST_REFUND refunds everything', async () => {
    // The clock stands still while both orders are placed, so neither can settle before the
    // balance is read: all six cards are debited at placement.
    const clock = manualClock();
    const sim = await start({ handlingMs: 60, now: clock.now });
    const { productId, detail } = await psn(sim);
    const first = detail.types[0];
    const price = first.price as number;

    const partial = await call(sim, '/v3/gift-cards/placeOrder', { body: { productId, typeId: TEST_TYPE_PARTIAL, quantity: 4 } });
    expectSuccessEnvelope(partial);
    const refund = await call(sim, '/v3/gift-cards/placeOrder', { body: { productId, typeId: TEST_TYPE_REFUND, quantity: 2 } });
    expectSuccessEnvelope(refund);
    expect(sim.control.getBalance()).toBe(Math.round((50000 - price * 6) * 100) / 100);

    clock.advance(60);
    const p = await call(sim, `/v3/gift-cards/checkOrder/${partial.body.data.orderId}`);
    expect(p.body.data).toMatchObject({
      status: 'PARTIALLY_FILLED',
      quantity: 4,
      fulfilled_quantity: 2,
      fulfilled_amount: price * 2,
      price_per_card: price,
      type: TEST_TYPE_PARTIAL,
    });
    expect(p.body.data.cards).toHaveLength(2);
    const r = await call(sim, `/v3/gift-cards/checkOrder/${refund.body.data.orderId}`);
    expect(r.body.data).toMatchObject({ status: 'REFUNDED', fulfilled_quantity: 0, fulfilled_amount: 0, price_per_card: price, cards: [] });

    // Only the two delivered cards stay charged.
    expect(sim.control.getBalance()).toBe(Math.round((50000 - price * 2) * 100) / 100);

    const tx = await call(sim, '/v3/account/transactions');
    expectSuccessEnvelope(tx);
    const items = tx.body.data.items as any[];
    expect(items.map((t) => t.type).sort()).toEqual(['ORDER', 'ORDER', 'REFUND-ORDER', 'REFUND-ORDER']);
    const partialRefund = items.find((t) => t.type === 'REFUND-ORDER' && t.objid === partial.body.data.orderId);
    expect(partialRefund.amount).toBe(price * 2);
    expect(partialRefund.newBalance - partialRefund.oldBalance).toBeCloseTo(price * 2, 6);
    const fullRefund = items.find((t) => t.type === 'REFUND-ORDER' && t.objid === refund.body.data.orderId);
    expect(fullRefund.amount).toBe(price * 2);
    const debit = items.find((t) => t.type === 'ORDER' && t.objid === partial.body.data.orderId);
    expect(debit.amount).toBe(price * 4);
    expect(debit.oldBalance - debit.newBalance).toBeCloseTo(price * 4, 6);
    for (const t of items) expect(Object.keys(t).sort()).toEqual(['_id', 'amount', 'newBalance', 'note', 'objid', 'oldBalance', 'operation', 'time', 'type']);
    expect(tx.body.data.pagination).toEqual({ page: 1, pageSize: 20, totalPages: 1, totalResults: 4 });
  });

  it('TEST_PARTIAL with quantity 1 delivers nothing and is REFUNDED', async () => {
    const clock = manualClock();
    const sim = await start({ handlingMs: 20, now: clock.now });
    const { productId } = await psn(sim);
    const o = await call(sim, '/v3/gift-cards/placeOrder', { body: { productId, typeId: TEST_TYPE_PARTIAL, quantity: 1 } });
    // Debited at placement, credited back in full when it settles.
    expect(sim.control.getBalance()).toBeLessThan(50000);
    clock.advance(20);
    const r = await call(sim, `/v3/gift-cards/checkOrder/${o.body.data.orderId}`);
    expect(r.body.data).toMatchObject({ status: 'REFUNDED', fulfilled_quantity: 0, cards: [] });
    expect(sim.control.getBalance()).toBe(50000);
  });

  it("checkOrder hides another key's orders", async () => {
    const sim = await start({
      keys: {
        a: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213550000001' },
        b: { type: 'SANDBOX', scope: 'READ-WRITE', username: '+213550000002' },
      },
    });
    const cat = await call(sim, '/v3/gift-cards/catalog', { key: 'a' });
    const productId = cat.body.data.categories[0].products[0].id;
    const o = await call(sim, '/v3/gift-cards/placeOrder', { key: 'a', body: { productId, typeId: TEST_TYPE_REFUND, quantity: 1 } });
    expectSuccessEnvelope(await call(sim, `/v3/gift-cards/checkOrder/${o.body.data.orderId}`, { key: 'a' }));
    expectError(await call(sim, `/v3/gift-cards/checkOrder/${o.body.data.orderId}`, { key: 'b' }), 404, 'NOT_FOUND');
    expectError(await call(sim, '/v3/gift-cards/checkOrder/ffffffffffffffffffffffff', { key: 'a' }), 404, 'NOT_FOUND');
    const listB = await call(sim, '/v3/gift-cards/list', { key: 'b' });
    expect(listB.body.data.items).toEqual([]);
  });

  it('the same seed yields the same codes', async () => {
    const codes: string[][] = [];
    for (let i = 0; i < 2; i++) {
      const sim = await start({ seed: 42, handlingMs: 0 });
      const { productId, type } = await psn(sim);
      sim.control.placeOrderDirect({ productId, typeId: type.id, quantity: 3 });
      codes.push(sim.control.orders().flatMap((o) => o.cards.map((c) => c.value + c.serial)));
    }
    expect(codes[0]).toHaveLength(3);
    expect(codes[1]).toEqual(codes[0]);
  });
});

describe('simulator: list and transactions paging', () => {
  it('lists newest first, pages, and filters by an inclusive window', async () => {
    let clock = Date.parse('2025-10-29T01:00:00.000Z');
    const sim = await start({ now: () => new Date(clock), handlingMs: 1000 });
    const { productId, type } = await psn(sim);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(sim.control.placeOrderDirect({ productId, typeId: type.id, quantity: 1 }).id);
      clock += 60_000;
    }

    const p1 = await call(sim, '/v3/gift-cards/list?page=1&pageSize=2');
    expectSuccessEnvelope(p1);
    expect(p1.body.data.pagination).toEqual({ page: 1, pageSize: 2, totalPages: 3, totalResults: 5 });
    expect(p1.body.data.items.map((o: any) => o._id)).toEqual([ids[4], ids[3]]);
    const p3 = await call(sim, '/v3/gift-cards/list?page=3&pageSize=2');
    expect(p3.body.data.items.map((o: any) => o._id)).toEqual([ids[0]]);
    const item = p3.body.data.items[0];
    expect(item).toMatchObject({
      status: 'FULFILLED',
      quantity: 1,
      fulfilled_quantity: 1,
      price_per_card: type.price,
      product: productId,
      type: type.id,
      time: '2025-10-29T01:00:00.000Z',
    });
    expect(item.cards).toHaveLength(1);

    const window = await call(sim, '/v3/gift-cards/list?from=2025-10-29T01:01:00.000Z&to=2025-10-29T01:03:00Z');
    expect(window.body.data.items.map((o: any) => o._id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(window.body.data.pagination.totalResults).toBe(3);

    const tx = await call(sim, '/v3/account/transactions?pageSize=2&page=2&from=2025-10-29T01:00:00Z&to=2025-10-29T01:04:00Z');
    expect(tx.body.data.pagination).toEqual({ page: 2, pageSize: 2, totalPages: 3, totalResults: 5 });
    expect(tx.body.data.items.map((t: any) => t.objid)).toEqual([ids[2], ids[1]]);
  });

  it('rejects bad paging queries with the field name', async () => {
    const sim = await start();
    const cases: [string, string][] = [
      ['pageSize=0', 'pageSize'],
      ['pageSize=101', 'pageSize'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['from=2025-10-01T00:00:00Z', 'to'],
      ['to=2025-10-01T00:00:00Z', 'from'],
      ['from=yesterday&to=2025-10-01T00:00:00Z', 'from'],
      ['from=2025-10-02T00:00:00Z&to=2025-10-01T00:00:00Z', 'from'],
    ];
    for (const path of ['/v3/account/transactions', '/v3/gift-cards/list']) {
      for (const [q, field] of cases) {
        const r = await call(sim, `${path}?${q}`);
        expectError(r, 400, 'ERR_VALIDATION');
        expect(r.body.error.details.field, `${path}?${q}`).toBe(field);
      }
    }
  });
});
