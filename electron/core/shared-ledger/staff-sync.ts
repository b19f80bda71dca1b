import type pg from 'pg';
import type { Ledger } from '../ledger/ledger';
import type { SessionManager } from '../staff/session';
import type { Role, StaffRepo } from '../staff/staff-repo';
import { RoundSync } from './round-sync';
import { readSyncState, settlePush, writeSyncState, type SyncState } from './sync-state';

/**
 * Cashiers are the shop's: one added, re-PINned, promoted or deactivated at one till is the same at
 * every till (shop_cashiers, keyed by the lower-cased name). Each till keeps its own local rows and
 * ids, which its sales and shifts refer to; this copies the shop's rows onto them by name, so a
 * cashier signs in at any counter, and offline from the local copy.
 *
 * Last writer wins, by the time of the change. What stays per till: wrong-PIN counters and
 * lockouts. They protect the PIN pad in front of them; summing them across tills would let a
 * guesser at one counter lock a cashier out of all of them, and a counter that cannot reach the
 * server must keep counting anyway. A new PIN (from any till) clears them, as locally.
 *
 * A rename is pushed as the new name plus the old name deactivated (the shop keys by name): other
 * tills get a new local row for the new name, and keep the old one, inactive, for its sales.
 */
const STATE_KEY = 'shop_staff_sync';
const GONE = 'gone';

interface LocalCashier {
  id: number;
  name: string;
  role: Role;
  pin_hash: string;
  active: number;
}

interface ShopCashier {
  name_key: string;
  name: string;
  role: Role;
  pin_hash: string;
  active: boolean;
  updated_at: number;
}

export interface StaffSyncOptions {
  ledger: Ledger;
  tillId: string;
  now: () => number;
  /** How often the shop's list is read (a local change is pushed at the next round anyway). */
  pullEveryMs?: number;
  /** Told after the shop's changes were applied here (the PIN screen lists cashiers). */
  onApplied: () => void;
}

export const nameKey = (name: string): string => name.toLowerCase();
const fingerprint = (c: { name: string; role: string; pin_hash: string; active: boolean | number }): string =>
  JSON.stringify([c.name, c.role, c.pin_hash, c.active ? 1 : 0]);

export class StaffSync extends RoundSync {
  readonly name = 'staff-sync';

  constructor(private readonly o: StaffSyncOptions) {
    super({ ledger: o.ledger, stateKey: STATE_KEY, now: o.now, pullEveryMs: o.pullEveryMs });
    this.noteHeldBeforeJoining();
  }

  private locals(): Map<string, LocalCashier> {
    const rows = this.o.ledger.select<LocalCashier>('SELECT id, name, role, pin_hash, active FROM cashiers ORDER BY id');
    const byKey = new Map<string, LocalCashier>();
    for (const r of rows) if (!byKey.has(nameKey(r.name))) byKey.set(nameKey(r.name), r);
    return byKey;
  }

  protected note(state: SyncState, at: number): boolean {
    let changed = false;
    const locals = this.locals();
    for (const [key, row] of locals) {
      const f = fingerprint(row);
      if (state.known[key]?.f === f) {
        if (state.pending[key]) changed = delete state.pending[key];
      } else if (state.pending[key]?.f !== f) {
        state.pending[key] = { at, f };
        changed = true;
      }
    }
    // Known here, no longer here under that name: renamed at this till.
    for (const [key, k] of Object.entries(state.known)) {
      if (k.f !== GONE && !locals.has(key) && state.pending[key]?.f !== GONE) {
        state.pending[key] = { at, f: GONE };
        changed = true;
      }
    }
    return changed;
  }

  /** Each pending change, written only over an older version (last writer wins on the server). */
  protected async push(pool: pg.Pool, pending: SyncState['pending']): Promise<void> {
    const locals = this.locals();
    for (const [key, change] of Object.entries(pending)) {
      const row = locals.get(key);
      let pushed: pg.QueryResult;
      if (change.f === GONE) {
        pushed = await pool.query(
          `INSERT INTO shop_cashiers (name_key, name, role, pin_hash, active, updated_at, updated_by) VALUES ($1, $1, 'cashier', '', false, $2, $3)
           ON CONFLICT (name_key) DO UPDATE SET active = false, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
           WHERE shop_cashiers.updated_at < EXCLUDED.updated_at
           RETURNING 1`,
          [key, change.at, this.o.tillId],
        );
      } else if (row && fingerprint(row) === change.f) {
        pushed = await pool.query(
          `INSERT INTO shop_cashiers (name_key, name, role, pin_hash, active, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (name_key) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, pin_hash = EXCLUDED.pin_hash, active = EXCLUDED.active,
             updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
           WHERE shop_cashiers.updated_at < EXCLUDED.updated_at
           RETURNING 1`,
          [key, row.name, row.role, row.pin_hash, row.active === 1, change.at, this.o.tillId],
        );
      } else continue; // changed again meanwhile: noted again, pushed next round
      settlePush(this.o.ledger, STATE_KEY, key, change, (pushed.rowCount ?? 0) > 0);
    }
  }

  /** The shop's rows newer than what this till holds, applied to its local rows by name. */
  protected async pull(pool: pg.Pool): Promise<void> {
    const shop = await pool.query<ShopCashier>('SELECT name_key, name, role, pin_hash, active, updated_at FROM shop_cashiers');
    const { ledger } = this.o;
    const applied = ledger.atomically(() => {
      const state = readSyncState(ledger, STATE_KEY);
      const locals = this.locals();
      let n = 0;
      for (const r of shop.rows) {
        if (state.pending[r.name_key]) continue; // a change made here waits for the next round's push
        const known = state.known[r.name_key];
        if (known && known.at >= r.updated_at) continue; // this till holds that version, or a newer one
        const local = locals.get(r.name_key);
        if (local) {
          const newPin = local.pin_hash !== r.pin_hash;
          ledger.write(
            `UPDATE cashiers SET name = @name, role = @role, pin_hash = @pin_hash, active = @active${newPin ? ', failed_attempts = 0, locked_until = NULL, lockouts = 0' : ''} WHERE id = @id`,
            { id: local.id, name: r.name, role: r.role, pin_hash: r.pin_hash, active: r.active ? 1 : 0 },
          );
          state.known[r.name_key] = { at: r.updated_at, f: fingerprint(r) };
        } else if (r.active) {
          ledger.write('INSERT INTO cashiers (name, role, pin_hash, active, created_at) VALUES (@name, @role, @pin_hash, 1, @now)', {
            name: r.name,
            role: r.role,
            pin_hash: r.pin_hash,
            now: this.o.now(),
          });
          state.known[r.name_key] = { at: r.updated_at, f: fingerprint(r) };
        } else {
          // Inactive and never here: nothing to sign in with; remembered so it is not asked again.
          state.known[r.name_key] = { at: r.updated_at, f: GONE };
          continue;
        }
        n++;
      }
      state.started = true;
      writeSyncState(ledger, STATE_KEY, state);
      return n;
    });
    if (applied > 0) this.o.onApplied();
  }
}

/**
 * The shop's change reached this till while the cashier it concerns is signed in here: one
 * deactivated or whose role changed at another till is signed out (the PIN screen follows), rather
 * than keeping rights the owner has just taken away.
 */
export function signOutIfWithdrawn(session: SessionManager, staff: StaffRepo): void {
  const who = session.active();
  if (!who) return;
  const row = staff.get(who.id);
  if (!row || row.active !== 1 || row.role !== who.role) session.logout();
}
