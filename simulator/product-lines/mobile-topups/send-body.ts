import type { ValidationProblem } from '../../validation';
import { parseJsonObject, parseRef, required } from '../topup-kit';
import type { MobilePlan } from './plans';
import { MSSIDN_PATTERN, numberFitsOperator } from './scenarios';

/** A send body whose shape is right; the plan it names is judged later (after the duplicate-ref check). */
export interface MobileSendShape {
  planCode: string;
  number: string;
  /** As sent: judged against the plan (fixed plans ignore it). */
  amount: unknown;
  ref: string | null;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValidationProblem };

/** The schema checks of POST /v3/mobile/send (`{plan_code, MSSIDN, amount?, ref?}`), in the provider's words. */
export function parseMobileSend(raw: string): Parsed<MobileSendShape> {
  const parsed = parseJsonObject(raw, ['plan_code', 'MSSIDN', 'amount', 'ref']);
  if (!parsed.ok) return parsed;
  const { body } = parsed;
  if (body.plan_code === undefined) return { ok: false, problem: required('plan_code') };
  if (typeof body.plan_code !== 'string')
    return { ok: false, problem: { field: 'plan_code', message: 'body/plan_code must be string', value: body.plan_code } };
  if (body.MSSIDN === undefined) return { ok: false, problem: required('MSSIDN') };
  // A number is refused even if its digits would do: the docs insist on a JSON string.
  if (typeof body.MSSIDN !== 'string') return { ok: false, problem: { field: 'MSSIDN', message: 'body/MSSIDN must be string', value: body.MSSIDN } };
  if (!MSSIDN_PATTERN.test(body.MSSIDN)) {
    return { ok: false, problem: { field: 'MSSIDN', message: 'body/MSSIDN must match pattern "^0[567][0-9]{8}$"', value: body.MSSIDN } };
  }
  const ref = parseRef(body);
  if (!ref.ok) return ref;
  return { ok: true, value: { planCode: body.plan_code, number: body.MSSIDN, amount: body.amount, ref: ref.ref } };
}

/**
 * The plan's own rules: it exists, it is enabled, the amount fits a dynamic plan, the number fits
 * the operator. Returns the face value to charge.
 */
export function judgeAgainstPlan(shape: MobileSendShape, plan: MobilePlan | undefined): Parsed<{ plan: MobilePlan; amount: number }> {
  if (!plan) return { ok: false, problem: { field: 'plan_code', message: `Plan '${shape.planCode}' not found`, value: shape.planCode } };
  if (!plan.isEnabled) {
    return { ok: false, problem: { field: 'plan_code', message: `Plan '${plan.code}' is temporarily disabled`, value: plan.code } };
  }
  let amount: number;
  if (plan.kind === 'fixed') {
    amount = plan.amount;
  } else {
    const a = shape.amount;
    if (a === undefined) return { ok: false, problem: { field: 'amount', message: 'body/amount is required for dynamic plans' } };
    if (typeof a !== 'number' || !Number.isInteger(a)) return { ok: false, problem: { field: 'amount', message: 'body/amount must be integer', value: a } };
    if (a < plan.min_amount || a > plan.max_amount) {
      return { ok: false, problem: { field: 'amount', message: `body/amount must be between ${plan.min_amount} and ${plan.max_amount}`, value: a } };
    }
    amount = a;
  }
  if (!numberFitsOperator(shape.number, plan.operator)) {
    return { ok: false, problem: { field: 'MSSIDN', message: "MSSIDN doesn't match plan operator", value: shape.number } };
  }
  return { ok: true, value: { plan, amount } };
}
