import { api } from '../../../bridge';
import { receiveSale } from '../../pending-sales/salesActions';
import { EXCEPTION_STATES } from '../history/historyFilters';
import { useExceptionsStore } from './exceptionsStore';
import { currentScopeInput } from '../shop-scope/shopScopeActions';

// ---- exceptions: unknown, flagged, expired, rejected sales (owner)

export async function loadExceptions(): Promise<void> {
  useExceptionsStore.setState((s) => ({ list: { status: 'loading', value: s.list.value, error: null } }));
  const r = await api().call('sales:list', { states: EXCEPTION_STATES, limit: 500, ...currentScopeInput() });
  useExceptionsStore.setState((s) => ({
    list: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.list.value, error: r.error },
  }));
}

export async function exceptionAction(saleId: number, action: 'cancel' | 'sendNow'): Promise<void> {
  if (useExceptionsStore.getState().busy[saleId]) return;
  useExceptionsStore.setState((s) => ({ busy: { ...s.busy, [saleId]: true }, actionError: null }));
  const r = await api().call(action === 'cancel' ? 'sales:cancel' : 'sales:sendNow', { saleId });
  useExceptionsStore.setState((s) => {
    const busy = { ...s.busy };
    delete busy[saleId];
    return { busy, actionError: r.ok ? null : { saleId, error: r.error } };
  });
  if (r.ok) receiveSale(r.value);
  await loadExceptions();
}
