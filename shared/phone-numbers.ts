/**
 * Recipient numbers of top-ups, as the provider wants them (oneclickdz-topups.md §1.2, §2.2, §8):
 * a mobile number `0[567]XXXXXXXX`, an ADSL line `0XXXXXXXX` (9 digits), a 4G LTE line
 * `213XXXXXXXXX` (12 digits). Shared by the counter (read-back, instant messages) and the core
 * (the entry check before anything is written): one rule, one place.
 */
export const MOBILE_NUMBER = /^0[567][0-9]{8}$/;
export const ADSL_NUMBER = /^0[0-9]{8}$/;
export const LTE_NUMBER = /^213[0-9]{9}$/;

export const MOBILE_OPERATORS = ['Mobilis', 'Djezzy', 'Ooredoo', 'Pixx'] as const;
export type MobileOperator = (typeof MOBILE_OPERATORS)[number];

export const INTERNET_TYPES = ['ADSL', '4G'] as const;
export type InternetType = (typeof INTERNET_TYPES)[number];

/** Spaces, dashes, dots and brackets a customer reads out or a cashier types; nothing else is dropped. */
function digitsOf(raw: string): string {
  return raw.trim().replace(/[\s\-.()]/g, '');
}

/** `+213 778 03 73 40`, `00213778037340` and `0778-03-73-40` all become `0778037340`; anything else is returned cleaned, for the check to refuse. */
export function normalizeMobile(raw: string): string {
  const d = digitsOf(raw);
  const intl = /^(?:\+|00)213([567][0-9]{8})$/.exec(d);
  return intl ? `0${intl[1]}` : d;
}

/** ADSL lines are typed locally (`036 36 26 08`); 4G lines in the international form the provider asks (`213…`), also from `+213`/`00213`/`0…`. */
export function normalizeInternet(type: InternetType, raw: string): string {
  const d = digitsOf(raw);
  if (type === 'ADSL') {
    const intl = /^(?:\+|00)?213([0-9]{8})$/.exec(d);
    return intl ? `0${intl[1]}` : d;
  }
  const plus = /^(?:\+|00)(213[0-9]{9})$/.exec(d);
  if (plus) return plus[1] as string;
  const local = /^0([0-9]{9})$/.exec(d);
  return local ? `213${local[1]}` : d;
}

/**
 * The operator a mobile number's prefix suggests (05 Ooredoo, 06 Mobilis, 07 Djezzy: common
 * Algerian numbering, not documented by the provider). Numbers move between operators, so the
 * cashier confirms it; Pixx has no prefix of its own.
 */
export function operatorFromPrefix(number: string): Exclude<MobileOperator, 'Pixx'> | null {
  const n = normalizeMobile(number);
  if (!/^0[567]/.test(n)) return null;
  return n[1] === '5' ? 'Ooredoo' : n[1] === '6' ? 'Mobilis' : 'Djezzy';
}

/** Why a number is refused, for a message in the cashier's language; null when it is valid. */
export type NumberProblem = 'empty' | 'not-digits' | 'length' | 'prefix';

export function mobileNumberProblem(n: string): NumberProblem | null {
  if (n === '') return 'empty';
  if (!/^[0-9]+$/.test(n)) return 'not-digits';
  if (n.length !== 10) return 'length';
  return MOBILE_NUMBER.test(n) ? null : 'prefix';
}

export function internetNumberProblem(type: InternetType, n: string): NumberProblem | null {
  if (n === '') return 'empty';
  if (!/^[0-9]+$/.test(n)) return 'not-digits';
  if (n.length !== (type === 'ADSL' ? 9 : 12)) return 'length';
  return (type === 'ADSL' ? ADSL_NUMBER : LTE_NUMBER).test(n) ? null : 'prefix';
}

/**
 * A number grouped for reading back aloud: mobile `0778 03 73 40`, ADSL `036 36 26 08`, 4G
 * `213 472 73 16 02`. Anything else comes back as typed.
 */
export function groupNumber(n: string): string {
  if (/^[0-9]{10}$/.test(n)) return `${n.slice(0, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n.slice(8)}`;
  if (/^[0-9]{9}$/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 5)} ${n.slice(5, 7)} ${n.slice(7)}`;
  if (/^213[0-9]{9}$/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6, 8)} ${n.slice(8, 10)} ${n.slice(10)}`;
  return n;
}
