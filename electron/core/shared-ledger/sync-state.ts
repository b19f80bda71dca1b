import type { Ledger } from '../ledger/ledger';

/**
 * What one till knows of a shop-wide row (a cashier, a setting): the shop's `updated_at` of the
 * version it holds and a fingerprint of that version; `pending`: local changes noted but not yet
 * pushed, with the time they were made (last writer wins by that time). Kept in the till's ledger
 * kv, so a restart neither re-pushes old changes nor forgets unpushed ones.
 */
export interface Known {
  at: number;
  f: string;
}

export interface SyncState {
  /** False until the first round: what a till had before it joined counts as older than the shop's. */
  started: boolean;
  known: Record<string, Known>;
  pending: Record<string, Known>;
}

export function readSyncState(ledger: Ledger, kvKey: string): SyncState {
  const raw = ledger.kvGet(kvKey);
  if (!raw) return { started: false, known: {}, pending: {} };
  try {
    const s = JSON.parse(raw) as Partial<SyncState>;
    return { started: s.started === true, known: { ...(s.known ?? {}) }, pending: { ...(s.pending ?? {}) } };
  } catch {
    // A damaged note costs one full round: every row is compared again, nothing is lost.
    return { started: false, known: {}, pending: {} };
  }
}

export function writeSyncState(ledger: Ledger, kvKey: string, state: SyncState): void {
  ledger.kvSet(kvKey, JSON.stringify(state));
}

/** JSON with object keys sorted, so that a value read back from jsonb fingerprints as written. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The time a change noted now is given: before the first round, older than anything the shop has. */
export function changeTime(state: SyncState, now: number): number {
  return state.started ? now : 0;
}

/**
 * A pending change has been offered to the server. Won: it is the shop's version now. Lost (the
 * shop had a newer one, or one as old: two tills' values from before they joined): this till holds
 * a version older than anything, so the next pull takes the shop's. A change made here meanwhile
 * stays pending.
 */
export function settlePush(ledger: Ledger, kvKey: string, key: string, change: Known, won: boolean): void {
  ledger.atomically(() => {
    const state = readSyncState(ledger, kvKey);
    if (state.pending[key]?.f !== change.f || state.pending[key]?.at !== change.at) return;
    delete state.pending[key];
    state.known[key] = won ? change : { at: -1, f: change.f };
    writeSyncState(ledger, kvKey, state);
  });
}
