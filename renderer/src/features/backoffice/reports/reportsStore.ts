import { create } from 'zustand';
import type { DayReport, ReconcileReport } from '../../../../../shared/shop';
import type { AppErrorShape } from '../../../../../shared/result';
import { notLoaded, type Loadable, type LoadStatus } from '../../../ui/loadStatus';

export type DayReportState = { day: string; report: Loadable<DayReport>; html: Loadable<string>; exporting: LoadStatus; exportError: AppErrorShape | null };
export const initialDayReport: DayReportState = { day: '', report: notLoaded(), html: notLoaded(), exporting: 'idle', exportError: null };
export const useDayReportStore = create<DayReportState>()(() => initialDayReport);

export type ReconcileState = { day: string; report: Loadable<ReconcileReport>; adopting: LoadStatus; html: Loadable<string> };
export const initialReconcile: ReconcileState = { day: '', report: notLoaded(), adopting: 'idle', html: notLoaded() };
export const useReconcileStore = create<ReconcileState>()(() => initialReconcile);
