import { create } from 'zustand';
import type { Sale } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import { api } from '../../bridge';
import { useHistoryStore, useSaleDetailStore } from '../backoffice/history/historyStore';
import { reloadTimeline } from '../backoffice/history/historyActions';
import { receiveSale } from './salesActions';

/** Per sale: a confirmation on its way, or the error the last one met (shown beside the button). */
export const useRefundStore = create<{ busy: Record<number, boolean>; errors: Record<number, AppErrorShape> }>()(() => ({ busy: {}, errors: {} }));

/**
 * "J'ai rendu 1 050 DA": tells the core the refund left the drawer (sales:confirmRefund, once).
 * The figure sent is the one on screen: if it is no longer what is due, the core refuses it.
 * The answer updates the tray, the history row and an open detail with its timeline.
 */
export async function confirmRefund(sale: Sale): Promise<void> {
  const id = sale.id;
  if (useRefundStore.getState().busy[id]) return;
  useRefundStore.setState((s) => ({ busy: { ...s.busy, [id]: true }, errors: without(s.errors, id) }));
  const r = await api().call('sales:confirmRefund', { saleId: id, amountC: sale.money.refundDueC });
  useRefundStore.setState((s) => ({ busy: without(s.busy, id), errors: r.ok ? s.errors : { ...s.errors, [id]: r.error } }));
  if (!r.ok) return;
  receiveSale(r.value);
  useHistoryStore.setState((s) => (s.results.value ? { results: { ...s.results, value: s.results.value.map((x) => (x.id === id ? r.value : x)) } } : {}));
  if (useSaleDetailStore.getState().saleId === id) {
    useSaleDetailStore.setState((s) => ({ sale: { ...s.sale, value: r.value } }));
    await reloadTimeline();
  }
}

function without<T>(map: Record<number, T>, id: number): Record<number, T> {
  const next = { ...map };
  delete next[id];
  return next;
}
