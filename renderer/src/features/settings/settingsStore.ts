import { create } from 'zustand';
import { DEFAULT_SETTINGS, type SettingsView } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import type { LoadStatus } from '../../ui/loadStatus';

export type SettingsState = {
  status: LoadStatus;
  /** Defaults until the core answers, so the first paint already has sane values. */
  settings: SettingsView;
  error: AppErrorShape | null;
  saving: 'idle' | 'saving' | 'error';
  saveError: AppErrorShape | null;
};

export const initialSettings: SettingsState = {
  status: 'idle',
  settings: DEFAULT_SETTINGS,
  error: null,
  saving: 'idle',
  saveError: null,
};

export const useSettingsStore = create<SettingsState>()(() => initialSettings);
