import type pg from 'pg';
import type { Ledger } from '../ledger/ledger';
import type { SharedCompanion } from './shared-ledger';
import { changeTime, readSyncState, writeSyncState, type SyncState } from './sync-state';

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
   * Notes a change just made here (a cashier saved, settings saved): timed now, so it wins over
   * anything older at the shop, even when the till has not finished its first round yet.
   */
  noteLocalChanges(): void {
    this.noteChanges(this.round.now());
  }

  /**
   * Called by each sync at the end of its constructor, before any change can be saved here: until
   * the first round, what the till holds is what it had before it joined, and it is noted so (timed
   * older than anything the shop has), so that a value saved next is told apart from those.
   */
  protected noteHeldBeforeJoining(): void {
    this.noteChanges('round');
  }

  /**
   * Notes what differs here at the start of a round. Before the till's first round, what it holds
   * is what it had before it joined: timed older than anything the shop has (changeTime).
   * Cheap: a shop has a few cashiers and settings.
   */
  private noteChanges(at: number | 'round'): void {
    const { ledger, stateKey } = this.round;
    ledger.atomically(() => {
      const state = readSyncState(ledger, stateKey);
      if (this.note(state, at === 'round' ? changeTime(state, this.round.now()) : at)) writeSyncState(ledger, stateKey, state);
    });
  }

  async sync(pool: pg.Pool): Promise<'done' | 'unreachable'> {
    this.noteChanges('round');
    const due = this.round.now() - this.lastPullAt >= (this.round.pullEveryMs ?? 3_000);
    const pending = readSyncState(this.round.ledger, this.round.stateKey).pending;
    if (!due && Object.keys(pending).length === 0) return 'done';
    await this.push(pool, pending);
    await this.pull(pool);
    this.lastPullAt = this.round.now();
    return 'done';
  }

  /** Adds this side's changes to `state.pending`, timed `at`; true when it changed anything. */
  protected abstract note(state: SyncState, at: number): boolean;
  protected abstract push(pool: pg.Pool, pending: SyncState['pending']): Promise<void>;
  protected abstract pull(pool: pg.Pool): Promise<void>;
}
