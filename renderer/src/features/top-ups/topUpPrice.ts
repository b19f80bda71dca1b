import type { DenominationView } from '../../../../shared/domain';
import { costOfAmount } from '../../../../shared/top-up-price';
import { parseWholeNumber } from '../../ui/amounts';

/** The owner's fee on a plan: sent as feeC, else what the price of the smallest amount adds to it. */
export function feeOf(plan: DenominationView): number {
  if (plan.feeC !== undefined) return plan.feeC;
  if (plan.amountRange) return Math.max(0, plan.retailC - plan.amountRange.minC);
  return Math.max(0, plan.retailC - (plan.faceC ?? plan.retailC));
}

/** Whole dinars typed for a plan whose amount the customer chooses; null when the box holds no whole number. */
export function typedDinars(text: string): number | null {
  return parseWholeNumber(text);
}

/**
 * What the top-up sends and costs: the face amount, the price the customer pays (face + fee, the
 * `expectedUnitRetailC` of sales:confirm) and, where the owner sees it, the shop's cost. Null when
 * a ranged plan has no amount yet.
 */
export function topUpFigures(
  plan: DenominationView,
  amountText: string,
): { amountC: number; priceC: number; costC: number | null; amountDzd: number | null } | null {
  if (!plan.amountRange) {
    const amountC = plan.faceC ?? plan.retailC - feeOf(plan);
    return { amountC, priceC: plan.retailC, costC: plan.costC, amountDzd: null };
  }
  const dzd = typedDinars(amountText);
  if (dzd === null || dzd === 0) return null;
  const amountC = dzd * 100;
  const costC = plan.costC === null ? null : costOfAmount(amountC, plan.costPpm ?? null);
  return { amountC, priceC: amountC + feeOf(plan), costC, amountDzd: dzd };
}
