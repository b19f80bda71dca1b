import type pg from 'pg';
import { SHOP_WIDE_SETTINGS, isShopWideSetting } from '../../../shared/shop-wide-settings';
import type { Ledger } from '../ledger/ledger';
import type { Logger } from '../platform/ports';
import type { SettingsService } from '../settings/settings-service';
import { RoundSync } from './round-sync';
import { canonicalJson, readSyncState, settlePush, writeSyncState, type SyncState } from './sync-state';

/**
 * The shop-wide settings (shared/shop-wide-settings.ts) kept the same at every till: a change is
 * pushed to shop_settings, the others' changes are pulled and applied here; last writer wins by the
 * time of the change. Per-till settings never leave the till. A value from the server is checked
 * with the settings' own schema before it is applied: a bad row is logged and skipped, never
 * applied in part. Only the keys whose time moved are fetched (product pictures can be large).
 */
const STATE_KEY = 'shop_settings_sync';

export interface SettingsSyncOptions {
  ledger: Ledger;
  settings: SettingsService;
  tillId: string;
  now: () => number;
  logger: Logger;
  pullEveryMs?: number;
  /** Told after the shop's values were applied here. */
  onApplied: () => void;
}

export class SettingsSync extends RoundSync {
  readonly name = 'settings-sync';

  constructor(private readonly o: SettingsSyncOptions) {
    super({ ledger: o.ledger, stateKey: STATE_KEY, now: o.now, pullEveryMs: o.pullEveryMs });
    this.noteHeldBeforeJoining();
  }

  protected note(state: SyncState, at: number): boolean {
    const current = this.o.settings.get() as Record<string, unknown>;
    let changed = false;
    for (const key of SHOP_WIDE_SETTINGS) {
      const f = canonicalJson(current[key]);
      if (state.known[key]?.f === f) {
        if (state.pending[key]) changed = delete state.pending[key];
      } else if (state.pending[key]?.f !== f) {
        state.pending[key] = { at, f };
        changed = true;
      }
    }
    return changed;
  }

  /**
   * One statement for everything pending: an owner's save of several settings reaches the shop
   * whole, so no other till ever applies half of it (a pull between two inserts would).
   */
  protected async push(pool: pg.Pool, pending: SyncState['pending']): Promise<void> {
    const current = this.o.settings.get() as Record<string, unknown>;
    const changes = Object.entries(pending).filter(([key, change]) => canonicalJson(current[key]) === change.f); // else changed again meanwhile
    if (changes.length === 0) return;
    const pushed = await pool.query<{ key: string }>(
      `INSERT INTO shop_settings (key, value, updated_at, updated_by)
       SELECT c.key, c.value::jsonb, c.at, $4 FROM unnest($1::text[], $2::text[], $3::bigint[]) AS c(key, value, at)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
       WHERE shop_settings.updated_at < EXCLUDED.updated_at
       RETURNING key`,
      [changes.map(([key]) => key), changes.map(([, c]) => c.f), changes.map(([, c]) => c.at), this.o.tillId],
    );
    const won = new Set(pushed.rows.map((r) => r.key));
    for (const [key, change] of changes) settlePush(this.o.ledger, STATE_KEY, key, change, won.has(key));
  }

  protected async pull(pool: pg.Pool): Promise<void> {
    const { ledger } = this.o;
    const times = await pool.query<{ key: string; updated_at: number }>('SELECT key, updated_at FROM shop_settings');
    const state = readSyncState(ledger, STATE_KEY);
    const wanted = times.rows
      .filter((r) => isShopWideSetting(r.key) && !state.pending[r.key])
      .filter((r) => !state.known[r.key] || state.known[r.key]!.at < r.updated_at)
      .map((r) => r.key);
    const rows = wanted.length
      ? (
          await pool.query<{ key: string; value: unknown; updated_at: number }>('SELECT key, value, updated_at FROM shop_settings WHERE key = ANY($1)', [
            wanted,
          ])
        ).rows
      : [];
    const applied = ledger.atomically(() => {
      const now = readSyncState(ledger, STATE_KEY);
      let n = 0;
      for (const r of rows) {
        if (now.pending[r.key]) continue;
        let f = canonicalJson(r.value);
        const known = now.known[r.key];
        if (known && known.at >= r.updated_at) continue;
        try {
          if (canonicalJson((this.o.settings.get() as Record<string, unknown>)[r.key]) !== f) {
            this.o.settings.update({ [r.key]: r.value } as Parameters<SettingsService['update']>[0]);
            n++;
          }
        } catch {
          // Written by a newer or broken till: this till keeps its value (held as that version, so
          // it is neither pushed back over it nor asked again) until a newer one comes; said once.
          this.o.logger.warn('shop-wide setting from the server refused', { key: r.key });
          f = canonicalJson((this.o.settings.get() as Record<string, unknown>)[r.key]);
        }
        now.known[r.key] = { at: r.updated_at, f };
      }
      now.started = true;
      writeSyncState(ledger, STATE_KEY, now);
      return n;
    });
    if (applied > 0) this.o.onApplied();
  }
}
