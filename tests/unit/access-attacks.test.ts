import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_AMOUNT_C } from '../../shared/amounts';
import { HTTP_EVENTS_PATH } from '../../shared/api';
import type { EventName } from '../../shared/contract';
import type { Sale } from '../../shared/domain';
import { dispatchByName } from '../../electron/core/commands/dispatch';
import { silentLogger } from '../../electron/core/platform/log';
import { createHttpAdapter } from '../../electron/host/http-adapter';
import { OWNER, psnOffer, startHarness, waitForSale, type Harness } from './helpers/core-harness';

/**
 * Attacks from issue 9 by someone at the counter (or a script on the same machine holding the
 * renderer's bridge): amounts that break the reports, and a cashier reaching other cashiers' sales.
 */

let hx: Harness;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  await hx?.close();
});

const final = (s: Sale) => ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'CANCELLED'].includes(s.state);
const localDay = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function confirmPsn(): Promise<Sale> {
  const offer = await psnOffer(hx.h);
  return hx.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
}

async function login(cashierId: number, pin: string): Promise<void> {
  await hx.h['session:login']({ cashierId, pin });
}

async function loginOwner(): Promise<void> {
  const state = await hx.h['session:get']({});
  await login(state.cashiers.find((c) => c.role === 'owner')!.id, OWNER.pin);
}

/** Reads the ledger beside the core (SQLite allows a second, read-only connection). */
function ledgerReader(dataDir: string) {
  const db = new Database(path.join(dataDir, 'ledger.sqlite'), { readonly: true, fileMustExist: true });
  cleanups.push(() => db.close());
  return (saleId: number) => (db.prepare('SELECT state FROM sales WHERE id = ?').get(saleId) as { state: string } | undefined)?.state;
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('amounts are bounded (issue 9 §6)', () => {
  it('refuses a shift opened with 2^53−1 and every out-of-range amount with INVALID_INPUT naming the field and the limit', async () => {
    hx = await startHarness({ shift: false });
    const huge = Number.MAX_SAFE_INTEGER; // 2^53 − 1
    const open = await dispatchByName(hx.h, 'shift:open', { openingCashC: huge });
    expect(open).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'openingCashC' } } });
    expect(!open.ok && open.error.message).toContain('100 000 000 DA');
    for (const bad of [MAX_AMOUNT_C + 1, -1, 0.5]) {
      expect(await dispatchByName(hx.h, 'shift:open', { openingCashC: bad })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    const refused = [
      ['shift:count', { countedCashC: huge }, 'countedCashC'],
      ['shift:close', { countedCashC: huge }, 'countedCashC'],
      ['sales:confirm', { productId: 'p', typeId: 't', quantity: 1, expectedUnitRetailC: huge }, 'expectedUnitRetailC'],
      ['sales:confirm', { productId: 'p', typeId: 't', quantity: 101, expectedUnitRetailC: 100 }, 'quantity'],
      ['settings:update', { lowBalanceThresholdC: huge }, 'lowBalanceThresholdC'],
      ['settings:update', { markupOverridesBp: { p: huge } }, 'markupOverridesBp.p'],
    ] as const;
    for (const [name, input, field] of refused) {
      expect(await dispatchByName(hx.h, name, input), name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field } } });
    }
    // Nothing was opened by the refused calls.
    expect(await hx.h['shift:current']({})).toBeNull();
  });

  it('keeps the day report, its printout and its CSV working with the largest amounts allowed', async () => {
    hx = await startHarness({ shift: false });
    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    expect(await dispatchByName(hx.h, 'shift:open', { openingCashC: MAX_AMOUNT_C })).toMatchObject({ ok: true });
    const sale = await waitForSale(hx.h, (await confirmPsn()).id, final);
    expect(await dispatchByName(hx.h, 'shift:count', { countedCashC: MAX_AMOUNT_C })).toMatchObject({ ok: true });
    expect(await dispatchByName(hx.h, 'shift:close', { countedCashC: MAX_AMOUNT_C })).toMatchObject({ ok: true });
    await login(amina.id, '2468');
    expect(await dispatchByName(hx.h, 'shift:open', { openingCashC: MAX_AMOUNT_C })).toMatchObject({ ok: true });
    expect(await dispatchByName(hx.h, 'shift:count', { countedCashC: MAX_AMOUNT_C })).toMatchObject({ ok: true });
    expect(await dispatchByName(hx.h, 'shift:close', { countedCashC: MAX_AMOUNT_C })).toMatchObject({ ok: true });
    await loginOwner();
    expect(await dispatchByName(hx.h, 'settings:update', { lowBalanceThresholdC: MAX_AMOUNT_C })).toMatchObject({ ok: true });

    const day = await dispatchByName(hx.h, 'reports:day', { day: localDay() });
    expect(day).toMatchObject({
      ok: true,
      value: { openingCashC: 2 * MAX_AMOUNT_C, countedCashC: 2 * MAX_AMOUNT_C, expectedCashC: 2 * MAX_AMOUNT_C + sale.totalRetailC },
    });
    expect(await dispatchByName(hx.h, 'reports:html', { kind: 'day', day: localDay() })).toMatchObject({ ok: true });
    expect(await dispatchByName(hx.h, 'exports:csv', { kind: 'day', day: localDay() })).toMatchObject({ ok: true });
  });
});

describe('a cashier sees only their own sales (issue 9 §9)', () => {
  it('gets NOT_FOUND, exactly as for a sale that does not exist, for any other sale: detail, timeline, send, cancel, codes', async () => {
    hx = await startHarness();
    const ownerSale = await waitForSale(hx.h, (await confirmPsn()).id, final);
    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    const bilal = await hx.h['staff:add']({ name: 'Bilal', role: 'cashier', pin: '1357' });
    await hx.sim.control.setOffline(true);
    cleanups.push(() => hx.sim.control.setOffline(false));
    await login(bilal.id, '1357');
    const bilalQueued = await confirmPsn();
    await login(amina.id, '2468');
    const aminaQueued = await confirmPsn();
    expect([bilalQueued.state, aminaQueued.state]).toEqual(['QUEUED', 'QUEUED']);

    const missing = await dispatchByName(hx.h, 'sales:get', { saleId: 999_999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const same = (r: Awaited<ReturnType<typeof dispatchByName>>, saleId: number) =>
      expect(r.ok ? r : { ...r.error, message: r.error.message.replace(String(saleId), 'N') }).toEqual({
        ...(!missing.ok && missing.error),
        message: !missing.ok && missing.error.message.replace('999999', 'N'),
        details: { saleId },
      });
    for (const saleId of [ownerSale.id, bilalQueued.id]) {
      for (const name of ['sales:get', 'sales:timeline', 'sales:sendNow', 'sales:cancel', 'sales:receipt', 'sales:reveal', 'sales:reprint'] as const) {
        same(await dispatchByName(hx.h, name, { saleId }), saleId);
      }
    }
    expect((await hx.h['sales:list']({})).map((s) => s.id)).toEqual([aminaQueued.id]);
    expect((await hx.h['sales:list']({ states: ['QUEUED', 'FULFILLED'] })).map((s) => s.id)).toEqual([aminaQueued.id]);
    expect((await hx.h['history:search']({ cashier: 'Bilal' })).map((s) => s.id)).toEqual([aminaQueued.id]);
    // Their own queued sale they may still send and cancel.
    expect((await hx.h['sales:sendNow']({ saleId: aminaQueued.id })).state).toBe('QUEUED');
    expect((await hx.h['sales:cancel']({ saleId: aminaQueued.id })).state).toBe('CANCELLED');

    // Bilal's sale was neither cancelled nor touched; the owner sees every sale.
    await loginOwner();
    const bilalNow = await hx.h['sales:get']({ saleId: bilalQueued.id });
    expect(bilalNow.state).toBe('QUEUED');
    expect((await hx.h['sales:timeline']({ saleId: bilalQueued.id })).map((e) => e.kind)).not.toContain('send-now');
    expect((await hx.h['sales:list']({})).map((s) => s.id).sort()).toEqual([ownerSale.id, bilalQueued.id, aminaQueued.id].sort());
  });

  it('goes by who made the sale, not by name: a new cashier given a former name sees none of those sales', async () => {
    hx = await startHarness();
    const first = await hx.h['staff:add']({ name: 'Bilal', role: 'cashier', pin: '1357' });
    await login(first.id, '1357');
    const old = await waitForSale(hx.h, (await confirmPsn()).id, final);
    await loginOwner();
    await hx.h['staff:update']({ id: first.id, name: 'Bilal (ancien)' });
    const second = await hx.h['staff:add']({ name: 'Bilal', role: 'cashier', pin: '2468' });
    await login(second.id, '2468');
    expect(await hx.h['history:search']({})).toEqual([]);
    expect(await hx.h['history:search']({ cashier: 'Bilal' })).toEqual([]);
    expect(await hx.h['sales:list']({})).toEqual([]);
    await expect(hx.h['sales:get']({ saleId: old.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('tells the event stream, over both the core and the HTTP host, only about sales the signed-in person may see', async () => {
    hx = await startHarness();
    const read = ledgerReader(hx.dataDir);
    const amina = await hx.h['staff:add']({ name: 'Amina', role: 'cashier', pin: '2468' });
    const bilal = await hx.h['staff:add']({ name: 'Bilal', role: 'cashier', pin: '1357' });

    // Two renderer-facing subscribers: the core's own (what the IPC adapter forwards) and the
    // browser host's server-sent events.
    const heard: { name: EventName; id?: number }[] = [];
    cleanups.push(hx.core.onEvent((name, payload) => heard.push({ name, id: (payload as { id?: number }).id })));
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'r-'));
    cleanups.push(() => fs.rmSync(rendererDir, { recursive: true, force: true }));
    const secret = 'per-launch-secret-for-test';
    const server = createHttpAdapter({ core: hx.core, rendererDir, secret, logger: silentLogger });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise((r) => server.close(r)));
    const port = (server.address() as { port: number }).port;
    let stream = '';
    const req = http.get({ host: '127.0.0.1', port, path: `${HTTP_EVENTS_PATH}?secret=${secret}`, headers: { host: `127.0.0.1:${port}` } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (stream += chunk));
    });
    req.on('error', () => undefined);
    cleanups.push(() => req.destroy());
    await until(() => stream.includes(': events'), 'the event stream to open');
    const streamedSaleIds = () => [...stream.matchAll(/event: sales:changed\ndata: (.*)\n/g)].map((m) => (JSON.parse(m[1] as string) as Sale).id);

    // Bilal queues a sale offline; Amina takes the till; the sale is sent while she is signed in.
    await psnOffer(hx.h); // the catalogue, cached while the provider is reachable
    await hx.sim.control.setOffline(true);
    await login(bilal.id, '1357');
    const bilalSale = await confirmPsn();
    await login(amina.id, '2468');
    const heardBefore = heard.length;
    const streamedBefore = streamedSaleIds().length;
    const aminaSale = await confirmPsn();
    await hx.sim.control.setOffline(false);
    await until(() => read(bilalSale.id) === 'FULFILLED' && read(aminaSale.id) === 'FULFILLED', 'both sales to be fulfilled');
    await waitForSale(hx.h, aminaSale.id, (s) => s.state === 'FULFILLED');
    await until(() => streamedSaleIds().filter((id) => id === aminaSale.id).length >= 2, "Amina's own sale on the stream");

    const heardSales = heard
      .slice(heardBefore)
      .filter((e) => e.name === 'sales:changed')
      .map((e) => e.id);
    expect(heardSales).toContain(aminaSale.id);
    expect(heardSales).not.toContain(bilalSale.id);
    expect(streamedSaleIds().slice(streamedBefore)).not.toContain(bilalSale.id);

    // Nobody signed in: no sale at all reaches the renderer.
    await hx.sim.control.setOffline(true);
    const lockedSale = await confirmPsn();
    await hx.h['session:logout']({});
    const heardLocked = heard.length;
    await hx.sim.control.setOffline(false);
    await until(() => read(lockedSale.id) === 'FULFILLED', 'the last sale to be fulfilled');
    expect(heard.slice(heardLocked).filter((e) => e.name === 'sales:changed')).toEqual([]);
  });
});
