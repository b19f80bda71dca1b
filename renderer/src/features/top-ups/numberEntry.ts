import { asciiDigits } from '../counter/quantity';

/** A keypad key: a digit, "erase the last digit" or "erase everything". */
export type KeypadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'back' | 'clear';

export const KEYPAD_DIGITS: readonly KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Longer than any number the provider takes (4G: 12 digits), so a wrong paste is seen, not cut. */
export const MAX_NUMBER_LENGTH = 16;

/** The number after one key of the on-screen keypad. */
export function pressKey(current: string, key: KeypadKey, max = MAX_NUMBER_LENGTH): string {
  if (key === 'clear') return '';
  if (key === 'back') return current.slice(0, -1);
  return current.length >= max ? current : current + key;
}

/**
 * What a typed or pasted text becomes in the number box: Arabic-Indic digits read as digits,
 * spaces, dots, dashes and brackets dropped, a leading + kept (the `normalize` of the line folds
 * +213 / 00213 into the local form as soon as the number is whole), anything else removed.
 */
export function enteredNumber(raw: string, normalize: (n: string) => string, max = MAX_NUMBER_LENGTH): string {
  const ascii = asciiDigits(raw).trim();
  const plus = ascii.startsWith('+');
  const digits = ascii.replace(/[^0-9]/g, '');
  const folded = normalize(plus ? `+${digits}` : digits);
  return folded.slice(0, max + (folded.startsWith('+') ? 1 : 0));
}
