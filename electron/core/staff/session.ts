import type { LockoutAlert } from '../../../shared/shop';
import { AppError } from '../../../shared/result';
import { hashPin, PIN_PATTERN, verifyPin } from './pin-hash';
import { PinGuard } from './pin-guard';
import type { CashierRow, NewCashier, Role, StaffRepo } from './staff-repo';

export interface ActiveCashier {
  id: number;
  name: string;
  role: Role;
}

/**
 * Who is at the till. One counter, one cashier at a time: the session belongs to the core, so
 * the Electron window and the browser host see the same person. It locks itself after the idle
 * time set in settings; wrong PINs lock the cashier for longer and longer (pin-guard.ts).
 */
export class SessionManager {
  private current: ActiveCashier | null = null;
  private lastActivity = 0;
  private readonly guard: PinGuard;

  constructor(
    private readonly staff: StaffRepo,
    private readonly now: () => number,
    private readonly idleMs: () => number,
    /** Told when the idle lock falls, so every screen can return to the PIN pad. */
    private readonly onLocked: () => void = () => {},
    /** Told when a cashier is locked out after wrong PINs. */
    onLockout: (cashierId: number) => void = () => {},
  ) {
    this.guard = new PinGuard(staff, now, onLockout);
  }

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

  /**
   * The first owner. The PIN is hashed first (slow, async); then "nobody yet?" and the insert are
   * one transaction, so setups racing each other make exactly one owner.
   */
  async setupOwner(name: string, pin: string): Promise<ActiveCashier> {
    if (!this.needsSetup()) throw new AppError('INVALID_STATE', 'The owner is already set up');
    const row = this.inserted(await this.newCashier(name, 'owner', pin), { onlyIfEmpty: true });
    return this.signIn(row);
  }

  async add(name: string, role: Role, pin: string): Promise<CashierRow> {
    if (this.staff.byName(name)) throw new AppError('INVALID_INPUT', 'name: already used', { field: 'name' });
    return this.inserted(await this.newCashier(name, role, pin));
  }

  async changePin(id: number, pin: string): Promise<void> {
    if (!PIN_PATTERN.test(pin)) throw new AppError('INVALID_INPUT', 'pin: 4 to 8 digits', { field: 'pin' });
    // A new PIN given by the owner starts the cashier over: no lock, no lockout history.
    this.staff.update(id, { pin_hash: await hashPin(pin), failed_attempts: 0, locked_until: null, lockouts: 0 });
  }

  async login(cashierId: number, pin: string): Promise<ActiveCashier> {
    await this.guard.attempt(cashierId, async () => {
      const row = this.staff.get(cashierId);
      return row !== null && (await verifyPin(pin, row.pin_hash));
    });
    const row = this.staff.get(cashierId);
    if (!row || !row.active) throw new AppError('NOT_FOUND', 'Unknown cashier', { field: 'cashierId' });
    return this.signIn(row);
  }

  /** Lockouts the owner has not seen yet, newest first. */
  lockoutAlerts(): LockoutAlert[] {
    return this.staff.withUnseenLockouts().map((r) => ({
      cashierId: r.id,
      name: r.name,
      count: r.unseen_lockouts,
      lastAt: r.last_lockout_at ?? r.created_at,
      lockedUntil: r.locked_until !== null && r.locked_until > this.now() ? r.locked_until : null,
    }));
  }

  logout(): void {
    this.current = null;
  }

  private async newCashier(name: string, role: Role, pin: string): Promise<NewCashier> {
    if (!PIN_PATTERN.test(pin)) throw new AppError('INVALID_INPUT', 'pin: 4 to 8 digits', { field: 'pin' });
    return { name, role, pinHash: await hashPin(pin), now: this.now() };
  }

  private inserted(c: NewCashier, opts: { onlyIfEmpty?: boolean } = {}): CashierRow {
    const row = this.staff.insert(c, opts);
    if (row === 'NOT_EMPTY') throw new AppError('INVALID_STATE', 'The owner is already set up');
    if (row === 'NAME_USED') throw new AppError('INVALID_INPUT', 'name: already used', { field: 'name' });
    return row;
  }

  private signIn(row: CashierRow): ActiveCashier {
    this.current = { id: row.id, name: row.name, role: row.role };
    this.lastActivity = this.now();
    return this.current;
  }
}
