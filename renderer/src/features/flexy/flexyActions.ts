import { api } from '../../bridge';
import { MOBILE_OPERATORS, mobileNumberProblem, normalizeMobile, type MobileOperator } from '../../../../shared/phone-numbers';
import type { DenominationView, Sale, SuggestedOffer } from '../../../../shared/domain';
import { initialFlexy, useFlexyStore } from './flexyStore';
import { enteredNumber, pressKey, type KeypadKey } from '../top-ups/numberEntry';
import { operatorAfterNumber, operatorOfPlanCode } from '../top-ups/operatorProposal';
import { planProblems, type TopUpProblem } from '../top-ups/topUpProblems';
import { topUpFigures } from '../top-ups/topUpPrice';
import { closedConfirm } from '../top-ups/confirmState';
import { showProgress } from '../top-ups/showProgress';
import { useCounterLineStore } from '../top-ups/counterLineStore';
import { newSale } from '../counter/saleFlow';

export const MOBILE_LINE = 'mobile-topups';

/** The four operators and whether the provider has a plan of theirs switched on (catalog:list). */
export async function loadOperators(): Promise<void> {
  useFlexyStore.setState((s) => ({ operators: { ...s.operators, status: 'loading', error: null } }));
  const r = await api().call('catalog:list', { line: MOBILE_LINE });
  useFlexyStore.setState((s) => ({
    operators: r.ok ? { status: 'ready', value: r.value.products, error: null } : { status: 'error', value: s.operators.value, error: r.error },
  }));
}

async function loadPlans(operator: MobileOperator): Promise<void> {
  useFlexyStore.setState((s) => ({ plans: { status: 'loading', value: s.plans.value?.productId === operator ? s.plans.value : null, error: null } }));
  const r = await api().call('catalog:product', { line: MOBILE_LINE, productId: operator });
  if (useFlexyStore.getState().operator !== operator) return; // the cashier moved on
  useFlexyStore.setState((s) => ({
    plans: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.plans.value, error: r.error },
  }));
}

export function reloadPlans(): void {
  const op = useFlexyStore.getState().operator;
  if (op) void loadPlans(op);
}

/** A new operator: its plans are loaded, the plan chosen for another operator is dropped. */
function applyOperator(operator: MobileOperator | null, source: 'proposed' | 'chosen' | null): void {
  const before = useFlexyStore.getState().operator;
  useFlexyStore.setState({ operator, operatorSource: source });
  if (operator !== before) {
    useFlexyStore.setState({ planCode: null, amountText: '' });
    if (operator) void loadPlans(operator);
    else useFlexyStore.setState({ plans: { status: 'idle', value: null, error: null } });
  }
}

function applyNumber(number: string): void {
  if (useFlexyStore.getState().confirm.status === 'sending') return;
  const s = useFlexyStore.getState();
  useFlexyStore.setState({ number, confirm: closedConfirm });
  const next = operatorAfterNumber({ operator: s.operator, source: s.operatorSource }, number);
  applyOperator(next.operator, next.source);
}

export const pressFlexyKey = (key: KeypadKey): void => applyNumber(pressKey(useFlexyStore.getState().number, key));
export const typeFlexyNumber = (raw: string): void => applyNumber(enteredNumber(raw, normalizeMobile));

/** The cashier's own pick of the operator (also confirming the proposed one). */
export function chooseOperator(operator: MobileOperator): void {
  if (useFlexyStore.getState().confirm.status === 'sending') return;
  applyOperator(operator, 'chosen');
}

/** A plan the provider switched off can be pointed at (its own message says why), never sent. */
export function choosePlan(code: string): void {
  if (useFlexyStore.getState().confirm.status === 'sending') return;
  const plan = useFlexyStore.getState().plans.value?.denominations.find((d) => d.typeId === code);
  if (plan) useFlexyStore.setState({ planCode: code });
}

export const setFlexyAmount = (amountText: string): void => useFlexyStore.setState({ amountText });
export const setFlexyShowCost = (showCost: boolean): void => useFlexyStore.setState({ showCost });

export function selectedPlan(): DenominationView | null {
  const { plans, planCode } = useFlexyStore.getState();
  return plans.value?.denominations.find((d) => d.typeId === planCode) ?? null;
}

/** Everything wrong with the sale on screen, in the order the cashier fixes it. */
export function flexyProblems(): TopUpProblem[] {
  const s = useFlexyStore.getState();
  const out: TopUpProblem[] = [];
  const numberProblem = mobileNumberProblem(s.number);
  if (numberProblem) out.push({ kind: 'number', problem: numberProblem, line: 'mobile' });
  if (!s.operator) out.push({ kind: 'operator' });
  else out.push(...planProblems(selectedPlan(), s.amountText));
  return out;
}

export function openFlexyConfirm(): void {
  if (flexyProblems().length > 0) return;
  useFlexyStore.setState({ confirm: { open: true, status: 'idle', error: null } });
}

export function closeFlexyConfirm(): void {
  if (useFlexyStore.getState().confirm.status !== 'sending') useFlexyStore.setState({ confirm: closedConfirm });
}

/** Sends sales:confirm once (the store flag is set before the call: a double Enter sends nothing more). */
export async function confirmFlexy(): Promise<boolean> {
  const s = useFlexyStore.getState();
  const plan = selectedPlan();
  if (!s.confirm.open || s.confirm.status === 'sending' || !plan || !s.operator || flexyProblems().length > 0) return false;
  const figures = topUpFigures(plan, s.amountText);
  if (!figures) return false;
  useFlexyStore.setState({ confirm: { open: true, status: 'sending', error: null } });
  const r = await api().call('sales:confirm', {
    line: MOBILE_LINE,
    productId: s.operator,
    typeId: plan.typeId,
    quantity: 1,
    expectedUnitRetailC: figures.priceC,
    entry: figures.amountDzd === null ? { recipient: s.number } : { recipient: s.number, amountDzd: figures.amountDzd },
  });
  if (!r.ok) {
    // Nothing was sold: every choice stays, with why; a plan that changed is read again.
    useFlexyStore.setState({ confirm: { open: true, status: 'error', error: r.error } });
    if (r.error.code === 'PLAN_DISABLED' || r.error.code === 'INVALID_STATE' || r.error.code === 'AMOUNT_OUT_OF_RANGE') reloadPlans();
    return false;
  }
  useFlexyStore.setState({ ...initialFlexy });
  showProgress(r.value);
  return true;
}

/**
 * A refused top-up's suggested offer, one tap: a NEW flexy sale to the same number with that plan
 * and amount, waiting on the flexy screen for the cashier to confirm (the core gives it a new ref).
 */
export async function sellSuggestedOffer(sale: Sale, offer: SuggestedOffer): Promise<void> {
  const operator = operatorOfPlanCode(offer.planCode, MOBILE_OPERATORS) ?? (MOBILE_OPERATORS.find((op) => op === sale.productId) || null);
  newSale();
  useCounterLineStore.setState({ line: 'mobile-topups' });
  useFlexyStore.setState({ ...initialFlexy, number: sale.recipient ?? '', operator, operatorSource: operator ? 'chosen' : null });
  if (!operator) return;
  await loadPlans(operator);
  const plan = useFlexyStore.getState().plans.value?.denominations.find((d) => d.typeId === offer.planCode);
  if (plan && plan.enabled !== false)
    useFlexyStore.setState({ planCode: plan.typeId, amountText: plan.amountRange ? String(Math.round(offer.amountC / 100)) : '' });
}
