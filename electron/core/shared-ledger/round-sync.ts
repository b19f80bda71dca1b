import type pg from 'pg';
import type { Ledger } from '../ledger/ledger';
import type { SharedCompanion } from './shared-ledger';
import { readSyncState, writeSyncState, type SyncState } from './sync-state';

export interface RoundSyncOptions {
  ledger: Ledger;
  /** Where this sync keeps its state in the ledger's kv (sync-state.ts). */
  stateKey: string;
  now: () => number;
  /** How often the shop's rows are read when nothing waits to be pushed. */
  pullEveryMs?: number;
}

/**
 * One round of a shop-wide sync (cashiers, settings): note what changed here, push it, read what
 * changed at the shop. A round runs when something waits to be pushed or a pull is due; each sync
 * says what a change is, how it is pushed and how the shop's rows are applied here.
 */
export abstract class RoundSync implements SharedCompanion {
  abstract readonly name: string;
  private lastPullAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly round: RoundSyncOptions) {}

  /**
   * Notes what changed here since the last round, timed now (called right after a change, and at
   * each round for anything else). Cheap: a shop has a few cashiers and settings.
   */
  noteLocalChanges(): void {
    const { ledger, stateKey } = this.round;
    ledger.atomically(() => {
      const state = readSyncState(ledger, stateKey);
      if (this.note(state)) writeSyncState(ledger, stateKey, state);
    });
  }

  async sync(pool: pg.Pool): Promise<'done' | 'unreachable'> {
    this.noteLocalChanges();
    const due = this.round.now() - this.lastPullAt >= (this.round.pullEveryMs ?? 3_000);
    const pending = readSyncState(this.round.ledger, this.round.stateKey).pending;
    if (!due && Object.keys(pending).length === 0) return 'done';
    await this.push(pool, pending);
    await this.pull(pool);
    this.lastPullAt = this.round.now();
    return 'done';
  }

  /** Adds this side's changes to `state.pending`; true when it changed anything. */
  protected abstract note(state: SyncState): boolean;
  protected abstract push(pool: pg.Pool, pending: SyncState['pending']): Promise<void>;
  protected abstract pull(pool: pg.Pool): Promise<void>;
}
