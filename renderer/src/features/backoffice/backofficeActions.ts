import type { Cashier, Role } from '../../../../shared/shop';
import type { AppErrorShape, Result } from '../../../../shared/result';
import { api } from '../../bridge';
import { EXCEPTION_STATES } from './history/historyFilters';
import { useBackofficeStore, useBackupStore, useExceptionsStore, useStaffStore, type BackofficeTab } from './backofficeStore';
import { receiveSale } from '../pending-sales/salesActions';

export function openBackoffice(tab: BackofficeTab = 'history'): void {
  useBackofficeStore.setState({ open: true, tab });
}

export function closeBackoffice(): void {
  useBackofficeStore.setState({ open: false });
}

export function selectTab(tab: BackofficeTab): void {
  useBackofficeStore.setState({ tab });
}

// ---- exceptions: unknown, flagged, expired, rejected sales (owner)

export async function loadExceptions(): Promise<void> {
  useExceptionsStore.setState((s) => ({ list: { status: 'loading', value: s.list.value, error: null } }));
  const r = await api().call('sales:list', { states: EXCEPTION_STATES, limit: 500 });
  useExceptionsStore.setState((s) => ({ list: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.list.value, error: r.error } }));
}

export async function exceptionAction(saleId: number, action: 'cancel' | 'sendNow'): Promise<void> {
  if (useExceptionsStore.getState().busy[saleId]) return;
  useExceptionsStore.setState((s) => ({ busy: { ...s.busy, [saleId]: true }, actionError: null }));
  const r = await api().call(action === 'cancel' ? 'sales:cancel' : 'sales:sendNow', { saleId });
  useExceptionsStore.setState((s) => {
    const busy = { ...s.busy };
    delete busy[saleId];
    return { busy, actionError: r.ok ? null : { saleId, error: r.error } };
  });
  if (r.ok) receiveSale(r.value);
  await loadExceptions();
}

// ---- staff (owner)

export async function loadStaff(): Promise<void> {
  useStaffStore.setState((s) => ({ list: { status: 'loading', value: s.list.value, error: null } }));
  const r = await api().call('staff:list', {});
  useStaffStore.setState((s) => ({ list: r.ok ? { status: 'ready', value: r.value, error: null } : { status: 'error', value: s.list.value, error: r.error } }));
}

type StaffResult = { ok: true } | { ok: false; error: AppErrorShape };

async function staffChange(run: () => Promise<Result<Cashier>>, notice: string): Promise<StaffResult> {
  useStaffStore.setState({ saving: 'loading', error: null, notice: null });
  const r = await run();
  if (!r.ok) {
    useStaffStore.setState({ saving: 'error', error: r.error });
    return r;
  }
  useStaffStore.setState({ saving: 'ready', notice: { key: notice, name: r.value.name } });
  await loadStaff();
  return { ok: true };
}

export const addCashier = (name: string, role: Role, pin: string) =>
  staffChange(() => api().call('staff:add', { name: name.trim(), role, pin }), 'staff.added');

export const changePin = (id: number, pin: string) => staffChange(() => api().call('staff:update', { id, pin }), 'staff.pinChanged');

export const setCashierActive = (id: number, active: boolean) =>
  staffChange(() => api().call('staff:update', { id, active }), active ? 'staff.reactivated' : 'staff.deactivated');

// ---- backup (owner)

/** Into the data dir's backups folder, or (`choose`, Electron) where the owner picks in a save dialog. */
export async function createBackup(choose = false): Promise<void> {
  useBackupStore.setState({ status: 'working', what: 'create' }, true);
  const r = await api().call('backup:create', choose ? { choose: true } : {});
  if (!r.ok) useBackupStore.setState({ status: 'error', what: 'create', error: r.error }, true);
  else if (!r.value) useBackupStore.setState({ status: 'idle' }, true); // the dialog was cancelled
  else useBackupStore.setState({ status: 'created', path: r.value.path, bytes: r.value.bytes }, true);
}

/** From a file name in the backups folder, or (`choose`, Electron) a file picked in an open dialog. */
export async function restoreBackup(from: { name: string } | { choose: true }): Promise<void> {
  useBackupStore.setState({ status: 'working', what: 'restore' }, true);
  const r = await api().call('backup:restore', 'name' in from ? { name: from.name.trim() } : { choose: true });
  if (!r.ok) useBackupStore.setState({ status: 'error', what: 'restore', error: r.error }, true);
  else if (!r.value) useBackupStore.setState({ status: 'idle' }, true);
  else useBackupStore.setState({ status: 'restored', sales: r.value.sales }, true);
}
