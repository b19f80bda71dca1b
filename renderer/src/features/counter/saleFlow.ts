import { api } from '../../bridge';
import { clampQuantity, maxQuantity, parseQuantityText } from './quantity';
import { balanceAfter } from '../pending-sales/saleStates';
import { useCatalogStore } from '../catalog/catalogStore';
import { initialFlow, useFlowStore } from './saleFlowStore';
import { useSettingsStore } from '../settings/settingsStore';
import { useBalanceStore, useStatusStore } from '../status-bar/statusStore';
import type { DenominationView as Denomination } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { dropReceipt } from '../receipts/receiptActions';
import { receiveSale } from '../pending-sales/salesActions';
import { refreshBalance } from '../status-bar/statusActions';

/** Opening a product asks the core for live prices and stock (catalog:product). */
export async function openProduct(productId: string): Promise<void> {
  const product = useCatalogStore.getState().catalog?.products.find((p) => p.id === productId);
  if (!product || !product.enabled) return;
  useFlowStore.setState({
    ...initialFlow,
    showCost: useFlowStore.getState().showCost,
    step: 'denominations',
    productId,
    productTitle: product.title,
    detail: { status: 'loading', value: null, error: null },
  });
  await reloadProduct();
}

export async function reloadProduct(): Promise<void> {
  const { productId } = useFlowStore.getState();
  if (!productId) return;
  useFlowStore.setState((s) => ({ detail: { ...s.detail, status: s.detail.value ? 'ready' : 'loading', error: null } }));
  const r = await api().call('catalog:product', { productId });
  if (useFlowStore.getState().productId !== productId) return; // the cashier moved on
  if (r.ok) {
    useFlowStore.setState({ detail: { status: 'ready', value: r.value, error: null }, productTitle: r.value.title });
    // Stock may have dropped under the quantity on the confirmation: bring the box down to it.
    const { step, quantityText } = useFlowStore.getState();
    if (step === 'confirm' && quantityText) setQuantityText(quantityText);
  } else useFlowStore.setState((s) => ({ detail: { status: 'error', value: s.detail.value, error: r.error } }));
}

export function selectedDenomination(): Denomination | null {
  const { detail, typeId } = useFlowStore.getState();
  return detail.value?.denominations.find((d) => d.typeId === typeId) ?? null;
}

export function quantityLimits(d: Denomination | null) {
  return { stock: d?.stock ?? 0, maxPerSale: useSettingsStore.getState().settings.maxQuantityPerSale, balance: d?.balanceCap ?? null };
}

/**
 * A denomination goes straight to the confirmation with one card: the common sale is three
 * touches (tile, card, confirm). The quantity is changed there when the customer wants more.
 */
export function chooseDenomination(typeId: string): void {
  const s = useFlowStore.getState();
  if (s.step !== 'denominations') return;
  const d = s.detail.value?.denominations.find((x) => x.typeId === typeId);
  if (!d || d.stock < 1) return;
  useFlowStore.setState({ step: 'confirm', typeId, quantityText: '1', confirm: { status: 'idle', error: null } });
  void refreshBalance(false);
}

/**
 * Digits only (Arabic-Indic digits accepted). Above the limit, the box shows the limit at once
 * and the screen says which limit it is; an empty box is allowed while the cashier types.
 */
export function setQuantityText(text: string): void {
  const n = parseQuantityText(text);
  if (Number.isNaN(n)) {
    useFlowStore.setState({ quantityText: '' });
    return;
  }
  const { max } = maxQuantity(quantityLimits(selectedDenomination()));
  useFlowStore.setState({ quantityText: String(max >= 1 ? Math.min(n, max) : n) });
}

export function currentQuantity(): { quantity: number; bound: ReturnType<typeof clampQuantity>['bound'] } {
  const { quantityText } = useFlowStore.getState();
  return clampQuantity(parseQuantityText(quantityText), quantityLimits(selectedDenomination()));
}

export function stepQuantity(delta: number): void {
  if (useFlowStore.getState().confirm.status === 'sending') return; // what is being sent stays on screen
  const { quantity } = currentQuantity();
  const next = clampQuantity(quantity + delta, quantityLimits(selectedDenomination()));
  useFlowStore.setState({ quantityText: String(Math.max(1, next.quantity)) });
}

/** What the box asks for, or null while it is empty. */
export function typedQuantity(): number | null {
  const n = parseQuantityText(useFlowStore.getState().quantityText);
  return Number.isNaN(n) ? null : n;
}

/**
 * The quantity that may be sent: exactly what the box shows, and only while it is inside the
 * limits. Never a silently corrected number: the customer pays for what the cashier saw.
 */
export function sendableQuantity(): number | null {
  const typed = typedQuantity();
  if (typed === null || typed < 1) return null;
  return typed === currentQuantity().quantity ? typed : null;
}

/** Reasons the sale cannot go through, checked before the confirm button is enabled. */
export type Blocker =
  { kind: 'cannotSell'; reason: string | null } | { kind: 'stock'; stock: number } | { kind: 'balance'; missingC: number } | { kind: 'transport' };

export function blockers(): Blocker[] {
  const out: Blocker[] = [];
  const status = useStatusStore.getState();
  if (status.transport === 'down') out.push({ kind: 'transport' });
  if (status.appStatus && !status.appStatus.canSell) out.push({ kind: 'cannotSell', reason: status.appStatus.cannotSellReason });
  const d = selectedDenomination();
  const quantity = typedQuantity() ?? currentQuantity().quantity;
  if (!d || d.stock < quantity || quantity < 1) out.push({ kind: 'stock', stock: d?.stock ?? 0 });
  const balance = useBalanceStore.getState().balance;
  // A cashier is not sent the cost (owner only): the core checks the balance when the sale is confirmed.
  if (d && balance && d.costC !== null) {
    const after = balanceAfter(balance.balanceC, d.costC, quantity);
    if (after < 0) out.push({ kind: 'balance', missingC: -after });
  }
  return out;
}

const REFRESH_AFTER: ReadonlySet<AppErrorShape['code']> = new Set([
  'OUT_OF_STOCK',
  'INSUFFICIENT_BALANCE',
  'INVALID_STATE',
  'API_VALIDATION',
  'QUANTITY_LIMIT',
]);

/**
 * Sends sales:confirm once. The store flag is set synchronously, so a second call in the same
 * tick (double click, double Enter, touch bounce) returns without sending anything.
 */
export async function confirmSale(): Promise<boolean> {
  const s = useFlowStore.getState();
  if (s.step !== 'confirm' || s.confirm.status === 'sending') return false;
  const d = selectedDenomination();
  const quantity = sendableQuantity();
  if (!s.productId || !d || quantity === null) return false;
  useFlowStore.setState({ confirm: { status: 'sending', error: null } });
  const r = await api().call('sales:confirm', {
    productId: s.productId,
    typeId: d.typeId,
    quantity,
    expectedUnitRetailC: d.retailC,
  });
  if (!r.ok) {
    // Nothing was sold: keep every choice, show why, and refresh what may have changed.
    useFlowStore.setState({ confirm: { status: 'error', error: r.error } });
    if (REFRESH_AFTER.has(r.error.code)) {
      void reloadProduct();
      void refreshBalance(true);
    }
    return false;
  }
  useFlowStore.setState({ step: 'progress', saleId: r.value.id, confirm: { status: 'idle', error: null } });
  receiveSale(r.value);
  return true;
}

/** Escape: one step back. From the progress screen it starts a new sale (the old one keeps going). */
export function goBack(): void {
  const s = useFlowStore.getState();
  switch (s.step) {
    case 'confirm':
      // typeId stays: the denominations screen gives that card the focus again.
      if (s.confirm.status !== 'sending') useFlowStore.setState({ step: 'denominations', confirm: { status: 'idle', error: null } });
      return;
    case 'denominations':
      useFlowStore.setState({ ...initialFlow, showCost: s.showCost });
      return;
    case 'progress':
      newSale();
      return;
    case 'grid':
      return;
  }
}

/** Back to the grid. A pending sale keeps going in the tray. */
export function newSale(): void {
  const s = useFlowStore.getState();
  if (s.confirm.status === 'sending') return;
  if (s.saleId !== null) dropReceipt(s.saleId);
  useFlowStore.setState({ ...initialFlow, showCost: s.showCost });
}

export function setShowCost(showCost: boolean): void {
  useFlowStore.setState({ showCost });
}
