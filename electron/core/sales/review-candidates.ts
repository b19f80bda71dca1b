import { z } from 'zod';
import { AppError } from '../../../shared/result';
import { providerOrderIdSchema } from '../../../shared/sale-review';
import type { Ledger, SaleRow } from '../ledger/ledger';

/** More candidates than this were never stored by the engine: a longer list is not ours. */
const MAX_CANDIDATES = 200;

const candidateListSchema = z.array(providerOrderIdSchema).max(MAX_CANDIDATES);

/**
 * The candidates a flagged sale's JSON (sales.candidates) names, or null when it is not a list of
 * provider order ids: read back from a file, it is checked like any other input.
 */
export function parseCandidates(json: string | null): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '[]');
  } catch {
    return null;
  }
  const ids = candidateListSchema.safeParse(parsed);
  return ids.success ? [...new Set(ids.data)] : null;
}

/** The candidates the engine stored when it flagged the sale; a list that cannot be read is refused whole. */
export function storedCandidates(row: Pick<SaleRow, 'id' | 'candidates'>): string[] {
  const ids = parseCandidates(row.candidates);
  if (!ids) throw new AppError('INTERNAL', 'The candidate orders stored with this sale cannot be read', { saleId: row.id });
  return ids;
}

/**
 * The orders this till's flagged sales wait for the owner to choose from, each with its sale, and
 * how many flagged sales' lists could not be read (whose orders are then unknown).
 *
 * Such an order existed when its sale was flagged, so before any sale sent after it: it is never a
 * later sale's lost order, and the day's reconciliation must not adopt it as "found" (it may be the
 * flagged sale's own, the customer's card).
 */
export function ordersAwaitingReview(ledger: Pick<Ledger, 'select'>): { orders: Map<string, number>; unreadable: number } {
  const orders = new Map<string, number>();
  let unreadable = 0;
  for (const row of ledger.select<Pick<SaleRow, 'id' | 'candidates'>>("SELECT id, candidates FROM sales WHERE state = 'NEEDS_REVIEW' ORDER BY id")) {
    const ids = parseCandidates(row.candidates);
    if (!ids) unreadable++;
    for (const orderId of ids ?? []) if (!orders.has(orderId)) orders.set(orderId, row.id);
  }
  return { orders, unreadable };
}
