import { create } from 'zustand';
import type { Receipt } from '../../../../shared/domain';
import type { AppErrorShape } from '../../../../shared/result';
import type { LoadStatus } from '../../ui/loadStatus';

export type ReceiptEntry = {
  status: LoadStatus;
  receipt: Receipt | null;
  error: AppErrorShape | null;
  printing: 'idle' | 'printing' | 'error';
  printError: AppErrorShape | null;
  printedOnce: boolean;
  /** The printer answered that nothing was printed (Electron): the cashier is told, the screen stays. */
  notPrinted?: boolean;
};

/**
 * Receipts hold full card codes: they live only in memory, only while on screen, and are
 * dropped when the cashier moves on (new sale, receipt closed).
 */
export type ReceiptsState = {
  bySaleId: Record<number, ReceiptEntry>;
  /** "Réimprimer" from the tray: the receipt is fetched, printed and dropped; only its state stays. */
  reprinting: Record<number, 'printing' | 'done'>;
  reprintErrors: Record<number, AppErrorShape | 'notPrinted'>;
};

export const emptyReceipt: ReceiptEntry = {
  status: 'idle',
  receipt: null,
  error: null,
  printing: 'idle',
  printError: null,
  printedOnce: false,
  notPrinted: false,
};

export const useReceiptsStore = create<ReceiptsState>()(() => ({ bySaleId: {}, reprinting: {}, reprintErrors: {} }));
