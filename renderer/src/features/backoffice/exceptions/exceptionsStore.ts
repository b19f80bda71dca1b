import { create } from 'zustand';
import type { Sale } from '../../../../../shared/domain';
import type { AppErrorShape } from '../../../../../shared/result';
import { notLoaded, type Loadable } from '../../../ui/loadStatus';

// ---- exceptions (issue 4)

export type ExceptionsState = { list: Loadable<Sale[]>; busy: Record<number, boolean>; actionError: { saleId: number; error: AppErrorShape } | null };
export const initialExceptions: ExceptionsState = { list: notLoaded(), busy: {}, actionError: null };
export const useExceptionsStore = create<ExceptionsState>()(() => initialExceptions);
