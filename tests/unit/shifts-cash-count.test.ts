import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { dispatchByName } from '../../electron/core/commands/dispatch';
import { OWNER, confirmWhileOffline, psnOffer, startHarness, waitForSale, type Harness } from './helpers/core-harness';

/**
 * A real cash count (issue 13), against the core and the simulator: no shift opens by itself, the
 * float is typed, the count is blind (nothing answers the expected cash before the count is
 * recorded), closing confirms the count, and the shift remembers who opened, counted and closed.
 */

let hx: Harness;
afterEach(async () => hx?.close());

const final = (s: Sale) => ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'CANCELLED'].includes(s.state);

async function sellPsn(): Promise<Sale> {
  const offer = await psnOffer(hx.h);
  const sale = await hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
  return waitForSale(hx.h, sale.id, final);
}

async function addAndSignIn(name: string, pin: string): Promise<number> {
  const c = await hx.h['staff:add']({ name, role: 'cashier', pin });
  await hx.h['session:login']({ cashierId: c.id, pin });
  return c.id;
}

async function signInOwner(): Promise<void> {
  const state = await hx.h['session:get']({});
  await hx.h['session:login']({ cashierId: state.cashiers.find((c) => c.role === 'owner')!.id, pin: OWNER.pin });
}

function shiftRow(id: number): Record<string, unknown> {
  const db = new Database(path.join(hx.dataDir, 'ledger.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT * FROM shifts WHERE id = ?').get(id) as Record<string, unknown>;
  } finally {
    db.close();
  }
}

describe('opening', () => {
  it('sells nothing without an open shift: the core refuses with NO_SHIFT, writes no sale and sends no order', async () => {
    hx = await startHarness({ shift: false });
    const offer = await psnOffer(hx.h);
    await expect(
      hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC }),
    ).rejects.toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'NO_SHIFT' },
    });
    expect(await hx.h['shift:current']({})).toBeNull();
    expect(await hx.h['sales:list']({})).toEqual([]);
    expect(hx.sim.control.orders()).toHaveLength(0);
  });

  it('needs a typed, bounded float; one shift per till, whoever signs in next joins it', async () => {
    hx = await startHarness({ shift: false });
    expect(await dispatchByName(hx.h, 'shift:open', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'openingCashC' } } });
    const opened = await hx.h['shift:open']({ openingCashC: 500_000 });
    expect(opened).toMatchObject({ openingCashC: 500_000, openedBy: { name: 'Patron' }, salesCount: 0, pendingSaleIds: [] });
    await expect(hx.h['shift:open']({ openingCashC: 0 })).rejects.toMatchObject({ code: 'INVALID_STATE', details: { reason: 'SHIFT_OPEN' } });
    await addAndSignIn('Amina', '2468');
    expect(await hx.h['shift:current']({})).toMatchObject({ shiftId: opened.shiftId, openedBy: { name: 'Patron' } });
    await expect(hx.h['shift:open']({ openingCashC: 0 })).rejects.toMatchObject({ details: { reason: 'SHIFT_OPEN' } });
    const sale = await sellPsn();
    expect(await hx.h['shift:current']({})).toMatchObject({ shiftId: opened.shiftId, salesCount: 1 });
    expect(sale.state).toBe('FULFILLED');
  });
});

describe('the blind count', () => {
  it('shift:current never carries the expected cash or the takings, before or after a count', async () => {
    hx = await startHarness({ shift: false });
    await hx.h['shift:open']({ openingCashC: 123_400 });
    const sale = await sellPsn();
    const expected = 123_400 + sale.totalRetailC;
    const seen = async () => {
      const r = await dispatchByName(hx.h, 'shift:current', {});
      expect(r.ok).toBe(true);
      const text = JSON.stringify(r);
      expect(text).not.toMatch(/expected|retailTotal|totals|difference/i);
      expect(text).not.toContain(String(expected));
      expect(text).not.toContain(String(sale.totalRetailC));
    };
    await seen();
    // A cashier who has not counted reads no shift report either: it would show the expected cash.
    const shiftId = (await hx.h['shift:current']({}))!.shiftId;
    await addAndSignIn('Amina', '2468');
    await seen();
    await expect(hx.h['reports:html']({ kind: 'shift', shiftId })).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    const count = await hx.h['shift:count']({ countedCashC: expected - 66_500 });
    expect(count).toMatchObject({ countedCashC: expected - 66_500, expectedCashC: expected, differenceC: -66_500, countedBy: { name: 'Amina' }, counts: 1 });
    await seen();
    // Once she has counted, the report is hers to read.
    expect((await hx.h['reports:html']({ kind: 'shift', shiftId })).html).toContain('Amina');
  });

  it('closing requires a recorded count, confirms exactly that count, and a sale since the count asks for a recount', async () => {
    hx = await startHarness({ shift: false });
    await hx.h['shift:open']({ openingCashC: 0 });
    await expect(hx.h['shift:close']({ countedCashC: 0 })).rejects.toMatchObject({ code: 'INVALID_STATE', details: { reason: 'NOT_COUNTED' } });
    const first = await sellPsn();
    const c1 = await hx.h['shift:count']({ countedCashC: first.totalRetailC });
    expect(c1.differenceC).toBe(0);
    await expect(hx.h['shift:close']({ countedCashC: first.totalRetailC + 1 })).rejects.toMatchObject({ details: { reason: 'COUNT_MISMATCH' } });
    const second = await sellPsn();
    await expect(hx.h['shift:close']({ countedCashC: first.totalRetailC })).rejects.toMatchObject({ details: { reason: 'COUNT_STALE' } });
    expect(await hx.h['shift:current']({})).not.toBeNull();
    const c2 = await hx.h['shift:count']({ countedCashC: first.totalRetailC + second.totalRetailC + 500 });
    expect(c2).toMatchObject({ differenceC: 500, counts: 2 });
    const report = await hx.h['shift:close']({ countedCashC: c2.countedCashC });
    expect(report).toMatchObject({ countedCashC: c2.countedCashC, expectedCashC: c2.expectedCashC, differenceC: 500, counts: 2 });
    expect(report.closedAt).not.toBeNull();
    expect(await hx.h['shift:current']({})).toBeNull();
    await expect(hx.h['shift:count']({ countedCashC: 0 })).rejects.toMatchObject({ details: { reason: 'NO_SHIFT' } });
  });

  it('cannot count or close while a sale is pending, and names it', async () => {
    hx = await startHarness();
    const { sale } = await confirmWhileOffline(hx);
    await expect(hx.h['shift:count']({ countedCashC: 0 })).rejects.toMatchObject({ code: 'INVALID_STATE', details: { saleIds: [sale.id] } });
    await expect(hx.h['shift:close']({ countedCashC: 0 })).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect(await hx.h['shift:current']({})).toMatchObject({ pendingSaleIds: [sale.id] });
    await hx.sim.control.setOffline(false);
  });
});

describe('who counted', () => {
  it('is stored with the shift (id and name as then) and named in the report data and the printed slip', async () => {
    hx = await startHarness({ shift: false });
    const opened = await hx.h['shift:open']({ openingCashC: 200_000 });
    const aminaId = await addAndSignIn('Amina', '2468');
    await sellPsn();
    const count = await hx.h['shift:count']({ countedCashC: 190_000 });
    const report = await hx.h['shift:close']({ countedCashC: count.countedCashC });
    expect(report).toMatchObject({ cashierName: 'Patron', countedBy: { id: aminaId, name: 'Amina' }, closedBy: { id: aminaId, name: 'Amina' }, counts: 1 });
    const row = shiftRow(opened.shiftId);
    expect(row).toMatchObject({
      opened_by_name: 'Patron',
      counted_by: aminaId,
      counted_by_name: 'Amina',
      closed_by: aminaId,
      closed_by_name: 'Amina',
      counted_cash_c: 190_000,
    });
    // Renaming her later does not rewrite who counted.
    await signInOwner();
    await hx.h['staff:update']({ id: aminaId, name: 'Amina B.' });
    const html = (await hx.h['reports:html']({ kind: 'shift', shiftId: opened.shiftId })).html;
    expect(html).toContain('Compté par Amina —');
    const day = await hx.h['reports:day']({ day: new Date().toLocaleDateString('sv-SE') });
    expect(day.shifts.find((s) => s.shiftId === opened.shiftId)).toMatchObject({ countedBy: { name: 'Amina' } });
  });

  it('refuses every shift step to someone signed out', async () => {
    hx = await startHarness();
    await hx.h['session:logout']({});
    for (const [name, input] of [
      ['shift:current', {}],
      ['shift:open', { openingCashC: 0 }],
      ['shift:count', { countedCashC: 0 }],
      ['shift:close', { countedCashC: 0 }],
    ] as const) {
      expect(await dispatchByName(hx.h, name, input), name).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    }
  });
});
