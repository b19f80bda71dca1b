import { FINAL_STATES, PENDING_STATES, type Sale, type SaleState } from '../../../../shared/domain';
import { multiply } from '../../../../shared/money';

export const isFinal = (state: SaleState): boolean => FINAL_STATES.includes(state);
export const isPending = (state: SaleState): boolean => PENDING_STATES.includes(state);

/** States whose receipt carries codes worth printing. */
export const hasReceipt = (state: SaleState): boolean => state === 'FULFILLED' || state === 'PARTIALLY_FILLED';

/** A failed, refused or cancelled sale gets a slip telling the cashier what to give back. */
export const hasFailureSlip = (state: SaleState): boolean => state === 'REFUNDED' || state === 'REJECTED' || state === 'CANCELLED';

export const canCancel = (state: SaleState): boolean => state === 'QUEUED' || state === 'EXPIRED';
export const canSendNow = (state: SaleState): boolean => state === 'EXPIRED';

export function undeliveredCount(sale: Pick<Sale, 'quantity' | 'deliveredQuantity'>): number {
  return Math.max(0, sale.quantity - sale.deliveredQuantity);
}

/**
 * Merges a sale that arrived (event or command result) with the one we hold. Events and command
 * results can cross on the wire, so an older copy never overwrites a newer one and a final state
 * never goes back to a pending one.
 */
export function newerSale(held: Sale | undefined, incoming: Sale): Sale {
  if (!held) return incoming;
  if (isFinal(held.state) && !isFinal(incoming.state)) return held;
  if (incoming.updatedAt < held.updatedAt) return held;
  return incoming;
}

/** Whether this update is the moment a sale finished (so the balance is refreshed and the cashier told). */
export function justFinished(held: Sale | undefined, merged: Sale): boolean {
  return isFinal(merged.state) && (!held || !isFinal(held.state));
}

/** Balance left after buying `quantity` cards at `unitCostC` (integer centimes). */
export function balanceAfter(balanceC: number, unitCostC: number, quantity: number): number {
  return balanceC - multiply(unitCostC, quantity);
}

/** Seconds elapsed since an ISO time, never negative. */
export function secondsSince(iso: string | null, nowMs: number): number {
  if (!iso) return 0;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return 0;
  return Math.max(0, Math.floor((nowMs - t) / 1000));
}
