import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/domain';
import { installApi } from '../../renderer/src/bridge';
import {
  isThisTillsSale,
  saleRowKey,
  scopeInput,
  shopScopeOffered,
  shopScopeReason,
  TILL_SCOPE,
} from '../../renderer/src/features/backoffice/shop-scope/shopScope';
import { chooseScope, chooseTill, currentScopeInput } from '../../renderer/src/features/backoffice/shop-scope/shopScopeActions';
import { initialShopScope, useShopScopeStore } from '../../renderer/src/features/backoffice/shop-scope/shopScopeStore';
import { loadExceptions } from '../../renderer/src/features/backoffice/exceptions/exceptionActions';
import { searchHistory } from '../../renderer/src/features/backoffice/history/historyActions';
import { loadDayReport } from '../../renderer/src/features/backoffice/reports/reportActions';
import { initialStatus, useStatusStore } from '../../renderer/src/features/status-bar/statusStore';
import { initialSession, useSessionStore } from '../../renderer/src/features/session/sessionStore';
import { FakeCore } from './helpers/fake-core';
import { saleFixture, trainingStatus } from './fixtures/till-data';

/** Issue 12: the owner's "Cette caisse / Toute la boutique" choice, as rules and as what the screens send. */
const OWN = trainingStatus.till.id;
const OTHER = '00000000-0000-4000-8000-000000000002';
const joined = (shared: AppStatus['till']['shared']): AppStatus => ({ ...trainingStatus, till: { ...trainingStatus.till, shared } });

describe('scope rules', () => {
  it('offers the choice only on a till joined to a shop, reachable or not', () => {
    expect(shopScopeOffered(null)).toBe(false);
    expect(shopScopeOffered(joined('off'))).toBe(false);
    for (const s of ['connecting', 'reachable', 'unreachable'] as const) expect(shopScopeOffered(joined(s))).toBe(true);
  });

  it('sends nothing for this till, scope and till for the shop, and never shop scope where it is not offered', () => {
    expect(scopeInput(TILL_SCOPE, true)).toEqual({});
    expect(scopeInput({ scope: 'shop', tillId: null }, true)).toEqual({ scope: 'shop' });
    expect(scopeInput({ scope: 'shop', tillId: OTHER }, true)).toEqual({ scope: 'shop', tillId: OTHER });
    expect(scopeInput({ scope: 'shop', tillId: OTHER }, false)).toEqual({});
  });

  it('says why a shop-wide reconciliation is refused in training, and only that refusal', () => {
    expect(shopScopeReason({ code: 'NOT_SUPPORTED', message: 'x', details: { reason: 'SHOP_RECONCILE_TRAINING' } })).toBe('SHOP_RECONCILE_TRAINING');
    expect(shopScopeReason({ code: 'NOT_SUPPORTED', message: 'x', details: { reason: 'NO_SHARED_LEDGER' } })).toBeNull();
    expect(shopScopeReason({ code: 'NOT_ALLOWED', message: 'x', details: { reason: 'SHOP_RECONCILE_TRAINING' } })).toBeNull();
  });

  it('keys rows by till (sale numbers are per till) and lets this till act only on its own sales', () => {
    const here = saleFixture({ id: 7 });
    const mine = saleFixture({ id: 7, till: { id: OWN, name: 'Caisse 1' } });
    const theirs = saleFixture({ id: 7, till: { id: OTHER, name: 'Caisse 2' } });
    expect(new Set([saleRowKey(here), saleRowKey(mine), saleRowKey(theirs)]).size).toBe(3);
    expect(isThisTillsSale(here, OWN)).toBe(true);
    expect(isThisTillsSale(mine, OWN)).toBe(true);
    expect(isThisTillsSale(theirs, OWN)).toBe(false);
    expect(isThisTillsSale(theirs, null)).toBe(false);
  });
});

describe('the screens send the chosen scope', () => {
  let core: FakeCore;
  beforeEach(() => {
    core = new FakeCore();
    core.on('shop:tills', () => ({
      ok: true,
      value: [
        { id: OWN, name: 'Caisse 1', lastPushAt: null, unpushed: 0, current: true },
        { id: OTHER, name: 'Caisse 2', lastPushAt: null, unpushed: null, current: false },
      ],
    }));
    core.on('sales:list', () => ({ ok: true, value: [] }));
    core.on('history:search', () => ({ ok: true, value: [] }));
    core.on('reports:day', () => ({ ok: false, error: { code: 'SHOP_UNREACHABLE', message: 'down' } }));
    installApi(core.bridge);
    useStatusStore.setState({ ...initialStatus, appStatus: joined('reachable') });
  });
  afterEach(() => {
    useShopScopeStore.setState(initialShopScope, true);
    useStatusStore.setState(initialStatus, true);
    useSessionStore.setState(initialSession, true);
    installApi(null);
  });

  it('this till by default; the whole shop, then one till, once chosen; tills listed when the shop is chosen', async () => {
    await loadExceptions();
    expect(core.last('sales:list')).not.toHaveProperty('scope');
    chooseScope('shop');
    await new Promise((r) => setTimeout(r, 0));
    expect(core.count('shop:tills')).toBe(1);
    expect(useShopScopeStore.getState().tills.value?.map((t) => t.name)).toEqual(['Caisse 1', 'Caisse 2']);
    await loadExceptions();
    expect(core.last('sales:list')).toMatchObject({ scope: 'shop' });
    chooseTill(OTHER);
    await searchHistory();
    expect(core.last('history:search')).toMatchObject({ scope: 'shop', tillId: OTHER });
    chooseScope('till');
    expect(currentScopeInput()).toEqual({});
  });

  it('a till no longer joined to a shop falls back to its own sales, whatever was chosen', async () => {
    chooseScope('shop');
    useStatusStore.setState({ appStatus: joined('off') });
    await loadExceptions();
    expect(core.last('sales:list')).not.toHaveProperty('scope');
  });

  it('the shop server down: the report says so (no partial figures)', async () => {
    chooseScope('shop');
    await loadDayReport('2026-01-01');
    expect(core.last('reports:day')).toEqual({ day: '2026-01-01', scope: 'shop' });
    const { useDayReportStore } = await import('../../renderer/src/features/backoffice/reports/reportsStore');
    expect(useDayReportStore.getState().report).toMatchObject({ status: 'error', value: null, error: { code: 'SHOP_UNREACHABLE' } });
  });
});

describe('the reconciliation screen and the shop', () => {
  let core: FakeCore;
  beforeEach(() => {
    core = new FakeCore();
    core.on('shop:tills', () => ({ ok: true, value: [] }));
    core.on('reconcile:day', () => ({ ok: false, error: { code: 'SHOP_UNREACHABLE', message: 'down' } }));
    installApi(core.bridge);
    useStatusStore.setState({ ...initialStatus, appStatus: joined('reachable') });
  });
  afterEach(() => {
    useShopScopeStore.setState(initialShopScope, true);
    useStatusStore.setState(initialStatus, true);
    installApi(null);
  });

  it('compares the chosen scope, but adopts only into this till’s own ledger', async () => {
    const { runReconcile, adoptMissingOrders } = await import('../../renderer/src/features/backoffice/reports/reportActions');
    await runReconcile('2026-01-01');
    expect(core.last('reconcile:day')).toEqual({ day: '2026-01-01' });
    chooseScope('shop');
    chooseTill(OTHER);
    await runReconcile('2026-01-01');
    expect(core.last('reconcile:day')).toEqual({ day: '2026-01-01', scope: 'shop', tillId: OTHER });
    await adoptMissingOrders();
    expect(core.last('reconcile:day')).toEqual({ day: '2026-01-01', adopt: true });
  });
});
