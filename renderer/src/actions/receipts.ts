import { api } from '../bridge';
import { emptyReceipt, useReceiptsStore, type ReceiptEntry } from '../stores/receipts';
import { useStatusStore } from '../stores/status';

function patch(saleId: number, p: Partial<ReceiptEntry>): void {
  useReceiptsStore.setState((s) => ({
    bySaleId: { ...s.bySaleId, [saleId]: { ...(s.bySaleId[saleId] ?? emptyReceipt), ...p } },
  }));
}

export async function loadReceipt(saleId: number): Promise<void> {
  const held = useReceiptsStore.getState().bySaleId[saleId];
  if (held && (held.status === 'loading' || held.status === 'ready')) return;
  patch(saleId, { status: 'loading', error: null });
  const r = await api().call('sales:receipt', { saleId });
  if (r.ok) patch(saleId, { status: 'ready', receipt: r.value, error: null });
  else patch(saleId, { status: 'error', error: r.error });
}

/**
 * Receipts on screen follow the settings (paper width, language, shop header): after a change,
 * the ones held are fetched again from the core.
 */
export async function reloadReceipts(): Promise<void> {
  const ids = Object.entries(useReceiptsStore.getState().bySaleId)
    .filter(([, e]) => e.status === 'ready')
    .map(([id]) => Number(id));
  await Promise.all(
    ids.map(async (saleId) => {
      const r = await api().call('sales:receipt', { saleId });
      if (r.ok) patch(saleId, { receipt: r.value });
    }),
  );
}

/** Forget a receipt (it holds the codes) once it is off screen. */
export function dropReceipt(saleId: number): void {
  useReceiptsStore.setState((s) => {
    if (!(saleId in s.bySaleId)) return s;
    const bySaleId = { ...s.bySaleId };
    delete bySaleId[saleId];
    return { bySaleId };
  });
}

export function dropAllReceipts(): void {
  useReceiptsStore.setState({ bySaleId: {} });
}

/**
 * Native printing (Electron) goes through the core; in a browser the page prints the receipt
 * frame itself, which opens the browser's print dialog.
 */
export async function printReceipt(saleId: number, frame: HTMLIFrameElement | null): Promise<void> {
  const entry = useReceiptsStore.getState().bySaleId[saleId];
  if (entry?.printing === 'printing') return;
  patch(saleId, { printing: 'printing', printError: null });
  if (useStatusStore.getState().appStatus?.printing === 'native') {
    const r = await api().call('sales:print', { saleId });
    if (r.ok) patch(saleId, { printing: 'idle', printedOnce: true });
    else patch(saleId, { printing: 'error', printError: r.error });
    return;
  }
  try {
    const win = frame?.contentWindow;
    if (!win) throw new Error('no frame');
    win.focus();
    win.print();
    patch(saleId, { printing: 'idle', printedOnce: true });
  } catch {
    patch(saleId, { printing: 'error', printError: { code: 'NOT_SUPPORTED', message: 'print failed' } });
  }
}

export function markPrinted(saleId: number): void {
  patch(saleId, { printedOnce: true });
}

/** Electron only: "Save as PDF" through the core's save dialog (a browser saves from its print dialog). */
export async function saveReceiptPdf(saleId: number): Promise<void> {
  const r = await api().call('sales:savePdf', { saleId });
  if (!r.ok) patch(saleId, { printError: r.error });
}
