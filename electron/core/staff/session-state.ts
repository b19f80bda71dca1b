import type { SessionState } from '../../../shared/shop';
import type { Emit } from '../platform/event-bus';
import type { SessionManager } from './session';
import type { StaffRepo } from './staff-repo';

export interface SessionStateDeps {
  session: SessionManager;
  staff: StaffRepo;
  idleLockMinutes: () => number;
  emit: Emit;
}

/** Who is signed in and who may sign in, as the PIN screen and the header see it. */
export interface SessionStateView {
  state(): SessionState;
  /** Reads the state again and tells every screen (`session:changed`); returns it. */
  changed(): SessionState;
}

export function sessionStateView(d: SessionStateDeps): SessionStateView {
  const state = (): SessionState => {
    const who = d.session.active();
    const cashiers = d.staff
      .all()
      .filter((c) => c.active)
      .map((c) => ({ id: c.id, name: c.name, role: c.role, active: true }));
    return {
      needsSetup: d.session.needsSetup(),
      cashier: who ? { id: who.id, name: who.name, role: who.role, active: true } : null,
      cashiers,
      idleLockMinutes: d.idleLockMinutes(),
      // Only the owner learns of lockouts: never shown on the PIN screen.
      ...(who?.role === 'owner' ? { lockoutAlerts: d.session.lockoutAlerts() } : {}),
    };
  };
  return {
    state,
    changed: () => {
      const next = state();
      d.emit('session:changed', next);
      return next;
    },
  };
}
