import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator } from '@playwright/test';
import type { BrowserWindowConstructorOptions } from 'electron';
import { createElectronReceiptPrinter, type PrintWindowLike } from '../../electron/main/printer';
import { expect, menuItem, sellOnScreen, simOrders, simSetBalance, test, tillCall, type Till } from './fixtures';

/**
 * Receipts as the customer gets them: saved to PDF by the till's own printer at the paper width
 * (80 mm and 58 mm) and read back with pdftotext, as a thermal printer driver would receive them.
 */
const PRODUCT = 'PlayStation Network';

/**
 * The till's own receipt printer (electron/main/printer.ts: a hidden window at the paper width,
 * the receipt's height measured in it, printToPDF at exactly that size) with a Chromium page of
 * this browser as its window. Only the window is adapted: sizes, measuring and PDF options are the
 * till's.
 */
function chromiumPrintWindow(context: BrowserContext, options: BrowserWindowConstructorOptions): PrintWindowLike {
  const opening = context.newPage().then(async (page) => {
    await page.setViewportSize({ width: options.width ?? 800, height: options.height ?? 600 });
    return page;
  });
  let destroyed = false;
  return {
    loadURL: async (url) => {
      await (await opening).goto(url);
    },
    destroy: () => {
      destroyed = true;
      void opening.then((page) => page.close());
    },
    isDestroyed: () => destroyed,
    webContents: {
      executeJavaScript: async (code) => (await opening).evaluate(code),
      print: () => {
        throw new Error('only printToPDF is driven here');
      },
      printToPDF: async (o) => {
        if (typeof o.pageSize !== 'object' || !o.pageSize) throw new Error('the till gives the page size in inches');
        const inches = (n: number | undefined) => `${n ?? 0}in`;
        return (await opening).pdf({
          width: inches(o.pageSize.width),
          height: inches(o.pageSize.height),
          margin: { top: inches(o.margins?.top), bottom: inches(o.margins?.bottom), left: inches(o.margins?.left), right: inches(o.margins?.right) },
          printBackground: o.printBackground ?? false,
          preferCSSPageSize: o.preferCSSPageSize ?? false,
        });
      },
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
    },
  };
}

/**
 * What sales:savePdf does: the sale's receipt as the core renders it, at the paper width of the
 * settings, saved as a PDF by the till's printer; then read back with pdftotext. The receipt
 * preview on screen must show that same HTML.
 */
async function receiptPdfText(till: Till, saleId: number, preview: Locator): Promise<{ text: string; paperWidthMm: number }> {
  const receipt = await tillCall(till.url, 'sales:receipt', { saleId });
  expect(receipt.ok).toBe(true);
  const { html, paperWidthMm } = receipt.value as { html: string; paperWidthMm: 58 | 80 };
  await expect(preview).toHaveAttribute('srcdoc', html);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'receipt-'));
  try {
    const file = path.join(dir, `recu-${saleId}.pdf`);
    const printer = createElectronReceiptPrinter({
      createWindow: (options) => chromiumPrintWindow(till.page.context(), options),
      showSaveDialog: async () => ({ canceled: false, filePath: file }),
    });
    expect(await printer.savePdf(html, { widthMm: paperWidthMm, defaultName: `recu-${saleId}.pdf` })).toBe(file);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    // One page, as wide as the paper (1 mm = 72 / 25.4 pt).
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(1);
    const widthPt = Number(/Page size:\s+([\d.]+) x/.exec(info)?.[1]);
    expect(Math.abs(widthPt - (paperWidthMm * 72) / 25.4)).toBeLessThan(1);
    return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), paperWidthMm };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('a sale of 2 cards prints both codes and serials on 80 mm and on 58 mm paper', async ({ till }) => {
  const { page } = till;
  await sellOnScreen(page, PRODUCT, /^PSN 10 USD\b/, 2);
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');
  const [order] = await simOrders(till);
  const { text: text80, paperWidthMm: width80 } = await receiptPdfText(till, 1, page.getByTitle('Reçu'));
  expect(width80).toBe(80);
  for (const c of order!.cards) {
    expect(text80).toContain(c.value);
    expect(text80).toContain(c.serial);
  }
  expect(text80).toContain('MODE FORMATION');
  expect(text80).toContain('PSN 10 USD');

  // The shop switches to 58 mm paper; the same receipt, opened again from the tray, still holds everything.
  await menuItem(page, 'Paramètres');
  const settings = page.getByRole('dialog', { name: 'Paramètres' });
  await expect(settings).toBeVisible();
  // Settings grouped in tabs show the paper width under "Impression"; a single page shows it at once.
  const printingTab = settings.getByRole('tab', { name: 'Impression' });
  if ((await printingTab.count()) > 0) await printingTab.click();
  await settings.getByRole('radio', { name: '58 mm' }).check();
  await settings.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
  await expect(settings.getByText('Paramètres enregistrés.')).toBeVisible();
  await settings.getByRole('button', { name: 'Fermer les paramètres' }).click();
  await page.getByRole('button', { name: 'Voir le reçu de la vente n° 1' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Reçu de la vente n° 1' });
  const { text: text58, paperWidthMm: width58 } = await receiptPdfText(till, 1, dialog.getByTitle('Reçu'));
  expect(width58).toBe(58);
  for (const c of order!.cards) {
    expect(text58.replace(/\s+/g, '')).toContain(c.value);
    expect(text58).toContain(c.serial);
  }
});

test('TEST_PARTIAL prints the delivered cards and how much to give back', async ({ till }) => {
  const { page } = till;
  await page.getByLabel('Rechercher un produit').fill('test');
  await sellOnScreen(page, 'Cartes de test', /^TEST_PARTIAL/, 4);
  const progress = page.getByRole('status', { name: /Vente n° 1/ });
  await expect(progress).toContainText('Vente livrée en partie');
  await expect(progress).toContainText('2 cartes non livrées');
  const [order] = await simOrders(till);
  expect(order!.cards).toHaveLength(2);
  const { text } = await receiptPdfText(till, 1, page.getByTitle('Reçu'));
  for (const c of order!.cards) expect(text).toContain(c.value);
  expect(text).toContain('2 cartes non livrées');
});

test('TEST_REFUND prints a failure slip telling the cashier to give the money back', async ({ till }) => {
  const { page } = till;
  await page.getByLabel('Rechercher un produit').fill('test');
  await sellOnScreen(page, 'Cartes de test', /^TEST_REFUND/, 1);
  const progress = page.getByRole('status', { name: /Vente n° 1/ });
  await expect(progress).toContainText('Échec de la commande');
  await expect(progress).toContainText(/rendez .* au client/);
  const { text } = await receiptPdfText(till, 1, page.getByTitle('Reçu'));
  expect(text).toContain('COMMANDE ÉCHOUÉE');
});

test('insufficient balance blocks the sale before anything is sent', async ({ till }) => {
  const { page } = till;
  await simSetBalance(till, 100);
  await page.getByRole('button', { name: 'Actualiser le solde' }).click();
  await expect(page.getByRole('banner')).toContainText(/Solde\s*100\s*DA/);
  await page.getByRole('button', { name: PRODUCT, exact: true }).click();
  // The till says so on the card itself (disabled) or in the confirmation (confirm disabled):
  // either way nothing can be confirmed, so nothing is sent.
  const card = page.getByRole('button', { name: /^PSN 10 USD\b/ });
  await expect(card).toBeVisible();
  if (await card.isEnabled()) {
    await card.click();
    const dialog = page.getByRole('dialog', { name: 'Confirmer la vente' });
    await expect(dialog.getByRole('alert')).toContainText(/solde/i);
    await expect(dialog.getByRole('button', { name: 'Confirmer la vente' })).toBeDisabled();
  } else {
    await expect(card).toContainText(/solde insuffisant/i);
  }
  expect(await simOrders(till)).toHaveLength(0);
});

test('in Arabic the receipt is right-to-left and prints the Arabic wording', async ({ till }) => {
  const { page } = till;
  await menuItem(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: PRODUCT, exact: true }).click();
  await page.getByRole('button', { name: /^PSN 10 USD\b/ }).click();
  await page.getByRole('dialog', { name: 'تأكيد البيع' }).getByRole('button', { name: 'تأكيد البيع' }).click();
  await expect(page.getByRole('status', { name: /عملية البيع رقم 1/ })).toContainText('تمت عملية البيع');
  await expect(page.getByTitle('الوصل')).toHaveAttribute('srcdoc', /dir="rtl"/);
  const [order] = await simOrders(till);
  const { text } = await receiptPdfText(till, 1, page.getByTitle('الوصل'));
  expect(text).toContain(order!.cards[0]!.value);
  // pdftotext gives Arabic back in logical order when the font maps its glyphs: the labels survive.
  expect(text).toMatch(/الرمز|الرقم التسلسلي/);
});
