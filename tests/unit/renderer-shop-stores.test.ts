import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandInput, CommandName } from '../../shared/contract';
import { DEFAULT_SETTINGS, type Catalog, type Sale } from '../../shared/domain';
import type { CashCount, Cashier, OpenShift, SessionState, ShiftReport } from '../../shared/shop';
import { installApi } from '../../renderer/src/bridge';
import { startApp } from '../../renderer/src/app/boot';
import {
  exportHistoryCsv,
  openSaleDetail,
  closeSaleDetail,
  reprintSale,
  revealCodes,
  searchHistory,
  setFilters,
} from '../../renderer/src/features/backoffice/history/historyActions';
import { addCashier } from '../../renderer/src/features/backoffice/staff/staffActions';
import { exceptionAction, loadExceptions } from '../../renderer/src/features/backoffice/exceptions/exceptionActions';
import { lockTill, signIn, touchSession } from '../../renderer/src/features/session/sessionActions';
import { setLanguage } from '../../renderer/src/features/settings/settingsActions';
import { confirmClose, countCash, openShift } from '../../renderer/src/features/shift/shiftActions';
import { initialHistory, initialSaleDetail, useHistoryStore, useSaleDetailStore } from '../../renderer/src/features/backoffice/history/historyStore';
import { resetBackoffice, useBackofficeStore } from '../../renderer/src/features/backoffice/backofficeStore';
import { useExceptionsStore } from '../../renderer/src/features/backoffice/exceptions/exceptionsStore';
import { useStaffStore } from '../../renderer/src/features/backoffice/staff/staffStore';
import { useCatalogStore } from '../../renderer/src/features/catalog/catalogStore';
import { useFlowStore } from '../../renderer/src/features/counter/saleFlowStore';
import { useReceiptsStore } from '../../renderer/src/features/receipts/receiptsStore';
import { useSalesStore } from '../../renderer/src/features/pending-sales/salesStore';
import { initialSession, useSessionStore } from '../../renderer/src/features/session/sessionStore';
import { useSettingsStore } from '../../renderer/src/features/settings/settingsStore';
import { initialShift, useShiftStore } from '../../renderer/src/features/shift/shiftStore';
import { useUiStore } from '../../renderer/src/app/uiStore';
import { FakeCore, type Handler } from './helpers/fake-core';
import { stopAppAndResetCounter } from './helpers/renderer-app';
import { saleFixture, totalsFixture, trainingStatus } from './fixtures/till-data';

const owner = { id: 1, name: 'Patron', role: 'owner' as const, active: true };
const amina = { id: 2, name: 'Amina', role: 'cashier' as const, active: true };
const session = (cashier: typeof owner | typeof amina | null, needsSetup = false): SessionState => ({
  needsSetup,
  cashier,
  cashiers: needsSetup ? [] : [owner, amina],
  idleLockMinutes: 5,
});

const catalog: Catalog = {
  categories: [],
  products: [{ id: 'p1', title: 'PlayStation Network', enabled: true, region: null, categoryId: 'ps' }],
  fetchedAt: '2026-01-01T00:00:00.000Z',
  stale: false,
};
const signedOut = { ok: false as const, error: { code: 'NOT_ALLOWED' as const, message: 'Sign in', details: { reason: 'SIGNED_OUT' } } };

function sale(id: number, over: Partial<Sale> = {}): Sale {
  const now = '2026-01-01T10:00:00.000Z';
  const done = { state: 'FULFILLED' as const, sentAt: now, placedAt: now, finishedAt: now, orderId: 'o1', deliveredQuantity: 1 };
  return { ...saleFixture({ id, ...done, cashier: 'Patron', cards: [{ index: 0, codeMasked: '••••••AB12', serialMasked: '••••99' }] }), ...over };
}

function shift(over: Partial<ShiftReport> = {}): ShiftReport {
  return {
    shiftId: 1,
    cashierId: 1,
    cashierName: 'Patron',
    openedAt: '2026-01-01T08:00:00.000Z',
    closedAt: null,
    openingCashC: 0,
    countedCashC: null,
    expectedCashC: 0,
    differenceC: null,
    totals: totalsFixture(),
    countedBy: null,
    counts: 0,
    closedBy: null,
    ...over,
  };
}

function openShiftOf(over: Partial<OpenShift> = {}): OpenShift {
  return { shiftId: 1, openedAt: '2026-01-01T08:00:00.000Z', openedBy: { id: 2, name: 'Amina' }, openingCashC: 0, salesCount: 0, pendingSaleIds: [], ...over };
}

let core: FakeCore;
let who: typeof owner | typeof amina | null;

function counterHandlers() {
  core.on('app:status', () => ({ ok: true, value: trainingStatus }));
  core.on('settings:get', () => ({ ok: true, value: DEFAULT_SETTINGS }));
  core.on('session:get', () => ({ ok: true, value: session(who) }));
  core.on('session:login', ({ cashierId, pin }) => {
    if (pin !== '1234') return { ok: false, error: { code: 'NOT_ALLOWED', message: 'Wrong PIN', details: { reason: 'WRONG_PIN', attemptsLeft: 4 } } };
    who = cashierId === 1 ? owner : amina;
    return { ok: true, value: session(who) };
  });
  core.on('session:logout', () => {
    who = null;
    return { ok: true, value: session(null) };
  });
  core.on('session:touch', () => ({ ok: true, value: { active: who !== null } }));
  const guarded = <K extends CommandName>(name: K, h: Handler<K>) => core.on(name, ((input: CommandInput<K>) => (who ? h(input) : signedOut)) as Handler<K>);
  guarded('catalog:list', () => ({ ok: true, value: catalog }));
  guarded('account:balance', () => ({ ok: true, value: { balanceC: 50_000_00, checkedAt: '2026-01-01T00:00:00.000Z', low: false } }));
  guarded('sales:list', () => ({ ok: true, value: [] }));
  guarded('shift:current', () => ({ ok: true, value: null }));
}

beforeEach(() => {
  core = new FakeCore();
  who = null;
  counterHandlers();
  installApi(core.bridge);
});

afterEach(() => {
  stopAppAndResetCounter();
  useSessionStore.setState(initialSession, true);
  useShiftStore.setState(initialShift, true);
  resetBackoffice();
  useReceiptsStore.setState({ bySaleId: {}, reprinting: {}, reprintErrors: {} }, true);
  useUiStore.setState({ settingsOpen: false, receiptSaleId: null });
});

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('session gate', () => {
  it('boots on the PIN screen without asking for anything a cashier is needed for', async () => {
    await startApp();
    expect(useSessionStore.getState().status).toBe('locked');
    expect(core.count('catalog:list')).toBe(0);
    expect(core.count('sales:list')).toBe(0);
    expect(core.count('settings:get')).toBe(1);
  });

  it('first start: no owner yet', async () => {
    core.on('session:get', () => ({ ok: true, value: session(null, true) }));
    await startApp();
    expect(useSessionStore.getState().status).toBe('setup');
  });

  it('a wrong PIN leaves the screen locked; the right one loads the counter', async () => {
    await startApp();
    const bad = await signIn(2, '0000');
    expect(bad.ok).toBe(false);
    expect(useSessionStore.getState().status).toBe('locked');
    expect(core.count('catalog:list')).toBe(0);
    const good = await signIn(1, '1234');
    expect(good.ok).toBe(true);
    expect(useSessionStore.getState()).toMatchObject({ status: 'signedIn', session: { cashier: { name: 'Patron' } } });
    await flush();
    expect(core.count('catalog:list')).toBe(1);
    expect(core.count('shift:current')).toBe(1);
    expect(useCatalogStore.getState().catalog).toEqual(catalog);
  });

  it('any command refused SIGNED_OUT (the core’s idle lock) locks the screen and clears the cashier’s things', async () => {
    who = owner;
    await startApp();
    expect(useSessionStore.getState().status).toBe('signedIn');
    useFlowStore.setState({ step: 'progress', saleId: 7 });
    useReceiptsStore.setState({
      bySaleId: {
        7: {
          status: 'ready',
          receipt: { saleId: 7, html: '<p>CODE</p>', paperWidthMm: 80 },
          error: null,
          printing: 'idle',
          printError: null,
          printedOnce: false,
        },
      },
    });
    useUiStore.setState({ settingsOpen: true });
    useBackofficeStore.setState({ open: true, tab: 'staff' });
    useSaleDetailStore.setState({
      ...initialSaleDetail,
      saleId: 7,
      revealed: { status: 'ready', value: [{ index: 0, code: 'CODE', serial: 'S' }], error: null },
    });
    who = null; // the core locked itself: no event
    await core.bridge.call('catalog:list', {}); // a direct call is not observed…
    expect(useSessionStore.getState().status).toBe('signedIn');
    const { api } = await import('../../renderer/src/bridge');
    await api().call('account:balance', {}); // …but every call through api() is.
    expect(useSessionStore.getState().status).toBe('locked');
    expect(useFlowStore.getState().step).toBe('grid');
    expect(useReceiptsStore.getState().bySaleId).toEqual({});
    expect(useUiStore.getState().settingsOpen).toBe(false);
    expect(useBackofficeStore.getState().open).toBe(false);
    expect(useSaleDetailStore.getState().revealed.value).toBeNull();
  });

  it('follows session:changed (a logout elsewhere) and a sign-in elsewhere', async () => {
    who = owner;
    await startApp();
    core.emit('session:changed', session(null));
    expect(useSessionStore.getState().status).toBe('locked');
    who = amina;
    const before = core.count('catalog:list');
    core.emit('session:changed', session(amina));
    expect(useSessionStore.getState().status).toBe('signedIn');
    await flush();
    expect(core.count('catalog:list')).toBe(before + 1);
  });

  it('Verrouiller locks even when the core cannot be told; touch notices a lock that fell', async () => {
    who = owner;
    await startApp();
    core.on('session:logout', () => ({ ok: false, error: { code: 'INTERNAL', message: 'down' } }));
    await lockTill();
    expect(useSessionStore.getState().status).toBe('locked');

    who = owner;
    core.emit('session:changed', session(owner));
    expect(useSessionStore.getState().status).toBe('signedIn');
    who = null;
    await touchSession();
    expect(useSessionStore.getState().status).toBe('locked');
  });

  it('a cashier’s language choice stays on screen; the owner’s is saved', async () => {
    who = amina;
    core.on('settings:update', (patch) => ({ ok: true, value: { ...DEFAULT_SETTINGS, ...patch, shop: DEFAULT_SETTINGS.shop } }));
    await startApp();
    await setLanguage('ar');
    expect(useSettingsStore.getState().settings.language).toBe('ar');
    expect(core.count('settings:update')).toBe(0);
    core.emit('session:changed', session(owner));
    who = owner;
    await setLanguage('en');
    expect(core.last('settings:update')).toEqual({ language: 'en' });
    await setLanguage('fr');
  });
});

describe('shift', () => {
  beforeEach(async () => {
    who = amina;
    await startApp();
  });

  it('opens only with a typed float, in bounded integer centimes', async () => {
    core.on('shift:open', ({ openingCashC }) => ({ ok: true, value: openShiftOf({ openingCashC }) }));
    expect(await openShift('50,5x')).toEqual({ kind: 'badAmount' });
    expect(await openShift('  ')).toEqual({ kind: 'badAmount' });
    expect(await openShift('100 000 001')).toEqual({ kind: 'tooBig' });
    expect(core.count('shift:open')).toBe(0);
    expect((await openShift('5 000,50')).kind).toBe('ok');
    expect(core.last('shift:open')).toEqual({ openingCashC: 500_050 });
    expect(useShiftStore.getState().current?.openingCashC).toBe(500_050);
  });

  it('counts blind, then closes only the count it confirms; pending sales are named', async () => {
    useShiftStore.setState({ current: openShiftOf(), status: 'ready' });
    core.on('shift:count', () => ({ ok: false, error: { code: 'INVALID_STATE', message: 'Sales still pending: #12, #13', details: { saleIds: [12, 13] } } }));
    expect(await countCash('')).toEqual({ kind: 'badAmount' });
    expect(await countCash('100')).toEqual({ kind: 'pending', saleIds: [12, 13] });
    const counted: CashCount = {
      shiftId: 1,
      countedCashC: 798_600,
      expectedCashC: 865_100,
      differenceC: -66_500,
      countedBy: { id: 2, name: 'Amina' },
      countedAt: '2026-01-01T18:00:00.000Z',
      counts: 1,
    };
    core.on('shift:count', () => ({ ok: true, value: counted }));
    const c = await countCash('7 986');
    expect(core.last('shift:count')).toEqual({ countedCashC: 798_600 });
    expect(c).toEqual({ kind: 'counted', count: counted });
    // Counting does not close.
    expect(core.count('shift:close')).toBe(0);
    expect(useShiftStore.getState().current).not.toBeNull();
    core.on('shift:close', () => ({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'Sales changed since the count', details: { reason: 'COUNT_STALE' } },
    }));
    expect((await confirmClose(counted)).kind).toBe('recount');
    expect(useShiftStore.getState().current).not.toBeNull();
    core.on('shift:close', ({ countedCashC }) => ({
      ok: true,
      value: shift({ closedAt: '2026-01-01T18:00:00.000Z', countedCashC, countedBy: { id: 2, name: 'Amina' }, counts: 1 }),
    }));
    const done = await confirmClose(counted);
    expect(done.kind).toBe('ok');
    expect(core.last('shift:close')).toEqual({ countedCashC: 798_600 });
    expect(useShiftStore.getState().current).toBeNull();
  });
});

describe('back office', () => {
  beforeEach(async () => {
    who = owner;
    await startApp();
  });

  it('history: the filters become the query; the detail loads sale and timeline', async () => {
    core.on('history:search', () => ({ ok: true, value: [sale(3)] }));
    core.on('sales:get', ({ saleId }) => ({ ok: true, value: sale(saleId) }));
    core.on('sales:timeline', () => ({ ok: true, value: [{ at: '2026-01-01T10:00:00.000Z', kind: 'confirmed', detail: null }] }));
    setFilters({ codeSuffix: 'ab12', saleNumber: '3', cashier: 'Patron' });
    expect(await searchHistory()).toBeNull();
    expect(core.last('history:search')).toEqual({ limit: 200, saleId: 3, codeSuffix: 'ab12', cashier: 'Patron' });
    expect(useHistoryStore.getState().results).toMatchObject({ status: 'ready', value: [{ id: 3 }] });
    setFilters({ saleNumber: 'x' });
    expect(await searchHistory()).toBe('saleNumber');
    await openSaleDetail(3);
    expect(useSaleDetailStore.getState()).toMatchObject({
      saleId: 3,
      sale: { status: 'ready' },
      timeline: { status: 'ready', value: [{ kind: 'confirmed' }] },
    });
  });

  it('a cashier’s search never names another cashier', async () => {
    core.emit('session:changed', session(amina));
    who = amina;
    core.on('history:search', () => ({ ok: true, value: [] }));
    useHistoryStore.setState({ ...initialHistory, filters: { ...initialHistory.filters, cashier: 'Patron' } });
    await searchHistory();
    expect(core.last('history:search')).toEqual({ limit: 200 });
  });

  it('reveal and reprint keep their results only while the detail is open, and refresh the timeline', async () => {
    core.on('sales:get', ({ saleId }) => ({ ok: true, value: sale(saleId) }));
    core.on('sales:timeline', () => ({ ok: true, value: [] }));
    core.on('sales:reveal', () => ({ ok: true, value: [{ index: 0, code: 'XYZAB12', serial: 'S99' }] }));
    core.on('sales:reprint', ({ saleId }) => ({ ok: true, value: { saleId, html: '<p>DUPLICATA n° 1</p>', paperWidthMm: 80 } }));
    await openSaleDetail(3);
    const timelineCalls = core.count('sales:timeline');
    await revealCodes();
    expect(useSaleDetailStore.getState().revealed.value?.[0]?.code).toBe('XYZAB12');
    expect(await reprintSale()).toBe(true);
    expect(useSaleDetailStore.getState().reprint.value?.html).toContain('DUPLICATA n° 1');
    await flush();
    expect(core.count('sales:timeline')).toBe(timelineCalls + 2);
    closeSaleDetail();
    expect(useSaleDetailStore.getState()).toEqual(initialSaleDetail);
  });

  it('an owner-only refusal is kept as an error, not a lock', async () => {
    core.on('exports:csv', () => ({ ok: false, error: { code: 'NOT_ALLOWED', message: 'Only the owner', details: { reason: 'OWNER_ONLY' } } }));
    await exportHistoryCsv();
    expect(useHistoryStore.getState().exportError?.details?.reason).toBe('OWNER_ONLY');
    expect(useSessionStore.getState().status).toBe('signedIn');
  });

  it('exceptions: lists the states that wait for a person; an action reloads the list', async () => {
    let list = [sale(5, { state: 'EXPIRED' }), sale(6, { state: 'UNKNOWN' })];
    core.on('sales:list', ({ states }) => ({ ok: true, value: states ? list : [] }));
    core.on('sales:cancel', ({ saleId }) => {
      list = list.filter((s) => s.id !== saleId);
      return { ok: true, value: sale(saleId, { state: 'CANCELLED' }) };
    });
    await loadExceptions();
    expect(core.last('sales:list')).toEqual({ states: ['UNKNOWN', 'NEEDS_REVIEW', 'EXPIRED', 'REJECTED', 'AWAITING_OWNER', 'TO_VERIFY'], limit: 500 });
    expect(useExceptionsStore.getState().list.value).toHaveLength(2);
    await exceptionAction(5, 'cancel');
    expect(useExceptionsStore.getState().list.value?.map((s) => s.id)).toEqual([6]);
    expect(useSalesStore.getState().byId[5]?.state).toBe('CANCELLED');
  });

  it('staff: adding a cashier reloads the list and says so', async () => {
    const staff: Cashier[] = [owner];
    core.on('staff:list', () => ({ ok: true, value: [...staff] }));
    core.on('staff:add', ({ name, role }) => {
      const c = { id: 2, name, role, active: true };
      staff.push(c);
      return { ok: true, value: c };
    });
    const r = await addCashier(' Amina ', 'cashier', '2468');
    expect(r.ok).toBe(true);
    expect(core.last('staff:add')).toEqual({ name: 'Amina', role: 'cashier', pin: '2468' });
    expect(useStaffStore.getState()).toMatchObject({ notice: { key: 'staff.added', name: 'Amina' }, list: { status: 'ready' } });
    expect(useStaffStore.getState().list.value).toHaveLength(2);
  });
});
