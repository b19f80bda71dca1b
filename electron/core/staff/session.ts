import { AppError } from '../../../shared/result';
import { hashPin, PIN_PATTERN, verifyPin } from './pin-hash';
import type { CashierRow, Role, StaffRepo } from './staff-repo';

export interface ActiveCashier {
  id: number;
  name: string;
  role: Role;
}

const MAX_ATTEMPTS = 5;
const LOCK_MS = 5 * 60_000;

/**
 * Who is at the till. One counter, one cashier at a time: the session belongs to the core, so
 * the Electron window and the browser host see the same person. It locks itself after the idle
 * time set in settings; a wrong PIN five times in a row locks that cashier for five minutes.
 */
export class SessionManager {
  private current: ActiveCashier | null = null;
  private lastActivity = 0;

  constructor(
    private readonly staff: StaffRepo,
    private readonly now: () => number,
    private readonly idleMs: () => number,
    /** Told when the idle lock falls, so every screen can return to the PIN pad. */
    private readonly onLocked: () => void = () => {},
  ) {}

  needsSetup(): boolean {
    return this.staff.count() === 0;
  }

  /** The cashier at the till, or null when nobody is signed in or the idle lock has fallen. */
  active(): ActiveCashier | null {
    if (this.current && this.now() - this.lastActivity > this.idleMs()) {
      this.current = null;
      queueMicrotask(this.onLocked);
    }
    return this.current;
  }

  touch(): void {
    if (this.active()) this.lastActivity = this.now();
  }

  require(role: Role, opts: { touch?: boolean } = {}): ActiveCashier {
    const who = this.active();
    if (!who) throw new AppError('NOT_ALLOWED', 'Sign in with your PIN first', { reason: 'SIGNED_OUT' });
    if (role === 'owner' && who.role !== 'owner') throw new AppError('NOT_ALLOWED', 'Only the owner can do this', { reason: 'OWNER_ONLY' });
    if (opts.touch !== false) this.lastActivity = this.now();
    return who;
  }

  isOwner(): boolean {
    return this.active()?.role === 'owner';
  }

  async setupOwner(name: string, pin: string): Promise<ActiveCashier> {
    if (!this.needsSetup()) throw new AppError('INVALID_STATE', 'The owner is already set up');
    const row = await this.add(name, 'owner', pin);
    return this.signIn(row);
  }

  async add(name: string, role: Role, pin: string): Promise<CashierRow> {
    if (!PIN_PATTERN.test(pin)) throw new AppError('INVALID_INPUT', 'pin: 4 to 8 digits', { field: 'pin' });
    if (this.staff.byName(name)) throw new AppError('INVALID_INPUT', 'name: already used', { field: 'name' });
    return this.staff.insert({ name, role, pinHash: await hashPin(pin), now: this.now() });
  }

  async changePin(id: number, pin: string): Promise<void> {
    if (!PIN_PATTERN.test(pin)) throw new AppError('INVALID_INPUT', 'pin: 4 to 8 digits', { field: 'pin' });
    this.staff.update(id, { pin_hash: await hashPin(pin), failed_attempts: 0, locked_until: null });
  }

  async login(cashierId: number, pin: string): Promise<ActiveCashier> {
    const row = this.staff.get(cashierId);
    if (!row || !row.active) throw new AppError('NOT_FOUND', 'Unknown cashier', { field: 'cashierId' });
    const now = this.now();
    if (row.locked_until !== null && row.locked_until > now) {
      throw new AppError('NOT_ALLOWED', 'Too many wrong PINs: wait before trying again', { reason: 'LOCKED', retryAfterMs: row.locked_until - now });
    }
    if (!(await verifyPin(pin, row.pin_hash))) {
      const failed = row.failed_attempts + 1;
      const locked = failed >= MAX_ATTEMPTS;
      this.staff.update(row.id, { failed_attempts: locked ? 0 : failed, locked_until: locked ? now + LOCK_MS : null });
      throw new AppError('NOT_ALLOWED', 'Wrong PIN', locked ? { reason: 'LOCKED', retryAfterMs: LOCK_MS } : { reason: 'WRONG_PIN', attemptsLeft: MAX_ATTEMPTS - failed });
    }
    this.staff.update(row.id, { failed_attempts: 0, locked_until: null });
    return this.signIn(row);
  }

  logout(): void {
    this.current = null;
  }

  private signIn(row: CashierRow): ActiveCashier {
    this.current = { id: row.id, name: row.name, role: row.role };
    this.lastActivity = this.now();
    return this.current;
  }
}
