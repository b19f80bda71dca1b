import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import { createElectronReceiptPrinter, cssPxToMicrons, printsSilently, mmToCssPx, saveReceiptAsPdf, type PrintWindowLike } from '../../electron/main/printer';

const RECEIPT = '<!doctype html><html><body><h1>Ma boutique</h1><p>PSN 10 USD</p></body></html>';

/** A fake hidden BrowserWindow that records what the printer asks of it. */
function fakeWindowFactory({
  heightPx = 500,
  printResult = [true, ''] as [boolean, string],
  measureFails = false,
  printers = undefined as string[] | undefined,
} = {}) {
  const created: Array<{ options: BrowserWindowConstructorOptions; win: PrintWindowLike & { loaded: string[]; destroyed: boolean } }> = [];
  const printCalls: WebContentsPrintOptions[] = [];
  const pdfCalls: PrintToPDFOptions[] = [];
  const createWindow = (options: BrowserWindowConstructorOptions) => {
    const win = {
      loaded: [] as string[],
      destroyed: false,
      loadURL: vi.fn(async (url: string) => {
        win.loaded.push(url);
        if (url.startsWith('file:')) expect(fs.existsSync(fileURLToPath(url))).toBe(true);
      }),
      destroy: () => {
        win.destroyed = true;
      },
      isDestroyed: () => win.destroyed,
      webContents: {
        executeJavaScript: async () => {
          if (measureFails) throw new Error('render process gone');
          return heightPx;
        },
        print: (opts: WebContentsPrintOptions, cb: (ok: boolean, reason: string) => void) => {
          printCalls.push(opts);
          setTimeout(() => cb(...printResult), 0);
        },
        printToPDF: async (opts: PrintToPDFOptions) => {
          pdfCalls.push(opts);
          return Buffer.from('%PDF-1.7 fake');
        },
        setWindowOpenHandler: vi.fn(),
        on: vi.fn(),
        ...(printers ? { getPrintersAsync: async () => printers.map((name) => ({ name, displayName: name })) } : {}),
      },
    };
    created.push({ options, win });
    return win;
  };
  return { createWindow, created, printCalls, pdfCalls };
}

const tmpDirs: string[] = [];
afterEach(() => {
  for (const dir of tmpDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('receipt printer (Electron)', () => {
  it('converts paper sizes', () => {
    expect(mmToCssPx(80)).toBe(302);
    expect(mmToCssPx(58)).toBe(219);
    expect(cssPxToMicrons(96)).toBe(25_400);
  });

  it('prints in a hidden sandboxed window at the paper width and the measured height, then closes it', async () => {
    const fake = fakeWindowFactory({ heightPx: 500 });
    const printer = createElectronReceiptPrinter({ createWindow: fake.createWindow });
    await expect(printer.print(RECEIPT, { widthMm: 80, printerName: 'XP-80C', silent: true })).resolves.toBe(true);

    expect(fake.created).toHaveLength(1);
    const { options, win } = fake.created[0]!;
    expect(options.show).toBe(false);
    expect(options.width).toBe(302);
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(win.loaded[0]).toBe(`data:text/html;charset=utf-8,${encodeURIComponent(RECEIPT)}`);
    expect(win.webContents.setWindowOpenHandler).toHaveBeenCalled();

    expect(fake.printCalls).toEqual([
      {
        silent: true,
        printBackground: true,
        deviceName: 'XP-80C',
        pageSize: { width: 80_000, height: cssPxToMicrons(500) },
        margins: { marginType: 'none' },
      },
    ]);
    expect(win.destroyed).toBe(true);
  });

  it('leaves the printer to the system when no name is set', async () => {
    const fake = fakeWindowFactory();
    const printer = createElectronReceiptPrinter({ createWindow: fake.createWindow });
    await printer.print(RECEIPT, { widthMm: 58, printerName: '', silent: false });
    expect(fake.printCalls[0]).not.toHaveProperty('deviceName');
    expect(fake.printCalls[0]?.silent).toBe(false);
    expect(fake.printCalls[0]?.pageSize).toMatchObject({ width: 58_000 });
  });

  it('prints silently to the printer named in the settings: the counter prints each sale by itself (issue 13)', async () => {
    const fake = fakeWindowFactory({ printers: ['Microsoft Print to PDF', 'XP-80C'] });
    const printer = createElectronReceiptPrinter({ createWindow: fake.createWindow });
    // The "silent" box unticked: a named printer is enough, no dialog stops the sale.
    await expect(printer.print(RECEIPT, { widthMm: 80, printerName: ' XP-80C ', silent: false })).resolves.toBe(true);
    expect(fake.printCalls).toHaveLength(1);
    expect(fake.printCalls[0]).toMatchObject({ silent: true, deviceName: 'XP-80C' });
    expect(fake.created[0]?.win.destroyed).toBe(true);

    expect(printsSilently({ printerName: 'XP-80C', silent: false })).toBe(true);
    expect(printsSilently({ printerName: '   ', silent: false })).toBe(false);
    expect(printsSilently({ printerName: '', silent: true })).toBe(true);
  });

  it('does not print silently to a printer the system does not know, and says it did not print', async () => {
    const fake = fakeWindowFactory({ printers: ['Microsoft Print to PDF'] });
    const warn = vi.fn();
    const printer = createElectronReceiptPrinter({ createWindow: fake.createWindow, logger: { info: vi.fn(), warn, error: vi.fn() } });
    await expect(printer.print(RECEIPT, { widthMm: 80, printerName: 'XP-80C', silent: false })).resolves.toBe(false);
    expect(fake.printCalls).toHaveLength(0);
    expect(warn).toHaveBeenCalledWith('receipt not printed', expect.objectContaining({ reason: 'printer not found' }));
    // The log names no receipt content (the codes) and no printer list.
    expect(JSON.stringify(warn.mock.calls)).not.toContain('PSN');
    expect(fake.created[0]?.win.destroyed).toBe(true);
  });

  it('resolves false (never rejects) when printing fails, and still closes the window', async () => {
    const failed = fakeWindowFactory({ printResult: [false, 'Invalid deviceName provided'] });
    await expect(
      createElectronReceiptPrinter({ createWindow: failed.createWindow }).print(RECEIPT, { widthMm: 80, printerName: 'nope', silent: true }),
    ).resolves.toBe(false);
    expect(failed.created[0]?.win.destroyed).toBe(true);

    const crashed = fakeWindowFactory({ measureFails: true });
    await expect(
      createElectronReceiptPrinter({ createWindow: crashed.createWindow }).print(RECEIPT, { widthMm: 80, printerName: '', silent: true }),
    ).resolves.toBe(false);
    expect(crashed.created[0]?.win.destroyed).toBe(true);
  });

  it('never prints a page shorter than an inch', async () => {
    const fake = fakeWindowFactory({ heightPx: 0 });
    await createElectronReceiptPrinter({ createWindow: fake.createWindow }).print('', { widthMm: 80, printerName: '', silent: true });
    expect(fake.printCalls[0]?.pageSize).toEqual({ width: 80_000, height: 25_400 });
  });

  it('loads a very large receipt from a temp file, and deletes it afterwards', async () => {
    const fake = fakeWindowFactory();
    const big = `<html><body>${'<img src="data:image/png;base64,AAAA">'.repeat(60_000)}</body></html>`;
    await createElectronReceiptPrinter({ createWindow: fake.createWindow }).print(big, { widthMm: 80, printerName: '', silent: true });
    const url = fake.created[0]!.win.loaded[0]!;
    expect(url.startsWith('file:')).toBe(true);
    expect(fs.existsSync(fileURLToPath(url))).toBe(false);
  });
});

describe('save receipt as PDF', () => {
  it('does nothing when the cashier cancels the dialog', async () => {
    const fake = fakeWindowFactory();
    const result = await saveReceiptAsPdf({ createWindow: fake.createWindow, showSaveDialog: async () => ({ canceled: true }) }, RECEIPT, { widthMm: 80 });
    expect(result).toBeNull();
    expect(fake.created).toHaveLength(0);
  });

  it('writes a one-page PDF at the paper size (in inches) to the chosen path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-pdf-'));
    tmpDirs.push(dir);
    const target = path.join(dir, 'receipt-42.pdf');
    const fake = fakeWindowFactory({ heightPx: 960 });
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }));
    const result = await saveReceiptAsPdf({ createWindow: fake.createWindow, showSaveDialog }, RECEIPT, {
      widthMm: 58,
      defaultPath: 'receipt-42.pdf',
    });
    expect(result).toBe(target);
    expect(showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: 'receipt-42.pdf' }));
    expect(fs.readFileSync(target, 'utf8')).toContain('%PDF');
    expect(fake.pdfCalls[0]?.pageSize).toEqual({ width: 58 / 25.4, height: 10 });
    expect(fake.pdfCalls[0]?.margins).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    expect(fake.created[0]?.win.destroyed).toBe(true);
  });
});
