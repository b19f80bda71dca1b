import { operatorFromPrefix, type MobileOperator } from '../../../../shared/phone-numbers';

/** Who picked the operator on screen: the till from the prefix, or the cashier. */
export type OperatorSource = 'proposed' | 'chosen' | null;

export type OperatorPick = { operator: MobileOperator | null; source: OperatorSource };

/**
 * The operator once the number changed. The till proposes the operator of the prefix (05, 06,
 * 07) until the cashier picks one; a pick of the cashier is never overwritten (numbers move
 * between operators, and Pixx has no prefix of its own).
 */
export function operatorAfterNumber(pick: OperatorPick, number: string): OperatorPick {
  if (pick.source === 'chosen') return pick;
  const proposed = number.length >= 2 ? operatorFromPrefix(number) : null;
  return proposed ? { operator: proposed, source: 'proposed' } : { operator: null, source: null };
}

/**
 * The operator the prefix suggests when the cashier's pick differs from it, so the screen can ask
 * to check with the customer (not a refusal: a number may have moved to another operator).
 */
export function prefixDisagrees(number: string, operator: MobileOperator | null): MobileOperator | null {
  if (!operator || operator === 'Pixx') return null;
  const proposed = operatorFromPrefix(number);
  return proposed && proposed !== operator ? proposed : null;
}

/** The operator a plan code names (PREPAID_DJEZZY, GETMENU_Mobilis, PIXX_500), for a suggested offer. */
export function operatorOfPlanCode(code: string, operators: readonly MobileOperator[]): MobileOperator | null {
  const upper = code.toUpperCase();
  return operators.find((op) => upper.split('_').includes(op.toUpperCase()) || upper.startsWith(`${op.toUpperCase()}_`)) ?? null;
}
