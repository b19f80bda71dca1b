import { MAX_AMOUNT_C } from '../../../../shared/amounts';
import type { CashCount, ShiftReport } from '../../../../shared/shop';
import type { AppErrorShape } from '../../../../shared/result';
import { api, type CallErrorListener } from '../../bridge';
import { parseDzdToCentimes } from '../../ui/amounts';
import { shiftReason } from './shiftReasons';
import { useShiftStore } from './shiftStore';

export async function loadShift(): Promise<void> {
  useShiftStore.setState((s) => ({ status: s.current ? s.status : 'loading' }));
  const r = await api().call('shift:current', {});
  if (r.ok) useShiftStore.setState({ status: 'ready', current: r.value, error: null });
  else useShiftStore.setState({ status: 'error', error: r.error });
}

export function openShiftDialog(): void {
  useShiftStore.setState({ dialogOpen: true });
  void loadShift();
}

export function closeShiftDialog(): void {
  useShiftStore.setState({ dialogOpen: false });
}

/** The core refused because no shift is open (closed from elsewhere): show the float screen. */
export const watchNoShift: CallErrorListener = (_name, error) => {
  if (shiftReason(error) === 'NO_SHIFT') void loadShift();
};

type AmountProblem = { kind: 'badAmount' } | { kind: 'tooBig' };

/** A drawer amount typed in dinars → bounded integer centimes, or why not. */
export function readAmount(text: string): { kind: 'ok'; centimes: number } | AmountProblem {
  const c = parseDzdToCentimes(text.trim());
  if (c === null) return { kind: 'badAmount' };
  if (c > MAX_AMOUNT_C) return { kind: 'tooBig' };
  return { kind: 'ok', centimes: c };
}

export type OpenOutcome = { kind: 'ok' } | AmountProblem | { kind: 'error'; error: AppErrorShape };

/** "Fond de caisse (DA)": required (0 for an empty drawer); typed as dinars, sent as centimes. */
export async function openShift(openingText: string): Promise<OpenOutcome> {
  const amount = readAmount(openingText);
  if (amount.kind !== 'ok') return amount;
  const r = await api().call('shift:open', { openingCashC: amount.centimes });
  if (!r.ok) {
    // Someone opened it meanwhile (another window): take the till's shift as it is.
    if (shiftReason(r.error) === 'SHIFT_OPEN') await loadShift();
    return { kind: 'error', error: r.error };
  }
  useShiftStore.setState({ status: 'ready', current: r.value, error: null });
  return { kind: 'ok' };
}

/** The sales that keep a shift open, from an INVALID_STATE refusal (details.saleIds). */
export function pendingSaleIds(error: AppErrorShape): number[] | null {
  if (error.code !== 'INVALID_STATE') return null;
  const ids = error.details?.saleIds;
  if (!Array.isArray(ids)) return null;
  const out = ids.filter((x): x is number => typeof x === 'number' && Number.isInteger(x));
  return out.length ? out : null;
}

export type CountOutcome =
  { kind: 'counted'; count: CashCount } | AmountProblem | { kind: 'pending'; saleIds: number[] } | { kind: 'error'; error: AppErrorShape };

/** Step 1, blind: the counted cash goes to the core, which only then answers the expected figure. */
export async function countCash(countedText: string): Promise<CountOutcome> {
  const amount = readAmount(countedText);
  if (amount.kind !== 'ok') return amount;
  const r = await api().call('shift:count', { countedCashC: amount.centimes });
  if (!r.ok) {
    const ids = pendingSaleIds(r.error);
    return ids ? { kind: 'pending', saleIds: ids } : { kind: 'error', error: r.error };
  }
  return { kind: 'counted', count: r.value };
}

export type CloseOutcome =
  | { kind: 'ok'; report: ShiftReport }
  | { kind: 'pending'; saleIds: number[] }
  /** Sales moved since the count, or it was counted again elsewhere: back to step 1. */
  | { kind: 'recount'; error: AppErrorShape }
  | { kind: 'error'; error: AppErrorShape };

/** Step 2: confirms the count the cashier has just seen compared; only then the shift closes. */
export async function confirmClose(count: CashCount): Promise<CloseOutcome> {
  const r = await api().call('shift:close', { countedCashC: count.countedCashC });
  if (!r.ok) {
    const ids = pendingSaleIds(r.error);
    if (ids) return { kind: 'pending', saleIds: ids };
    const why = shiftReason(r.error);
    if (why === 'COUNT_STALE' || why === 'COUNT_MISMATCH' || why === 'NOT_COUNTED') return { kind: 'recount', error: r.error };
    return { kind: 'error', error: r.error };
  }
  useShiftStore.setState({ status: 'ready', current: null, error: null });
  return { kind: 'ok', report: r.value };
}

export async function reportHtml(input: { kind: 'shift'; shiftId: number } | { kind: 'day'; day: string } | { kind: 'reconcile'; day: string }) {
  return api().call('reports:html', input);
}
