import { api } from '../../../bridge';
import type { ViewScope } from '../../../../../shared/shop';
import { useStatusStore } from '../../status-bar/statusStore';
import { scopeInput, shopScopeOffered } from './shopScope';
import { useShopScopeStore } from './shopScopeStore';

/** The scope fields for the command about to be sent (nothing unless the owner chose the shop). */
export function currentScopeInput(): { scope?: 'shop'; tillId?: string } {
  return scopeInput(useShopScopeStore.getState().choice, shopScopeOffered(useStatusStore.getState().appStatus));
}

/** This till's id, to tell its own rows from other tills' in shop scope. */
export function thisTillId(): string | null {
  return useStatusStore.getState().appStatus?.till.id ?? null;
}

export async function loadShopTills(): Promise<void> {
  useShopScopeStore.setState((s) => ({ tills: { status: 'loading', value: s.tills.value, error: null } }));
  const r = await api().call('shop:tills', {});
  useShopScopeStore.setState((s) => ({
    tills: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.tills.value, error: r.error },
  }));
}

export function chooseScope(scope: ViewScope): void {
  useShopScopeStore.setState((s) => ({ choice: { scope, tillId: scope === 'shop' ? s.choice.tillId : null } }));
  if (scope === 'shop' && useShopScopeStore.getState().tills.status === 'idle') void loadShopTills();
}

/** One till of the shop, or null for all of them. */
export function chooseTill(tillId: string | null): void {
  useShopScopeStore.setState({ choice: { scope: 'shop', tillId } });
}
