import { api } from '../../bridge';
import { useBalanceStore, useStatusStore } from './statusStore';
import type { AppStatus, Balance } from '../../../../shared/domain';

export async function loadStatus(): Promise<void> {
  useStatusStore.setState((s) => ({ status: s.appStatus ? s.status : 'loading' }));
  const r = await api().call('app:status', {});
  if (r.ok) applyStatus(r.value);
  else useStatusStore.setState({ status: 'error', error: r.error });
}

export function applyStatus(appStatus: AppStatus): void {
  useStatusStore.setState({ status: 'ready', appStatus, error: null, connection: appStatus.connection });
}

/** `refresh: true` asks the core to ask the provider now instead of answering from its cache. */
export async function refreshBalance(refresh = false): Promise<void> {
  const s = useBalanceStore.getState();
  if (s.refreshing) return;
  useBalanceStore.setState({ refreshing: true, status: s.balance ? s.status : 'loading' });
  const r = await api().call('account:balance', refresh ? { refresh: true } : {});
  if (r.ok) applyBalance(r.value);
  // Keep the last known balance on screen; the error is shown beside it.
  else useBalanceStore.setState({ status: 'error', error: r.error, refreshing: false });
}

export function applyBalance(balance: Balance): void {
  useBalanceStore.setState({ status: 'ready', balance, error: null, refreshing: false });
}
