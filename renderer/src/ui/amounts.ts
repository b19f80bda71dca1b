import { asciiDigits } from '../features/counter/quantity';

/**
 * Parsing of amounts typed in the settings. Everything is done on the digits as text, so no
 * binary fraction ever touches a price: "5,25" % → 525 basis points, "5000,5" DA → 500050 centimes.
 */
const DECIMAL = /^(\d{1,9})(?:[.,](\d{0,2}))?$/;

function clean(text: string): string {
  return asciiDigits(text)
    .replace(/[\s\u00a0\u202f'’]/g, '')
    .replace(/\u066b/g, ',') // Arabic decimal separator
    .replace(/%$/, '');
}

/** A non-negative number with at most 2 decimals, in hundredths ("5,25" → 525); null when it is not one. */
function parseHundredths(text: string): number | null {
  const m = DECIMAL.exec(clean(text));
  if (!m) return null;
  const whole = Number.parseInt(m[1] ?? '0', 10);
  const frac = Number.parseInt((m[2] ?? '').padEnd(2, '0') || '0', 10);
  return whole * 100 + frac;
}

/** "5" → 500, "5.25" / "5,25" → 525, "0,5" → 50. Null when it is not a number with ≤ 2 decimals. */
export function parsePercentToBp(text: string): number | null {
  return parseHundredths(text);
}

/** 525 → "5,25", 500 → "5" (with the decimal mark of the language). */
export function bpToPercentText(bp: number, decimalMark = ','): string {
  const whole = Math.trunc(bp / 100);
  const frac = Math.abs(bp % 100);
  return frac === 0 ? String(whole) : `${whole}${decimalMark}${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

/** "5000" → 500000, "5 000,50" → 500050. Null when not a non-negative amount with ≤ 2 decimals. */
export function parseDzdToCentimes(text: string): number | null {
  return parseHundredths(text);
}

/** 500050 → "5000,50", 500000 → "5000". */
export function centimesToInputText(c: number, decimalMark = ','): string {
  const whole = Math.trunc(c / 100);
  const frac = Math.abs(c % 100);
  return frac === 0 ? String(whole) : `${whole}${decimalMark}${String(frac).padStart(2, '0')}`;
}

/** Whole non-negative integer in a text box, or null. */
export function parseWholeNumber(text: string): number | null {
  const t = clean(text);
  if (!/^\d{1,7}$/.test(t)) return null;
  return Number.parseInt(t, 10);
}
