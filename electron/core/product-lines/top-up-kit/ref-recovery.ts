import { ApiError } from '../../provider/errors';
import type { OneClickDzClient } from '../../provider/client';
import type { LineOrder, RecoverySearch, SentSale } from '../product-line';

/** The parts of a top-up line the recovery needs: its lookups, its list, and whether an order fits a sale. */
export interface RefLookups {
  byRef(api: OneClickDzClient, ref: string): Promise<LineOrder>;
  list(api: OneClickDzClient, from: number, to: number, maxPages: number): Promise<LineOrder[]>;
  /** Same number, plan (or type) and amount as the sale. */
  fits(order: LineOrder, sale: SentSale): boolean;
  recipientOf(order: LineOrder): string | null;
}

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
  api: OneClickDzClient,
  sale: SentSale,
  search: RecoverySearch,
  isKnown: (orderId: string) => boolean,
  lookups: RefLookups,
): Promise<LineOrder[]> {
  for (const ref of new Set([sale.ref, sale.providerRef].filter((r): r is string => Boolean(r)))) {
    try {
      const found = await lookups.byRef(api, ref);
      if (lookups.fits(found, sale)) return [found];
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
  const listed = await lookups.list(api, search.from, search.to, 20);
  const ours = listed.filter((o) => sale.ref !== null && o.providerRef !== undefined && o.providerRef !== null && refMatches(o.providerRef, sale.ref));
  if (ours.length > 0) return ours.filter((o) => lookups.fits(o, sale)).slice(0, 1);
  return listed.filter((o) => {
    if (isKnown(o.orderId) || !lookups.fits(o, sale)) return false;
    const at = o.time === null ? NaN : Date.parse(o.time);
    return Number.isFinite(at) && at >= sale.sentAt - search.beforeMs && at <= sale.sentAt + search.afterMs;
  });
}

/** The provider may prefix our ref with its own (`API-+213…-<our ref>`). */
function refMatches(providerRef: string, ours: string): boolean {
  return providerRef === ours || providerRef.endsWith(`-${ours}`);
}
