import { create } from 'zustand';
import type { OpenShift } from '../../../../shared/shop';
import type { AppErrorShape } from '../../../../shared/result';
import type { LoadStatus } from '../../ui/loadStatus';

/**
 * The till's open shift (shift:current), null when none is open. It carries no expected cash
 * before a count: the count is blind.
 */
export type ShiftState = {
  status: LoadStatus;
  current: OpenShift | null;
  error: AppErrorShape | null;
  dialogOpen: boolean;
};

export const initialShift: ShiftState = { status: 'idle', current: null, error: null, dialogOpen: false };

export const useShiftStore = create<ShiftState>()(() => initialShift);

/**
 * A signed-in person must type the float before the counter: true once the core said no shift is
 * open (or while that is being asked, so the counter does not flash). The closing dialog keeps the
 * counter until its report is dismissed.
 */
export function needsFloat(s: ShiftState): boolean {
  if (s.dialogOpen || s.current) return false;
  return s.status === 'idle' || s.status === 'loading' || s.status === 'ready';
}
