import type { DenominationView } from '../../../../shared/domain';
import type { NumberProblem } from '../../../../shared/phone-numbers';
import { typedDinars } from './topUpPrice';

/**
 * Everything that keeps a top-up from being sent, found before anything leaves the till; each has
 * its own message in the cashier's language (problemMessage).
 */
export type TopUpProblem =
  | { kind: 'number'; problem: NumberProblem; line: 'mobile' | 'ADSL' | '4G' }
  | { kind: 'operator' }
  | { kind: 'type' }
  | { kind: 'plan' }
  | { kind: 'planDisabled' }
  | { kind: 'amountEmpty'; minC: number; maxC: number }
  | { kind: 'amountNotWhole' }
  | { kind: 'amountRange'; minC: number; maxC: number }
  | { kind: 'card' }
  | { kind: 'cardUnavailable' }
  | { kind: 'lineNotChecked' };

/** The plan's amount: in range, whole dinars. Nothing when the plan has a fixed amount. */
export function amountProblem(plan: DenominationView, amountText: string): TopUpProblem | null {
  const range = plan.amountRange;
  if (!range) return null;
  if (amountText.trim() === '') return { kind: 'amountEmpty', minC: range.minC, maxC: range.maxC };
  const dzd = typedDinars(amountText);
  if (dzd === null) return { kind: 'amountNotWhole' };
  const c = dzd * 100;
  return c < range.minC || c > range.maxC ? { kind: 'amountRange', minC: range.minC, maxC: range.maxC } : null;
}

/** The plan chosen, switched on by the provider, with an amount it takes. */
export function planProblems(plan: DenominationView | null, amountText: string): TopUpProblem[] {
  if (!plan) return [{ kind: 'plan' }];
  if (plan.enabled === false) return [{ kind: 'planDisabled' }];
  const amount = amountProblem(plan, amountText);
  return amount ? [amount] : [];
}

/** The message key of a problem and the amounts it names (formatted by the screen). */
export function problemMessage(p: TopUpProblem): { key: string; amounts?: { min: number; max: number } } {
  switch (p.kind) {
    case 'number':
      return { key: `topup.problem.number.${p.line === 'mobile' ? 'mobile' : p.line === 'ADSL' ? 'adsl' : 'lte'}.${p.problem}` };
    case 'amountEmpty':
    case 'amountRange':
      return { key: `topup.problem.${p.kind}`, amounts: { min: p.minC, max: p.maxC } };
    default:
      return { key: `topup.problem.${p.kind}` };
  }
}
