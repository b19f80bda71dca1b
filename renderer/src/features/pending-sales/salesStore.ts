import { create } from 'zustand';
import type { Sale } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import type { LoadStatus } from '../../ui/loadStatus';

export type Toast = {
  id: number;
  saleId: number;
  kind: 'done' | 'partial' | 'failed' | 'rejected';
};

/** Sales the till knows about: the recent ledger plus everything `sales:changed` tells us. */
export type SalesState = {
  status: LoadStatus;
  byId: Record<number, Sale>;
  error: AppErrorShape | null;
  toasts: Toast[];
  /** Sales that finished during this session, newest first: their receipts may still be opened. */
  finishedThisSession: number[];
  /** An action running on a sale from the tray (cancel / send now), by sale id. */
  busy: Record<number, boolean>;
  actionError: { saleId: number; error: AppErrorShape } | null;
};

export const initialSales: SalesState = {
  status: 'idle',
  byId: {},
  error: null,
  toasts: [],
  finishedThisSession: [],
  busy: {},
  actionError: null,
};

export const useSalesStore = create<SalesState>()(() => initialSales);
