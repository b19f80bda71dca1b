import type { AppErrorShape } from '../../../../shared/result';
import { api } from '../../bridge';
import { emptyReceipt, useReceiptsStore, type ReceiptEntry } from './receiptsStore';
import { useStatusStore } from '../status-bar/statusStore';

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
 * frame itself, which opens the browser's print dialog. Resolves whether it was printed (a
 * browser does not say: handing the frame to print() counts as printed).
 */
export async function printReceipt(saleId: number, frame: HTMLIFrameElement | null): Promise<boolean> {
  const entry = useReceiptsStore.getState().bySaleId[saleId];
  if (entry?.printing === 'printing') return false;
  patch(saleId, { printing: 'printing', printError: null, notPrinted: false });
  if (nativePrinting()) {
    const r = await api().call('sales:print', { saleId });
    if (!r.ok) patch(saleId, { printing: 'error', printError: r.error });
    // The printer said no (offline, no paper, unknown name): never claim the receipt is out.
    else if (!r.value.printed) patch(saleId, { printing: 'error', notPrinted: true });
    else patch(saleId, { printing: 'idle', printedOnce: true });
    return r.ok && r.value.printed;
  }
  try {
    printFrame(frame);
    patch(saleId, { printing: 'idle', printedOnce: true });
    return true;
  } catch {
    patch(saleId, { printing: 'error', printError: { code: 'NOT_SUPPORTED', message: 'print failed' } });
    return false;
  }
}

function nativePrinting(): boolean {
  return useStatusStore.getState().appStatus?.printing === 'native';
}

function printFrame(frame: HTMLIFrameElement | null): void {
  const win = frame?.contentWindow;
  if (!win) throw new Error('no frame');
  win.focus();
  win.print();
}

/**
 * The browser's print path for a receipt that is not on screen: a hidden frame without scripts
 * holds the HTML just long enough to print, then goes (it carries the codes).
 */
function printHtmlOffscreen(html: string, paperWidthMm: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-modals allow-same-origin');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.className = 'offscreen-print';
    frame.style.width = `${paperWidthMm}mm`;
    frame.onload = () => {
      try {
        printFrame(frame);
        resolve();
      } catch (error) {
        reject(error instanceof Error ? error : new Error('print failed'));
      } finally {
        frame.remove();
      }
    };
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}

function setReprint(saleId: number, state: 'printing' | 'done', error: AppErrorShape | 'notPrinted' | null): void {
  useReceiptsStore.setState((s) => {
    const reprintErrors = { ...s.reprintErrors };
    if (error) reprintErrors[saleId] = error;
    else delete reprintErrors[saleId];
    return { reprinting: { ...s.reprinting, [saleId]: state }, reprintErrors };
  });
}

/**
 * "Réimprimer" in the tray, without opening the receipt. Electron prints through the core (the
 * printer in the settings, silently when one is named); a browser asks the core for the numbered
 * duplicate (recorded in the sale's timeline) and prints it from a hidden frame.
 */
export async function reprintFromTray(saleId: number): Promise<boolean> {
  if (useReceiptsStore.getState().reprinting?.[saleId] === 'printing') return false;
  setReprint(saleId, 'printing', null);
  if (nativePrinting()) {
    const r = await api().call('sales:print', { saleId });
    setReprint(saleId, 'done', r.ok ? (r.value.printed ? null : 'notPrinted') : r.error);
    return r.ok && r.value.printed;
  }
  const r = await api().call('sales:reprint', { saleId });
  if (!r.ok) {
    setReprint(saleId, 'done', r.error);
    return false;
  }
  try {
    await printHtmlOffscreen(r.value.html, r.value.paperWidthMm);
    setReprint(saleId, 'done', null);
    return true;
  } catch {
    setReprint(saleId, 'done', { code: 'NOT_SUPPORTED', message: 'print failed' });
    return false;
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
