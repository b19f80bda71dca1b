import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { moneyFigures } from '../../electron/core/sales/money-figures';
import { SALES_CSV_HEADER } from '../../electron/core/reports/csv';
import { renderReceiptHtml, type ReceiptData } from '../../electron/core/receipts/receipt-html';
import { giftCardLine } from '../../electron/core/product-lines/gift-cards/gift-card-line';
import { slipFormat } from '../../electron/core/receipts/slip-format';
import { DEFAULT_SETTINGS, type Language } from '../../shared/domain';
import { clampQuantity, maxQuantity } from '../../renderer/src/features/counter/quantity';
import { startHarness, waitForSale, type Harness } from './helpers/core-harness';

/** One sale's money, the way every surface must show it (issue 13, "money the customer can trust"). */
describe('moneyFigures', () => {
  const base = { quantity: 3, unitRetailC: 525_00, refundHandedC: 0 };

  it('a fulfilled sale: paid = net, nothing due, three of three delivered', () => {
    expect(moneyFigures({ ...base, state: 'FULFILLED', deliveredQuantity: 3 })).toEqual({
      paidC: 1_575_00,
      refundDueC: 0,
      handedBackC: 0,
      owedC: 0,
      netC: 1_575_00,
      delivered: 3,
      ordered: 3,
      differs: false,
    });
  });

  it('a partly delivered sale owes its undelivered cards until the refund is confirmed', () => {
    expect(moneyFigures({ ...base, state: 'PARTIALLY_FILLED', deliveredQuantity: 1 })).toEqual({
      paidC: 1_575_00,
      refundDueC: 1_050_00,
      handedBackC: 0,
      owedC: 1_050_00,
      netC: 525_00,
      delivered: 1,
      ordered: 3,
      differs: true,
    });
    expect(moneyFigures({ ...base, state: 'PARTIALLY_FILLED', deliveredQuantity: 1, refundHandedC: 1_050_00 })).toMatchObject({
      handedBackC: 1_050_00,
      owedC: 0,
      netC: 525_00,
    });
  });

  it('refunded, rejected and cancelled sales owe everything undelivered; net is zero', () => {
    for (const state of ['REFUNDED', 'REJECTED', 'CANCELLED'] as const) {
      expect(moneyFigures({ ...base, quantity: 1, state, deliveredQuantity: 0 })).toEqual({
        paidC: 525_00,
        refundDueC: 525_00,
        handedBackC: 0,
        owedC: 525_00,
        netC: 0,
        delivered: 0,
        ordered: 1,
        differs: true,
      });
    }
  });

  it('keeps exact centimes and never counts more handed back than due', () => {
    const m = moneyFigures({ state: 'PARTIALLY_FILLED', quantity: 7, deliveredQuantity: 4, unitRetailC: 2_986_33, refundHandedC: 99_999_99 });
    expect(m).toMatchObject({ paidC: 20_904_31, refundDueC: 8_958_99, handedBackC: 8_958_99, owedC: 0, netC: 11_945_32 });
  });

  it('a pending sale owes nothing yet (its money is held), and bad input is refused', () => {
    expect(moneyFigures({ ...base, state: 'PLACED', deliveredQuantity: 0 })).toMatchObject({ refundDueC: 0, owedC: 0, netC: 1_575_00, differs: false });
    expect(() => moneyFigures({ ...base, state: 'FULFILLED', deliveredQuantity: 4 })).toThrow(RangeError);
    expect(() => moneyFigures({ ...base, state: 'FULFILLED', deliveredQuantity: 1, unitRetailC: 1.5 })).toThrow(RangeError);
  });
});

describe('the slip', () => {
  const data = (over: Partial<ReceiptData>): ReceiptData => ({
    saleId: 7,
    state: 'PARTIALLY_FILLED',
    mode: 'production',
    createdAt: Date.UTC(2026, 10, 27, 9),
    cashier: 'Amina',
    productId: 'p',
    productTitle: 'Cartes',
    typeName: 'T',
    quantity: 3,
    unitRetailC: 525_00,
    deliveredQuantity: 1,
    refundDueC: 1_050_00,
    reason: null,
    cards: [{ value: 'CODE-1', serial: 'S1' }],
    line: giftCardLine,
    ...over,
  });
  const text = async (d: ReceiptData, language: Language) =>
    (await renderReceiptHtml(d, { ...DEFAULT_SETTINGS, language }))
      .replace(/<head>[\s\S]*?<\/head>/, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/[ \t\n]+/g, ' ');

  it('a partly delivered sale prints paid, to hand back and net, and "1 carte livrée sur 3"', async () => {
    const fr = slipFormat({ language: 'fr', arabicDigits: false });
    const t = await text(data({}), 'fr');
    expect(t).toContain('1 carte livrée sur 3');
    expect(t).toContain(`Total payé ${fr.money(1_575_00)}`);
    expect(t).toContain(`À rendre au client ${fr.money(1_050_00)}`);
    expect(t).toContain(`Net payé ${fr.money(525_00)}`);
    expect(t).toContain('Carte 1/1');
    // Once confirmed, a reprint says it was handed back and owes nothing more.
    const after = await text(data({ refundHandedC: 1_050_00 }), 'fr');
    expect(after).toContain(`Rendu au client ${fr.money(1_050_00)}`);
    expect(after).not.toContain('À rendre au client ');
  });

  it('a failed sale in Arabic prints the net 0 beside the amount paid; a fulfilled one prints no extra figure', async () => {
    const ar = slipFormat({ language: 'ar', arabicDigits: false });
    const t = await text(data({ state: 'REFUNDED', deliveredQuantity: 0, quantity: 1, refundDueC: 525_00, cards: [] }), 'ar');
    expect(t).toContain(`الصافي المدفوع ${ar.money(0)}`);
    expect(t).toContain(`الواجب رده للزبون ${ar.money(525_00)}`);
    const full = await text(
      data({ state: 'FULFILLED', deliveredQuantity: 3, refundDueC: 0, cards: [1, 2, 3].map((i) => ({ value: `C-${i}`, serial: `S${i}` })) }),
      'fr',
    );
    expect(full).not.toContain('Net payé');
    expect(full).toContain('Carte 3/3');
  });
});

let hx: Harness;
afterEach(async () => hx?.close());

const final = (s: Sale) => ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'CANCELLED'].includes(s.state);

async function sellTest(typeId: string, quantity: number): Promise<Sale> {
  const catalog = await hx.h['catalog:list']({});
  const product = catalog.products.find((p) => p.title === 'Cartes de test')!;
  const detail = await hx.h['catalog:product']({ productId: product.id });
  const d = detail.denominations.find((x) => x.typeId === typeId)!;
  const sale = await hx.h['sales:confirm']({ productId: product.id, typeId: d.typeId, quantity, expectedUnitRetailC: d.retailC });
  return waitForSale(hx.h, sale.id, final);
}

function localDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('sales:confirmRefund', () => {
  it('records "handed back" once, with time and who, in the timeline; the sale then owes nothing', async () => {
    hx = await startHarness();
    const sale = await sellTest('TEST_PARTIAL', 3);
    expect(sale.state).toBe('PARTIALLY_FILLED');
    const r = sale.unitRetailC;
    expect(sale.money).toMatchObject({ paidC: 3 * r, refundDueC: 2 * r, handedBackC: 0, owedC: 2 * r, netC: r, delivered: 1, ordered: 3, handedBackAt: null });

    // A stale screen's figure is refused; so is nothing at all.
    await expect(hx.h['sales:confirmRefund']({ saleId: sale.id, amountC: r })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const done = await hx.h['sales:confirmRefund']({ saleId: sale.id, amountC: 2 * r });
    expect(done.money).toMatchObject({ handedBackC: 2 * r, owedC: 0, netC: r, handedBackBy: 'Patron' });
    expect(Date.parse(done.money.handedBackAt!)).not.toBeNaN();
    await expect(hx.h['sales:confirmRefund']({ saleId: sale.id, amountC: 2 * r })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'ALREADY_HANDED_BACK' },
    });

    const timeline = await hx.h['sales:timeline']({ saleId: sale.id });
    const handed = timeline.filter((e) => e.kind === 'refund-handed-back');
    expect(handed).toHaveLength(1);
    expect(handed[0]!.detail).toBe(`${2 * r} Patron`);
    expect(
      hx.events.filter((e) => e.name === 'sales:changed' && (e.payload as Sale).id === sale.id && (e.payload as Sale).money.handedBackC === 2 * r),
    ).not.toHaveLength(0);
  });

  it('refuses a sale that owes nothing, and another cashier cannot even see the sale', async () => {
    hx = await startHarness();
    const refunded = await sellTest('TEST_REFUND', 1);
    expect(refunded.money).toMatchObject({ refundDueC: refunded.unitRetailC, netC: 0, delivered: 0 });
    const catalog = await hx.h['catalog:list']({});
    const psn = catalog.products.find((p) => p.title === 'PlayStation Network')!;
    const d = (await hx.h['catalog:product']({ productId: psn.id })).denominations[0]!;
    const full = await waitForSale(
      hx.h,
      (await hx.h['sales:confirm']({ productId: psn.id, typeId: d.typeId, quantity: 1, expectedUnitRetailC: d.retailC })).id,
      final,
    );
    await expect(hx.h['sales:confirmRefund']({ saleId: full.id, amountC: 0 })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'NOTHING_OWED' },
    });

    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    await hx.h['session:login']({ cashierId: amina.id, pin: '2468' });
    await expect(hx.h['sales:confirmRefund']({ saleId: refunded.id, amountC: refunded.unitRetailC })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Her own refused sale is hers to confirm.
    const own = await sellTest('TEST_REFUND', 2);
    const mine = await hx.h['sales:confirmRefund']({ saleId: own.id, amountC: own.money.refundDueC });
    expect(mine.money).toMatchObject({ handedBackC: 2 * own.unitRetailC, owedC: 0, handedBackBy: 'Amina' });
    // Signed out, nobody confirms anything.
    await hx.h['session:logout']({});
    await expect(hx.h['sales:confirmRefund']({ saleId: refunded.id, amountC: refunded.unitRetailC })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});

describe('reports and exports', () => {
  it('the day report and shift counts keep owed apart from handed back, and the CSV carries paid, handed back, net, delivered', async () => {
    hx = await startHarness();
    const partial = await sellTest('TEST_PARTIAL', 3);
    const refunded = await sellTest('TEST_REFUND', 1);
    const r = partial.unitRetailC;
    const before = await hx.h['reports:day']({ day: localDay() });
    expect(before.totals.refunds).toEqual({ dueC: 3 * r, handedBackC: 0, owedC: 3 * r, owedCount: 2 });
    expect(before.totals.retailTotalC).toBe(r);
    await hx.h['sales:confirmRefund']({ saleId: refunded.id, amountC: r });
    const after = await hx.h['reports:day']({ day: localDay() });
    expect(after.totals.refunds).toEqual({ dueC: 3 * r, handedBackC: r, owedC: 2 * r, owedCount: 1 });
    // The drawer still holds what was not handed back.
    expect(after.expectedCashC - before.expectedCashC).toBe(-r);
    // The printed report keeps what is still owed apart from what was handed back.
    const html = (await hx.h['reports:html']({ kind: 'day', day: localDay() })).html.replace(/<[^>]+>/g, ' ').replace(/[ \t\n]+/g, ' ');
    expect(html).toContain('Remboursements rendus (confirmés)');
    expect(html).toContain('À rendre, pas encore rendu (1)');

    const csv = (await hx.h['exports:csv']({ kind: 'history', query: {} })).content;
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(lines[0]).toEqual(SALES_CSV_HEADER);
    const col = (name: string) => SALES_CSV_HEADER.indexOf(name);
    const line = lines.find((l) => l[0] === String(partial.id))!;
    const dzd = (c: number) => (c / 100).toFixed(2);
    expect([
      line[col('quantite')],
      line[col('livrees')],
      line[col('paye_dzd')],
      line[col('du_dzd')],
      line[col('rendu_dzd')],
      line[col('a_rendre_dzd')],
      line[col('net_dzd')],
    ]).toEqual(['3', '1', dzd(3 * r), dzd(2 * r), dzd(0), dzd(2 * r), dzd(r)]);
    const refLine = lines.find((l) => l[0] === String(refunded.id))!;
    expect([refLine[col('rendu_dzd')], refLine[col('a_rendre_dzd')], refLine[col('net_dzd')]]).toEqual([dzd(r), dzd(0), dzd(0)]);
    expect(refLine[col('rendu_le')]).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    const day = (await hx.h['exports:csv']({ kind: 'day', day: localDay() })).content;
    expect(day).toContain(`REMBOURSEMENTS_A_RENDRE,,1,,${dzd(2 * r)},,`);
    expect(day).toContain(`REMBOURSEMENTS_RENDUS,,,,${dzd(r)},,`);
  });
});

describe('what the balance can pay', () => {
  it('caps the quantity by the balance as well as by stock and the per-sale maximum, and names the limit', () => {
    expect(maxQuantity({ stock: 5, maxPerSale: 10, balance: 2 })).toEqual({ max: 2, bound: 'balance' });
    expect(maxQuantity({ stock: 2, maxPerSale: 10, balance: 2 })).toEqual({ max: 2, bound: 'stock' });
    expect(maxQuantity({ stock: 50, maxPerSale: 3, balance: 7 })).toEqual({ max: 3, bound: 'maxPerSale' });
    expect(maxQuantity({ stock: 50, maxPerSale: 3, balance: null })).toEqual({ max: 3, bound: 'maxPerSale' });
    expect(clampQuantity(5, { stock: 5, maxPerSale: 10, balance: 2 })).toEqual({ quantity: 2, bound: 'balance' });
    expect(clampQuantity(1, { stock: 5, maxPerSale: 10, balance: 0 })).toEqual({ quantity: 0, bound: 'balance' });
  });

  it('catalog:product tells how many cards the balance pays, and a cashier the same count', async () => {
    hx = await startHarness();
    const catalog = await hx.h['catalog:list']({});
    const psn = catalog.products.find((p) => p.title === 'PlayStation Network')!;
    // A balance of 2.5 cards of the first denomination (cost known to the owner only).
    const owner = await hx.h['catalog:product']({ productId: psn.id });
    const d = owner.denominations[0]!;
    hx.sim.control.setBalance((d.costC! * 2.5) / 100);
    await hx.h['account:balance']({ refresh: true });
    const seen = (await hx.h['catalog:product']({ productId: psn.id })).denominations.find((x) => x.typeId === d.typeId)!;
    expect(seen.balanceCap).toBe(2);
    // A cashier gets the same count (the cost itself is the owner's: sales/cost-visibility.ts).
    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    await hx.h['session:login']({ cashierId: amina.id, pin: '2468' });
    const cashierView = (await hx.h['catalog:product']({ productId: psn.id })).denominations.find((x) => x.typeId === d.typeId)!;
    expect(cashierView.balanceCap).toBe(2);
    // Nothing payable: zero, which the screen greys out as "Solde insuffisant".
    hx.sim.control.setBalance(0);
    await hx.h['account:balance']({ refresh: true });
    expect((await hx.h['catalog:product']({ productId: psn.id })).denominations.every((x) => x.balanceCap === 0)).toBe(true);
  });
});
