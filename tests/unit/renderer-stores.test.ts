import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Catalog, type ProductDetail, type Sale } from '../../shared/domain';
import { installApi } from '../../renderer/src/bridge';
import { startApp } from '../../renderer/src/app/boot';
import {
  blockers,
  chooseDenomination,
  confirmSale,
  currentQuantity,
  goBack,
  newSale,
  openProduct,
  reloadProduct,
  sendableQuantity,
  setQuantityText,
  stepQuantity,
} from '../../renderer/src/features/counter/saleFlow';
import { cancelSale, receiveSale } from '../../renderer/src/features/pending-sales/salesActions';
import { setLanguage, toggleFavourite } from '../../renderer/src/features/settings/settingsActions';
import { i18n } from '../../renderer/src/i18n';
import { useCatalogStore } from '../../renderer/src/features/catalog/catalogStore';
import { useFlowStore } from '../../renderer/src/features/counter/saleFlowStore';
import { useSalesStore } from '../../renderer/src/features/pending-sales/salesStore';
import { useSettingsStore } from '../../renderer/src/features/settings/settingsStore';
import { useBalanceStore, useStatusStore } from '../../renderer/src/features/status-bar/statusStore';
import { FakeCore } from './helpers/fake-core';
import { stopAppAndResetCounter } from './helpers/renderer-app';
import { saleFixture, trainingStatus } from './fixtures/till-data';

const catalog: Catalog = {
  categories: [{ id: 'ps', title: 'PlayStation', productIds: ['p1'] }],
  products: [
    { id: 'p1', title: 'PlayStation Network', enabled: true, region: 'us', categoryId: 'ps' },
    { id: 'p2', title: 'Old card', enabled: false, region: null, categoryId: 'ps' },
  ],
  fetchedAt: '2026-01-01T00:00:00.000Z',
  stale: false,
};
const detail: ProductDetail = {
  productId: 'p1',
  title: 'PlayStation Network',
  denominations: [
    { typeId: 't10', name: 'PSN 10 USD', costC: 2_843_15, retailC: 2_986_00, stock: 250 },
    { typeId: 't20', name: 'PSN 20 USD', costC: 5_686_30, retailC: 5_971_00, stock: 3 },
    { typeId: 't100', name: 'PSN 100 USD', costC: 28_431_50, retailC: 29_854_00, stock: 0 },
  ],
  markupBp: 500,
  checkedAt: '2026-01-01T00:00:00.000Z',
  live: true,
};
let nextId = 1;
function saleFrom(input: { productId: string; typeId: string; quantity: number; expectedUnitRetailC: number }, over: Partial<Sale> = {}): Sale {
  const now = new Date().toISOString();
  const fields = { id: nextId++, productId: input.productId, typeId: input.typeId, quantity: input.quantity, unitRetailC: input.expectedUnitRetailC };
  return { ...saleFixture({ ...fields, createdAt: now, updatedAt: now }), ...over };
}

let core: FakeCore;

beforeEach(async () => {
  nextId = 1;
  core = new FakeCore();
  core.on('app:status', () => ({ ok: true, value: trainingStatus }));
  core.on('settings:get', () => ({ ok: true, value: DEFAULT_SETTINGS }));
  core.on('settings:update', (patch) => ({
    ok: true,
    value: { ...useSettingsStore.getState().settings, ...patch, shop: { ...useSettingsStore.getState().settings.shop, ...patch.shop } },
  }));
  core.on('catalog:list', () => ({ ok: true, value: catalog }));
  core.on('catalog:product', () => ({ ok: true, value: detail }));
  core.on('account:balance', () => ({ ok: true, value: { balanceC: 50_000_00, checkedAt: new Date().toISOString(), low: false } }));
  core.on('sales:list', () => ({ ok: true, value: [] }));
  core.on('sales:confirm', async (input) => {
    await new Promise((r) => setTimeout(r, 5));
    return { ok: true, value: saleFrom(input) };
  });
  installApi(core.bridge);
  await startApp();
});

afterEach(stopAppAndResetCounter);

async function toConfirm(typeId = 't10', quantity = '2') {
  await openProduct('p1');
  chooseDenomination(typeId);
  setQuantityText(quantity);
}

describe('boot', () => {
  it('loads status, settings, catalog, balance and sales into their stores', () => {
    expect(useStatusStore.getState()).toMatchObject({ status: 'ready', appStatus: trainingStatus });
    expect(useSettingsStore.getState().status).toBe('ready');
    expect(useCatalogStore.getState().catalog).toEqual(catalog);
    expect(useBalanceStore.getState().balance?.balanceC).toBe(50_000_00);
    expect(useSalesStore.getState().status).toBe('ready');
  });

  it('follows connection and balance events', () => {
    core.emit('connection:changed', { state: 'offline', queued: 3 });
    expect(useStatusStore.getState()).toMatchObject({ connection: 'offline', queued: 3 });
    core.emit('balance:changed', { balanceC: 1_00, checkedAt: '2026-01-01T00:00:00.000Z', low: true });
    expect(useBalanceStore.getState().balance?.low).toBe(true);
  });
});

describe('sale flow', () => {
  it('walks grid → denominations → confirm → progress, the quantity changed on the confirmation', async () => {
    await openProduct('p1');
    expect(useFlowStore.getState()).toMatchObject({ step: 'denominations', productId: 'p1' });
    expect(useFlowStore.getState().detail.value).toEqual(detail);
    chooseDenomination('t100'); // out of stock: ignored
    expect(useFlowStore.getState().step).toBe('denominations');
    const balanceCalls = core.count('account:balance');
    chooseDenomination('t10');
    // Straight to the confirmation with one card; the balance is checked again for it.
    expect(useFlowStore.getState()).toMatchObject({ step: 'confirm', typeId: 't10', quantityText: '1' });
    expect(core.count('account:balance')).toBe(balanceCalls + 1);
    stepQuantity(1);
    expect(await confirmSale()).toBe(true);
    expect(useFlowStore.getState()).toMatchObject({ step: 'progress', saleId: 1 });
    expect(core.calls.find((c) => c.name === 'sales:confirm')?.input).toEqual({
      productId: 'p1',
      typeId: 't10',
      quantity: 2,
      expectedUnitRetailC: 2_986_00,
    });
  });

  it('sells one card in three steps: product, card, confirm', async () => {
    await openProduct('p1');
    chooseDenomination('t10');
    expect(await confirmSale()).toBe(true);
    expect(core.calls.find((c) => c.name === 'sales:confirm')?.input).toMatchObject({ typeId: 't10', quantity: 1 });
  });

  it('ignores a second card press once the confirmation is open (a bounce keeps the quantity)', async () => {
    await toConfirm('t10', '4');
    chooseDenomination('t20');
    expect(useFlowStore.getState()).toMatchObject({ step: 'confirm', typeId: 't10', quantityText: '4' });
  });

  it('sends exactly what the box shows: nothing while it is empty or over the stock', async () => {
    await toConfirm('t10', '');
    expect(sendableQuantity()).toBeNull();
    expect(await confirmSale()).toBe(false);
    expect(core.count('sales:confirm')).toBe(0);
    stepQuantity(1); // an empty box counts as 1, so + makes 2
    expect(useFlowStore.getState().quantityText).toBe('2');

    // The stock drops under the box while the confirmation is open: the sale is blocked, not shrunk.
    setQuantityText('5');
    const t10 = detail.denominations[0]!;
    useFlowStore.setState((s) => ({ detail: { ...s.detail, value: { ...detail, denominations: [{ ...t10, stock: 2 }] } } }));
    expect(blockers()).toContainEqual({ kind: 'stock', stock: 2 });
    expect(sendableQuantity()).toBeNull();
    expect(await confirmSale()).toBe(false);
    expect(core.count('sales:confirm')).toBe(0);

    // A reload of the product brings the box down to the stock, where the cashier sees it.
    core.on('catalog:product', () => ({ ok: true, value: { ...detail, denominations: [{ ...t10, stock: 2 }] } }));
    await reloadProduct();
    expect(useFlowStore.getState().quantityText).toBe('2');
    expect(currentQuantity()).toEqual({ quantity: 2, bound: 'stock' });
    expect(await confirmSale()).toBe(true);
    expect(core.calls.find((c) => c.name === 'sales:confirm')?.input).toMatchObject({ quantity: 2 });
  });

  it('does not change the quantity while the sale is being sent', async () => {
    await toConfirm('t10', '2');
    const sending = confirmSale();
    stepQuantity(1);
    stepQuantity(-1);
    expect(useFlowStore.getState().quantityText).toBe('2');
    expect(await sending).toBe(true);
    expect(core.calls.find((c) => c.name === 'sales:confirm')?.input).toMatchObject({ quantity: 2 });
  });

  it('does not open a disabled product', async () => {
    await openProduct('p2');
    expect(useFlowStore.getState().step).toBe('grid');
    expect(core.count('catalog:product')).toBe(0);
  });

  it('sends sales:confirm once however many times it is triggered', async () => {
    await toConfirm();
    const results = await Promise.all([confirmSale(), confirmSale(), confirmSale()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(core.count('sales:confirm')).toBe(1);
  });

  it('clamps the quantity to stock and to the per-sale maximum, saying which', async () => {
    await openProduct('p1');
    chooseDenomination('t20'); // stock 3
    setQuantityText('9');
    expect(useFlowStore.getState().quantityText).toBe('3');
    expect(currentQuantity()).toEqual({ quantity: 3, bound: 'stock' });
    goBack();
    chooseDenomination('t10'); // stock 250, max per sale 10
    setQuantityText('٤٢');
    expect(currentQuantity()).toEqual({ quantity: 10, bound: 'maxPerSale' });
    stepQuantity(-1);
    expect(currentQuantity()).toEqual({ quantity: 9, bound: null });
    setQuantityText('');
    expect(useFlowStore.getState().quantityText).toBe('');
  });

  it('blocks the sale on balance, on canSell and on stock', async () => {
    await toConfirm('t10', '2');
    expect(blockers()).toEqual([]);
    useBalanceStore.setState({ balance: { balanceC: 1_000_00, checkedAt: '', low: true } });
    expect(blockers()).toEqual([{ kind: 'balance', missingC: 2 * 2_843_15 - 1_000_00 }]);
    useStatusStore.setState({ appStatus: { ...trainingStatus, canSell: false, cannotSellReason: 'Clé en lecture seule' } });
    expect(blockers().map((b) => b.kind)).toEqual(['cannotSell', 'balance']);
    expect(await confirmSale()).toBe(true); // the core decides; the UI disables the button
  });

  it('keeps every choice after an error and refreshes what may have moved', async () => {
    core.on('sales:confirm', () => ({ ok: false, error: { code: 'OUT_OF_STOCK', message: 'gone' } }));
    await toConfirm('t10', '2');
    const before = core.count('catalog:product');
    expect(await confirmSale()).toBe(false);
    expect(useFlowStore.getState()).toMatchObject({ step: 'confirm', typeId: 't10', quantityText: '2', confirm: { status: 'error' } });
    expect(useFlowStore.getState().confirm.error?.code).toBe('OUT_OF_STOCK');
    await new Promise((r) => setTimeout(r, 0));
    expect(core.count('catalog:product')).toBe(before + 1);
    goBack();
    expect(useFlowStore.getState()).toMatchObject({ step: 'denominations', typeId: 't10' });
  });

  it('Escape walks back one step at a time, and from progress starts a new sale', async () => {
    await toConfirm();
    goBack();
    expect(useFlowStore.getState().step).toBe('denominations');
    goBack();
    expect(useFlowStore.getState().step).toBe('grid');
    await toConfirm();
    await confirmSale();
    goBack();
    expect(useFlowStore.getState()).toMatchObject({ step: 'grid', saleId: null });
  });
});

describe('active sales', () => {
  it("announces a background sale that finishes, and takes the balance from the core's event", async () => {
    await toConfirm();
    await confirmSale();
    const sale = useSalesStore.getState().byId[1]!;
    newSale(); // the cashier moves on while it is pending
    const balanceCalls = core.count('account:balance');
    core.emit('sales:changed', { ...sale, state: 'PLACED', updatedAt: new Date(Date.now() + 1000).toISOString() });
    expect(useSalesStore.getState().toasts).toEqual([]);
    core.emit('sales:changed', {
      ...sale,
      state: 'FULFILLED',
      deliveredQuantity: 2,
      updatedAt: new Date(Date.now() + 2000).toISOString(),
      cards: [
        { index: 0, codeMasked: '•••• AB12', serialMasked: '••12' },
        { index: 1, codeMasked: '•••• CD34', serialMasked: '••34' },
      ],
    });
    expect(useSalesStore.getState().toasts).toMatchObject([{ saleId: 1, kind: 'done' }]);
    expect(useSalesStore.getState().finishedThisSession).toEqual([1]);
    // The core reads the balance once per burst and pushes it: the renderer does not read it again.
    expect(core.count('account:balance')).toBe(balanceCalls);
    core.emit('balance:changed', { balanceC: 44_000_00, checkedAt: new Date().toISOString(), low: false });
    expect(useBalanceStore.getState().balance?.balanceC).toBe(44_000_00);
    // A late, older event does not bring it back to pending.
    core.emit('sales:changed', { ...sale, state: 'PLACED' });
    expect(useSalesStore.getState().byId[1]!.state).toBe('FULFILLED');
  });

  it('does not read the balance per finished sale: a burst of ten finishing costs no balance request here', async () => {
    await toConfirm();
    await confirmSale();
    const sale = useSalesStore.getState().byId[1]!;
    newSale();
    const balanceCalls = core.count('account:balance');
    const later = new Date(Date.now() + 5000).toISOString();
    for (let id = 1; id <= 10; id++) core.emit('sales:changed', { ...sale, id, state: 'FULFILLED', deliveredQuantity: sale.quantity, updatedAt: later });
    expect(useSalesStore.getState().finishedThisSession).toHaveLength(10);
    expect(core.count('account:balance')).toBe(balanceCalls);
  });

  it('does not toast the sale on screen', async () => {
    await toConfirm();
    await confirmSale();
    const sale = useSalesStore.getState().byId[1]!;
    receiveSale({ ...sale, state: 'REFUNDED', refundDueC: sale.totalRetailC, updatedAt: new Date(Date.now() + 1000).toISOString() });
    expect(useSalesStore.getState().toasts).toEqual([]);
    expect(useSalesStore.getState().byId[1]!.state).toBe('REFUNDED');
  });

  it('cancels a queued sale through the core', async () => {
    const queued = saleFrom({ productId: 'p1', typeId: 't10', quantity: 1, expectedUnitRetailC: 1 }, { state: 'QUEUED' });
    receiveSale(queued);
    core.on('sales:cancel', ({ saleId }) => ({
      ok: true,
      value: { ...queued, id: saleId, state: 'CANCELLED', updatedAt: new Date(Date.now() + 1000).toISOString() },
    }));
    await cancelSale(queued.id);
    expect(useSalesStore.getState().byId[queued.id]!.state).toBe('CANCELLED');
  });
});

describe('settings actions', () => {
  it('switches language at once and saves it', async () => {
    await setLanguage('ar');
    expect(i18n.language).toBe('ar');
    expect(core.calls.at(-1)).toEqual({ name: 'settings:update', input: { language: 'ar' } });
    await setLanguage('fr');
  });

  it('reverts the language if the core refuses', async () => {
    core.on('settings:update', () => ({ ok: false, error: { code: 'INTERNAL', message: 'disk full' } }));
    await setLanguage('en');
    expect(useSettingsStore.getState().settings.language).toBe('fr');
    expect(i18n.language).toBe('fr');
  });

  it('toggles favourites with a settings patch', async () => {
    await toggleFavourite('p1');
    expect(useSettingsStore.getState().settings.favourites).toEqual(['p1']);
    expect(core.calls.at(-1)).toEqual({ name: 'settings:update', input: { favourites: ['p1'] } });
    await toggleFavourite('p1');
    expect(useSettingsStore.getState().settings.favourites).toEqual([]);
  });
});
