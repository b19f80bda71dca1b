import type { Sale } from '../../../../shared/domain';
import { api } from '../../bridge';
import { justFinished, newerSale } from './saleStates';
import { useFlowStore } from '../counter/saleFlowStore';
import { useSalesStore, type Toast } from './salesStore';
import { useUiStore } from '../../app/uiStore';
import { dropReceipt } from '../receipts/receiptActions';

const MAX_TOASTS = 5;
let toastSeq = 0;

export async function loadSales(): Promise<void> {
  useSalesStore.setState((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading' }));
  const r = await api().call('sales:list', { limit: 200 });
  if (!r.ok) {
    useSalesStore.setState({ status: 'error', error: r.error });
    return;
  }
  useSalesStore.setState((s) => {
    const byId = { ...s.byId };
    for (const sale of r.value) byId[sale.id] = newerSale(byId[sale.id], sale);
    return { status: 'ready', byId, error: null };
  });
}

function toastKind(sale: Sale): Toast['kind'] {
  switch (sale.state) {
    case 'FULFILLED':
      return 'done';
    case 'PARTIALLY_FILLED':
      return 'partial';
    case 'REFUNDED':
      return 'failed';
    default:
      return 'rejected';
  }
}

/**
 * Every sale update (event or command result) goes through here. When a sale finishes and the
 * cashier is not looking at it, a toast says so. The balance is not read here: the core reads it
 * once per burst of finished sales and pushes balance:changed (boot.ts applies it), so draining
 * a queue of twenty sales costs one balance request, not twenty-one.
 */
export function receiveSale(sale: Sale): void {
  const held = useSalesStore.getState().byId[sale.id];
  const merged = newerSale(held, sale);
  if (merged === held) return;
  const finished = justFinished(held, merged);
  const onScreen = useFlowStore.getState().step === 'progress' && useFlowStore.getState().saleId === sale.id;
  useSalesStore.setState((s) => {
    const next: Partial<typeof s> = { byId: { ...s.byId, [sale.id]: merged } };
    if (finished) {
      next.finishedThisSession = [sale.id, ...s.finishedThisSession.filter((id) => id !== sale.id)].slice(0, 20);
      if (!onScreen && merged.state !== 'CANCELLED') {
        const toast: Toast = { id: ++toastSeq, saleId: sale.id, kind: toastKind(merged) };
        next.toasts = [...s.toasts.filter((t) => t.saleId !== sale.id), toast].slice(-MAX_TOASTS);
      }
    }
    return next;
  });
  if (finished) {
    // A receipt fetched before the end was a pending slip: the final one replaces it.
    dropReceipt(sale.id);
  }
}

export function dismissToast(id: number): void {
  useSalesStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

export function openSaleReceipt(saleId: number): void {
  useSalesStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.saleId !== saleId) }));
  useUiStore.setState({ receiptSaleId: saleId });
}

export function closeSaleReceipt(): void {
  const id = useUiStore.getState().receiptSaleId;
  useUiStore.setState({ receiptSaleId: null });
  if (id !== null && useFlowStore.getState().saleId !== id) dropReceipt(id);
}

/** Removes a finished sale from the tray's "finished" list. */
export function forgetFinished(saleId: number): void {
  useSalesStore.setState((s) => ({ finishedThisSession: s.finishedThisSession.filter((id) => id !== saleId) }));
  dropReceipt(saleId);
}

async function trayAction(saleId: number, name: 'sales:cancel' | 'sales:sendNow'): Promise<void> {
  if (useSalesStore.getState().busy[saleId]) return;
  useSalesStore.setState((s) => ({ busy: { ...s.busy, [saleId]: true }, actionError: null }));
  const r = await api().call(name, { saleId });
  useSalesStore.setState((s) => {
    const busy = { ...s.busy };
    delete busy[saleId];
    return { busy, actionError: r.ok ? null : { saleId, error: r.error } };
  });
  if (r.ok) receiveSale(r.value);
}

export const cancelSale = (saleId: number) => trayAction(saleId, 'sales:cancel');
export const sendSaleNow = (saleId: number) => trayAction(saleId, 'sales:sendNow');
