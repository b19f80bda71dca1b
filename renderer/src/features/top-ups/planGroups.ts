import type { DenominationView } from '../../../../shared/domain';

/** The counter's order of plan kinds: top-up first, then bill payment, fixed offers, GetMenu. */
export const PLAN_KINDS = ['prepaid', 'bill', 'fixed', 'getmenu'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number] | 'other';

function kindOf(d: DenominationView): PlanKind {
  return (PLAN_KINDS as readonly string[]).includes(d.kind ?? '') ? (d.kind as PlanKind) : 'other';
}

/** An operator's plans grouped by kind, in the counter's order; empty groups left out. */
export function groupPlans(plans: readonly DenominationView[]): { kind: PlanKind; plans: DenominationView[] }[] {
  const order: PlanKind[] = [...PLAN_KINDS, 'other'];
  return order.map((kind) => ({ kind, plans: plans.filter((p) => kindOf(p) === kind) })).filter((g) => g.plans.length > 0);
}
