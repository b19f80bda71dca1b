/**
 * Money is kept in integer centimes (1 DZD = 100 centimes). The provider sends DZD as JSON
 * numbers that may be fractional (e.g. 496.25); they are converted once, at the edge, here.
 */
export type Centimes = number;

export function dzdToCentimes(dzd: number): Centimes {
  if (!Number.isFinite(dzd)) throw new RangeError('amount is not a finite number');
  // Round through a string so that 496.255 style binary noise cannot shift a centime.
  return Math.round(Number((dzd * 100).toFixed(4)));
}

export function centimesToDzdString(c: Centimes): string {
  const sign = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Retail price of one card: cost plus markup, rounded up to whole dinars.
 * markupBp is in basis points (500 = 5 %), so the whole computation stays in integers.
 */
export function retailFromCost(costC: Centimes, markupBp: number): Centimes {
  if (!Number.isInteger(costC) || costC < 0) throw new RangeError('cost must be whole centimes');
  if (!Number.isInteger(markupBp) || markupBp < 0) throw new RangeError('markup must be whole basis points');
  const scaled = costC * (10_000 + markupBp); // centimes × 10 000
  const perDinar = 10_000 * 100;
  return Math.ceil(scaled / perDinar) * 100;
}

export function multiply(unit: Centimes, quantity: number): Centimes {
  return unit * quantity;
}

export function sum(values: readonly Centimes[]): Centimes {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Formats for display in the chosen locale (fr-DZ, ar-DZ, en-DZ), never for arithmetic. */
export function formatDzd(c: Centimes, locale: string, opts: { arabicDigits?: boolean } = {}): string {
  const base = locale.split('-')[0] || 'fr';
  const tag = base === 'ar' ? `ar-DZ-u-nu-${opts.arabicDigits ? 'arab' : 'latn'}` : `${base}-DZ`;
  const whole = c % 100 === 0;
  return new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'DZD',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(c / 100);
}
