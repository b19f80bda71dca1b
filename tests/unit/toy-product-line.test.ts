import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { confirmWhileOffline, psnOffer, startHarness, until, waitForSale, type Harness } from './helpers/core-harness';
import { TOY_LINE, TOY_PRODUCT, TOY_TYPE, toyLine, toyRef, toySimLine } from './fixtures/toy-product-line';

/**
 * Issue 10, "done when": a second product line is added by a test alone, a module in the simulator
 * and a module in the core, and sold end to end through the core (confirm → engine → provider →
 * ledger → receipt → day report) without a line of the sale engine, ledger or reports knowing it.
 * Were the engine to call the gift-card endpoints itself, the toy order would never reach the toy
 * provider (and the gift-card one would refuse a product it does not have).
 */
let hx: Harness;
afterEach(async () => hx?.close());

const isFinal = (s: Sale) => ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED'].includes(s.state);
const PHONE = '0778037340';

/** The harness's options: it reads `productLines` again each time it opens the core. */
let options: Parameters<typeof startHarness>[0];

async function start() {
  const sim = toySimLine();
  options = { sim: { productLines: [sim] }, productLines: [toyLine] };
  hx = await startHarness(options);
  return sim;
}

/** The toy's price as the cashier sees it: the toy line's cost (from its own endpoint) plus the shop's markup. */
async function toyPrice(): Promise<number> {
  const detail = await hx.h['catalog:product']({ line: TOY_LINE, productId: TOY_PRODUCT.id });
  expect(detail).toMatchObject({ title: TOY_PRODUCT.title, live: true });
  const d = detail.denominations.find((x) => x.typeId === TOY_TYPE.id)!;
  expect(d.costC).toBe(48_050);
  return d.retailC;
}

/** Confirms a toy sale of `quantity` at `expectedUnitRetailC` for the number `phone`. */
const confirmToy = (quantity: number, expectedUnitRetailC: number, phone = PHONE) =>
  hx.h['sales:confirm']({ line: TOY_LINE, productId: TOY_PRODUCT.id, typeId: TOY_TYPE.id, quantity, expectedUnitRetailC, entry: { phone } });

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('a toy product line registered by a test', () => {
  it('sells end to end through the core: the toy provider, the ledger, the receipt and the day report', async () => {
    const sim = await start();
    const unitRetailC = await toyPrice();
    // The price rules hold for every line: a price the cashier was not shown is refused.
    await expect(confirmToy(2, unitRetailC + 1)).rejects.toMatchObject({ code: 'INVALID_STATE' });
    // The line's entry schema is the judge of what the cashier typed: no phone number, no sale.
    await expect(confirmToy(2, unitRetailC, '12')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(sim.orders).toHaveLength(0);

    const sale = await confirmToy(2, unitRetailC);
    expect(sale.state).toBe('QUEUED');
    const done = await waitForSale(hx.h, sale.id, isFinal);
    expect(done).toMatchObject({
      state: 'FULFILLED',
      deliveredQuantity: 2,
      productTitle: TOY_PRODUCT.title,
      typeName: TOY_TYPE.name,
      totalRetailC: unitRetailC * 2,
    });
    expect(done.cards).toHaveLength(2);

    // One order at the toy provider, with the ref the till made and the number typed; none at the gift-card one.
    expect(sim.orders).toMatchObject([{ ref: toyRef(sale.id), phone: PHONE, quantity: 2 }]);
    expect(hx.sim.control.orders()).toHaveLength(0);
    const orderPaths = hx.sim.control
      .requestLog()
      .filter((r) => r.method === 'POST')
      .map((r) => r.path);
    expect(orderPaths).toEqual(['/v3/toy/send']);

    // The receipt prints the toy line's section: the number and both vouchers.
    const receipt = await hx.h['sales:receipt']({ saleId: sale.id });
    expect(receipt.html).toContain(PHONE);
    for (const v of sim.orders[0]!.vouchers) expect(receipt.html).toContain(v);

    // The day report counts it like any sale; reconciliation reads the toy provider's list too.
    const report = await hx.h['reports:day']({ day: today() });
    expect(report.totals).toMatchObject({ salesCount: 1, cardsSold: 2, retailTotalC: unitRetailC * 2 });
    expect(report.totals.byProduct).toEqual([expect.objectContaining({ productId: TOY_PRODUCT.id, typeId: TOY_TYPE.id })]);
    const reconcile = await hx.h['reconcile:day']({ day: today() });
    expect(reconcile).toMatchObject({ providerOrders: 1, ledgerSales: 1, missingInLedger: [], missingAtProvider: [], amountDifferences: [] });
  });

  it("recovers a lost answer the line's way (by its ref), without sending the order twice, beside a gift-card sale", async () => {
    const sim = await start();
    const offer = await psnOffer(hx.h);
    const unitRetailC = await toyPrice();
    // The toy provider creates the order, then the connection drops before the answer.
    hx.sim.control.addFault({ endpoint: 'placeOrder', kind: 'drop-after' });
    const toy = await confirmToy(1, unitRetailC);
    await until(
      async () => (await hx.h['sales:get']({ saleId: toy.id })).state !== 'QUEUED' && (await hx.h['sales:get']({ saleId: toy.id })).state !== 'SENDING',
      'the toy order left',
    );
    const card = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    const [toyDone, cardDone] = [await waitForSale(hx.h, toy.id, isFinal), await waitForSale(hx.h, card.id, isFinal)];
    expect(toyDone.state).toBe('FULFILLED');
    expect(cardDone.state).toBe('FULFILLED');
    expect(sim.orders).toHaveLength(1);
    expect(hx.sim.control.orders()).toHaveLength(1);
    const timeline = (await hx.h['sales:timeline']({ saleId: toy.id })).map((e) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['outcome-unknown', 'reconciled-found']));
    // Found by ref: the toy's lookup was asked, the gift cards' order list was not needed for it.
    expect(hx.sim.control.requestLog().some((r) => r.path === `/v3/toy/by-ref/${toyRef(toy.id)}`)).toBe(true);
  });

  it('a queued sale of a line the till no longer has ends refused with its refund, and the queue behind it still goes', async () => {
    const sim = await start();
    const unitRetailC = await toyPrice();
    const { sale: card } = await confirmWhileOffline(hx);
    await until(async () => (await hx.h['app:status']({})).connection === 'offline', 'the till offline');
    const toy = await confirmToy(1, unitRetailC);
    expect(toy.state).toBe('QUEUED');
    // The same ledger opened by a till without the toy line (restored from another till).
    options!.productLines = [];
    await hx.restart();
    await hx.sim.control.setOffline(false);
    const toyDone = await waitForSale(hx.h, toy.id, isFinal);
    expect(toyDone).toMatchObject({ state: 'REJECTED', reason: { code: 'PRODUCT_NOT_FOUND' } });
    // Its refund slip still prints.
    expect((await hx.h['sales:receipt']({ saleId: toy.id })).html).toContain(TOY_PRODUCT.title);
    expect((await waitForSale(hx.h, card.id, isFinal)).state).toBe('FULFILLED');
    expect(sim.orders).toHaveLength(0);
    expect(hx.sim.control.orders()).toHaveLength(1);
  });
});
