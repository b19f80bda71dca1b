import { afterEach, describe, expect, it } from 'vitest';
import type { CommandHandlers } from '../../shared/contract';
import type { Sale } from '../../shared/domain';
import { centimesToDzdString } from '../../shared/money';
import { dispatchCommand } from '../../electron/core/commands/dispatch';
import { createSharedPool } from '../../electron/core/shared-ledger/pool';
import { pgServersDisposedAfterEach, type PgServer } from './helpers/pg-server';
import { pushed, sellPsn, today } from './helpers/shop-sales';
import { startHarness, waitForSale, type Harness } from './helpers/core-harness';

/**
 * Issue 12: the owner's day report, history search and exceptions over the whole shop, read from
 * the shop's PostgreSQL copy that two real tills (cores with their own ledgers and simulators)
 * push to. Against a real server; never mocked.
 */
const startServer = pgServersDisposedAfterEach();
const tills: Harness[] = [];
afterEach(async () => {
  for (const t of tills.splice(0)) await t.close();
});

async function till(server: PgServer): Promise<Harness> {
  const t = await startHarness({ sharedLedgerUrl: server.url });
  tills.push(t);
  return t;
}

async function sellFlexy(h: CommandHandlers, recipient: string): Promise<Sale> {
  const sale = await h['sales:confirm']({
    line: 'mobile-topups',
    productId: 'Djezzy',
    typeId: 'PREPAID_DJEZZY',
    quantity: 1,
    expectedUnitRetailC: 20_000,
    entry: { recipient, amountDzd: 200 },
  });
  return waitForSale(h, sale.id, (s) => s.state === 'FULFILLED');
}

/** Two tills of one shop that each sold, everything pushed. */
async function shopOfTwo() {
  const server = await startServer();
  const a = await till(server);
  const b = await till(server);
  const aSale = await sellPsn(a.h, 2);
  const bSale = await sellPsn(b.h, 1);
  const bFlexy = await sellFlexy(b.h, '0770123456');
  await Promise.all([pushed(a), pushed(b)]);
  const aTill = (await a.h['app:status']({})).till;
  const bTill = (await b.h['app:status']({})).till;
  return { server, a, b, aSale, bSale, bFlexy, aTill, bTill };
}

const last4 = (s: Sale) => s.cards[0]!.codeMasked.slice(-4);

describe('shop-wide views (scope "shop")', () => {
  it('the shop day report is the sum of both tills’ own reports, each till named', async () => {
    const { a, b, aTill, bTill } = await shopOfTwo();
    const day = today();
    const ra = await a.h['reports:day']({ day });
    const rb = await b.h['reports:day']({ day });
    const shop = await a.h['reports:day']({ day, scope: 'shop' });
    expect(shop.scope).toBe('shop');
    expect(shop.totals.salesCount).toBe(ra.totals.salesCount + rb.totals.salesCount);
    expect(shop.totals.retailTotalC).toBe(ra.totals.retailTotalC + rb.totals.retailTotalC);
    expect(shop.totals.costTotalC).toBe(ra.totals.costTotalC + rb.totals.costTotalC);
    expect(shop.totals.cardsSold).toBe(ra.totals.cardsSold + rb.totals.cardsSold);
    expect(shop.expectedCashC).toBe(ra.expectedCashC + rb.expectedCashC);
    expect(shop.byTill!.map((t) => t.till).sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      [aTill, bTill].map((t) => ({ id: t.id, name: t.name })).sort((x, y) => x.id.localeCompare(y.id)),
    );
    const ofB = shop.byTill!.find((t) => t.till.id === bTill.id)!;
    expect(ofB.retailTotalC).toBe(rb.totals.retailTotalC);
    expect(shop.shifts.map((s) => s.till?.id).sort()).toEqual([aTill.id, bTill.id].sort());
    expect(shop.byCashier.every((c) => c.till !== undefined)).toBe(true);
    // Narrowed to B, from A: B's own report.
    const onlyB = await a.h['reports:day']({ day, scope: 'shop', tillId: bTill.id });
    expect(onlyB.totals).toEqual(rb.totals);
    // Still this till's own report by default.
    expect((await a.h['reports:day']({ day })).totals).toEqual(ra.totals);
  });

  it('the shop’s day report prints and exports with each till’s share; one till’s says which', async () => {
    const { a, b, aTill, bTill } = await shopOfTwo();
    const day = today();
    const rb = await b.h['reports:day']({ day });
    const page = (await a.h['reports:html']({ kind: 'day', day, scope: 'shop' })).html;
    expect(page).toContain('Toute la boutique');
    expect(page).toContain('Par caisse');
    for (const t of [aTill, bTill]) expect(page).toContain(t.name);
    const onlyB = (await a.h['reports:html']({ kind: 'day', day, scope: 'shop', tillId: bTill.id })).html;
    expect(onlyB).toContain(`Caisse : ${bTill.name}`);
    expect(onlyB).not.toContain(aTill.name);
    // This till's page by default: no till named.
    expect((await a.h['reports:html']({ kind: 'day', day })).html).not.toContain('Par caisse');

    const csv = await a.h['exports:csv']({ kind: 'day', day, scope: 'shop' });
    expect(csv.filename).toBe(`rapport-boutique-${day}.csv`);
    const tillRows = csv.content.split('\r\n').filter((l) => l.startsWith('CAISSE,'));
    expect(tillRows).toHaveLength(2);
    const bRow = tillRows.find((l) => l.includes(bTill.name))!.split(',');
    expect(Number(bRow[2])).toBe(rb.totals.salesCount);
    expect(bRow[4]).toBe(centimesToDzdString(rb.totals.retailTotalC));
    // A cashier gets neither.
    const cashier = await a.h['staff:add']({ name: 'Samir', role: 'cashier', pin: '5678' });
    await a.h['session:logout']({});
    await a.h['session:login']({ cashierId: cashier.id, pin: '5678' });
    await expect(a.h['reports:html']({ kind: 'day', day, scope: 'shop' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('history finds the other till’s sale by code suffix and by the number’s last digits, says its till, keeps codes masked', async () => {
    const { a, bSale, bFlexy, aTill, bTill } = await shopOfTwo();
    const suffix = last4(bSale);
    const local = await a.h['history:search']({ codeSuffix: suffix });
    // This till's own history (the default) reads its own ledger: no till named.
    expect(local.every((s) => s.till === undefined)).toBe(true);
    const found = await a.h['history:search']({ codeSuffix: suffix, scope: 'shop' });
    const sale = found.find((s) => s.till?.id === bTill.id && s.id === bSale.id);
    expect(sale).toBeDefined();
    expect(sale!.till!.name).toBe(bTill.name);
    expect(sale!.cards[0]!.codeMasked).toMatch(/^•••• .{4}$/);
    // A shorter suffix (2 characters, lower case) still finds it.
    const short = await a.h['history:search']({ codeSuffix: suffix.slice(-2).toLowerCase(), scope: 'shop' });
    expect(short.some((s) => s.till?.id === bTill.id && s.id === bSale.id)).toBe(true);
    // The top-up by the last digits of its number.
    const byNumber = await a.h['history:search']({ codeSuffix: '23 456', scope: 'shop' });
    expect(byNumber.map((s) => [s.till?.id, s.id])).toContainEqual([bTill.id, bFlexy.id]);
    // Narrowed to A: B's sales are not there.
    const onlyA = await a.h['history:search']({ scope: 'shop', tillId: aTill.id });
    expect(onlyA.length).toBeGreaterThan(0);
    expect(onlyA.every((s) => s.till?.id === aTill.id)).toBe(true);
    const all = await a.h['history:search']({ scope: 'shop' });
    expect(new Set(all.map((s) => s.till?.id))).toEqual(new Set([aTill.id, bTill.id]));
    // A till of no sale, and the exceptions list of the shop (sales:list by states).
    expect(await a.h['history:search']({ scope: 'shop', tillId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
    const fulfilled = await a.h['sales:list']({ scope: 'shop', states: ['FULFILLED'] });
    expect(fulfilled.map((s) => s.till?.id)).toContain(bTill.id);
    const tillsList = await a.h['shop:tills']({});
    expect(tillsList.map((t) => [t.id, t.current])).toEqual(
      expect.arrayContaining([
        [aTill.id, true],
        [bTill.id, false],
      ]),
    );
    expect(tillsList.find((t) => t.id === aTill.id)!.unpushed).toBe(0);
    expect(tillsList.find((t) => t.id === bTill.id)!.unpushed).toBeNull();
    expect(tillsList.every((t) => t.lastPushAt !== null)).toBe(true);
  });

  it('search text is data, never SQL: injection attempts find nothing and harm nothing', async () => {
    const { server, a, aSale } = await shopOfTwo();
    for (const text of ["'; DROP TABLE shop_sales; --", "x' OR '1'='1", '%', '_', '\\', '%%%%', '1%', "0' OR 1=1 --"]) {
      const r = await a.h['history:search']({ codeSuffix: text, scope: 'shop' });
      expect(
        r.filter((s) => !s.cards.some((c) => c.codeMasked.endsWith(text.replace(/\s+/g, '').slice(-4)))),
        text,
      ).toEqual([]);
    }
    expect(await a.h['history:search']({ cashier: "x' OR '1'='1", scope: 'shop' })).toEqual([]);
    expect(await a.h['history:search']({ productId: "p' OR 1=1 --", scope: 'shop' })).toEqual([]);
    const p = createSharedPool({ url: server.url });
    try {
      const n = await p.query('SELECT count(*)::int AS n FROM shop_sales');
      expect(n.rows[0].n).toBe(3);
    } finally {
      await p.end();
    }
    expect((await a.h['history:search']({ saleId: aSale.id, scope: 'shop' })).length).toBeGreaterThan(0);
  });

  it('refuses shop scope to a cashier, a bad till id, and a till id without shop scope', async () => {
    const { a, bTill } = await shopOfTwo();
    const bad = await dispatchCommand('history:search', a.h, { scope: 'shop', tillId: 'not-a-uuid' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');
    const noScope = await dispatchCommand('reports:day', a.h, { day: today(), tillId: bTill.id });
    expect(noScope.ok ? 'ok' : noScope.error.code).toBe('INVALID_INPUT');
    const extra = await dispatchCommand('sales:list', a.h, { scope: 'shop', where: '1=1' });
    expect(extra.ok ? 'ok' : extra.error.code).toBe('INVALID_INPUT');
    const cashier = await a.h['staff:add']({ name: 'Samir', role: 'cashier', pin: '5678' });
    await a.h['session:logout']({});
    await a.h['session:login']({ cashierId: cashier.id, pin: '5678' });
    await expect(a.h['history:search']({ scope: 'shop' })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(a.h['sales:list']({ scope: 'shop', states: ['UNKNOWN'] })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    // Their own history, this till's, still answers.
    await expect(a.h['history:search']({})).resolves.toBeDefined();
  });

  it('the shared ledger unreachable: a clear error, never this till’s rows alone; this till’s view still answers', async () => {
    const { server, a } = await shopOfTwo();
    await server.stop();
    await expect(a.h['reports:day']({ day: today(), scope: 'shop' })).rejects.toMatchObject({ code: 'SHOP_UNREACHABLE' });
    await expect(a.h['history:search']({ scope: 'shop' })).rejects.toMatchObject({ code: 'SHOP_UNREACHABLE' });
    await expect(a.h['sales:list']({ scope: 'shop', states: ['UNKNOWN'] })).rejects.toMatchObject({ code: 'SHOP_UNREACHABLE' });
    await expect(a.h['shop:tills']({})).rejects.toMatchObject({ code: 'SHOP_UNREACHABLE' });
    expect((await a.h['reports:day']({ day: today() })).totals.salesCount).toBe(1);
  });

  it('a till with no shared ledger has no shop scope', async () => {
    const solo = await startHarness();
    tills.push(solo);
    await expect(solo.h['history:search']({ scope: 'shop' })).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
  });
});
