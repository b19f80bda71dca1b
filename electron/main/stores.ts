import Store from 'electron-store';
import type { SettingsBackend } from '../core/platform/ports';
import type { SavedWindowState } from './window-policy';

/**
 * electron-store files in the data dir. `settings.json` is the same file, in the same format, that
 * the browser host opens with `conf` ({ configName: 'settings', cwd: dataDir }), so one data dir
 * works under either host.
 */
export function createSettingsBackend(dataDir: string): SettingsBackend {
  // 0600 on every rewrite: the file holds the shop's settings, and electron-store would otherwise
  // follow the process umask (usually 0644) each time a setting changes.
  return new Store<Record<string, unknown>>({ name: 'settings', cwd: dataDir, configFileMode: 0o600 });
}

export interface WindowStateStore {
  load(): SavedWindowState | null;
  save(state: SavedWindowState): void;
}

/** Window bounds live in their own file: losing them is harmless, so a corrupt file is reset. */
export function createWindowStateStore(dataDir: string): WindowStateStore {
  const store = new Store<{ window?: SavedWindowState }>({ name: 'window-state', cwd: dataDir, clearInvalidConfig: true, configFileMode: 0o600 });
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
