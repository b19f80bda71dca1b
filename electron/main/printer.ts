import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, SaveDialogOptions, WebContentsPrintOptions } from 'electron';
import type { Logger, PrintOptions, ReceiptPrinter } from '../core/platform/ports';

/**
 * Native receipt printing: the receipt HTML goes into a hidden, sandboxed window laid out at the
 * paper width, its height is measured, and the page is printed (or saved as PDF) at exactly that
 * size, so a thermal printer gets one long page instead of A4 sheets. Electron is reached only
 * through `PrinterDeps`, so this file imports no `electron` value and is tested with fakes.
 */

/** The part of a BrowserWindow this module drives; the real one fits. */
export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
    printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    /** The printers the system knows (Electron ≥ 17), to refuse an unknown name before a silent print. */
    getPrintersAsync?(): Promise<Array<{ name: string }>>;
    on(event: 'will-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
  };
}

export interface PrinterDeps {
  createWindow(options: BrowserWindowConstructorOptions): PrintWindowLike;
  /** dialog.showSaveDialog, bound to the till window by the caller when it wants a modal. */
  showSaveDialog?(options: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  logger?: Logger;
}

const CSS_PX_PER_INCH = 96;
const MICRONS_PER_INCH = 25_400;
/** Chromium refuses pages under ~0.35 mm; real receipts are far taller anyway. */
const MIN_HEIGHT_MICRONS = 25_400;
/** Chromium's URL length limit is 2 MiB; larger receipts (many QR codes) go through a temp file. */
const MAX_DATA_URL_CHARS = 1_500_000;

export const mmToCssPx = (mm: number) => Math.round((mm / 25.4) * CSS_PX_PER_INCH);
export const cssPxToMicrons = (px: number) => Math.ceil((px * MICRONS_PER_INCH) / CSS_PX_PER_INCH);

const MEASURE_SCRIPT = 'Math.ceil(Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0))';

async function withReceiptPage<T>(
  deps: PrinterDeps,
  html: string,
  widthMm: number,
  use: (win: PrintWindowLike, heightMicrons: number) => Promise<T>,
): Promise<T> {
  const win = deps.createWindow({
    show: false,
    width: mmToCssPx(widthMm),
    height: 600,
    useContentSize: true,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: false,
    },
  });
  let tempDir: string | null = null;
  try {
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    const dataUrl = `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
    if (dataUrl.length <= MAX_DATA_URL_CHARS) {
      await win.loadURL(dataUrl);
    } else {
      tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-receipt-'));
      const file = path.join(tempDir, 'receipt.html');
      fs.writeFileSync(file, html, { mode: 0o600 });
      await win.loadURL(pathToFileURL(file).href);
    }
    const measured = Number(await win.webContents.executeJavaScript(MEASURE_SCRIPT));
    const heightMicrons = Math.max(MIN_HEIGHT_MICRONS, cssPxToMicrons(Number.isFinite(measured) ? measured : 0));
    return await use(win, heightMicrons);
  } finally {
    if (!win.isDestroyed()) win.destroy();
    // The receipt carries card codes: do not leave it in /tmp.
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  }
}

/**
 * A printer named in the settings is printed to silently: the owner already chose the device, and
 * the counter prints each finished sale by itself (issue 13), so a dialog would only stop the sale.
 * Without a name, `silent` (the settings' checkbox) decides, and the default printer is used.
 */
export function printsSilently(options: Pick<PrintOptions, 'printerName' | 'silent'>): boolean {
  return options.silent || options.printerName.trim() !== '';
}

export function createElectronReceiptPrinter(deps: PrinterDeps): ReceiptPrinter {
  return {
    async print(html: string, options: PrintOptions): Promise<boolean> {
      try {
        return await withReceiptPage(deps, html, options.widthMm, async (win, heightMicrons) => {
          const silent = printsSilently(options);
          const deviceName = options.printerName.trim();
          // Silently, Chromium may drop a job for an unknown printer without a word: check first,
          // so the cashier is told the receipt did not print instead of waiting for paper.
          if (silent && deviceName && win.webContents.getPrintersAsync) {
            const printers = await win.webContents.getPrintersAsync();
            if (!printers.some((p) => p.name === deviceName)) {
              deps.logger?.warn('receipt not printed', { reason: 'printer not found', printers: printers.length });
              return false;
            }
          }
          const printOptions: WebContentsPrintOptions = {
            silent,
            printBackground: true,
            pageSize: { width: options.widthMm * 1000, height: heightMicrons },
            margins: { marginType: 'none' },
          };
          if (deviceName) printOptions.deviceName = deviceName;
          return new Promise<boolean>((resolve) => {
            win.webContents.print(printOptions, (success, failureReason) => {
              if (!success) deps.logger?.warn('receipt not printed', { reason: failureReason });
              resolve(success);
            });
          });
        });
      } catch (error) {
        deps.logger?.error('receipt printing failed', { error: error instanceof Error ? error.name : 'unknown' });
        return false;
      }
    },
    savePdf: (html, options) => saveReceiptAsPdf(deps, html, { widthMm: options.widthMm, defaultPath: options.defaultName }),
  };
}

export interface SavePdfOptions {
  widthMm: 58 | 80;
  /** Suggested file name or path for the save dialog. */
  defaultPath?: string;
}

/**
 * Asks where to save, then writes the receipt as a PDF one page long at the paper width.
 * Resolves to the saved path, or null when the cashier cancelled. Rejects on a write failure.
 */
export async function saveReceiptAsPdf(deps: PrinterDeps, html: string, options: SavePdfOptions): Promise<string | null> {
  if (!deps.showSaveDialog) throw new Error('saveReceiptAsPdf needs showSaveDialog');
  const choice = await deps.showSaveDialog({
    title: 'Save receipt as PDF',
    defaultPath: options.defaultPath ?? 'receipt.pdf',
    filters: [{ name: 'PDF', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return null;
  const filePath = choice.filePath;
  const pdf = await withReceiptPage(deps, html, options.widthMm, (win, heightMicrons) =>
    // printToPDF measures in inches, not microns.
    win.webContents.printToPDF({
      pageSize: { width: options.widthMm / 25.4, height: heightMicrons / MICRONS_PER_INCH },
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      printBackground: true,
      preferCSSPageSize: false,
    }),
  );
  await fs.promises.writeFile(filePath, pdf);
  return filePath;
}
