import type { SaleState } from '../../../shared/domain';
import type { LineOrderStatus } from '../product-lines/product-line';

/**
 * What the provider's status of an order means for the sale that placed it, for the engine's
 * polls and for orders adopted by reconciliation alike: still handling is PLACED (polled on),
 * the three others are final.
 */
export const SALE_STATE_OF_ORDER: Record<LineOrderStatus, SaleState> = {
  HANDLING: 'PLACED',
  FULFILLED: 'FULFILLED',
  PARTIALLY_FILLED: 'PARTIALLY_FILLED',
  REFUNDED: 'REFUNDED',
};
