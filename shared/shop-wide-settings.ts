import type { Settings } from './domain';

/**
 * Settings that are the shop's, the same at every counter once tills share a ledger (issue 12):
 * prices, fees, limits on a sale, the idle lock, the receipt's header, and the request rate with
 * the provider (it counts per key, so the budget is the shop's: shared-ledger/shop-rate-gate.ts;
 * it was a till's own before tills paced together). The others stay each till's own: its language
 * and digits (the person at that counter), its printer and paper, its queue (its own offline stock
 * of sales), its old name field.
 */
export const SHOP_WIDE_SETTINGS = [
  'shop',
  'markupBp',
  'markupOverridesBp',
  'favourites',
  'instructions',
  'productImages',
  'lowBalanceThresholdC',
  'maxQuantityPerSale',
  'queueExpiryMinutes',
  'idleLockMinutes',
  'reprintWindowMinutes',
  'maxOfflinePriceAgeHours',
  'topupFeeC',
  'topupFeeOverridesC',
  'apiRequestsPerMinute',
] as const satisfies readonly (keyof Settings)[];

export type ShopWideSetting = (typeof SHOP_WIDE_SETTINGS)[number];

export function isShopWideSetting(key: string): key is ShopWideSetting {
  return (SHOP_WIDE_SETTINGS as readonly string[]).includes(key);
}
