import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { TOPUP_NUMBERS } from '../../simulator';
import { startHarness, TEST_KEY, until, waitForSale, type Harness } from './helpers/core-harness';

/**
 * Issue 11: mobile top-ups and internet recharges sold through the core against the simulator,
 * as a counter would: priced at face value, checked before anything is written, sent with the ref
 * the till made, followed to the end, printed, reported and found again.
 */
let hx: Harness;
afterEach(async () => hx?.close());

const settled = (s: Sale) => ['FULFILLED', 'REFUNDED', 'REJECTED', 'TO_VERIFY'].includes(s.state);
const M = TOPUP_NUMBERS.mobile;
const I = TOPUP_NUMBERS.internet;

const flexy = (recipient: string, amountDzd: number, planCode = 'PREPAID_DJEZZY', operator = 'Djezzy') =>
  hx.h['sales:confirm']({
    line: 'mobile-topups',
    productId: operator,
    typeId: planCode,
    quantity: 1,
    expectedUnitRetailC: amountDzd * 100,
    entry: { recipient, amountDzd },
  });

const recharge = (type: 'ADSL' | '4G', recipient: string, value: number) =>
  hx.h['sales:confirm']({ line: 'internet', productId: type, typeId: String(value), quantity: 1, expectedUnitRetailC: value * 100, entry: { recipient } });

const topUps = () => hx.sim.control.topups();

/** The till's day is the local calendar day (reports/day-report.ts). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('mobile top-ups (flexy)', () => {
  it('lists the operators and their plans, priced at face value, with the cost only for the owner', async () => {
    hx = await startHarness();
    const catalog = await hx.h['catalog:list']({ line: 'mobile-topups' });
    expect(catalog.products.map((p) => p.id)).toEqual(['Mobilis', 'Djezzy', 'Ooredoo', 'Pixx']);
    const djezzy = await hx.h['catalog:product']({ line: 'mobile-topups', productId: 'Djezzy' });
    const prepaid = djezzy.denominations.find((d) => d.typeId === 'PREPAID_DJEZZY')!;
    expect(prepaid).toMatchObject({
      amountRange: { minC: 10_000, maxC: 1_000_000 },
      feeC: 0,
      retailC: 10_000,
      costPpm: 992_500,
      enabled: true,
      kind: 'prepaid',
    });
    expect(djezzy.denominations.find((d) => d.typeId === 'FACTURE_DJEZZY')).toMatchObject({ kind: 'bill' });
    // Wholesale plans are not retail: never offered at the counter.
    const mobilis = await hx.h['catalog:product']({ line: 'mobile-topups', productId: 'Mobilis' });
    expect(mobilis.denominations.map((d) => d.typeId)).not.toContain('GROS_MOBILIS');
  });

  it('sells a top-up end to end: one top-up at the provider under the ref written before sending, the slip, the report, the history', async () => {
    hx = await startHarness();
    const sale = await flexy(' +213 778 03 73 40 ', 500);
    expect(sale).toMatchObject({ state: 'QUEUED', line: 'mobile-topups', recipient: '0778037340', totalRetailC: 50_000, unitCostC: 49_625 });
    const ref = sale.topUp!.clientRef!;
    expect(ref).toMatch(/^[a-z0-9-]{8,40}$/);
    const done = await waitForSale(hx.h, sale.id, settled);
    expect(done).toMatchObject({ state: 'FULFILLED', refundDueC: 0, topUp: { amountC: 50_000, clientRef: ref, providerStatus: 'FULFILLED' } });
    expect(topUps()).toMatchObject([{ line: 'mobile-topups', ref, number: '0778037340', planCode: 'PREPAID_DJEZZY', amount: 500 }]);

    const receipt = await hx.h['sales:receipt']({ saleId: sale.id });
    expect(receipt.html).toContain('0778 03 73 40');
    expect(receipt.html).toContain(ref);
    expect(receipt.html).toContain('Rechargé');

    const day = today();
    const report = await hx.h['reports:day']({ day });
    expect(report.totals.byLine).toContainEqual({ line: 'mobile-topups', sales: 1, retailC: 50_000, costC: 49_625 });
    const found = await hx.h['history:search']({ codeSuffix: '73 40' });
    expect(found.map((s) => s.id)).toEqual([sale.id]);
    const csv = await hx.h['exports:csv']({ kind: 'history', query: {} });
    expect(csv.content).toContain('0778037340');
  });

  it('pays a postpaid bill (a FACTURE plan) like a top-up', async () => {
    hx = await startHarness();
    const sale = await flexy('0778037340', 2350, 'FACTURE_DJEZZY');
    expect(await waitForSale(hx.h, sale.id, settled)).toMatchObject({ state: 'FULFILLED', typeId: 'FACTURE_DJEZZY', totalRetailC: 235_000 });
  });

  it('refuses a bad number, an amount out of range and a disabled plan with their own codes, and sends nothing', async () => {
    hx = await startHarness();
    await expect(flexy('0878037340', 500)).rejects.toMatchObject({ code: 'INVALID_NUMBER' });
    await expect(flexy('077803734', 500)).rejects.toMatchObject({ code: 'INVALID_NUMBER' });
    await expect(flexy('0778037340', 50)).rejects.toMatchObject({ code: 'AMOUNT_OUT_OF_RANGE', details: { minC: 10_000, maxC: 1_000_000 } });
    await expect(flexy('0778037340', 20_000)).rejects.toMatchObject({ code: 'AMOUNT_OUT_OF_RANGE' });
    await expect(
      hx.h['sales:confirm']({
        line: 'mobile-topups',
        productId: 'Ooredoo',
        typeId: 'MIX1000_OOREDOO',
        quantity: 1,
        expectedUnitRetailC: 100_000,
        entry: { recipient: '0556121212' },
      }),
    ).rejects.toMatchObject({ code: 'PLAN_DISABLED' });
    // One top-up per sale.
    await expect(
      hx.h['sales:confirm']({
        line: 'mobile-topups',
        productId: 'Djezzy',
        typeId: 'PREPAID_DJEZZY',
        quantity: 2,
        expectedUnitRetailC: 50_000,
        entry: { recipient: '0778037340', amountDzd: 500 },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(topUps()).toHaveLength(0);
    expect(await hx.h['sales:list']({})).toHaveLength(0);
  });

  it('a number of another operator, refused by the provider, ends REJECTED with its own reason and the money to give back; sent once', async () => {
    hx = await startHarness();
    const sale = await flexy('0661234567', 500);
    const done = await waitForSale(hx.h, sale.id, settled);
    expect(done).toMatchObject({ state: 'REJECTED', reason: { code: 'OPERATOR_MISMATCH' }, refundDueC: 50_000 });
    const sends = hx.sim.control.requestLog().filter((r) => r.method === 'POST' && r.path === '/v3/mobile/send');
    expect(sends).toHaveLength(1);
    expect(topUps()).toHaveLength(0);
  });

  it('a refunded top-up gives the money back on its slip, with the provider’s message and its suggested offers', async () => {
    hx = await startHarness();
    const refunded = await flexy(M.refunded, 500);
    const offered = await flexy(M.refundedWithOffers, 700);
    const a = await waitForSale(hx.h, refunded.id, settled);
    const b = await waitForSale(hx.h, offered.id, settled);
    expect(a).toMatchObject({ state: 'REFUNDED', refundDueC: 50_000 });
    expect(a.topUp!.refundMessage).toMatch(/[\u0600-\u06FF]/);
    expect(b.topUp!.suggestedOffers).toEqual([expect.objectContaining({ planCode: 'FACTURE_DJEZZY', amountC: 70_000 })]);
    const slip = await hx.h['sales:receipt']({ saleId: offered.id });
    expect(slip.html).toContain('RECHARGE ÉCHOUÉE');
    expect(slip.html).toContain('FACTURE');
    expect(slip.html).toContain('dir="rtl"');
  });

  it('UNKNOWN_ERROR stays TO_VERIFY (nothing to refund, never resent) until the provider settles it', async () => {
    hx = await startHarness();
    const sale = await flexy(M.unknownError, 500);
    const waiting = await waitForSale(hx.h, sale.id, settled);
    expect(waiting).toMatchObject({ state: 'TO_VERIFY', refundDueC: 0, topUp: { providerStatus: 'UNKNOWN_ERROR' } });
    expect(waiting.topUp!.refundMessage).toBeTruthy();
    expect((await hx.h['sales:list']({ states: ['TO_VERIFY'] })).map((s) => s.id)).toEqual([sale.id]);
    const slip = await hx.h['sales:receipt']({ saleId: sale.id });
    expect(slip.html).toContain('À VÉRIFIER');
    // Checked again slowly, never sent again.
    await until(() => hx.sim.control.requestLog().filter((r) => r.path.startsWith('/v3/mobile/check-id/')).length >= 3, 'slow re-checks');
    expect(topUps()).toHaveLength(1);
    hx.sim.control.resolveTopup(topUps()[0]!.id, 'FULFILLED');
    expect(await waitForSale(hx.h, sale.id, (s) => s.state === 'FULFILLED')).toMatchObject({ state: 'FULFILLED', refundDueC: 0 });
    expect(topUps()).toHaveLength(1);
  });
});

describe('a top-up whose answer was lost', () => {
  for (const kind of ['drop-after', 'error-500-after', 'hang-after'] as const) {
    it(`${kind}: found again by its ref, exactly one top-up and one sale`, async () => {
      hx = await startHarness({ orderTimeoutMs: 300, timing: { orderTimeoutMs: 300 } });
      hx.sim.control.addFault({ endpoint: 'placeOrder', line: 'mobile-topups', kind });
      const sale = await flexy('0778037340', 500);
      const done = await waitForSale(hx.h, sale.id, settled, 20_000);
      expect(done.state).toBe('FULFILLED');
      expect(topUps()).toHaveLength(1);
      expect(topUps()[0]!.ref).toBe(done.topUp!.clientRef);
      expect(done.orderId).toBe(topUps()[0]!.id);
    });
  }

  it('drop-before: the top-up was never created; it is sent again under the same ref, once', async () => {
    hx = await startHarness();
    hx.sim.control.addFault({ endpoint: 'placeOrder', line: 'mobile-topups', kind: 'drop-before' });
    const sale = await flexy('0778037340', 500);
    const done = await waitForSale(hx.h, sale.id, settled, 20_000);
    expect(done.state).toBe('FULFILLED');
    expect(topUps()).toHaveLength(1);
    expect(topUps()[0]!.ref).toBe(done.topUp!.clientRef);
  });

  it('the provider filed it under a ref of its own: found in the list by number, plan, amount and time', async () => {
    hx = await startHarness();
    hx.sim.control.addFault({ endpoint: 'placeOrder', line: 'mobile-topups', kind: 'drop-after' });
    const sale = await flexy(M.rewrittenRef, 500);
    const done = await waitForSale(hx.h, sale.id, settled, 20_000);
    expect(done.state).toBe('FULFILLED');
    expect(topUps()).toHaveLength(1);
    expect(done.orderId).toBe(topUps()[0]!.id);
    expect(done.topUp!.providerRef).toMatch(/^API-/);
  });

  it('a confirmed top-up waits offline in the queue and goes out once when the provider is back', async () => {
    hx = await startHarness();
    await hx.h['catalog:product']({ line: 'mobile-topups', productId: 'Djezzy' });
    await hx.sim.control.setOffline(true);
    const sale = await flexy('0778037340', 500);
    expect(sale.state).toBe('QUEUED');
    await hx.sim.control.setOffline(false);
    hx.core.handlers['sales:sendNow']({ saleId: sale.id }).catch(() => undefined);
    expect((await waitForSale(hx.h, sale.id, settled, 20_000)).state).toBe('FULFILLED');
    expect(topUps()).toHaveLength(1);
  });
});

describe('internet recharges (ADSL, 4G)', () => {
  it('checks the line, sells an ADSL and a 4G card, prints each card and keeps it encrypted and masked', async () => {
    hx = await startHarness();
    expect(await hx.h['internet:checkNumber']({ type: 'ADSL', number: '036 36 26 08' })).toMatchObject({ number: '036362608', offer: expect.any(String) });
    expect(await hx.h['internet:checkNumber']({ type: '4G', number: '+213472731602' })).toMatchObject({ number: '213472731602' });
    await expect(hx.h['internet:checkNumber']({ type: 'ADSL', number: I.adsl.notALine })).rejects.toMatchObject({ code: 'INVALID_NUMBER' });

    const adsl = await recharge('ADSL', '036362608', 1000);
    const lte = await recharge('4G', '213472731602', 2500);
    for (const sale of [adsl, lte]) {
      const done = await waitForSale(hx.h, sale.id, settled);
      expect(done).toMatchObject({ state: 'FULFILLED', deliveredQuantity: 1 });
      expect(done.cards).toHaveLength(1);
      expect(done.cards[0]!.codeMasked).toMatch(/^•••• /);
      const [card] = await hx.h['sales:reveal']({ saleId: sale.id });
      const receipt = await hx.h['sales:receipt']({ saleId: sale.id });
      expect(receipt.html).toContain(card!.code);
      expect(receipt.html).toContain(card!.serial);
    }
    expect(topUps().map((t) => t.line)).toEqual(['internet', 'internet']);
  });

  it('asks check-number once per sale: a line checked at the counter is not checked again at confirmation', async () => {
    hx = await startHarness();
    const checks = () => hx.sim.control.requestLog().filter((r) => r.path.startsWith('/v3/internet/check-number')).length;
    await hx.h['internet:checkNumber']({ type: 'ADSL', number: '036362608' });
    expect(checks()).toBe(1);
    const sale = await recharge('ADSL', '036362608', 1000);
    expect(checks()).toBe(1);
    await waitForSale(hx.h, sale.id, settled);
    // A line never checked is checked at confirmation.
    await recharge('ADSL', '036362609', 1000);
    expect(checks()).toBe(2);
  });

  it('refuses a line the provider does not know and an unavailable card before anything is written', async () => {
    hx = await startHarness();
    await expect(recharge('ADSL', I.adsl.notALine, 1000)).rejects.toMatchObject({ code: 'INVALID_NUMBER' });
    await expect(recharge('ADSL', '36362608', 1000)).rejects.toMatchObject({ code: 'INVALID_NUMBER' });
    await expect(recharge('ADSL', '036362608', 2000)).rejects.toMatchObject({ code: 'OUT_OF_STOCK' });
    expect(topUps()).toHaveLength(0);
  });

  it('a QUEUED card is not a failure: the sale stays open with its slip, and the card prints when it arrives', async () => {
    hx = await startHarness();
    const sale = await recharge('ADSL', I.adsl.queued, 500);
    await until(async () => (await hx.h['sales:get']({ saleId: sale.id })).topUp?.providerStatus === 'QUEUED', 'queued at the provider');
    const open = await hx.h['sales:get']({ saleId: sale.id });
    expect(open).toMatchObject({ state: 'PLACED', refundDueC: 0 });
    expect((await hx.h['sales:receipt']({ saleId: sale.id })).html).toContain('ALGÉRIE TÉLÉCOM');
    hx.sim.control.resolveTopup(topUps()[0]!.id, 'FULFILLED');
    const done = await waitForSale(hx.h, sale.id, (s) => s.state === 'FULFILLED');
    expect(done.cards).toHaveLength(1);
    const [card] = await hx.h['sales:reveal']({ saleId: sale.id });
    expect((await hx.h['sales:reprint']({ saleId: sale.id })).html).toContain(card!.code);
  });

  it('a refunded recharge owes the whole price back', async () => {
    hx = await startHarness();
    const sale = await recharge('4G', I.fourG.refunded, 1000);
    expect(await waitForSale(hx.h, sale.id, settled)).toMatchObject({ state: 'REFUNDED', refundDueC: 100_000 });
  });
});

describe('a cashier at the top-up counter', () => {
  it('sees prices but never the shop’s cost or its rate', async () => {
    hx = await startHarness();
    await hx.h['staff:add']({ name: 'Amel', role: 'cashier', pin: '2468' });
    const amel = (await hx.h['staff:list']({})).find((c) => c.name === 'Amel')!;
    await hx.h['session:logout']({});
    await hx.h['session:login']({ cashierId: amel.id, pin: '2468' });
    const djezzy = await hx.h['catalog:product']({ line: 'mobile-topups', productId: 'Djezzy' });
    for (const d of djezzy.denominations) {
      expect(d.costC).toBeNull();
      expect(d.costPpm ?? null).toBeNull();
    }
    const sale = await flexy('0778037340', 500);
    expect(sale.unitCostC).toBeNull();
  });
});

describe('the drawer and top-ups that wait for days', () => {
  it('a shift closes while a top-up is TO_VERIFY or a card is QUEUED: their money stays in the drawer as pending', async () => {
    hx = await startHarness();
    const unknown = await flexy(M.unknownError, 500);
    const queued = await recharge('ADSL', I.adsl.queued, 1000);
    await waitForSale(hx.h, unknown.id, (s) => s.state === 'TO_VERIFY');
    await until(async () => (await hx.h['sales:get']({ saleId: queued.id })).topUp?.providerStatus === 'QUEUED', 'queued card');
    const count = await hx.h['shift:count']({ countedCashC: 150_000 });
    expect(count).toMatchObject({ expectedCashC: 150_000, differenceC: 0 });
    const report = await hx.h['shift:close']({ countedCashC: 150_000 });
    expect(report.totals.pending).toEqual({ count: 2, retailC: 150_000 });
  });
});

describe('top-ups in the owner’s reconciliation and in every receipt language', () => {
  it('compares the day with the mobile and internet lists and the FLEXY/ADSL movements; a top-up made elsewhere is reported', async () => {
    hx = await startHarness();
    const mine = await flexy('0778037340', 500);
    const card = await recharge('ADSL', '036362608', 1000);
    await waitForSale(hx.h, mine.id, settled);
    await waitForSale(hx.h, card.id, settled);
    // A top-up sent with the same key by something else than this till.
    const res = await fetch(`${hx.sim.url}/v3/mobile/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Access-Token': TEST_KEY },
      body: JSON.stringify({ plan_code: 'PREPAID_DJEZZY', MSSIDN: '0770000001', amount: 300, ref: 'elsewhere-1' }),
    });
    expect(res.status).toBe(200);
    const day = today();
    const report = await hx.h['reconcile:day']({ day });
    expect(report.providerOrders).toBe(3);
    expect(report.missingInLedger.map((m) => m.orderId)).toEqual([topUps().find((t) => t.ref === 'elsewhere-1')!.id]);
    expect(report.missingAtProvider).toEqual([]);
    // FLEXY 496.25 + 297.75 and ADSL 950 debited, nothing refunded.
    expect(report.accountNetDebitC).toBe(49_625 + 29_775 + 95_000);
  });

  it('prints a top-up slip in Arabic, right to left, at 58 mm', async () => {
    hx = await startHarness();
    await hx.h['settings:update']({ language: 'ar', paperWidthMm: 58 });
    const sale = await flexy(M.refundedWithOffers, 500);
    await waitForSale(hx.h, sale.id, settled);
    const slip = await hx.h['sales:receipt']({ saleId: sale.id });
    expect(slip.paperWidthMm).toBe(58);
    expect(slip.html).toContain('dir="rtl"');
    expect(slip.html).toContain('الرقم');
    expect(slip.html).toContain('فشلت التعبئة');
    // The number stays left to right and grouped inside the Arabic slip.
    expect(slip.html).toMatch(/dir="ltr"[^>]*>0600 00 00 02</);
  });
});

describe('flexy offline', () => {
  it('an operator whose screen was never opened can be sold into the queue once the line was opened online', async () => {
    hx = await startHarness();
    await hx.h['catalog:list']({ line: 'mobile-topups' });
    await hx.sim.control.setOffline(true);
    // Ooredoo's plans were never asked for by themselves: the line's opening priced them all.
    const sale = await hx.h['sales:confirm']({
      line: 'mobile-topups',
      productId: 'Ooredoo',
      typeId: 'PREPAID_OOREDOO',
      quantity: 1,
      expectedUnitRetailC: 20_000,
      entry: { recipient: '0556121212', amountDzd: 200 },
    });
    expect(sale.state).toBe('QUEUED');
    await hx.sim.control.setOffline(false);
    expect((await waitForSale(hx.h, sale.id, settled, 20_000)).state).toBe('FULFILLED');
    expect(topUps()).toHaveLength(1);
  });
});

describe('top-ups under attack from the same machine', () => {
  it('bounds amounts, refuses numbers that are not numbers, and never lets the page choose the ref or reach another path', async () => {
    hx = await startHarness();
    const before = hx.sim.control.requestLog().length;
    for (const amountDzd of [2 ** 53, 1e12, -500, 0.5, Number.MAX_VALUE]) {
      await expect(flexy('0778037340', amountDzd)).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_INPUT|AMOUNT_OUT_OF_RANGE/) });
    }
    for (const recipient of ["0778037340'; --", '../../v3/account/balance', '0778037340\n0778037341', '٠٧٧٨٠٣٧٣٤٠x', '']) {
      await expect(flexy(recipient, 500)).rejects.toMatchObject({ code: 'INVALID_NUMBER' });
    }
    for (const number of ['../../account/balance', '036362608?type=4G', '036362608&x=1', '%2e%2e%2f']) {
      await expect(hx.h['internet:checkNumber']({ type: 'ADSL', number })).rejects.toMatchObject({ code: 'INVALID_NUMBER' });
    }
    // Nothing of the above reached the provider but the price reads.
    const reached = hx.sim.control
      .requestLog()
      .slice(before)
      .map((r) => r.path.split('?')[0]);
    expect(reached.filter((p) => p !== '/v3/mobile/plans' && p !== '/v3/account/balance')).toEqual([]);

    // A ref slipped into the entry is not the page's to choose: the till's own goes out.
    const sale = await hx.h['sales:confirm']({
      line: 'mobile-topups',
      productId: 'Djezzy',
      typeId: 'PREPAID_DJEZZY',
      quantity: 1,
      expectedUnitRetailC: 50_000,
      entry: { recipient: '0778037340', amountDzd: 500, ref: 'chosen-by-the-page' },
    });
    await waitForSale(hx.h, sale.id, settled);
    expect(topUps().map((t) => t.ref)).toEqual([sale.topUp!.clientRef]);
    expect(sale.topUp!.clientRef).not.toBe('chosen-by-the-page');
  });

  it('two confirmations of the same top-up at once are two sales with two refs, each sent once', async () => {
    hx = await startHarness();
    const [a, b] = await Promise.all([flexy('0778037340', 500), flexy('0778037340', 500)]);
    await waitForSale(hx.h, a.id, settled);
    await waitForSale(hx.h, b.id, settled);
    expect(a.topUp!.clientRef).not.toBe(b.topUp!.clientRef);
    expect(
      topUps()
        .map((t) => t.ref)
        .sort(),
    ).toEqual([a.topUp!.clientRef, b.topUp!.clientRef].sort());
  });
});
