import { create } from 'zustand';
import type { Sale } from '../../../../shared/domain';
import type { Cashier, DayReport, ReconcileReport } from '../../../../shared/shop';
import type { AppErrorShape } from '../../../../shared/result';
import { emptyFilters, type HistoryFilters, type HistoryQuery } from './history/historyFilters';
import type { LoadStatus } from '../../ui/loadStatus';

/** Something fetched from the core: where it is, the last good value, the last error. */
export type Loadable<T> = { status: LoadStatus; value: T | null; error: AppErrorShape | null };
export const notLoaded = <T>(): Loadable<T> => ({ status: 'idle', value: null, error: null });

export type BackofficeTab = 'history' | 'day' | 'exceptions' | 'reconcile' | 'staff' | 'backup';
export const OWNER_TABS: readonly BackofficeTab[] = ['day', 'exceptions', 'reconcile', 'staff', 'backup'];

export const useBackofficeStore = create<{ open: boolean; tab: BackofficeTab }>()(() => ({ open: false, tab: 'history' }));

// ---- history and a sale's detail

export type HistoryState = {
  filters: HistoryFilters;
  /** The query behind `results` (exported as is). */
  query: HistoryQuery | null;
  results: Loadable<Sale[]>;
  exporting: 'idle' | 'exporting' | 'error';
  exportError: AppErrorShape | null;
};
export const initialHistory: HistoryState = { filters: emptyFilters, query: null, results: notLoaded(), exporting: 'idle', exportError: null };
export const useHistoryStore = create<HistoryState>()(() => initialHistory);

export type TimelineEvent = { at: string; kind: string; detail: string | null };
export type RevealedCard = { index: number; code: string; serial: string };

export type SaleDetailState = {
  saleId: number | null;
  sale: Loadable<Sale>;
  timeline: Loadable<TimelineEvent[]>;
  /** Codes in clear: only while the detail is open, dropped with it. */
  revealed: Loadable<RevealedCard[]>;
  /** The duplicate receipt as the core rendered it (DUPLICATA n° N). */
  reprint: Loadable<{ html: string; paperWidthMm: 58 | 80 }>;
};
export const initialSaleDetail: SaleDetailState = { saleId: null, sale: notLoaded(), timeline: notLoaded(), revealed: notLoaded(), reprint: notLoaded() };
export const useSaleDetailStore = create<SaleDetailState>()(() => initialSaleDetail);

// ---- reports

export type DayReportState = { day: string; report: Loadable<DayReport>; html: Loadable<string>; exporting: LoadStatus; exportError: AppErrorShape | null };
export const initialDayReport: DayReportState = { day: '', report: notLoaded(), html: notLoaded(), exporting: 'idle', exportError: null };
export const useDayReportStore = create<DayReportState>()(() => initialDayReport);

export type ReconcileState = { day: string; report: Loadable<ReconcileReport>; adopting: LoadStatus; html: Loadable<string> };
export const initialReconcile: ReconcileState = { day: '', report: notLoaded(), adopting: 'idle', html: notLoaded() };
export const useReconcileStore = create<ReconcileState>()(() => initialReconcile);

// ---- exceptions (issue 4)

export type ExceptionsState = { list: Loadable<Sale[]>; busy: Record<number, boolean>; actionError: { saleId: number; error: AppErrorShape } | null };
export const initialExceptions: ExceptionsState = { list: notLoaded(), busy: {}, actionError: null };
export const useExceptionsStore = create<ExceptionsState>()(() => initialExceptions);

// ---- staff

export type StaffState = { list: Loadable<Cashier[]>; saving: LoadStatus; error: AppErrorShape | null; notice: { key: string; name: string } | null };
export const initialStaff: StaffState = { list: notLoaded(), saving: 'idle', error: null, notice: null };
export const useStaffStore = create<StaffState>()(() => initialStaff);

// ---- backup

export type BackupState =
  | { status: 'idle' }
  | { status: 'working'; what: 'create' | 'restore' }
  | { status: 'created'; path: string; bytes: number }
  | { status: 'restored'; sales: number }
  | { status: 'error'; what: 'create' | 'restore'; error: AppErrorShape };
export const useBackupStore = create<BackupState>()(() => ({ status: 'idle' }) as BackupState);

/** Everything the back office holds (codes included) goes when the till locks. */
export function resetBackoffice(): void {
  useBackofficeStore.setState({ open: false, tab: 'history' });
  useHistoryStore.setState(initialHistory, true);
  useSaleDetailStore.setState(initialSaleDetail, true);
  useDayReportStore.setState(initialDayReport, true);
  useReconcileStore.setState(initialReconcile, true);
  useExceptionsStore.setState(initialExceptions, true);
  useStaffStore.setState(initialStaff, true);
  useBackupStore.setState({ status: 'idle' }, true);
}
