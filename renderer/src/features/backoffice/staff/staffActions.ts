import type { Cashier, Role } from '../../../../../shared/shop';
import type { AppErrorShape, Result } from '../../../../../shared/result';
import { api } from '../../../bridge';
import { useStaffStore } from './staffStore';

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
