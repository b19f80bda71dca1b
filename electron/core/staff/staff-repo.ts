import type { Ledger } from '../ledger/ledger';

export type Role = 'owner' | 'cashier';

export interface CashierRow {
  id: number;
  name: string;
  role: Role;
  pin_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  active: number;
  created_at: number;
}

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

  insert(c: { name: string; role: Role; pinHash: string; now: number }): CashierRow {
    const id = this.ledger.write('INSERT INTO cashiers (name, role, pin_hash, created_at) VALUES (@name, @role, @pinHash, @now)', c);
    return this.get(id) as CashierRow;
  }

  update(id: number, patch: Partial<Pick<CashierRow, 'name' | 'role' | 'pin_hash' | 'failed_attempts' | 'locked_until' | 'active'>>): void {
    const keys = Object.keys(patch) as (keyof typeof patch)[];
    if (keys.length === 0) return;
    this.ledger.write(`UPDATE cashiers SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`, { ...patch, id });
  }
}
