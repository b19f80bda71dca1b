import type { CommandHandlers } from '../../../shared/contract';
import type { Cashier } from '../../../shared/shop';
import { AppError } from '../../../shared/result';
import type { SessionManager } from './session';
import type { SessionStateView } from './session-state';
import type { CashierRow, StaffRepo } from './staff-repo';

export interface StaffHandlerDeps {
  session: SessionManager;
  staff: StaffRepo;
  sessionState: SessionStateView;
  now: () => number;
}

type StaffCommands = 'session:get' | 'session:setupOwner' | 'session:login' | 'session:logout' | 'session:touch' | 'staff:list' | 'staff:add' | 'staff:update';

const toCashier = (r: CashierRow): Cashier => ({ id: r.id, name: r.name, role: r.role, active: r.active === 1 });

/** The owner's view of a cashier: whether wrong PINs locked them, and lockouts not seen yet. */
const withLockouts = (r: CashierRow, now: number): Cashier => ({
  ...toCashier(r),
  lockedUntil: r.locked_until !== null && r.locked_until > now ? r.locked_until : null,
  unseenLockouts: r.unseen_lockouts,
  lastLockoutAt: r.last_lockout_at,
});

export function staffHandlers(s: StaffHandlerDeps): Pick<CommandHandlers, StaffCommands> {
  return {
    'session:get': async () => s.sessionState.state(),
    'session:setupOwner': async ({ name, pin }) => {
      await s.session.setupOwner(name, pin);
      return s.sessionState.changed();
    },
    'session:login': async ({ cashierId, pin }) => {
      await s.session.login(cashierId, pin);
      return s.sessionState.changed();
    },
    'session:logout': async () => {
      s.session.logout();
      return s.sessionState.changed();
    },
    'session:touch': async () => {
      s.session.touch();
      return { active: s.session.active() !== null };
    },
    'staff:list': async () => {
      const list = s.staff.all().map((r) => withLockouts(r, s.now()));
      // The owner is looking at the lockouts now: the warning on their screen can go.
      if (list.some((c) => c.unseenLockouts)) {
        s.staff.markLockoutsSeen();
        s.sessionState.changed();
      }
      return list;
    },
    'staff:add': async ({ name, role, pin }) => {
      const row = await s.session.add(name, role, pin);
      s.sessionState.changed();
      return toCashier(row);
    },
    'staff:update': async ({ id, name, role, pin, active }) => {
      const row = s.staff.get(id);
      if (!row) throw new AppError('NOT_FOUND', 'Unknown cashier', { field: 'id' });
      const owners = s.staff.all().filter((c) => c.role === 'owner' && c.active === 1);
      const losesOwner = row.role === 'owner' && ((role && role !== 'owner') || active === false);
      if (losesOwner && owners.length <= 1) throw new AppError('INVALID_STATE', 'The till needs at least one owner');
      if (name && name !== row.name && s.staff.byName(name)) throw new AppError('INVALID_INPUT', 'name: already used', { field: 'name' });
      s.staff.update(id, { ...(name ? { name } : {}), ...(role ? { role } : {}), ...(active !== undefined ? { active: active ? 1 : 0 } : {}) });
      if (pin) await s.session.changePin(id, pin);
      s.sessionState.changed();
      return toCashier(s.staff.get(id) as CashierRow);
    },
  };
}
