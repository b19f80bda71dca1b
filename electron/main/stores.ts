import Store from 'electron-store';
import type { SettingsBackend } from '../core/ports';
import type { SavedWindowState } from './window-policy';

/**
 * electron-store files in the data dir. `settings.json` is the same file, in the same format, that
 * the browser host opens with `conf` ({ configName: 'settings', cwd: dataDir }), so one data dir
 * works under either host.
 */
export function createSettingsBackend(dataDir: string): SettingsBackend {
  return new Store<Record<string, unknown>>({ name: 'settings', cwd: dataDir });
}

export interface WindowStateStore {
  load(): SavedWindowState | null;
  save(state: SavedWindowState): void;
}

/** Window bounds live in their own file: losing them is harmless, so a corrupt file is reset. */
export function createWindowStateStore(dataDir: string): WindowStateStore {
  const store = new Store<{ window?: SavedWindowState }>({ name: 'window-state', cwd: dataDir, clearInvalidConfig: true });
  return {
    load: () => {
      const value = store.get('window');
      return value && typeof value === 'object' ? value : null;
    },
    save: (state) => {
      try {
        store.set('window', state);
      } catch {
        // A read-only disk must not stop the till from closing.
      }
    },
  };
}
