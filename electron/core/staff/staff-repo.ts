import type { Ledger } from '../ledger/ledger';

export type Role = 'owner' | 'cashier';

export interface CashierRow {
  id: number;
  name: string;
  role: Role;
  pin_hash: string;
  /** Wrong PINs since the last success or lockout, counted before each check (see countAttempt). */
  failed_attempts: number;
  /** When the last lock ends; kept after it ends, so the next lockout knows whether it follows closely. */
  locked_until: number | null;
  /** How many lockouts followed one another closely: the next lock is longer. */
  lockouts: number;
  last_lockout_at: number | null;
  /** Lockouts the owner has not looked at yet. */
  unseen_lockouts: number;
  active: number;
  created_at: number;
}

export interface NewCashier {
  name: string;
  role: Role;
  pinHash: string;
  now: number;
}

/** Why an attempt could not be counted (and so must not be checked). */
export type Refusal = { refused: 'LOCKED'; lockedUntil: number } | { refused: 'LIMIT_REACHED' } | { refused: 'UNKNOWN' };

/** Cashiers live in the ledger, so a backup carries them with the sales they made. */
export class StaffRepo {
  constructor(private readonly ledger: Ledger) {}

  count(): number {
    return this.ledger.select<{ n: number }>('SELECT COUNT(*) AS n FROM cashiers')[0]?.n ?? 0;
  }

  all(): CashierRow[] {
    return this.ledger.select<CashierRow>('SELECT * FROM cashiers ORDER BY role DESC, name');
  }

  get(id: number): CashierRow | null {
    return this.ledger.select<CashierRow>('SELECT * FROM cashiers WHERE id = @id', { id })[0] ?? null;
  }

  byName(name: string): CashierRow | null {
    return this.ledger.select<CashierRow>('SELECT * FROM cashiers WHERE name = @name COLLATE NOCASE', { name })[0] ?? null;
  }

  /**
   * Adds a cashier if the name is free; `onlyIfEmpty` adds them only while there is nobody yet
   * (the first owner). The check and the insert are one transaction, so two setups racing each
   * other cannot both see an empty till.
   */
  insert(c: NewCashier, opts: { onlyIfEmpty?: boolean } = {}): CashierRow | 'NOT_EMPTY' | 'NAME_USED' {
    return this.ledger.atomically(() => {
      if (opts.onlyIfEmpty && this.count() > 0) return 'NOT_EMPTY' as const;
      if (this.byName(c.name)) return 'NAME_USED' as const;
      const id = this.ledger.write('INSERT INTO cashiers (name, role, pin_hash, created_at) VALUES (@name, @role, @pinHash, @now)', { ...c });
      return this.get(id) as CashierRow;
    });
  }

  update(
    id: number,
    patch: Partial<Pick<CashierRow, 'name' | 'role' | 'pin_hash' | 'failed_attempts' | 'locked_until' | 'lockouts' | 'unseen_lockouts' | 'active'>>,
  ): void {
    const keys = Object.keys(patch) as (keyof typeof patch)[];
    if (keys.length === 0) return;
    this.ledger.write(`UPDATE cashiers SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`, { ...patch, id });
  }

  /**
   * Counts a PIN attempt as wrong before it is checked, so a check that never finishes (parallel
   * guesses, a crash, a killed process) still counts. The UPDATE itself refuses a locked cashier
   * or one with no attempt left, so it cannot be overrun even if the row read here is stale.
   * Returns the attempt's number, or why it was not counted.
   */
  countAttempt(id: number, now: number, max: number): { attempt: number } | Refusal {
    return this.ledger.atomically(() => {
      const row = this.get(id);
      if (!row || !row.active) return { refused: 'UNKNOWN' as const };
      if (row.locked_until !== null && row.locked_until > now) return { refused: 'LOCKED' as const, lockedUntil: row.locked_until };
      if (row.failed_attempts >= max) return { refused: 'LIMIT_REACHED' as const };
      this.ledger.write(
        `UPDATE cashiers SET failed_attempts = failed_attempts + 1
         WHERE id = @id AND active = 1 AND failed_attempts < @max AND (locked_until IS NULL OR locked_until <= @now)`,
        { id, max, now },
      );
      return { attempt: row.failed_attempts + 1 };
    });
  }

  /** The right PIN: the wrong ones before it are forgiven (the lockout level is not: see lockOut). */
  attemptSucceeded(id: number): void {
    this.update(id, { failed_attempts: 0 });
  }

  /**
   * Locks a cashier. A lockout that comes within `memoryMs` of the end of the last one climbs a
   * level (a longer lock); the owner has one more lockout to see. Returns the new level.
   */
  lockOut(id: number, now: number, memoryMs: number, lockMsFor: (level: number) => number): { level: number; lockedUntil: number } {
    return this.ledger.atomically(() => {
      const row = this.get(id) as CashierRow;
      const follows = row.locked_until !== null && now - row.locked_until < memoryMs;
      const level = follows ? row.lockouts + 1 : 1;
      const lockedUntil = now + lockMsFor(level);
      this.ledger.write(
        `UPDATE cashiers SET failed_attempts = 0, locked_until = @lockedUntil, lockouts = @level,
           last_lockout_at = @now, unseen_lockouts = unseen_lockouts + 1 WHERE id = @id`,
        { id, lockedUntil, level, now },
      );
      return { level, lockedUntil };
    });
  }

  /** Cashiers with lockouts the owner has not seen, for the owner's warning. */
  withUnseenLockouts(): CashierRow[] {
    return this.ledger.select<CashierRow>('SELECT * FROM cashiers WHERE unseen_lockouts > 0 ORDER BY last_lockout_at DESC');
  }

  /** The owner has looked at the list of cashiers, lockouts included. */
  markLockoutsSeen(): void {
    this.ledger.write('UPDATE cashiers SET unseen_lockouts = 0 WHERE unseen_lockouts > 0');
  }
}
