import { z } from 'zod';

/**
 * The bounds every amount and quantity the renderer sends must keep (issue 9, "unbounded cash
 * amounts"). Money is integer centimes (shared/money.ts).
 *
 * Ceiling: 100 000 000 DA (10^10 centimes). It is far above anything a gift-card counter meets (the
 * dearest card is tens of thousands of dinars, a drawer or a balance alert a few million), and low
 * enough that every sum the reports make stays exact: one sale is at most 100 cards × 10^10 = 10^12
 * centimes, so a report would need over 9 000 such sales, or 900 000 shifts opened with the ceiling,
 * before reaching 2^53 ≈ 9.007 × 10^15, where JavaScript numbers stop being exact integers.
 */
export const MAX_AMOUNT_C = 10_000_000_000;
/** Cards in one sale (the provider's orders are small; settings.maxQuantityPerSale lowers it). */
export const MAX_QUANTITY = 100;

const TOO_BIG = `must be at most 100 000 000 DA (${MAX_AMOUNT_C} centimes)`;

/** An amount of money in whole centimes, from 0 up to MAX_AMOUNT_C. */
export const amountSchema = z.number().int(`must be whole centimes, at most 100 000 000 DA`).min(0, 'must not be negative').max(MAX_AMOUNT_C, TOO_BIG);

/** How many cards in one sale. */
export const quantitySchema = z.number().int().min(1).max(MAX_QUANTITY);

/** Markup in basis points (500 = 5 %), at most 1 000 %: price × markup stays well inside exact integers. */
export const MAX_MARKUP_BP = 100_000;
export const markupBpSchema = z.number().int().min(0).max(MAX_MARKUP_BP);
