import { create } from 'zustand';
import type { Sale } from '../../../../../shared/domain';
import type { AppErrorShape } from '../../../../../shared/result';
import { notLoaded, type Loadable } from '../../../ui/loadStatus';
import { emptyFilters, type HistoryFilters, type HistoryQuery } from './historyFilters';

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
