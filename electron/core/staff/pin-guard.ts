import { AppError } from '../../../shared/result';
import type { StaffRepo } from './staff-repo';

/** Wrong PINs in a row before a cashier is locked. */
export const MAX_ATTEMPTS = 5;
/** Each lockout that follows closely on the last one locks longer: 5 min, 15 min, 1 h, then 4 h. */
export const LOCK_STEPS_MS = [5, 15, 60, 240].map((m) => m * 60_000);
/** A lockout "follows closely" when it comes within a day of the end of the last one. */
export const LOCKOUT_MEMORY_MS = 24 * 60 * 60_000;
/** Across all cashiers: guessing by going round the names gets no more than this per minute. */
export const TILL_MAX_ATTEMPTS_PER_MIN = 10;
const WINDOW_MS = 60_000;

export const lockMsFor = (level: number): number => LOCK_STEPS_MS[Math.min(level, LOCK_STEPS_MS.length) - 1] as number;

const locked = (retryAfterMs: number) =>
  new AppError('NOT_ALLOWED', 'Too many wrong PINs: wait before trying again', { reason: 'LOCKED', retryAfterMs: Math.max(0, retryAfterMs) });

/**
 * Keeps PIN guessing slow, whatever the caller does at once:
 * - an attempt is counted in the ledger before its PIN is hashed, so neither parallel guesses
 *   nor a process killed mid-check escape the count;
 * - one check at a time per cashier: parallel guesses queue, and once the limit is reached the
 *   rest are refused without hashing;
 * - a till-wide budget of attempts per minute, refused at once (never queued), so a flood can
 *   neither hash without end nor make an honest sign-in wait behind it.
 */
export class PinGuard {
  private readonly queues = new Map<number, Promise<unknown>>();
  /** When each attempt of the last minute that is not (yet) known to be right was counted. */
  private recent: number[] = [];

  constructor(
    private readonly staff: StaffRepo,
    private readonly now: () => number,
    /** Told when a cashier is locked out (the owner must learn of it). */
    private readonly onLockout: (cashierId: number) => void = () => {},
  ) {}

  /** Runs `check` (true when the PIN is right) under every rule above; throws when it may not run or fails. */
  attempt(cashierId: number, check: () => Promise<boolean>): Promise<void> {
    return this.oneAtATime(cashierId, () => this.guarded(cashierId, check));
  }

  private async guarded(id: number, check: () => Promise<boolean>): Promise<void> {
    const now = this.now();
    // Everything up to the check is synchronous: no other attempt can slip in between.
    this.recent = this.recent.filter((t) => now - t < WINDOW_MS);
    if (this.recent.length >= TILL_MAX_ATTEMPTS_PER_MIN) {
      throw new AppError('NOT_ALLOWED', 'Too many PIN attempts at this till: wait before trying again', {
        reason: 'THROTTLED',
        retryAfterMs: this.tillRetryAfter(now),
      });
    }
    const counted = this.staff.countAttempt(id, now, MAX_ATTEMPTS);
    if ('refused' in counted) {
      if (counted.refused === 'UNKNOWN') throw new AppError('NOT_FOUND', 'Unknown cashier', { field: 'cashierId' });
      if (counted.refused === 'LOCKED') throw locked(counted.lockedUntil - now);
      // The last allowed attempt was counted but its check never ended (the till stopped): it was wrong.
      throw locked(this.lockOut(id, now) - now);
    }
    const slot = now;
    this.recent.push(slot);
    let right = false;
    try {
      right = await check();
    } finally {
      if (right) this.releaseTillSlot(slot);
    }
    if (right) {
      this.staff.attemptSucceeded(id);
      return;
    }
    if (counted.attempt >= MAX_ATTEMPTS) throw locked(this.lockOut(id, this.now()) - this.now());
    throw new AppError('NOT_ALLOWED', 'Wrong PIN', { reason: 'WRONG_PIN', attemptsLeft: MAX_ATTEMPTS - counted.attempt });
  }

  private lockOut(id: number, now: number): number {
    const { lockedUntil } = this.staff.lockOut(id, now, LOCKOUT_MEMORY_MS, lockMsFor);
    this.onLockout(id);
    return lockedUntil;
  }

  /** Chains the checks of one cashier: each starts when the one before has ended, whatever its outcome. */
  private oneAtATime<T>(id: number, work: () => Promise<T>): Promise<T> {
    const before = this.queues.get(id) ?? Promise.resolve();
    const run = before.then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(id, tail);
    void tail.then(() => {
      if (this.queues.get(id) === tail) this.queues.delete(id);
    });
    return run;
  }

  private releaseTillSlot(at: number): void {
    const i = this.recent.indexOf(at);
    if (i >= 0) this.recent.splice(i, 1);
  }

  private tillRetryAfter(now: number): number {
    const oldest = Math.min(...this.recent);
    return Math.max(1000, oldest + WINDOW_MS - now);
  }
}
