import { reloadReceipts } from '../receipts/receiptActions';
import { api } from '../../bridge';
import { applyLanguage } from '../../i18n';
import { useSessionStore } from '../session/sessionStore';
import { useSettingsStore } from './settingsStore';
import type { Language, SettingsPatch } from '../../../../shared/domain';
import type { AppErrorShape, Result } from '../../../../shared/result';
import type { SettingsView } from '../../../../shared/domain';
import { applyStatus, refreshBalance } from '../status-bar/statusActions';
import { loadCatalog } from '../catalog/catalogActions';

export async function loadSettings(): Promise<void> {
  useSettingsStore.setState({ status: 'loading' });
  const r = await api().call('settings:get', {});
  if (r.ok) {
    useSettingsStore.setState({ status: 'ready', settings: r.value, error: null });
    applyLanguage(r.value.language);
  } else useSettingsStore.setState({ status: 'error', error: r.error });
}

/** Saves a patch; the store only takes what the core sends back (it is the source of truth). */
export async function updateSettings(patch: SettingsPatch): Promise<Result<SettingsView>> {
  useSettingsStore.setState({ saving: 'saving', saveError: null });
  const r = await api().call('settings:update', patch);
  if (r.ok) {
    useSettingsStore.setState({ settings: r.value, saving: 'idle', saveError: null, status: 'ready' });
    applyLanguage(r.value.language);
    void reloadReceipts();
  } else useSettingsStore.setState({ saving: 'error', saveError: r.error });
  return r;
}

/** The language switches on screen at once; if the core refuses, it switches back. */
export async function setLanguage(language: Language): Promise<void> {
  const before = useSettingsStore.getState().settings;
  if (before.language === language) return;
  useSettingsStore.setState({ settings: { ...before, language } });
  applyLanguage(language);
  // Settings are the owner's: a cashier's choice of language stays on this screen only.
  const session = useSessionStore.getState();
  if (session.status === 'signedIn' && session.session?.cashier?.role !== 'owner') return;
  const r = await api().call('settings:update', { language });
  if (r.ok) {
    useSettingsStore.setState({ settings: r.value });
    void reloadReceipts();
  } else {
    useSettingsStore.setState((s) => ({ settings: { ...s.settings, language: before.language }, saveError: r.error }));
    applyLanguage(before.language);
  }
}

export async function toggleFavourite(productId: string): Promise<void> {
  const before = useSettingsStore.getState().settings;
  const favourites = before.favourites.includes(productId) ? before.favourites.filter((id) => id !== productId) : [...before.favourites, productId].slice(-200);
  useSettingsStore.setState({ settings: { ...before, favourites } });
  const r = await api().call('settings:update', { favourites });
  if (r.ok) useSettingsStore.setState({ settings: r.value });
  else useSettingsStore.setState((s) => ({ settings: { ...s.settings, favourites: before.favourites }, saveError: r.error }));
}

export type KeyResult = { ok: true } | { ok: false; error: AppErrorShape };

/** The key goes straight to the core and is never kept here. */
export async function setApiKey(key: string): Promise<KeyResult> {
  const r = await api().call('apiKey:set', { key });
  if (!r.ok) return r;
  applyStatus(r.value);
  void loadCatalog();
  void refreshBalance(true);
  return { ok: true };
}

export async function clearApiKey(): Promise<KeyResult> {
  const r = await api().call('apiKey:clear', {});
  if (!r.ok) return r;
  applyStatus(r.value);
  void loadCatalog();
  void refreshBalance(true);
  return { ok: true };
}
