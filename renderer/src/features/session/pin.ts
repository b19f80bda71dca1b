import type { AppErrorShape } from '../../../../shared/result';
import { asciiDigits } from '../counter/quantity';

/** PIN entry on the lock screen: digits only, 4 to 8 of them (the contract's pinSchema). */
export const PIN_MIN = 4;
export const PIN_MAX = 8;

/** What is typed (or pasted) in the PIN box: Arabic-Indic digits become ASCII, anything else goes. */
export function cleanPin(text: string): string {
  return asciiDigits(text).replace(/\D/g, '').slice(0, PIN_MAX);
}

/** A key of the on-screen keypad; past eight digits the key does nothing. */
export function pressDigit(pin: string, digit: string): string {
  const d = cleanPin(digit);
  if (d.length !== 1) return pin;
  return cleanPin(pin + d);
}

/** "Effacer": takes the last digit back. */
export function eraseDigit(pin: string): string {
  return pin.slice(0, -1);
}

export function isPinComplete(pin: string): boolean {
  return new RegExp(`^[0-9]{${PIN_MIN},${PIN_MAX}}$`).test(pin);
}

/** Whole minutes to wait, rounded up, never less than one (a lock of 10 s still says "1 min"). */
export function minutesToWait(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/** Why a sign-in failed, in the terms the lock screen explains. */
export type SignInProblem =
  | { kind: 'wrongPin'; attemptsLeft: number }
  | { kind: 'locked'; minutes: number }
  /** Too many attempts at the whole till (someone going round the names): everyone waits a little. */
  | { kind: 'throttled'; minutes: number }
  | { kind: 'other'; error: AppErrorShape };

export function signInProblem(error: AppErrorShape): SignInProblem {
  const d = error.details ?? {};
  if (error.code === 'NOT_ALLOWED' && d.reason === 'WRONG_PIN') {
    const left = typeof d.attemptsLeft === 'number' ? d.attemptsLeft : 0;
    return { kind: 'wrongPin', attemptsLeft: Math.max(0, left) };
  }
  if (error.code === 'NOT_ALLOWED' && d.reason === 'LOCKED') {
    return { kind: 'locked', minutes: minutesToWait(typeof d.retryAfterMs === 'number' ? d.retryAfterMs : 60_000) };
  }
  if (error.code === 'NOT_ALLOWED' && d.reason === 'THROTTLED') {
    return { kind: 'throttled', minutes: minutesToWait(typeof d.retryAfterMs === 'number' ? d.retryAfterMs : 60_000) };
  }
  return { kind: 'other', error };
}

/** The reason the core gave for a NOT_ALLOWED, when it gave one we know. */
export type NotAllowedReason = 'SIGNED_OUT' | 'OWNER_ONLY' | 'WRONG_PIN' | 'LOCKED' | 'THROTTLED';

export function notAllowedReason(error: AppErrorShape): NotAllowedReason | null {
  if (error.code !== 'NOT_ALLOWED') return null;
  const r = error.details?.reason;
  return r === 'SIGNED_OUT' || r === 'OWNER_ONLY' || r === 'WRONG_PIN' || r === 'LOCKED' || r === 'THROTTLED' ? r : null;
}

/** The first-start and add-cashier forms: a name, a PIN typed twice. Values are i18n keys. */
export type PersonFormErrors = Partial<Record<'name' | 'pin' | 'pin2', string>>;

export function checkPersonForm(form: { name: string; pin: string; pin2?: string }): PersonFormErrors {
  const errors: PersonFormErrors = {};
  const name = form.name.trim();
  if (!name) errors.name = 'session.validation.nameRequired';
  else if (name.length > 60) errors.name = 'session.validation.nameTooLong';
  if (!isPinComplete(form.pin)) errors.pin = 'session.validation.pinFormat';
  else if (form.pin2 !== undefined && form.pin2 !== form.pin) errors.pin2 = 'session.validation.pinMismatch';
  return errors;
}
