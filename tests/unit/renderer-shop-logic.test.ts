import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/domain';
import { parseDzdToCentimes } from '../../renderer/src/ui/amounts';
import { dayStart, emptyFilters, isKnownKind, localDay, queryFromFilters, reprintDetail } from '../../renderer/src/features/backoffice/history/historyFilters';
import {
  checkPersonForm,
  cleanPin,
  eraseDigit,
  isPinComplete,
  minutesToWait,
  notAllowedReason,
  pressDigit,
  signInProblem,
} from '../../renderer/src/features/session/pin';
import { formFromSettings, patchFromForm } from '../../renderer/src/features/settings/settingsForm';
import { pendingSaleIds } from '../../renderer/src/features/shift/shiftActions';

describe('PIN entry', () => {
  it('takes digits only (Arabic-Indic too), at most eight', () => {
    expect(cleanPin('12a3 4')).toBe('1234');
    expect(cleanPin('١٢٣٤')).toBe('1234');
    expect(cleanPin('1234567890')).toBe('12345678');
  });

  it('keypad: a digit adds, Effacer takes the last back, a ninth digit does nothing', () => {
    let pin = '';
    for (const d of ['1', '2', '3']) pin = pressDigit(pin, d);
    expect(pin).toBe('123');
    expect(pressDigit(pin, 'x')).toBe('123');
    expect(pressDigit(pin, '12')).toBe('123');
    expect(eraseDigit(pin)).toBe('12');
    expect(eraseDigit('')).toBe('');
    expect(pressDigit('12345678', '9')).toBe('12345678');
  });

  it('a PIN is 4 to 8 digits', () => {
    expect(isPinComplete('123')).toBe(false);
    expect(isPinComplete('1234')).toBe(true);
    expect(isPinComplete('12345678')).toBe(true);
    expect(isPinComplete('123456789')).toBe(false);
    expect(isPinComplete('12a4')).toBe(false);
  });

  it('explains why a sign-in failed: attempts left, minutes to wait', () => {
    expect(signInProblem({ code: 'NOT_ALLOWED', message: 'x', details: { reason: 'WRONG_PIN', attemptsLeft: 3 } })).toEqual({
      kind: 'wrongPin',
      attemptsLeft: 3,
    });
    expect(signInProblem({ code: 'NOT_ALLOWED', message: 'x', details: { reason: 'LOCKED', retryAfterMs: 4 * 60_000 + 1 } })).toEqual({
      kind: 'locked',
      minutes: 5,
    });
    expect(signInProblem({ code: 'NOT_ALLOWED', message: 'x', details: { reason: 'THROTTLED', retryAfterMs: 20_000 } })).toEqual({
      kind: 'throttled',
      minutes: 1,
    });
    expect(signInProblem({ code: 'NOT_FOUND', message: 'x' }).kind).toBe('other');
    expect(minutesToWait(1)).toBe(1);
    expect(minutesToWait(300_000)).toBe(5);
    expect(notAllowedReason({ code: 'NOT_ALLOWED', message: 'x', details: { reason: 'SIGNED_OUT' } })).toBe('SIGNED_OUT');
    expect(notAllowedReason({ code: 'NOT_ALLOWED', message: 'x', details: { reason: 'OWNER_ONLY' } })).toBe('OWNER_ONLY');
    expect(notAllowedReason({ code: 'NOT_ALLOWED', message: 'x' })).toBeNull();
    expect(notAllowedReason({ code: 'INVALID_STATE', message: 'x', details: { reason: 'SIGNED_OUT' } })).toBeNull();
  });

  it('checks the first-start form: a name, a PIN typed twice alike', () => {
    expect(checkPersonForm({ name: ' ', pin: '12', pin2: '12' })).toEqual({ name: 'session.validation.nameRequired', pin: 'session.validation.pinFormat' });
    expect(checkPersonForm({ name: 'Karim', pin: '1234', pin2: '1243' })).toEqual({ pin2: 'session.validation.pinMismatch' });
    expect(checkPersonForm({ name: 'Karim', pin: '1234', pin2: '1234' })).toEqual({});
    expect(checkPersonForm({ name: 'Amina', pin: '2468' })).toEqual({});
    expect(checkPersonForm({ name: 'x'.repeat(61), pin: '2468' }).name).toBe('session.validation.nameTooLong');
  });
});

describe('cash amounts reuse the settings parser (integer centimes, no float)', () => {
  it('parses what a cashier types in the cash boxes', () => {
    expect(parseDzdToCentimes('5 000')).toBe(500_000);
    expect(parseDzdToCentimes('5000,50')).toBe(500_050);
    expect(parseDzdToCentimes('5000.5')).toBe(500_050);
    expect(parseDzdToCentimes('0,1')).toBe(10);
    expect(parseDzdToCentimes('٥٠٠٠')).toBe(500_000);
    expect(parseDzdToCentimes('1,005')).toBeNull();
    expect(parseDzdToCentimes('-5')).toBeNull();
    // 0.07 × 100 is 7.000000000000001 in binary floats: the text parser never goes there.
    expect(parseDzdToCentimes('0,07')).toBe(7);
    expect(parseDzdToCentimes('1234567,89')).toBe(123_456_789);
  });

  it('reads the pending sales out of a shift:close refusal', () => {
    expect(pendingSaleIds({ code: 'INVALID_STATE', message: 'x', details: { saleIds: [12, 13] } })).toEqual([12, 13]);
    expect(pendingSaleIds({ code: 'INVALID_STATE', message: 'No shift is open' })).toBeNull();
    expect(pendingSaleIds({ code: 'INTERNAL', message: 'x', details: { saleIds: [1] } })).toBeNull();
  });
});

describe('settings form: idle lock and reprint window', () => {
  it('edits idleLockMinutes (1–240) and reprintWindowMinutes (0–1440)', () => {
    const form = formFromSettings(DEFAULT_SETTINGS);
    expect(form.idleLock).toBe('5');
    expect(form.reprintWindow).toBe('10');
    expect(patchFromForm({ ...form, idleLock: '15', reprintWindow: '0' }, DEFAULT_SETTINGS)).toEqual({
      patch: { idleLockMinutes: 15, reprintWindowMinutes: 0 },
      errors: {},
    });
    const bad = patchFromForm({ ...form, idleLock: '0', reprintWindow: 'abc' }, DEFAULT_SETTINGS);
    expect(bad.errors.idleLock).toEqual({ key: 'settings.validation.range', values: { min: 1, max: 240 } });
    expect(bad.errors.reprintWindow).toEqual({ key: 'settings.validation.whole' });
  });
});

describe('history filters', () => {
  it('an empty form asks for the latest sales', () => {
    expect(queryFromFilters(emptyFilters, { includeCashier: true })).toEqual({ query: { limit: 200 } });
  });

  it('date inputs are local days; "to" includes its whole day', () => {
    const r = queryFromFilters({ ...emptyFilters, from: '2026-03-01', to: '2026-03-01' }, { includeCashier: false });
    expect('query' in r).toBe(true);
    if (!('query' in r)) return;
    expect(r.query.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(r.query.to).toBe(new Date(2026, 2, 2).toISOString());
    expect(dayStart('2026-02-30')).toBeNull();
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('refuses an end before the start and a sale number that is not one', () => {
    expect(queryFromFilters({ ...emptyFilters, from: '2026-03-02', to: '2026-03-01' }, { includeCashier: true })).toEqual({ error: 'range' });
    expect(queryFromFilters({ ...emptyFilters, saleNumber: '12b' }, { includeCashier: true })).toEqual({ error: 'saleNumber' });
    expect(queryFromFilters({ ...emptyFilters, from: 'hier' }, { includeCashier: true })).toEqual({ error: 'from' });
  });

  it('sale number, state, product, code suffix; the cashier only for the owner', () => {
    const f = { ...emptyFilters, saleNumber: 'n° ١٢', state: 'FULFILLED' as const, productId: 'p1', codeSuffix: ' AB 12 ', cashier: 'Amina' };
    expect(queryFromFilters(f, { includeCashier: true })).toEqual({
      query: { limit: 200, saleId: 12, states: ['FULFILLED'], productId: 'p1', codeSuffix: 'AB12', cashier: 'Amina' },
    });
    const cashier = queryFromFilters(f, { includeCashier: false });
    expect('query' in cashier && 'cashier' in cashier.query).toBe(false);
  });

  it('reads timeline kinds and reprint details', () => {
    expect(isKnownKind('reprinted')).toBe(true);
    expect(isKnownKind('outcome-unknown')).toBe(true);
    expect(isKnownKind('something-new')).toBe(false);
    expect(reprintDetail('2 Amina Benali')).toEqual({ n: 2, who: 'Amina Benali' });
    expect(reprintDetail(null)).toBeNull();
  });
});
