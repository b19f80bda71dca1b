import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimFaultSpec } from '../../simulator';
import { confirmWhileOffline, psnOffer, startHarness, until, waitForSale, type Harness } from './helpers/core-harness';

/**
 * Every fault of the simulator, end to end through the core: whatever happens on the wire, the
 * provider ends with exactly one order per confirmed sale and the sale ends with its codes.
 */
let hx: Harness;
afterEach(async () => hx?.close());

/** Status codes of every placeOrder the simulator answered, in order. */
const placeOrderStatuses = (h: Harness) =>
  h.sim.control
    .requestLog()
    .filter((e) => e.path === '/v3/gift-cards/placeOrder')
    .map((e) => e.status);

/**
 * Whether the till holds a price check of this product in its ledger's cache (what it sells from
 * offline). Read from the database itself, read-only: asking the till would check live and fill it.
 */
function cachedProductPrice(h: Harness, productId: string): boolean {
  const db = new Database(path.join(h.dataDir, 'ledger.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT 1 FROM kv WHERE key = ?').get(`product:${productId}`) !== undefined;
  } finally {
    db.close();
  }
}

const final = (s: { state: string }) => ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'NEEDS_REVIEW'].includes(s.state);

async function sellWithFault(fault: SimFaultSpec | null, timing = {}) {
  hx = await startHarness({ timing: { orderTimeoutMs: 400, readTimeoutMs: 2000, ...timing } });
  const offer = await psnOffer(hx.h);
  if (fault) hx.sim.control.addFault(fault);
  const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 2, expectedUnitRetailC: offer.unitRetailC });
  const done = await waitForSale(hx.h, sale.id, final);
  return { sale: done, orders: hx.sim.control.orders() };
}

describe('faults while placing an order', () => {
  const cases: [string, SimFaultSpec][] = [
    ['connection dropped before the order is processed', { endpoint: 'placeOrder', kind: 'drop-before' }],
    ['connection dropped after the order is committed', { endpoint: 'placeOrder', kind: 'drop-after' }],
    ['500 after the order is committed', { endpoint: 'placeOrder', kind: 'error-500-after' }],
    ['500 before anything is processed', { endpoint: 'placeOrder', kind: 'error-500' }],
    ['timeout after the order is committed', { endpoint: 'placeOrder', kind: 'hang-after' }],
    ['malformed answer', { endpoint: 'placeOrder', kind: 'malformed' }],
    ['429 with Retry-After', { endpoint: 'placeOrder', kind: 'rate-limit', retryAfterSec: 1 }],
    ['429 without Retry-After', { endpoint: 'placeOrder', kind: 'rate-limit' }],
    ['a slow answer', { endpoint: 'placeOrder', kind: 'delay', delayMs: 150 }],
    ['checkOrder failing once', { endpoint: 'checkOrder', kind: 'error-500' }],
    ['checkOrder dropped once', { endpoint: 'checkOrder', kind: 'drop-before' }],
  ];
  for (const [name, fault] of cases) {
    it(`${name}: exactly one order and the codes delivered`, async () => {
      const { sale, orders } = await sellWithFault(fault);
      expect(orders).toHaveLength(1);
      expect(sale.state).toBe('FULFILLED');
      expect(sale.orderId).toBe(orders[0]!.id);
      expect(sale.cards).toHaveLength(2);
    });
  }

  it('keeps a sale queued while the provider refuses connections, then sends it once when it is back', async () => {
    hx = await startHarness();
    const { sale } = await confirmWhileOffline(hx);
    // Once the till has met the refused connection it holds the sale queued (it only probes).
    await until(async () => (await hx.h['app:status']({})).connection === 'offline', 'the till sees the provider offline');
    const waiting = await hx.h['sales:get']({ saleId: sale.id });
    expect(waiting.state).toBe('QUEUED');
    expect(hx.sim.control.orders()).toHaveLength(0);
    await hx.sim.control.setOffline(false);
    const done = await waitForSale(hx.h, sale.id, final);
    expect(done.state).toBe('FULFILLED');
    expect(hx.sim.control.orders()).toHaveLength(1);
  });

  it('never resends while a sale is unknown: a second sale waits behind the reconciliation', async () => {
    hx = await startHarness({ timing: { orderTimeoutMs: 400 } });
    const offer = await psnOffer(hx.h);
    hx.sim.control.addFault({ endpoint: 'placeOrder', kind: 'drop-before' });
    // The order list fails until the faults are cleared, so the reconciliation of the first sale
    // cannot conclude while the second is looked at.
    hx.sim.control.addFault({ endpoint: 'list', kind: 'error-500', times: Infinity });
    const a = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    const b = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    await waitForSale(hx.h, a.id, (s) => s.state === 'UNKNOWN');
    const listCalls = () => hx.sim.control.requestLog().filter((e) => e.path === '/v3/gift-cards/list').length;
    await until(() => listCalls() >= 2, 'the till retrying the reconciliation');
    expect((await hx.h['sales:get']({ saleId: a.id })).state).toBe('UNKNOWN');
    expect((await hx.h['sales:get']({ saleId: b.id })).state).toBe('QUEUED');
    expect(hx.sim.control.orders()).toHaveLength(0);
    hx.sim.control.clearFaults();
    const [da, db] = [await waitForSale(hx.h, a.id, final), await waitForSale(hx.h, b.id, final)];
    expect([da.state, db.state]).toEqual(['FULFILLED', 'FULFILLED']);
    expect(hx.sim.control.orders()).toHaveLength(2);
  });

  it('rejects an order refused by the provider without retrying it', async () => {
    hx = await startHarness();
    const offer = await psnOffer(hx.h);
    hx.sim.control.setBalance(100_000);
    // Every placeOrder is answered 429 without being processed until the faults are cleared, so no
    // order can exist before the balance is drained behind the till's back.
    hx.sim.control.addFault({ endpoint: 'placeOrder', kind: 'rate-limit', retryAfterSec: 1, times: Infinity });
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    await until(() => placeOrderStatuses(hx).includes(429), 'a first placeOrder refused with 429');
    hx.sim.control.setBalance(0);
    hx.sim.control.clearFaults();
    const done = await waitForSale(hx.h, sale.id, final);
    expect(done.state).toBe('REJECTED');
    expect(done.reason?.code).toBe('INSUFFICIENT_BALANCE');
    expect(hx.sim.control.orders()).toHaveLength(0);
    // Refused once by the provider, never sent again: the 429s before it, then exactly one 403.
    expect(placeOrderStatuses(hx).filter((s) => s !== 429)).toEqual([403]);
  });

  it('a balance drained after the order was placed does not undo the sale', async () => {
    hx = await startHarness();
    const offer = await psnOffer(hx.h);
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    const placed = await waitForSale(hx.h, sale.id, (s) => s.orderId !== null || final(s));
    expect(placed.orderId).toBe(hx.sim.control.orders()[0]!.id);
    hx.sim.control.setBalance(0);
    const done = await waitForSale(hx.h, sale.id, final);
    expect(done.state).toBe('FULFILLED');
    expect(done.cards).toHaveLength(1);
    expect(hx.sim.control.orders()).toHaveLength(1);
  });

  it('resumes after a restart: a sale caught sending is reconciled, not resent', async () => {
    hx = await startHarness({ timing: { orderTimeoutMs: 60_000 } });
    const offer = await psnOffer(hx.h);
    hx.sim.control.addFault({ endpoint: 'placeOrder', kind: 'hang-after' });
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 2, expectedUnitRetailC: offer.unitRetailC });
    await waitForSale(hx.h, sale.id, (s) => s.state === 'SENDING');
    // The order is committed at the provider (and its answer withheld) before the till goes down.
    await until(
      () => hx.sim.control.requestLog().some((e) => e.path === '/v3/gift-cards/placeOrder' && e.status === 'hung'),
      'the order committed, its answer withheld',
    );
    const closing = hx.core.close();
    await hx.sim.control.setOffline(true);
    await closing;
    await hx.sim.control.setOffline(false);
    await hx.reopen();
    const done = await waitForSale(hx.h, sale.id, final);
    expect(done.state).toBe('FULFILLED');
    expect(hx.sim.control.orders()).toHaveLength(1);
    expect(done.orderId).toBe(hx.sim.control.orders()[0]!.id);
  });

  it('warms the prices of favourites so they can still be sold into the queue offline', async () => {
    hx = await startHarness();
    const catalog = await hx.h['catalog:list']({});
    const netflixLike = catalog.products
      .filter((p) => p.enabled && p.title !== 'PlayStation Network')
      .slice(0, 2)
      .map((p) => p.id);
    await hx.h['settings:update']({ favourites: netflixLike });
    await hx.h['catalog:list']({ refresh: true });
    // The warmer (not this test) reads the favourite's prices into the till's cache.
    await until(() => cachedProductPrice(hx, netflixLike[0]!), "the favourite's prices cached by the warmer");
    await hx.sim.control.setOffline(true);
    const detail = await hx.h['catalog:product']({ productId: netflixLike[0]! });
    expect(detail.live).toBe(false);
    const d = detail.denominations.find((x) => x.stock > 0)!;
    const sale = await hx.h['sales:confirm']({ productId: netflixLike[0]!, typeId: d.typeId, quantity: 1, expectedUnitRetailC: d.retailC });
    expect(sale.state).toBe('QUEUED');
    await hx.sim.control.setOffline(false);
    expect((await waitForSale(hx.h, sale.id, final)).state).toBe('FULFILLED');
  });
});
