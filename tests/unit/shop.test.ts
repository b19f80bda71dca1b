import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../electron/core/reports/csv';
import { hashPin, verifyPin } from '../../electron/core/staff/pin-hash';
import { confirmWhileOffline, startHarness, until, waitForSale, type Harness } from './helpers/core-harness';

let hx: Harness;
afterEach(async () => hx?.close());

const final = (s: { state: string }) => ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED'].includes(s.state);

async function sell(typeName: string | null, quantity: number, productTitle = 'PlayStation Network') {
  const catalog = await hx.h['catalog:list']({});
  const product = catalog.products.find((p) => p.title === productTitle)!;
  const detail = await hx.h['catalog:product']({ productId: product.id });
  const d = typeName ? detail.denominations.find((x) => x.name === typeName || x.typeId === typeName)! : detail.denominations[0]!;
  const sale = await hx.h['sales:confirm']({ productId: product.id, typeId: d.typeId, quantity, expectedUnitRetailC: d.retailC });
  return waitForSale(hx.h, sale.id, final);
}

describe('PINs', () => {
  it('are stored as salted slow hashes that verify only the right PIN', async () => {
    const a = await hashPin('4821');
    const b = await hashPin('4821');
    expect(a).not.toBe(b);
    expect(a).not.toContain('4821');
    expect(await verifyPin('4821', a)).toBe(true);
    expect(await verifyPin('4822', a)).toBe(false);
  });

  it('lock a cashier after five wrong tries, and sales need a signed-in cashier', async () => {
    hx = await startHarness();
    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    await hx.h['session:logout']({});
    await expect(hx.h['catalog:list']({})).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    for (let i = 0; i < 4; i++)
      await expect(hx.h['session:login']({ cashierId: amina.id, pin: '0000' })).rejects.toMatchObject({ details: { reason: 'WRONG_PIN' } });
    await expect(hx.h['session:login']({ cashierId: amina.id, pin: '0000' })).rejects.toMatchObject({ details: { reason: 'LOCKED' } });
    await expect(hx.h['session:login']({ cashierId: amina.id, pin: '2468' })).rejects.toMatchObject({ details: { reason: 'LOCKED' } });
  });

  it('keep owner-only commands from cashiers', async () => {
    hx = await startHarness();
    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    await hx.h['session:login']({ cashierId: amina.id, pin: '2468' });
    await expect(hx.h['settings:update']({ markupBp: 0 })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(hx.h['staff:add']({ name: 'X', role: 'owner', pin: '1111' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(hx.h['exports:csv']({ kind: 'day', day: '2026-11-27' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    expect((await hx.h['catalog:list']({})).products.length).toBeGreaterThan(40);
  });
});

describe('shifts and reports', () => {
  it('adds up a shift exactly, partial and refunded sales included, and balances the drawer', async () => {
    hx = await startHarness({ shift: false });
    await hx.h['shift:open']({ openingCashC: 1_000_000 });
    const full = await sell('PSN 10 USD', 2);
    const partial = await sell('TEST_PARTIAL', 4, 'Cartes de test');
    const refunded = await sell('TEST_REFUND', 1, 'Cartes de test');
    expect([full.state, partial.state, refunded.state]).toEqual(['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED']);
    const collected = full.totalRetailC + partial.totalRetailC + refunded.totalRetailC;
    const givenBack = partial.refundDueC + refunded.refundDueC;
    // Refunds leave the drawer only once the cashier says so: until then the drawer holds them.
    expect(await hx.h['shift:count']({ countedCashC: 0 })).toMatchObject({ expectedCashC: 1_000_000 + collected });
    await hx.h['sales:confirmRefund']({ saleId: partial.id, amountC: partial.refundDueC });
    await hx.h['sales:confirmRefund']({ saleId: refunded.id, amountC: refunded.refundDueC });
    await hx.h['shift:count']({ countedCashC: 1_000_000 + collected - givenBack - 100 });
    const report = await hx.h['shift:close']({ countedCashC: 1_000_000 + collected - givenBack - 100 });
    expect(report.totals.salesCount).toBe(2);
    expect(report.totals.cardsSold).toBe(4);
    expect(report.totals.retailTotalC).toBe(collected - givenBack);
    expect(report.totals.partial).toMatchObject({ count: 1, refundDueC: partial.refundDueC });
    expect(report.totals.refunded).toMatchObject({ count: 1, refundDueC: refunded.refundDueC });
    expect(report.totals.costTotalC).toBe(full.unitCostC! * 2 + partial.unitCostC! * 2);
    expect(report.totals.marginC).toBe(report.totals.retailTotalC - report.totals.costTotalC);
    expect(report.expectedCashC).toBe(1_000_000 + collected - givenBack);
    expect(report.differenceC).toBe(-100);
    const day = await hx.h['reports:day']({ day: localDay() });
    expect(day.totals.retailTotalC).toBe(report.totals.retailTotalC);
    expect(day.shifts).toHaveLength(1);
    const html = await hx.h['reports:html']({ kind: 'day', day: localDay() });
    expect(html.html).toContain('PlayStation Network');
  });

  it('refuses to close a shift while a sale is pending, and says which', async () => {
    hx = await startHarness();
    const { sale } = await confirmWhileOffline(hx);
    await expect(hx.h['shift:count']({ countedCashC: 0 })).rejects.toMatchObject({ code: 'INVALID_STATE', details: { saleIds: [sale.id] } });
    await hx.sim.control.setOffline(false);
  });
});

describe('history, reveal and reprint', () => {
  it('finds a sale by the last four characters of its code; a reprint says DUPLICATA with its count', async () => {
    hx = await startHarness();
    const sale = await sell('PSN 10 USD', 1);
    const code = hx.sim.control.orders()[0]!.cards[0]!.value;
    const found = await hx.h['history:search']({ codeSuffix: code.slice(-4) });
    expect(found.map((s) => s.id)).toContain(sale.id);
    const serial = hx.sim.control.orders()[0]!.cards[0]!.serial;
    expect((await hx.h['history:search']({ codeSuffix: serial.slice(-4) })).map((s) => s.id)).toContain(sale.id);
    const first = await hx.h['sales:reprint']({ saleId: sale.id });
    const second = await hx.h['sales:reprint']({ saleId: sale.id });
    expect(first.html).toContain('DUPLICATA n° 1');
    expect(second.html).toContain('DUPLICATA n° 2');
    expect(second.html).toContain(code);
    const timeline = await hx.h['sales:timeline']({ saleId: sale.id });
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['confirmed', 'sending', 'placed', 'fulfilled', 'reprinted']));
    expect(timeline.filter((e) => e.kind === 'reprinted')).toHaveLength(2);
  });

  it("lets a cashier reveal their own recent sale but not another's", async () => {
    hx = await startHarness();
    const ownerSale = await sell('PSN 10 USD', 1);
    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    await hx.h['session:login']({ cashierId: amina.id, pin: '2468' });
    const mine = await sell('PSN 10 USD', 1);
    expect(await hx.h['sales:reveal']({ saleId: mine.id })).toHaveLength(1);
    // Another's sale does not exist for a cashier (the own-sales rule, like history search).
    await expect(hx.h['sales:reveal']({ saleId: ownerSale.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(hx.h['sales:receipt']({ saleId: ownerSale.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await hx.h['sales:receipt']({ saleId: mine.id })).html).toContain('Amina');
    expect((await hx.h['history:search']({})).every((s) => s.cashier === 'Amina')).toBe(true);
  });
});

describe('provider reconciliation', () => {
  it('finds an order placed behind the till and adopts it with its cards', async () => {
    hx = await startHarness();
    const mine = await sell('PSN 10 USD', 1);
    const catalog = await hx.h['catalog:list']({});
    const product = catalog.products.find((p) => p.title === 'PlayStation Network')!;
    const detail = await hx.h['catalog:product']({ productId: product.id });
    const other = hx.sim.control.placeOrderDirect({ key: 'test-key-0123456789', productId: product.id, typeId: detail.denominations[1]!.typeId, quantity: 1 });
    // Reconcile once the provider has settled it (the till adopts a finished order with its cards).
    await until(() => hx.sim.control.orders().find((o) => o.id === other.id)?.status === 'FULFILLED', 'the order behind the till settled');
    const report = await hx.h['reconcile:day']({ day: localDay() });
    expect(report.missingInLedger.map((o) => o.orderId)).toEqual([other.id]);
    expect(report.missingAtProvider).toEqual([]);
    const adopted = await hx.h['reconcile:day']({ day: localDay(), adopt: true });
    const saleId = adopted.missingInLedger[0]!.adoptedSaleId!;
    const sale = await waitForSale(hx.h, saleId, (s) => s.state === 'FULFILLED');
    expect(sale.cashier).toBe('OneClickDZ');
    expect(sale.cards).toHaveLength(1);
    const again = await hx.h['reconcile:day']({ day: localDay() });
    expect(again.missingInLedger).toEqual([]);
    expect(again.providerChargedC).toBe(again.ledgerCostC);
    // The account's own movements tell the same story as the order list.
    expect(again.accountNetDebitC).toBe(again.providerChargedC);
    expect(mine.state).toBe('FULFILLED');
  });
});

describe('backup and restore', () => {
  it('backs up the ledger and settings, and restores them at the next start', async () => {
    hx = await startHarness();
    await hx.h['settings:update']({ shop: { name: 'Cyber Nour' } });
    const sale = await sell('PSN 10 USD', 1);
    const backup = (await hx.h['backup:create']({}))!;
    expect(fs.existsSync(backup.path)).toBe(true);
    expect(path.dirname(backup.path)).toBe(fs.realpathSync(path.join(hx.dataDir, 'backups')));
    await hx.h['settings:update']({ shop: { name: 'Changed' } });
    await sell('PSN 10 USD', 1);
    await expect(hx.h['backup:restore']({ name: 'nope.sqlite' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    fs.writeFileSync(path.join(hx.dataDir, 'backups', 'junk.sqlite'), 'not a database');
    await expect(hx.h['backup:restore']({ name: 'junk.sqlite' })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { reason: 'BACKUP_NOT_A_BACKUP' } });
    expect(await hx.h['backup:restore']({ name: path.basename(backup.path) })).toEqual({ restartRequired: true, sales: 1 });
    await hx.restart();
    const all = await hx.h['sales:list']({});
    expect(all.map((s) => s.id)).toEqual([sale.id]);
    expect((await hx.h['settings:get']({})).shop.name).toBe('Cyber Nour');
    expect((await hx.h['sales:reveal']({ saleId: sale.id }))[0]!.code).toBe(hx.sim.control.orders()[0]!.cards[0]!.value);
  });
});

describe('CSV', () => {
  it('escapes commas, quotes, newlines and formulas, and starts with a BOM for Arabic in Excel', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line1\nline2')).toBe('"line1\nline2"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
    const csv = toCsv(['produit', 'montant'], [['بطاقة جوجل بلاي', '1500.00']]);
    expect(csv.startsWith('\uFEFFproduit,montant\r\n')).toBe(true);
    expect(csv).toContain('بطاقة جوجل بلاي,1500.00');
  });
});

function localDay(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
