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

  for (const [typeId, state, delivered] of [
    ['TEST_PARTIAL', 'PARTIALLY_FILLED', 2],
    ['TEST_REFUND', 'REFUNDED', 0],
  ] as const) {
    it(`ends a ${typeId} order ${state} with the money to give back`, async () => {
      hx = await startHarness();
      const catalog = await hx.h['catalog:list']({});
      const test = catalog.products.find((p) => p.title === 'Cartes de test')!;
      const detail = await hx.h['catalog:product']({ productId: test.id });
      const d = detail.denominations.find((x) => x.typeId === typeId)!;
      const before = hx.sim.control.getBalance();
      const sale = await hx.h['sales:confirm']({ productId: test.id, typeId, quantity: 4, expectedUnitRetailC: d.retailC });
      const done = await waitForSale(hx.h, sale.id, isFinal);
      expect(done.state).toBe(state);
      expect(done.deliveredQuantity).toBe(delivered);
      expect(done.cards).toHaveLength(delivered);
      expect(done.refundDueC).toBe((4 - delivered) * d.retailC);
      // The provider refunds what it did not deliver: only delivered cards cost the shop.
      expect(hx.sim.control.getBalance()).toBeCloseTo(before - (d.costC! / 100) * delivered, 2);
      const receipt = await hx.h['sales:receipt']({ saleId: sale.id });
      expect(receipt.html).toMatch(state === 'REFUNDED' ? /COMMANDE ÉCHOUÉE/ : /2 cartes non livrées/);
    });
  }

  it('refuses a sale above the per-sale maximum, an out-of-date price and an unaffordable one before sending', async () => {
    hx = await startHarness({ sim: { balanceDzd: 100 } });
    const offer = await psnOffer(hx.h);
    await expect(
      hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 11, expectedUnitRetailC: offer.unitRetailC }),
    ).rejects.toMatchObject({ code: 'QUANTITY_LIMIT' });
    await expect(
      hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC + 100 }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await expect(
      hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC }),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });
    expect(hx.sim.control.orders()).toHaveLength(0);
  });

  it('prints and saves PDFs through the native printer port, and says the browser host cannot', async () => {
    const printed: string[] = [];
    hx = await startHarness({
      printer: {
        print: async (html) => (printed.push(html), true),
        savePdf: async (_html, o) => `/tmp/${o.defaultName}`,
      },
    });
    const offer = await psnOffer(hx.h);
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    await waitForSale(hx.h, sale.id, isFinal);
    expect(await hx.h['sales:print']({ saleId: sale.id })).toEqual({ printed: true });
    expect(await hx.h['sales:savePdf']({ saleId: sale.id })).toEqual({ saved: true });
    expect(printed[0]).toContain(hx.sim.control.orders()[0]!.cards[0]!.value);
    expect((await hx.h['sales:timeline']({ saleId: sale.id })).map((e) => e.kind)).toEqual(expect.arrayContaining(['printed', 'saved-pdf']));
    expect((await hx.h['app:status']({})).printing).toBe('native');
  });

  it('prints a sale already printed as a numbered DUPLICATA, counted with the history reprints', async () => {
    const printed: string[] = [];
    hx = await startHarness({ printer: { print: async (html) => (printed.push(html), true), savePdf: async () => null } });
    const offer = await psnOffer(hx.h);
    const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    await waitForSale(hx.h, sale.id, isFinal);
    await hx.h['sales:print']({ saleId: sale.id }); // the original (auto-print after the sale)
    await hx.h['sales:print']({ saleId: sale.id }); // the tray's "Réimprimer"
    await hx.h['sales:reprint']({ saleId: sale.id }); // the history's duplicate
    await hx.h['sales:print']({ saleId: sale.id });
    expect(printed[0]).not.toContain('DUPLICATA');
    expect(printed[1]).toContain('DUPLICATA n° 1');
    expect(printed[2]).toContain('DUPLICATA n° 3');
    const timeline = await hx.h['sales:timeline']({ saleId: sale.id });
    expect(timeline.filter((e) => e.kind === 'printed')).toHaveLength(1);
    expect(timeline.filter((e) => e.kind === 'reprinted').map((e) => e.detail?.split(' ')[0])).toEqual(['1', '2', '3']);
  });

  it('has no native printing in the browser host', async () => {
    hx = await startHarness();
    expect((await hx.h['app:status']({})).printing).toBe('browser');
    await expect(hx.h['sales:savePdf']({ saleId: 1 })).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
  });
});
