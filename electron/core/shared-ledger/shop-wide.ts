import type { Ledger } from '../ledger/ledger';
import type { Logger } from '../platform/ports';
import type { SettingsService } from '../settings/settings-service';
import { SettingsSync } from './settings-sync';
import type { SharedLedger } from './shared-ledger';
import { StaffSync } from './staff-sync';
import type { TillIdentity } from './till-identity';
import { tillNameSync } from './till-name-sync';

export interface ShopWide {
  /** A cashier was added or changed here: noted now (its time decides), pushed at once. */
  staffChanged(): void;
  /** The owner saved settings here. */
  settingsChanged(): void;
  /** The till was renamed here. */
  renamed(): void;
}

/**
 * What several counters share beyond the ledger: cashiers, shop-wide settings, the till's name in
 * the shop's list. Hooked onto the till's SharedLedger lane (one connection pool, one
 * reachability); a one-counter till has none of this.
 */
export function joinShopWide(o: {
  shared: SharedLedger;
  ledger: Ledger;
  till: TillIdentity;
  settings: SettingsService;
  logger: Logger;
  now: () => number;
  pullEveryMs?: number;
  staffApplied: () => void;
  settingsApplied: () => void;
}): ShopWide {
  const staff = new StaffSync({ ledger: o.ledger, tillId: o.till.id, now: o.now, pullEveryMs: o.pullEveryMs, onApplied: o.staffApplied });
  const settings = new SettingsSync({
    ledger: o.ledger,
    settings: o.settings,
    tillId: o.till.id,
    now: o.now,
    logger: o.logger,
    pullEveryMs: o.pullEveryMs,
    onApplied: o.settingsApplied,
  });
  o.shared.addCompanion(tillNameSync(o.till));
  o.shared.addCompanion(staff);
  o.shared.addCompanion(settings);
  return {
    staffChanged: () => {
      staff.noteLocalChanges();
      o.shared.kick();
    },
    settingsChanged: () => {
      settings.noteLocalChanges();
      o.shared.kick();
    },
    renamed: () => o.shared.kick(),
  };
}
