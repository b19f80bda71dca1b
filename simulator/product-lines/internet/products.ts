/**
 * The internet cards the simulator sells (oneclickdz-topups.md §2.1): ADSL as the reference page's
 * example, unsorted as it is, one value out of stock; 4G in the same spirit (its example is cut).
 * Each simulator works on its own copy, so the control can empty a value in one test only.
 */

export const INTERNET_TYPES = ['ADSL', '4G'] as const;
export type InternetType = (typeof INTERNET_TYPES)[number];

export interface InternetProduct {
  /** What the account pays, DZD. */
  cost: number;
  /** The card's denomination, DZD: what a send names. */
  value: number;
  available: boolean;
}

export function isInternetType(x: unknown): x is InternetType {
  return typeof x === 'string' && (INTERNET_TYPES as readonly string[]).includes(x);
}

export function initialProducts(): Record<InternetType, InternetProduct[]> {
  return {
    ADSL: [
      { cost: 1900, value: 2000, available: false },
      { cost: 2850, value: 3000, available: true },
      { cost: 475, value: 500, available: true },
      { cost: 950, value: 1000, available: true },
    ],
    '4G': [
      { cost: 950, value: 1000, available: true },
      { cost: 4750, value: 5000, available: true },
      { cost: 2375, value: 2500, available: true },
    ],
  };
}
