import type { CommandHandlers } from '../../../shared/contract';
import type { SettingsService } from './settings-service';

export interface SettingsHandlerDeps {
  settings: SettingsService;
  /** The request budget follows settings.apiRequestsPerMinute at once (provider/rate-gate.ts). */
  setRequestRate: (perMinute: number) => void;
  statusChanged: () => void;
}

export function settingsHandlers(s: SettingsHandlerDeps): Pick<CommandHandlers, 'settings:get' | 'settings:update'> {
  return {
    'settings:get': async () => s.settings.get(),
    'settings:update': async (patch) => {
      const next = s.settings.update(patch);
      s.setRequestRate(next.apiRequestsPerMinute);
      s.statusChanged();
      return next;
    },
  };
}
