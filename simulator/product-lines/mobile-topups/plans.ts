/**
 * The mobile plans the simulator offers, as /v3/mobile/plans lists them (oneclickdz-topups.md §1.1):
 * the reference page's limits and costs, the guides' codes. Each simulator works on its own copy,
 * so that the control can disable a plan in one test without touching another.
 */

export type Operator = 'Mobilis' | 'Djezzy' | 'Ooredoo' | 'Pixx' | 'GMobilis';

interface PlanCommon {
  code: string;
  name: string;
  operator: Operator;
  /** Multiplier of the face value the account pays; absent on GROS_MOBILIS as in the docs (then 1). */
  cost?: number;
  isEnabled: boolean;
}

export interface DynamicPlan extends PlanCommon {
  kind: 'dynamic';
  min_amount: number;
  max_amount: number;
}

export interface FixedPlan extends PlanCommon {
  kind: 'fixed';
  amount: number;
}

export type MobilePlan = DynamicPlan | FixedPlan;

const PREPAID = '📱 PREPAID | عادي';
const FACTURE = '📋 FACTURE | فاتورة';

export const FACTURE_NAME = FACTURE;

const dynamic = (code: string, name: string, operator: Operator, cost: number | undefined, min: number, max: number): DynamicPlan => ({
  kind: 'dynamic',
  code,
  name,
  operator,
  ...(cost === undefined ? {} : { cost }),
  isEnabled: true,
  min_amount: min,
  max_amount: max,
});

const fixed = (code: string, name: string, operator: Operator, cost: number, amount: number, isEnabled = true): FixedPlan => ({
  kind: 'fixed',
  code,
  name,
  operator,
  cost,
  isEnabled,
  amount,
});

/** A fresh copy of the plans, in the order the reference page lists them (wholesale first). */
export function initialPlans(): MobilePlan[] {
  return [
    dynamic('GROS_MOBILIS', '📱 GROS MOBILIS | جملة', 'GMobilis', undefined, 5000, 300_000),
    dynamic('PREPAID_DJEZZY', PREPAID, 'Djezzy', 0.9925, 100, 10_000),
    dynamic('PREPAID_MOBILIS', PREPAID, 'Mobilis', 0.96, 40, 3999),
    dynamic('PREPAID_OOREDOO', PREPAID, 'Ooredoo', 0.97, 50, 5000),
    dynamic('FACTURE_MOBILIS', FACTURE, 'Mobilis', 0.99, 100, 50_000),
    dynamic('FACTURE_DJEZZY', FACTURE, 'Djezzy', 0.99, 100, 50_000),
    dynamic('FACTURE_OOREDOO', FACTURE, 'Ooredoo', 0.99, 100, 50_000),
    dynamic('GETMENU_Mobilis', 'Mobilis GetMenu', 'Mobilis', 0.98, 50, 5000),
    fixed('PIXX_500', '📱 PIXX | 500', 'Pixx', 0.97, 500),
    fixed('MIX500_MOBILIS', '📱🌐 AUTO | MIX 500', 'Mobilis', 0.98, 500),
    fixed('MIX1000_OOREDOO', '📱🌐 AUTO | MIX 1000', 'Ooredoo', 0.98, 1000, false),
  ];
}

/** A plan as the API lists it: no `kind` (the list it sits in says it), `cost` only where it exists. */
export function planJson(p: MobilePlan): Record<string, unknown> {
  return {
    code: p.code,
    name: p.name,
    operator: p.operator,
    ...(p.cost === undefined ? {} : { cost: p.cost }),
    isEnabled: p.isEnabled,
    ...(p.kind === 'dynamic' ? { min_amount: p.min_amount, max_amount: p.max_amount } : { amount: p.amount }),
  };
}
