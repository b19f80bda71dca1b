import { create } from 'zustand';
import type { ShiftReport } from '../../../shared/shop';
import type { AppErrorShape } from '../../../shared/result';
import type { LoadStatus } from './types';

/** The signed-in cashier's open shift (shift:current), null when none is open. */
export type ShiftState = {
  status: LoadStatus;
  current: ShiftReport | null;
  error: AppErrorShape | null;
  dialogOpen: boolean;
};

export const initialShift: ShiftState = { status: 'idle', current: null, error: null, dialogOpen: false };

export const useShiftStore = create<ShiftState>()(() => initialShift);
