import type { SessionState } from '../../../../shared/shop';
import type { Result } from '../../../../shared/result';
import { api, type CallErrorListener } from '../../bridge';
import { notAllowedReason } from './pin';
import { resetBackoffice } from '../backoffice/backofficeStore';
import { initialFlow, useFlowStore } from '../counter/saleFlowStore';
import { useSalesStore } from '../pending-sales/salesStore';
import { useSessionStore, type GateStatus } from './sessionStore';
import { initialShift, useShiftStore } from '../shift/shiftStore';
import { useUiStore } from '../../app/uiStore';
import { loadEverything } from '../../app/loadEverything';
import { dropAllReceipts } from '../receipts/receiptActions';

/**
 * The session gate. The core decides who is signed in; this module mirrors it and does what a
 * change of cashier implies on screen: a sign-in loads the counter, a lock clears everything
 * that belongs to the last cashier (open dialogs, receipts with codes, the sale in progress).
 */

function gateOf(state: SessionState): GateStatus {
  if (state.needsSetup) return 'setup';
  return state.cashier ? 'signedIn' : 'locked';
}

/** Clears the screen of the cashier who left. */
function clearCounter(): void {
  useFlowStore.setState((s) => ({ ...initialFlow, showCost: s.showCost }));
  dropAllReceipts();
  useUiStore.setState({ settingsOpen: false, receiptSaleId: null });
  useSalesStore.setState({ toasts: [], finishedThisSession: [], busy: {}, actionError: null });
  useShiftStore.setState(initialShift, true);
  resetBackoffice();
}

/**
 * Takes a session state from the core (command result or session:changed) and applies it.
 * `quiet` (boot) only records it: the boot sequence loads what it needs itself.
 */
export function applySession(next: SessionState, opts: { quiet?: boolean } = {}): GateStatus {
  const before = useSessionStore.getState();
  const status = gateOf(next);
  useSessionStore.setState({ status, session: next, error: null });
  if (opts.quiet) return status;
  const wasId = before.status === 'signedIn' ? (before.session?.cashier?.id ?? null) : null;
  const nowId = status === 'signedIn' ? (next.cashier?.id ?? null) : null;
  if (wasId !== nowId) {
    if (wasId !== null) clearCounter();
    if (nowId !== null) void loadEverything();
  }
  return status;
}

export async function loadSession(opts: { quiet?: boolean } = {}): Promise<GateStatus> {
  const r = await api().call('session:get', {});
  if (r.ok) return applySession(r.value, opts);
  useSessionStore.setState((s) => ({ status: s.session ? s.status : 'error', error: r.error }));
  return useSessionStore.getState().status;
}

/** The core's idle lock fell (a command came back SIGNED_OUT): back to the PIN screen. */
export function signedOutByCore(): void {
  const s = useSessionStore.getState();
  if (s.status !== 'signedIn' && s.status !== 'error') return;
  const session = s.session ? { ...s.session, cashier: null } : null;
  useSessionStore.setState({ status: 'locked', session });
  clearCounter();
  // The list of cashiers may have changed meanwhile.
  void loadSession();
}

export const watchSignedOut: CallErrorListener = (_name, error) => {
  if (notAllowedReason(error) === 'SIGNED_OUT') signedOutByCore();
};

export async function setupOwner(name: string, pin: string): Promise<Result<SessionState>> {
  const r = await api().call('session:setupOwner', { name: name.trim(), pin });
  if (r.ok) applySession(r.value);
  return r;
}

export async function signIn(cashierId: number, pin: string): Promise<Result<SessionState>> {
  const r = await api().call('session:login', { cashierId, pin });
  if (r.ok) applySession(r.value);
  return r;
}

/** "Verrouiller", or the screen's idle timer. The screen locks even if the core cannot be told. */
export async function lockTill(): Promise<void> {
  const r = await api().call('session:logout', {});
  if (r.ok) applySession(r.value);
  else signedOutByCore();
}

/** Tells the core someone is still at the counter; if it had locked already, so does the screen. */
export async function touchSession(): Promise<void> {
  if (useSessionStore.getState().status !== 'signedIn') return;
  const r = await api().call('session:touch', {});
  if (r.ok && !r.value.active) signedOutByCore();
}
