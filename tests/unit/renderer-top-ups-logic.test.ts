import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type DenominationView } from '../../shared/domain';
import { formFromSettings, patchFromForm, tabOfField } from '../../renderer/src/features/settings/settingsForm';
import { normalizeInternet, normalizeMobile } from '../../shared/phone-numbers';
import { enteredNumber, pressKey } from '../../renderer/src/features/top-ups/numberEntry';
import { operatorAfterNumber, operatorOfPlanCode, prefixDisagrees } from '../../renderer/src/features/top-ups/operatorProposal';
import { amountProblem, planProblems, problemMessage } from '../../renderer/src/features/top-ups/topUpProblems';
import { feeOf, topUpFigures } from '../../renderer/src/features/top-ups/topUpPrice';
import { groupPlans } from '../../renderer/src/features/top-ups/planGroups';
import { uiResources } from '../../renderer/src/i18n/strings';
import { MOBILE_OPERATORS } from '../../shared/phone-numbers';

const ranged: DenominationView = {
  typeId: 'PREPAID_DJEZZY',
  name: '📱 PREPAID | عادي',
  costC: 9925,
  retailC: 10000,
  stock: 1_000_000,
  faceC: undefined,
  feeC: 0,
  amountRange: { minC: 10000, maxC: 1_000_000 },
  costPpm: 992_500,
  enabled: true,
  kind: 'prepaid',
};
const fixed: DenominationView = {
  typeId: 'MIX500_MOBILIS',
  name: 'MIX 500',
  costC: 49000,
  retailC: 52000,
  stock: 1,
  faceC: 50000,
  feeC: 2000,
  amountRange: null,
  enabled: true,
  kind: 'fixed',
};

describe('the number keypad', () => {
  it('appends digits up to the limit, erases one or all', () => {
    expect(pressKey('077', '8')).toBe('0778');
    expect(pressKey('0778', 'back')).toBe('077');
    expect(pressKey('', 'back')).toBe('');
    expect(pressKey('0778', 'clear')).toBe('');
    expect(pressKey('1234', '5', 4)).toBe('1234');
  });

  it('folds a pasted +213 / 00213 number, spaces and Arabic-Indic digits into the local form', () => {
    expect(enteredNumber('+213 778 03 73 40', normalizeMobile)).toBe('0778037340');
    expect(enteredNumber('00213778037340', normalizeMobile)).toBe('0778037340');
    expect(enteredNumber('٠٧٧٨-٠٣-٧٣-٤٠', normalizeMobile)).toBe('0778037340');
    expect(enteredNumber('07a78', normalizeMobile)).toBe('0778');
    // While +213… is being typed, the + stays so the number can still be completed.
    expect(enteredNumber('+2137', normalizeMobile)).toBe('+2137');
    expect(enteredNumber('0472731602', (n) => normalizeInternet('4G', n))).toBe('213472731602');
    expect(enteredNumber('036 36 26 08', (n) => normalizeInternet('ADSL', n))).toBe('036362608');
  });
});

describe('the operator proposed from the prefix', () => {
  it('proposes from 05/06/07 until the cashier picks, and forgets a proposal the number no longer supports', () => {
    expect(operatorAfterNumber({ operator: null, source: null }, '07')).toEqual({ operator: 'Djezzy', source: 'proposed' });
    expect(operatorAfterNumber({ operator: null, source: null }, '0661')).toEqual({ operator: 'Mobilis', source: 'proposed' });
    expect(operatorAfterNumber({ operator: 'Mobilis', source: 'proposed' }, '055')).toEqual({ operator: 'Ooredoo', source: 'proposed' });
    expect(operatorAfterNumber({ operator: 'Djezzy', source: 'proposed' }, '0')).toEqual({ operator: null, source: null });
    expect(operatorAfterNumber({ operator: 'Pixx', source: 'chosen' }, '0778037340')).toEqual({ operator: 'Pixx', source: 'chosen' });
  });

  it('questions a pick the prefix disagrees with, never Pixx', () => {
    expect(prefixDisagrees('0661234567', 'Djezzy')).toBe('Mobilis');
    expect(prefixDisagrees('0778037340', 'Djezzy')).toBeNull();
    expect(prefixDisagrees('0661234567', 'Pixx')).toBeNull();
    expect(prefixDisagrees('', 'Djezzy')).toBeNull();
  });

  it('reads the operator of a suggested plan code', () => {
    expect(operatorOfPlanCode('FACTURE_DJEZZY', MOBILE_OPERATORS)).toBe('Djezzy');
    expect(operatorOfPlanCode('GETMENU_Mobilis', MOBILE_OPERATORS)).toBe('Mobilis');
    expect(operatorOfPlanCode('PIXX_500', MOBILE_OPERATORS)).toBe('Pixx');
    expect(operatorOfPlanCode('SOMETHING', MOBILE_OPERATORS)).toBeNull();
  });
});

describe('problems found before sending', () => {
  it('names the plan, a disabled plan and each amount problem', () => {
    expect(planProblems(null, '')).toEqual([{ kind: 'plan' }]);
    expect(planProblems({ ...fixed, enabled: false }, '')).toEqual([{ kind: 'planDisabled' }]);
    expect(planProblems(fixed, '')).toEqual([]);
    expect(amountProblem(ranged, '')).toEqual({ kind: 'amountEmpty', minC: 10000, maxC: 1_000_000 });
    expect(amountProblem(ranged, '50')).toEqual({ kind: 'amountRange', minC: 10000, maxC: 1_000_000 });
    expect(amountProblem(ranged, '20000')).toEqual({ kind: 'amountRange', minC: 10000, maxC: 1_000_000 });
    expect(amountProblem(ranged, '12,5')).toEqual({ kind: 'amountNotWhole' });
    expect(amountProblem(ranged, '500')).toBeNull();
    expect(amountProblem(ranged, '٥٠٠')).toBeNull();
  });

  it('has a message for every problem in every language', () => {
    const problems = [
      ...(['empty', 'not-digits', 'length', 'prefix'] as const).flatMap((problem) =>
        (['mobile', 'ADSL', '4G'] as const).map((line) => ({ kind: 'number' as const, problem, line })),
      ),
      { kind: 'operator' as const },
      { kind: 'type' as const },
      { kind: 'plan' as const },
      { kind: 'planDisabled' as const },
      { kind: 'amountEmpty' as const, minC: 1, maxC: 2 },
      { kind: 'amountNotWhole' as const },
      { kind: 'amountRange' as const, minC: 1, maxC: 2 },
      { kind: 'card' as const },
      { kind: 'cardUnavailable' as const },
      { kind: 'lineNotChecked' as const },
    ];
    const keys = new Set(problems.map((p) => problemMessage(p).key));
    expect(keys.size).toBe(problems.length); // each problem its own message
    for (const lang of ['fr', 'ar', 'en'] as const) {
      for (const key of keys) {
        const text = key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], uiResources[lang].ui);
        expect(typeof text === 'string' && text.length > 5, `${lang} ${key}`).toBe(true);
      }
    }
    expect(problemMessage({ kind: 'amountRange', minC: 10000, maxC: 20000 }).amounts).toEqual({ min: 10000, max: 20000 });
  });
});

describe('top-up price', () => {
  it('is the amount plus the fee; the cost follows the rate of the amount', () => {
    expect(topUpFigures(ranged, '500')).toEqual({ amountC: 50000, priceC: 50000, costC: 49625, amountDzd: 500 });
    expect(topUpFigures({ ...ranged, feeC: 5000, retailC: 15000 }, '500')?.priceC).toBe(55000);
    expect(topUpFigures({ ...ranged, costC: null, costPpm: null }, '500')?.costC).toBeNull();
    expect(topUpFigures(ranged, '')).toBeNull();
    expect(topUpFigures(fixed, '')).toEqual({ amountC: 50000, priceC: 52000, costC: 49000, amountDzd: null });
  });

  it('finds the fee where the core did not send it', () => {
    expect(feeOf({ ...ranged, feeC: undefined, retailC: 12000 })).toBe(2000);
    expect(feeOf({ ...fixed, feeC: undefined })).toBe(2000);
  });
});

describe('plans grouped by kind', () => {
  it('orders top-up, bill, fixed, GetMenu, others; empty groups left out', () => {
    const groups = groupPlans([
      { ...fixed, kind: 'fixed' },
      { ...ranged, typeId: 'FACTURE_DJEZZY', kind: 'bill' },
      ranged,
      { ...fixed, typeId: 'X', kind: undefined },
    ]);
    expect(groups.map((g) => g.kind)).toEqual(['prepaid', 'bill', 'fixed', 'other']);
  });
});

describe('the owner’s top-up fee in the settings', () => {
  it('is shown in dinars beside the markup and saved in centimes; a bad amount is refused', () => {
    const view = { ...DEFAULT_SETTINGS, topupFeeC: 2500 };
    const form = formFromSettings(view);
    expect(form.topupFee).toBe('25');
    expect(patchFromForm({ ...form, topupFee: '50' }, view)).toEqual({ patch: { topupFeeC: 5000 }, errors: {} });
    expect(patchFromForm({ ...form, topupFee: 'abc' }, view).errors.topupFee).toEqual({ key: 'settings.validation.amount' });
    expect(tabOfField('topupFee')).toBe('sales');
    // A screen without the markup (not the owner's) leaves the fee alone.
    expect(patchFromForm({ ...form, topupFee: 'abc' }, { ...view, markupBp: null, markupOverridesBp: null }).errors).toEqual({});
  });
});
