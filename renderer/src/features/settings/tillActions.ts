import { api } from '../../bridge';
import type { Result } from '../../../../shared/result';
import type { TillSettings } from '../../../../shared/till-settings';
import { loadStatus } from '../status-bar/statusActions';

/** The owner's "Plusieurs caisses" section talks to the core directly: nothing of it is kept elsewhere. */
export function loadTillSettings(): Promise<Result<TillSettings>> {
  return api().call('till:get', {});
}

export async function renameThisTill(name: string): Promise<Result<TillSettings>> {
  const r = await api().call('till:rename', { name });
  // The header shows the name: take the new status now rather than at the next event.
  if (r.ok) void loadStatus();
  return r;
}

/** The shop passphrase, tried at once by the core; the status then says whether the till joined. */
export async function offerShopPassphrase(passphrase: string): Promise<Result<TillSettings>> {
  const r = await api().call('till:shopPassphrase', { passphrase });
  if (r.ok) void loadStatus();
  return r;
}

/** Saves (or with '' removes) the shop's server URL; the core keeps it sealed and sends back only a redacted copy. */
export function saveLedgerUrl(url: string): Promise<Result<TillSettings>> {
  return api().call('till:setLedgerUrl', { url: url.trim() === '' ? null : url });
}
