import type { LineOrderStatus } from '../product-line';

/**
 * The provider's status words for top-ups, as the till reads them (oneclickdz-topups.md §1.6,
 * §1.7, §2.5). The English pages say PENDING/HANDLING/FULFILLED/REFUNDED/UNKNOWN_ERROR (mobile)
 * and HANDLING/QUEUED/FULFILLED/REFUNDED (internet); the Arabic pages say SUCCESS and FAILED:
 * both are read. A word nobody documented is not final: the sale stays placed and is read again.
 */
export function topUpStatus(raw: string): LineOrderStatus {
  switch (raw.trim().toUpperCase()) {
    case 'FULFILLED':
    case 'SUCCESS':
      return 'FULFILLED';
    case 'REFUNDED':
    case 'FAILED':
      return 'REFUNDED';
    case 'UNKNOWN_ERROR':
      return 'TO_VERIFY';
    case 'QUEUED':
      return 'QUEUED';
    default:
      return 'HANDLING';
  }
}
