import { create } from 'zustand';
import { useBackupStore } from './backups/backupStore';
import { initialExceptions, useExceptionsStore } from './exceptions/exceptionsStore';
import { initialHistory, initialSaleDetail, useHistoryStore, useSaleDetailStore } from './history/historyStore';
import { initialDayReport, initialReconcile, useDayReportStore, useReconcileStore } from './reports/reportsStore';
import { initialStaff, useStaffStore } from './staff/staffStore';

export type BackofficeTab = 'history' | 'day' | 'exceptions' | 'reconcile' | 'staff' | 'backup';
export const OWNER_TABS: readonly BackofficeTab[] = ['day', 'exceptions', 'reconcile', 'staff', 'backup'];

export const useBackofficeStore = create<{ open: boolean; tab: BackofficeTab }>()(() => ({ open: false, tab: 'history' }));

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
