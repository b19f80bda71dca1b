import { create } from 'zustand';
import type { SessionState } from '../../../../shared/shop';
import type { AppErrorShape } from '../../../../shared/result';

/**
 * Who is at the till. `setup`: no owner yet (first start); `locked`: the PIN screen;
 * `signedIn`: the counter. The core owns the session; this store mirrors session:get / session:changed.
 */
export type GateStatus = 'loading' | 'setup' | 'locked' | 'signedIn' | 'error';

export type SessionStoreState = {
  status: GateStatus;
  session: SessionState | null;
  error: AppErrorShape | null;
};

export const initialSession: SessionStoreState = { status: 'loading', session: null, error: null };

export const useSessionStore = create<SessionStoreState>()(() => initialSession);

export const selectCashier = (s: SessionStoreState) => (s.status === 'signedIn' ? (s.session?.cashier ?? null) : null);
export const selectIsOwner = (s: SessionStoreState) => s.status === 'signedIn' && s.session?.cashier?.role === 'owner';
