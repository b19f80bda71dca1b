import type { SaleState } from '../../../shared/domain';
import type { LineOrderStatus } from '../product-lines/product-line';

/**
 * What the provider's status of an order means for the sale that placed it, for the engine's
 * polls and for orders adopted by reconciliation alike: still handling (or queued) is PLACED
 * (polled on), TO_VERIFY waits for the provider to settle, the three others are final.
 */
export const SALE_STATE_OF_ORDER: Record<LineOrderStatus, SaleState> = {
  HANDLING: 'PLACED',
  // Accepted and scheduled for later: still placed, checked on a slow schedule.
  QUEUED: 'PLACED',
  // Nobody knows yet whether it reached the line: never refunded nor resent, re-checked slowly.
  TO_VERIFY: 'TO_VERIFY',
  FULFILLED: 'FULFILLED',
  PARTIALLY_FILLED: 'PARTIALLY_FILLED',
  REFUNDED: 'REFUNDED',
};
