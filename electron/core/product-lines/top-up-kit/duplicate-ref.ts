import { ApiError } from '../../provider/errors';
import type { LineOrder, PlacedOrder, SentSale } from '../product-line';
import { isNotFound, type FitsSale } from './ref-recovery';
import type { TopUpReads } from './top-up-reads';

/**
 * The provider refused a send with DUPLICATED_REF: a top-up under this ref exists already
 * (oneclickdz-topups.md §4). Never a failure to count: it is looked up. If it is this sale's (a
 * first send whose answer was lost), the sale adopts it. If it is another top-up, the ref collided
 * and nothing was charged for this sale: it is refused, the cashier gives the money back. If the
 * lookup cannot find it (the provider filed it under a ref of its own), the outcome is unknown and
 * the usual recovery searches the list.
 */
export async function adoptDuplicate(reads: Pick<TopUpReads, 'byRef'>, sale: SentSale, fits: FitsSale): Promise<PlacedOrder> {
  let found: LineOrder;
  try {
    found = await reads.byRef(sale.ref as string);
  } catch (e) {
    if (isNotFound(e)) throw new ApiError('unknown', 'API_OUTCOME_UNKNOWN', 'The provider has this ref but could not show it; looking for it');
    throw e;
  }
  if (!fits(found, sale)) {
    throw new ApiError('rejected', 'API_VALIDATION', 'This ref belongs to another top-up at the provider; nothing was charged for this sale');
  }
  return { orderId: found.orderId, providerRef: found.providerRef ?? null };
}
