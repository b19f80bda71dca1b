import { beforeEach, describe, expect, it } from 'vitest';
import type { Catalog, ProductDetailView } from '../../shared/domain';
import { installApi } from '../../renderer/src/bridge';
import {
  chooseOperator,
  choosePlan,
  confirmFlexy,
  flexyProblems,
  openFlexyConfirm,
  pressFlexyKey,
  sellSuggestedOffer,
  setFlexyAmount,
  typeFlexyNumber,
} from '../../renderer/src/features/flexy/flexyActions';
import { initialFlexy, useFlexyStore } from '../../renderer/src/features/flexy/flexyStore';
import {
  checkLine,
  chooseCard,
  chooseInternetType,
  confirmInternet,
  internetProblems,
  openInternetConfirm,
  typeInternetNumber,
} from '../../renderer/src/features/internet/internetActions';
import { initialInternet, useInternetStore } from '../../renderer/src/features/internet/internetStore';
import { useFlowStore, initialFlow } from '../../renderer/src/features/counter/saleFlowStore';
import { useCounterLineStore } from '../../renderer/src/features/top-ups/counterLineStore';
import { notLoaded } from '../../renderer/src/ui/loadStatus';
import { FakeCore } from './helpers/fake-core';
import { saleFixture } from './fixtures/till-data';

const djezzy: ProductDetailView = {
  productId: 'Djezzy',
  title: 'Djezzy',
  markupBp: null,
  checkedAt: '2026-01-01T00:00:00.000Z',
  live: true,
  denominations: [
    {
      typeId: 'PREPAID_DJEZZY',
      name: 'PREPAID',
      costC: null,
      retailC: 10000,
      stock: 1e6,
      feeC: 0,
      amountRange: { minC: 10000, maxC: 1_000_000 },
      costPpm: null,
      enabled: true,
      kind: 'prepaid',
    },
    {
      typeId: 'FACTURE_DJEZZY',
      name: 'FACTURE',
      costC: null,
      retailC: 10000,
      stock: 1e6,
      feeC: 0,
      amountRange: { minC: 10000, maxC: 5_000_000 },
      costPpm: null,
      enabled: true,
      kind: 'bill',
    },
    { typeId: 'MIX_DJEZZY', name: 'MIX', costC: null, retailC: 100000, stock: 1e6, faceC: 100000, feeC: 0, amountRange: null, enabled: false, kind: 'fixed' },
  ],
};
const adsl: ProductDetailView = {
  productId: 'ADSL',
  title: 'ADSL',
  markupBp: null,
  checkedAt: '2026-01-01T00:00:00.000Z',
  live: true,
  denominations: [
    { typeId: '1000', name: '1000 DA', costC: null, retailC: 100000, stock: 5 },
    { typeId: '2000', name: '2000 DA', costC: null, retailC: 200000, stock: 0 },
  ],
};
const operators: Catalog = { categories: [], products: [], fetchedAt: '2026-01-01T00:00:00.000Z', stale: false };

let core: FakeCore;
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  core = new FakeCore();
  core.on('catalog:list', () => ({ ok: true, value: operators }));
  core.on('catalog:product', ({ productId }) => ({
    ok: true,
    value: productId === 'ADSL' || productId === '4G' ? { ...adsl, productId, title: productId } : { ...djezzy, productId, title: productId },
  }));
  core.on('sales:confirm', (input) => ({ ok: true, value: saleFixture({ id: 7, state: 'QUEUED', productId: input.productId, typeId: input.typeId }) }));
  core.on('internet:checkNumber', ({ type, number }) => ({ ok: true, value: { type, number, customerId: '11022*****', offer: 'FTTc-b_10M' } }));
  installApi(core.bridge);
  useFlexyStore.setState({ ...initialFlexy, operators: notLoaded(), showCost: false });
  useInternetStore.setState(initialInternet);
  useFlowStore.setState(initialFlow);
  useCounterLineStore.setState({ line: 'gift-cards' });
});

describe('flexy at the counter', () => {
  it('proposes Djezzy from 07, loads its plans, and sends the typed amount once', async () => {
    for (const k of '077803734') pressFlexyKey(k as never);
    expect(flexyProblems()).toContainEqual({ kind: 'number', problem: 'length', line: 'mobile' });
    pressFlexyKey('0');
    await settle();
    expect(useFlexyStore.getState()).toMatchObject({ number: '0778037340', operator: 'Djezzy', operatorSource: 'proposed' });
    expect(core.last('catalog:product')).toEqual({ line: 'mobile-topups', productId: 'Djezzy' });
    choosePlan('PREPAID_DJEZZY');
    expect(flexyProblems()).toEqual([{ kind: 'amountEmpty', minC: 10000, maxC: 1_000_000 }]);
    setFlexyAmount('20000');
    expect(flexyProblems()).toEqual([{ kind: 'amountRange', minC: 10000, maxC: 1_000_000 }]);
    openFlexyConfirm();
    expect(useFlexyStore.getState().confirm.open).toBe(false); // nothing opens, nothing is sent
    setFlexyAmount('500');
    openFlexyConfirm();
    const [a, b] = await Promise.all([confirmFlexy(), confirmFlexy()]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(core.count('sales:confirm')).toBe(1);
    expect(core.last('sales:confirm')).toEqual({
      line: 'mobile-topups',
      productId: 'Djezzy',
      typeId: 'PREPAID_DJEZZY',
      quantity: 1,
      expectedUnitRetailC: 50000,
      entry: { recipient: '0778037340', amountDzd: 500 },
    });
    expect(useFlowStore.getState()).toMatchObject({ step: 'progress', saleId: 7 });
    expect(useFlexyStore.getState().number).toBe(''); // the next customer starts clean
  });

  it('keeps the cashier’s operator over the prefix, and never sells a disabled plan', async () => {
    chooseOperator('Djezzy');
    typeFlexyNumber('+213 661 23 45 67');
    await settle();
    expect(useFlexyStore.getState()).toMatchObject({ number: '0661234567', operator: 'Djezzy', operatorSource: 'chosen' });
    choosePlan('MIX_DJEZZY');
    expect(flexyProblems()).toEqual([{ kind: 'planDisabled' }]);
    openFlexyConfirm();
    expect(await confirmFlexy()).toBe(false);
    expect(core.count('sales:confirm')).toBe(0);
  });

  it('turns a suggested offer into a new flexy sale with that plan and amount, waiting for the cashier', async () => {
    useFlowStore.setState({ ...initialFlow, step: 'progress', saleId: 3 });
    const refused = saleFixture({ id: 3, state: 'REFUNDED', line: 'mobile-topups', productId: 'Mobilis', recipient: '0600000002' });
    await sellSuggestedOffer(refused, { name: 'Facture', planCode: 'FACTURE_DJEZZY', amountC: 150000 });
    expect(useFlowStore.getState().step).toBe('grid');
    expect(useCounterLineStore.getState().line).toBe('mobile-topups');
    expect(useFlexyStore.getState()).toMatchObject({ number: '0600000002', operator: 'Djezzy', planCode: 'FACTURE_DJEZZY', amountText: '1500' });
    expect(core.count('sales:confirm')).toBe(0);
  });
});

describe('internet at the counter', () => {
  it('asks for the line check, then sells an available card to the normalised number', async () => {
    chooseInternetType('4G');
    await settle();
    typeInternetNumber('0472731602');
    expect(useInternetStore.getState().number).toBe('213472731602');
    chooseCard('2000'); // out of stock: not chosen
    expect(useInternetStore.getState().typeId).toBeNull();
    chooseCard('1000');
    expect(internetProblems()).toEqual([{ kind: 'lineNotChecked' }]);
    await checkLine();
    expect(core.last('internet:checkNumber')).toEqual({ type: '4G', number: '213472731602' });
    expect(internetProblems()).toEqual([]);
    openInternetConfirm();
    expect(await confirmInternet()).toBe(true);
    expect(core.last('sales:confirm')).toEqual({
      line: 'internet',
      productId: '4G',
      typeId: '1000',
      quantity: 1,
      expectedUnitRetailC: 100000,
      entry: { recipient: '213472731602' },
    });
  });

  it('forgets the check when the number changes', async () => {
    chooseInternetType('ADSL');
    await settle();
    typeInternetNumber('036362608');
    await checkLine();
    expect(useInternetStore.getState().check.status).toBe('ok');
    typeInternetNumber('03636260');
    expect(useInternetStore.getState().check.status).toBe('idle');
    expect(internetProblems()[0]).toEqual({ kind: 'number', problem: 'length', line: 'ADSL' });
  });
});
