import { create } from 'zustand';
import type { Cashier } from '../../../../../shared/shop';
import type { AppErrorShape } from '../../../../../shared/result';
import { notLoaded, type Loadable, type LoadStatus } from '../../../ui/loadStatus';

export type StaffState = { list: Loadable<Cashier[]>; saving: LoadStatus; error: AppErrorShape | null; notice: { key: string; name: string } | null };
export const initialStaff: StaffState = { list: notLoaded(), saving: 'idle', error: null, notice: null };
export const useStaffStore = create<StaffState>()(() => initialStaff);
