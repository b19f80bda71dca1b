import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { dispatchCommand } from '../../electron/core/commands/dispatch';
import type { KeySession } from '../../electron/core/provider/key-session';
import { reconcileShopDay } from '../../electron/core/shop-views/shop-reconcile';
import { createSharedPool } from '../../electron/core/shared-ledger/pool';
import { pgServersDisposedAfterEach } from './helpers/pg-server';
import { pushed, sellPsn, today } from './helpers/shop-sales';
import { psnOffer, startHarness, type Harness } from './helpers/core-harness';

/**
 * Issue 12, "reconciliation works per till and for the whole shop": two real tills (cores with
 * their own SQLite ledgers) selling with one key against one simulator, pushing to one real
 * PostgreSQL server. The shop's reconciliation counts every till's orders as the shop's, lists
 * only the orders no till owns, names the till of each discrepancy, and never adopts.
 */
const startServer = pgServersDisposedAfterEach();
const tills: Harness[] = [];
afterEach(async () => {
  // The second till borrows the first one's simulator: close it last.
  for (const t of tills.splice(0).reverse()) await t.close();
});

/** Two tills of one shop on one key: A sold twice, B once; an order placed elsewhere that no till has. */
async function shopOfTwo() {
  const server = await startServer();
  const a = await startHarness({ sharedLedgerUrl: server.url });
  tills.push(a);
  const b = await startHarness({ sharedLedgerUrl: server.url, sharedSim: a.sim });
  tills.push(b);
  const a1 = await sellPsn(a.h, 1);
  const a2 = await sellPsn(a.h, 2);
  const b1 = await sellPsn(b.h, 1);
  await Promise.all([pushed(a), pushed(b)]);
  const offer = await psnOffer(a.h);
  const stray = a.sim.control.placeOrderDirect({ productId: offer.productId, typeId: offer.typeId, quantity: 1 });
  const aTill = (await a.h['app:status']({})).till;
  const bTill = (await b.h['app:status']({})).till;
  return { server, a, b, a1, a2, b1, stray, aTill, bTill };
}

describe('reconciliation over the whole shop (scope "shop")', () => {
  it('every till’s orders are the shop’s; only the order no till owns is missing; nothing is adopted', async () => {
    const { a, b, a1, a2, b1, stray, bTill } = await shopOfTwo();
    // What each sale cost the shop (the owner sees costs), every card delivered.
    const cost = (s: Sale) => (s.unitCostC ?? 0) * s.deliveredQuantity;

    // This till alone: B's order is neither missing nor adoptable here (it has an owner); the stray one is missing.
    const here = await a.h['reconcile:day']({ day: today() });
    expect(here.missingInLedger.map((o) => o.orderId)).toEqual([stray.id]);
    expect(here.ledgerSales).toBe(2);

    const shop = await a.h['reconcile:day']({ day: today(), scope: 'shop' });
    expect(shop.scope).toBe('shop');
    expect(shop.providerOrders).toBe(4);
    expect(shop.ledgerSales).toBe(3);
    expect(shop.missingInLedger).toEqual([expect.objectContaining({ orderId: stray.id, adoptedSaleId: null })]);
    expect(shop.missingAtProvider).toEqual([]);
    expect(shop.amountDifferences).toEqual([]);
    expect(shop.ledgerCostC).toBe(cost(a1) + cost(a2) + cost(b1));
    expect(shop.providerChargedC).toBe(shop.ledgerCostC + Math.round(stray.pricePerCard * 100));
    expect(shop.accountNetDebitC).toBe(shop.providerChargedC);

    // One till of the shop: its sales against the orders it owns; the unowned order is still listed.
    const onlyB = await a.h['reconcile:day']({ day: today(), scope: 'shop', tillId: bTill.id });
    expect(onlyB.till).toEqual({ id: bTill.id, name: bTill.name });
    expect(onlyB.ledgerSales).toBe(1);
    expect(onlyB.providerOrders).toBe(1);
    expect(onlyB.providerChargedC).toBe(cost(b1));
    expect(onlyB.ledgerCostC).toBe(cost(b1));
    expect(onlyB.missingInLedger.map((o) => o.orderId)).toEqual([stray.id]);
    expect(onlyB.accountNetDebitC).toBeNull(); // the account's movements do not say which till

    // The shop view took nothing in: no till has the stray order yet; B adopts it from its own view.
    expect((await a.h['history:search']({})).length).toBe(2);
    const adopted = await b.h['reconcile:day']({ day: today(), adopt: true });
    expect(adopted.missingInLedger).toEqual([expect.objectContaining({ orderId: stray.id, adoptedSaleId: expect.any(Number) })]);
    await pushed(b);
    const after = await a.h['reconcile:day']({ day: today(), scope: 'shop' });
    expect(after.missingInLedger).toEqual([]);
    // ...and A's own view no longer offers it: B owns it now.
    expect((await a.h['reconcile:day']({ day: today(), adopt: true })).missingInLedger).toEqual([]);
    expect((await a.h['history:search']({})).length).toBe(2);
  });

  it('a sale the provider does not list, or at another amount, is named with its till', async () => {
    const { server, a, b1, bTill } = await shopOfTwo();
    // The shop's copy as a till with a bad ledger would have pushed it: one order unknown to the provider, one amount off.
    const pool = createSharedPool({ url: server.url });
    try {
      await pool.query(`UPDATE shop_sales SET order_id = 'ghost-order-1' WHERE till_id = $1 AND id = $2`, [bTill.id, b1.id]);
      await pool.query(`UPDATE shop_sales SET fulfilled_amount_c = fulfilled_amount_c + 100 WHERE till_id <> $1`, [bTill.id]);
    } finally {
      await pool.end();
    }
    const shop = await a.h['reconcile:day']({ day: today(), scope: 'shop' });
    expect(shop.missingAtProvider).toEqual([{ saleId: b1.id, orderId: 'ghost-order-1', state: 'FULFILLED', till: { id: bTill.id, name: bTill.name } }]);
    expect(shop.amountDifferences).toHaveLength(2);
    for (const d of shop.amountDifferences) {
      expect(d.till?.id).not.toBe(bTill.id);
      expect(d.ledgerC - d.providerC).toBe(100);
    }
    // B's order, now unnamed by any sale of the copy, is still B's: its claim in order_owners says so.
    expect(shop.missingInLedger).toHaveLength(1);
    // The printed page says the same, each sale with its till.
    const page = (await a.h['reports:html']({ kind: 'reconcile', day: today(), scope: 'shop' })).html;
    expect(page).toContain('Toute la boutique');
    expect(page).toContain('Commandes chez le fournisseur qu’aucune caisse ne possède (1)');
    expect(page).toContain('ghost-order-1');
    expect(page).toContain(`#${b1.id} · <bdi>${bTill.name}</bdi>`);
  });

  it('refused: adopting in shop scope, a till id without it, a cashier, training; the server away is said', async () => {
    const { server, a, bTill } = await shopOfTwo();
    const adopt = await dispatchCommand('reconcile:day', a.h, { day: today(), scope: 'shop', adopt: true });
    expect(adopt.ok ? 'ok' : adopt.error.code).toBe('INVALID_INPUT');
    const noScope = await dispatchCommand('reconcile:day', a.h, { day: today(), tillId: bTill.id });
    expect(noScope.ok ? 'ok' : noScope.error.code).toBe('INVALID_INPUT');
    const badTill = await dispatchCommand('reconcile:day', a.h, { day: today(), scope: 'shop', tillId: "x' OR 1=1 --" });
    expect(badTill.ok ? 'ok' : badTill.error.code).toBe('INVALID_INPUT');

    const training = { keySession: () => ({ effectiveMode: 'training' }) as KeySession, lines: { all: () => [] }, isKnownHere: () => false };
    const reader = { select: async () => expect.fail('training reads nothing') };
    await expect(reconcileShopDay({ reader, ownTillId: bTill.id }, training as never, today())).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
      details: { reason: 'SHOP_RECONCILE_TRAINING' },
    });

    await server.stop();
    await expect(a.h['reconcile:day']({ day: today(), scope: 'shop' })).rejects.toMatchObject({ code: 'SHOP_UNREACHABLE' });
    // This till's own comparison does not need the server to read (it adopts nothing while it cannot ask).
    expect((await a.h['reconcile:day']({ day: today() })).ledgerSales).toBe(2);

    const cashier = await a.h['staff:add']({ name: 'Samir', role: 'cashier', pin: '5678' });
    await a.h['session:logout']({});
    await a.h['session:login']({ cashierId: cashier.id, pin: '5678' });
    await expect(a.h['reconcile:day']({ day: today(), scope: 'shop' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});
