import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import type { SaleTiming } from '../../electron/core/sales/timing';
import { confirmWhileOffline, psnOffer, startHarness, waitForSale, type Harness } from './helpers/core-harness';

/**
 * Any product offline (issue 9): the warmer prices the whole cached catalogue in the background
 * within its share of the request budget; an offline price older than the owner's limit is
 * refused; a queued sale whose cost rose above its price waits for the owner; out of stock at send
 * time ends REJECTED with the money to hand back.
 */
let hx: Harness;
afterEach(async () => hx?.close());

async function until<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const checkProductPaths = (hx: Harness) => hx.sim.control.requestLog().filter((r) => r.path.startsWith('/v3/gift-cards/checkProduct/') && r.status === 200);
const productIdOf = (p: string) => decodeURIComponent(p.slice('/v3/gift-cards/checkProduct/'.length));

async function enabledProducts(hx: Harness) {
  const catalog = await hx.h['catalog:list']({});
  return catalog.products.filter((p) => p.enabled);
}

describe('the catalogue warmer', () => {
  it('makes every product of the cached catalogue sellable offline, even one never sold, and it survives a restart', async () => {
    hx = await startHarness();
    const products = await enabledProducts(hx);
    expect(products.length).toBeGreaterThan(20);
    await until(
      () => new Set(checkProductPaths(hx).map((r) => productIdOf(r.path))),
      (seen) => products.every((p) => seen.has(p.id)),
      'every product warmed',
    );

    await hx.sim.control.setOffline(true);
    await hx.restart();
    let sellable: { productId: string; typeId: string; retailC: number } | null = null;
    for (const p of products) {
      const detail = await hx.h['catalog:product']({ productId: p.id });
      expect(detail.live).toBe(false);
      expect(Number.isNaN(Date.parse(detail.checkedAt))).toBe(false);
      const d = detail.denominations.find((x) => x.stock > 0);
      if (!sellable && d && p.title !== 'PlayStation Network') sellable = { productId: p.id, typeId: d.typeId, retailC: d.retailC };
    }
    expect(sellable).not.toBeNull();
    const sale = await hx.h['sales:confirm']({ productId: sellable!.productId, typeId: sellable!.typeId, quantity: 1, expectedUnitRetailC: sellable!.retailC });
    expect(sale.state).toBe('QUEUED');
    expect(hx.sim.control.orders()).toHaveLength(0);

    await hx.sim.control.setOffline(false);
    expect((await waitForSale(hx.h, sale.id, (s) => s.state === 'FULFILLED', 20_000)).state).toBe('FULFILLED');
  }, 60_000);

  it('stays within its share of the request budget (10 % of apiRequestsPerMinute), spread over time', async () => {
    hx = await startHarness();
    const rpm = 3000;
    await hx.h['settings:update']({ apiRequestsPerMinute: rpm });
    hx.sim.control.resetRequestLog();
    await hx.h['catalog:list']({ refresh: true });
    const log = await until(
      () => checkProductPaths(hx),
      (l) => l.length >= 12,
      'a dozen warming requests',
    );
    const spacing = 60_000 / ((rpm * 10) / 100); // 200 ms
    const at = log.map((r) => r.at);
    // Any run of k+1 requests spans at least k−1 spacings. The times are when the simulator saw
    // them: a loaded machine may delay one request in transit and let the next arrive on time, so
    // one spacing is the slack, not a fixed number of ms. A warmer taking twice its share would
    // still fail: a dozen requests would span 11 × 100 ms, under the 10 × 200 ms required.
    for (let i = 0; i < at.length; i++) {
      for (let j = i + 1; j < at.length; j++) expect(at[j]! - at[i]!).toBeGreaterThanOrEqual((j - i - 1) * spacing);
    }
    // And they were spent on the oldest prices: never the same product twice while others wait.
    const ids = log.map((r) => productIdOf(r.path));
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);

  it('resumes after an outage and finishes pricing the catalogue', async () => {
    hx = await startHarness();
    await hx.h['settings:update']({ apiRequestsPerMinute: 3000 });
    const products = await enabledProducts(hx);
    await until(
      () => checkProductPaths(hx),
      (l) => l.length >= 3,
      'warming started',
    );
    await hx.sim.control.setOffline(true);
    await until(
      () => hx.h['app:status']({}),
      (s) => s.connection === 'offline',
      'till sees offline',
    );
    const before = checkProductPaths(hx).length;
    await hx.sim.control.setOffline(false);
    await until(
      () => new Set(checkProductPaths(hx).map((r) => productIdOf(r.path))),
      (seen) => products.every((p) => seen.has(p.id)),
      'warming finished after the outage',
    );
    expect(checkProductPaths(hx).length).toBeGreaterThan(before);
  }, 60_000);
});

describe('an offline price older than the owner allows', () => {
  /** Ages the cached price of a product as if the till had been off for `hours`. */
  async function agePrice(productId: string, hours: number) {
    await hx.core.close();
    const db = new Database(path.join(hx.dataDir, 'ledger.sqlite'));
    const row = db.prepare('SELECT value FROM kv WHERE key = ?').get(`product:${productId}`) as { value: string };
    const cached = JSON.parse(row.value) as { checkedAt: string };
    cached.checkedAt = new Date(Date.now() - hours * 3_600_000).toISOString();
    db.prepare('UPDATE kv SET value = ? WHERE key = ?').run(JSON.stringify(cached), `product:${productId}`);
    db.close();
    await hx.reopen();
  }

  it('is refused with PRICE_TOO_OLD and nothing is queued; a younger one is sold', async () => {
    hx = await startHarness({ timing: { warmSharePercent: 0 } });
    await hx.h['settings:update']({ maxOfflinePriceAgeHours: 24 });
    const offer = await psnOffer(hx.h);
    await hx.sim.control.setOffline(true);

    await agePrice(offer.productId, 25);
    const detail = await hx.h['catalog:product']({ productId: offer.productId });
    expect(detail.live).toBe(false);
    const input = { productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC };
    await expect(hx.h['sales:confirm'](input)).rejects.toMatchObject({ code: 'PRICE_TOO_OLD', details: { maxHours: 24 } });
    expect(await hx.h['sales:list']({})).toHaveLength(0);

    await agePrice(offer.productId, 23);
    expect((await hx.h['sales:confirm'](input)).state).toBe('QUEUED');
  }, 30_000);

  it("the limit is the owner's setting, bounded", async () => {
    hx = await startHarness({ timing: { warmSharePercent: 0 } });
    expect((await hx.h['settings:get']({})).maxOfflinePriceAgeHours).toBe(24);
    await expect(hx.h['settings:update']({ maxOfflinePriceAgeHours: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(hx.h['settings:update']({ maxOfflinePriceAgeHours: 10_000 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await hx.h['settings:update']({ maxOfflinePriceAgeHours: 6 })).maxOfflinePriceAgeHours).toBe(6);
  });
});

describe('a queued sale sent when the provider is back', () => {
  /** The cost is re-checked at send time (costFreshMs 0); the warmer is off so the test owns every check. */
  const timing: Partial<SaleTiming> = { warmSharePercent: 0, costFreshMs: 0 };

  async function queuedOffline(quantity = 1): Promise<{ sale: Sale; offer: Awaited<ReturnType<typeof psnOffer>> }> {
    hx = await startHarness({ timing });
    const { sale, offer } = await confirmWhileOffline(hx, quantity);
    expect(sale.state).toBe('QUEUED');
    return { sale, offer };
  }

  it('waits for the owner when the cost rose above the price paid; "send anyway" fulfils it', async () => {
    const { sale, offer } = await queuedOffline();
    const newCostDzd = Math.ceil(offer.unitRetailC / 100) + 50;
    hx.sim.control.setPrice(offer.productId, offer.typeId, newCostDzd);
    await hx.sim.control.setOffline(false);
    const held = await waitForSale(hx.h, sale.id, (s) => s.state === 'AWAITING_OWNER');
    expect(held.reason?.code).toBe('COST_ROSE');
    expect(held.unitCostC).toBe(newCostDzd * 100);
    expect(held.unitRetailC).toBe(offer.unitRetailC);
    expect(hx.sim.control.orders()).toHaveLength(0);
    // It is among the owner's exceptions and blocks closing nothing silently: it stays there.
    expect((await hx.h['sales:list']({ states: ['AWAITING_OWNER'] })).map((s) => s.id)).toEqual([sale.id]);

    const queued = await hx.h['sales:sendAnyway']({ saleId: sale.id });
    expect(queued.state).toBe('QUEUED');
    const done = await waitForSale(hx.h, sale.id, (s) => s.state === 'FULFILLED');
    expect(done.cards).toHaveLength(1);
    expect(hx.sim.control.orders()).toHaveLength(1);
    await expect(hx.h['sales:sendAnyway']({ saleId: sale.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  }, 30_000);

  it('"cancel" ends it CANCELLED with the whole price to hand back, and nothing is ordered', async () => {
    const { sale, offer } = await queuedOffline(2);
    hx.sim.control.setPrice(offer.productId, offer.typeId, Math.ceil(offer.unitRetailC / 100) + 1);
    await hx.sim.control.setOffline(false);
    await waitForSale(hx.h, sale.id, (s) => s.state === 'AWAITING_OWNER');
    const cancelled = await hx.h['sales:cancelHeld']({ saleId: sale.id });
    expect(cancelled.state).toBe('CANCELLED');
    expect(cancelled.refundDueC).toBe(2 * offer.unitRetailC);
    const receipt = await hx.h['sales:receipt']({ saleId: sale.id });
    expect(receipt.html.length).toBeGreaterThan(0);
    expect(hx.sim.control.orders()).toHaveLength(0);
    await expect(hx.h['sales:sendAnyway']({ saleId: sale.id })).rejects.toMatchObject({ code: 'INVALID_STATE' });
  }, 30_000);

  it('a cost that rose but stays under the price is sent, and the cost of the day is recorded', async () => {
    const { sale, offer } = await queuedOffline();
    const newCostDzd = Math.floor(offer.unitRetailC / 100) - 1;
    expect(newCostDzd * 100).toBeGreaterThan(offer.costC!);
    hx.sim.control.setPrice(offer.productId, offer.typeId, newCostDzd);
    await hx.sim.control.setOffline(false);
    const done = await waitForSale(hx.h, sale.id, (s) => s.state === 'FULFILLED');
    expect(done.unitCostC).toBe(newCostDzd * 100);
  }, 30_000);

  it('out of stock at send time ends REJECTED with the refund, and nothing is ordered', async () => {
    const { sale, offer } = await queuedOffline();
    hx.sim.control.setStock(offer.productId, offer.typeId, 0);
    await hx.sim.control.setOffline(false);
    const done = await waitForSale(hx.h, sale.id, (s) => s.state === 'REJECTED');
    expect(done.reason?.code).toBe('OUT_OF_STOCK');
    expect(done.refundDueC).toBe(offer.unitRetailC);
    expect(hx.sim.control.orders()).toHaveLength(0);
    // Found by the price check before sending: no order was even attempted.
    expect(hx.sim.control.requestLog().filter((r) => r.path.endsWith('/placeOrder'))).toHaveLength(0);
  }, 30_000);

  it('a cashier cannot decide for the owner (send at a loss or cancel a held sale)', async () => {
    const { sale, offer } = await queuedOffline();
    hx.sim.control.setPrice(offer.productId, offer.typeId, Math.ceil(offer.unitRetailC / 100) + 10);
    await hx.sim.control.setOffline(false);
    await waitForSale(hx.h, sale.id, (s) => s.state === 'AWAITING_OWNER');
    const cashier = await hx.h['staff:add']({ name: 'Amine', role: 'cashier', pin: '4826' });
    await hx.h['session:logout']({});
    await hx.h['session:login']({ cashierId: cashier.id, pin: '4826' });
    await expect(hx.h['sales:sendAnyway']({ saleId: sale.id })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(hx.h['sales:cancelHeld']({ saleId: sale.id })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(hx.h['sales:cancel']({ saleId: sale.id })).rejects.toBeTruthy();
    expect(hx.sim.control.orders()).toHaveLength(0);
  }, 30_000);

  it('a sale confirmed online is sent on the check made at confirmation: no second price check', async () => {
    hx = await startHarness({ timing: { warmSharePercent: 0 } });
    const offer = await psnOffer(hx.h);
    hx.sim.control.resetRequestLog();
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    await waitForSale(hx.h, sale.id, (s) => s.state === 'FULFILLED');
    expect(checkProductPaths(hx)).toHaveLength(1);
  }, 30_000);
});
