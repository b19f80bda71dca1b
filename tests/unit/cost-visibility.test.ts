import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sale } from '../../shared/domain';
import { dispatchByName } from '../../electron/core/commands/dispatch';
import { OWNER, psnOffer, startHarness, until, type Harness } from './helpers/core-harness';

/**
 * Issue 13: a cashier ticked "Afficher le coût" and saw cost and margin. The switch is the owner's
 * on screen, and the core sends no cost (nor the markup that gives it back) to anyone else, so a
 * modified page, or a script holding the renderer's bridge, cannot show them either.
 */

let hx: Harness;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await hx?.close();
});

async function loginOwner(): Promise<void> {
  const state = await hx.h['session:get']({});
  await hx.h['session:login']({ cashierId: state.cashiers.find((c) => c.role === 'owner')!.id, pin: OWNER.pin });
}

describe('cost and margin are the owner’s', () => {
  it('a cashier gets no cost and no markup from any command or event; the owner gets both', async () => {
    hx = await startHarness();
    const asOwner = await psnOffer(hx.h);
    expect(asOwner.costC).toBeGreaterThan(0);
    const ownerDetail = await hx.h['catalog:product']({ productId: asOwner.productId });
    expect(ownerDetail.markupBp).toBeGreaterThan(0);

    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    await hx.h['session:login']({ cashierId: amina.id, pin: '2468' });
    const heard: Sale[] = [];
    cleanups.push(hx.core.onEvent((name, payload) => name === 'sales:changed' && heard.push(payload as Sale)));

    const detail = await hx.h['catalog:product']({ productId: asOwner.productId });
    expect(detail.markupBp).toBeNull();
    expect(detail.denominations.length).toBeGreaterThan(0);
    for (const d of detail.denominations) expect(d.costC).toBeNull();
    // The price the cashier collects is still there.
    expect(detail.denominations.find((d) => d.typeId === asOwner.typeId)!.retailC).toBe(asOwner.unitRetailC);

    const sale = await hx.h['sales:confirm']({ productId: asOwner.productId, typeId: asOwner.typeId, quantity: 1, expectedUnitRetailC: asOwner.unitRetailC });
    expect(sale.unitCostC).toBeNull();
    await until(async () => (await hx.h['sales:get']({ saleId: sale.id })).state === 'FULFILLED', 'the sale to finish');
    expect((await hx.h['sales:get']({ saleId: sale.id })).unitCostC).toBeNull();
    expect((await hx.h['sales:list']({})).map((s) => s.unitCostC)).toEqual([null]);
    expect((await hx.h['history:search']({})).map((s) => s.unitCostC)).toEqual([null]);
    // Through the same dispatch the IPC and HTTP adapters use.
    const wire = await dispatchByName(hx.h, 'catalog:product', { productId: asOwner.productId });
    expect(wire.ok && (wire.value as { denominations: { costC: unknown }[] }).denominations.every((d) => d.costC === null)).toBe(true);
    expect(heard.length).toBeGreaterThan(0);
    for (const s of heard) expect(s.unitCostC).toBeNull();
    // Nothing in the answers to a cashier carries the cost by another name either.
    expect(JSON.stringify([detail, sale, heard])).not.toContain(`:${asOwner.costC},`);

    await loginOwner();
    expect((await hx.h['sales:get']({ saleId: sale.id })).unitCostC).toBe(asOwner.costC);
    expect((await hx.h['catalog:product']({ productId: asOwner.productId })).denominations.every((d) => d.costC !== null)).toBe(true);
  });
});

describe('the markup and a refusal’s cost are the owner’s too', () => {
  it('gives a cashier the settings without markup and a too-low-balance refusal without the cost; the owner gets both', async () => {
    hx = await startHarness();
    await hx.h['settings:update']({ markupBp: 750, markupOverridesBp: { PSN: 900 } });
    const offer = await psnOffer(hx.h);
    const costC = offer.costC!;
    const ownerSettings = await hx.h['settings:get']({});
    expect(ownerSettings).toMatchObject({ markupBp: 750, markupOverridesBp: { PSN: 900 } });

    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    await hx.h['session:login']({ cashierId: amina.id, pin: '2468' });
    const seen = await dispatchByName(hx.h, 'settings:get', {});
    expect(seen).toMatchObject({ ok: true, value: { markupBp: null, markupOverridesBp: null } });
    // What the cashier needs is still there.
    expect(seen.ok && (seen.value as { shop: { name: string } }).shop.name).toBe(ownerSettings.shop.name);

    hx.sim.control.setBalance(1);
    await hx.h['account:balance']({ refresh: true });
    const confirm = { productId: offer.productId, typeId: offer.typeId, quantity: 3, expectedUnitRetailC: offer.unitRetailC };
    const refused = await dispatchByName(hx.h, 'sales:confirm', confirm);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_BALANCE' } });
    expect(JSON.stringify(refused)).not.toContain('requiredC');
    expect(JSON.stringify(refused)).not.toContain(`${costC * 3}`);

    await loginOwner();
    const asOwner = await dispatchByName(hx.h, 'sales:confirm', confirm);
    expect(asOwner).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_BALANCE', details: { requiredC: costC * 3 } } });
  });
});

describe('backup:list (restore picks from the till’s own backups)', () => {
  it('lists the backups newest first, with size and date, and only plain .sqlite files; owner only', async () => {
    hx = await startHarness();
    expect((await hx.h['backup:list']({})).files).toEqual([]);
    const first = await hx.h['backup:create']({ name: 'first.sqlite' });
    const second = await hx.h['backup:create']({ name: 'second.sqlite' });
    const folder = path.dirname(first!.path);
    // Make the order certain: "first" is older.
    fs.utimesSync(first!.path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'x');
    fs.mkdirSync(path.join(folder, 'folder.sqlite'));
    fs.symlinkSync(path.join(hx.dataDir, 'ledger.sqlite'), path.join(folder, 'link.sqlite'));
    const list = await hx.h['backup:list']({});
    expect(list.folder).toBe(fs.realpathSync(folder));
    expect(list.files.map((f) => f.name)).toEqual(['second.sqlite', 'first.sqlite']);
    expect(list.files[0]!.bytes).toBe(second!.bytes);
    expect(Date.parse(list.files[0]!.modifiedAt)).toBeGreaterThan(Date.parse(list.files[1]!.modifiedAt));

    // A listed backup removed meanwhile: the refusal the screen words as "Fichier introuvable".
    fs.rmSync(first!.path);
    const gone = await dispatchByName(hx.h, 'backup:restore', { name: 'first.sqlite' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { reason: 'BACKUP_NOT_FOUND' } } });

    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    await hx.h['session:login']({ cashierId: amina.id, pin: '2468' });
    expect(await dispatchByName(hx.h, 'backup:list', {})).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });
});
