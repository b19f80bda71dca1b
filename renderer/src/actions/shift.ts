import type { ShiftReport } from '../../../shared/shop';
import type { AppErrorShape } from '../../../shared/result';
import { api } from '../bridge';
import { parseDzdToCentimes } from '../logic/amounts';
import { useShiftStore } from '../stores/shift';

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

export type ShiftOutcome =
  | { kind: 'ok'; report: ShiftReport }
  | { kind: 'badAmount' }
  | { kind: 'pending'; saleIds: number[] }
  | { kind: 'error'; error: AppErrorShape };

/** "Fond de caisse (DA)": optional; typed as dinars, sent as integer centimes. */
export async function openShift(openingText: string): Promise<ShiftOutcome> {
  const text = openingText.trim();
  let openingCashC: number | undefined;
  if (text) {
    const c = parseDzdToCentimes(text);
    if (c === null) return { kind: 'badAmount' };
    openingCashC = c;
  }
  const r = await api().call('shift:open', openingCashC === undefined ? {} : { openingCashC });
  if (!r.ok) return { kind: 'error', error: r.error };
  useShiftStore.setState({ status: 'ready', current: r.value, error: null });
  return { kind: 'ok', report: r.value };
}

/** The sales that keep a shift open, from an INVALID_STATE refusal (details.saleIds). */
export function pendingSaleIds(error: AppErrorShape): number[] | null {
  if (error.code !== 'INVALID_STATE') return null;
  const ids = error.details?.saleIds;
  if (!Array.isArray(ids)) return null;
  const out = ids.filter((x): x is number => typeof x === 'number' && Number.isInteger(x));
  return out.length ? out : null;
}

/** "Espèces comptées (DA)": required. A shift with unsettled sales cannot close: the core names them. */
export async function closeShift(countedText: string): Promise<ShiftOutcome> {
  const countedCashC = parseDzdToCentimes(countedText.trim());
  if (countedCashC === null) return { kind: 'badAmount' };
  const r = await api().call('shift:close', { countedCashC });
  if (!r.ok) {
    const ids = pendingSaleIds(r.error);
    return ids ? { kind: 'pending', saleIds: ids } : { kind: 'error', error: r.error };
  }
  useShiftStore.setState({ status: 'ready', current: null, error: null });
  return { kind: 'ok', report: r.value };
}

export async function reportHtml(input: { kind: 'shift'; shiftId: number } | { kind: 'day'; day: string } | { kind: 'reconcile'; day: string }) {
  return api().call('reports:html', input);
}
