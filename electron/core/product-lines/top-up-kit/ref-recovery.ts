import { ApiError } from '../../provider/errors';
import type { LineOrder, RecoverySearch, SentSale } from '../product-line';
import type { TopUpReads } from './top-up-reads';

/** Whether a top-up at the provider is this sale's: same number, plan (or type) and amount. */
export type FitsSale = (order: LineOrder, sale: SentSale) => boolean;

export function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.kind === 'not_found';
}

/** The provider's "this ref is already used" answer (DUPLICATED_REF in its docs, DUPLICATED-REF in a capture). */
export function isDuplicatedRef(e: unknown): boolean {
  return e instanceof ApiError && /^DUPLICATED[-_]REF$/i.test(String(e.details?.providerCode ?? ''));
}

/**
 * How a top-up whose answer was lost is found (oneclickdz-topups.md §4): by our own ref first
 * (check-ref), then by the ref the provider answered if we have it; the provider may file it under
 * a ref of its own (`API-<account>-…`, the sandbox does), so then the list: an item carrying our
 * ref (or ending in it), else the items that fit the sale (number, plan, amount, near the send
 * time) and that no sale of this till owns. One is adopted; several go to the owner; none, after
 * the grace time, means it was not created, and the resend carries the same ref (safe: a
 * duplicate is refused with DUPLICATED_REF, which is looked up again).
 */
export async function recoverByRef(
  reads: Pick<TopUpReads, 'byRef' | 'list'>,
  sale: SentSale,
  search: RecoverySearch,
  isKnown: (orderId: string) => boolean,
  fits: FitsSale,
): Promise<LineOrder[]> {
  for (const ref of new Set([sale.ref, sale.providerRef].filter((r): r is string => Boolean(r)))) {
    try {
      const found = await reads.byRef(ref);
      if (fits(found, sale)) return [found];
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
  const listed = await reads.list(search.from, search.to, 20);
  const ours = listed.filter((o) => sale.ref !== null && o.providerRef !== undefined && o.providerRef !== null && refMatches(o.providerRef, sale.ref));
  if (ours.length > 0) return ours.filter((o) => fits(o, sale)).slice(0, 1);
  return listed.filter((o) => {
    if (isKnown(o.orderId) || !fits(o, sale)) return false;
    const at = o.time === null ? NaN : Date.parse(o.time);
    return Number.isFinite(at) && at >= sale.sentAt - search.beforeMs && at <= sale.sentAt + search.afterMs;
  });
}

/** The provider may prefix our ref with its own (`API-+213…-<our ref>`). */
function refMatches(providerRef: string, ours: string): boolean {
  return providerRef === ours || providerRef.endsWith(`-${ours}`);
}
