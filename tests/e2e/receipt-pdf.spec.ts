import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, simOrders, simSetBalance, test, type Till } from './fixtures';

/**
 * Receipts as the customer gets them: printed to PDF at the paper width (80 mm and 58 mm) and
 * read back with pdftotext, as a thermal printer driver would receive them.
 */
const PRODUCT = 'PlayStation Network';

async function sell(till: Till, product: string, card: RegExp, quantity: number): Promise<void> {
  const { page } = till;
  await page.getByRole('button', { name: product, exact: true }).click();
  await page.getByRole('button', { name: card }).click();
  for (let i = 1; i < quantity; i++) await page.getByRole('button', { name: 'Augmenter la quantité' }).click();
  await page.getByRole('dialog', { name: 'Confirmer la vente' }).getByRole('button', { name: 'Confirmer la vente' }).click();
}

/** Prints receipt HTML to a PDF exactly `widthMm` wide and as tall as its content, then extracts the text. */
async function pdfText(page: Page, html: string, widthMm: number): Promise<string> {
  const printer = await page.context().newPage();
  await printer.setContent(html);
  const heightPx = await printer.evaluate(() => Math.ceil(document.documentElement.scrollHeight));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'receipt-')), 'receipt.pdf');
  await printer.pdf({ path: file, width: `${widthMm}mm`, height: `${heightPx + 4}px`, printBackground: true, margin: { top: '0', bottom: '0', left: '0', right: '0' } });
  await printer.close();
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  expect(pages).toBe(1);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return text;
}

async function receiptHtml(page: Page): Promise<string> {
  const html = await page.getByTitle('Reçu').getAttribute('srcdoc');
  expect(html).toBeTruthy();
  return html as string;
}

test('a sale of 2 cards prints both codes and serials on 80 mm and on 58 mm paper', async ({ till }) => {
  const { page } = till;
  await sell(till, PRODUCT, /^PSN 10 USD\b/, 2);
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');
  const [order] = await simOrders(till);
  const text80 = await pdfText(page, await receiptHtml(page), 80);
  for (const c of order!.cards) {
    expect(text80).toContain(c.value);
    expect(text80).toContain(c.serial);
  }
  expect(text80).toContain('MODE FORMATION');
  expect(text80).toContain('PSN 10 USD');

  // The shop switches to 58 mm paper; the same receipt, opened again from the tray, still holds everything.
  await page.getByRole('button', { name: 'Paramètres' }).click();
  const settings = page.getByRole('dialog', { name: 'Paramètres' });
  await settings.getByRole('radio', { name: '58 mm' }).check();
  await settings.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
  await expect(settings.getByText('Paramètres enregistrés.')).toBeVisible();
  await settings.getByRole('button', { name: 'Fermer les paramètres' }).click();
  await page.getByRole('button', { name: 'Voir le reçu de la vente n° 1' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Reçu de la vente n° 1' });
  const html58 = await dialog.getByTitle('Reçu').getAttribute('srcdoc');
  expect(html58).toContain('width: 58mm');
  const text58 = await pdfText(page, html58 as string, 58);
  for (const c of order!.cards) {
    expect(text58.replace(/\s+/g, '')).toContain(c.value);
    expect(text58).toContain(c.serial);
  }
});

test('TEST_PARTIAL prints the delivered cards and how much to give back', async ({ till }) => {
  const { page } = till;
  await page.getByLabel('Rechercher un produit').fill('test');
  await sell(till, 'Cartes de test', /^TEST_PARTIAL/, 4);
  const progress = page.getByRole('status', { name: /Vente n° 1/ });
  await expect(progress).toContainText('Vente livrée en partie');
  await expect(progress).toContainText('2 cartes non livrées');
  const [order] = await simOrders(till);
  expect(order!.cards).toHaveLength(2);
  const text = await pdfText(page, await receiptHtml(page), 80);
  for (const c of order!.cards) expect(text).toContain(c.value);
  expect(text).toContain('2 cartes non livrées');
});

test('TEST_REFUND prints a failure slip telling the cashier to give the money back', async ({ till }) => {
  const { page } = till;
  await page.getByLabel('Rechercher un produit').fill('test');
  await sell(till, 'Cartes de test', /^TEST_REFUND/, 1);
  const progress = page.getByRole('status', { name: /Vente n° 1/ });
  await expect(progress).toContainText('Échec de la commande');
  await expect(progress).toContainText(/rendez .* au client/);
  const text = await pdfText(page, await receiptHtml(page), 80);
  expect(text).toContain('COMMANDE ÉCHOUÉE');
});

test('insufficient balance blocks the sale before anything is sent', async ({ till }) => {
  const { page } = till;
  await simSetBalance(till, 100);
  await page.getByRole('button', { name: 'Actualiser le solde' }).click();
  await page.getByRole('button', { name: PRODUCT, exact: true }).click();
  await page.getByRole('button', { name: /^PSN 10 USD\b/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirmer la vente' });
  await expect(dialog.getByRole('alert')).toContainText(/solde/i);
  await expect(dialog.getByRole('button', { name: 'Confirmer la vente' })).toBeDisabled();
  expect(await simOrders(till)).toHaveLength(0);
});

test('in Arabic the receipt is right-to-left and prints the Arabic wording', async ({ till }) => {
  const { page } = till;
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: PRODUCT, exact: true }).click();
  await page.getByRole('button', { name: /^PSN 10 USD\b/ }).click();
  await page.getByRole('dialog', { name: 'تأكيد البيع' }).getByRole('button', { name: 'تأكيد البيع' }).click();
  await expect(page.getByRole('status', { name: /عملية البيع رقم 1/ })).toContainText('تمت عملية البيع');
  const html = (await page.getByTitle('الوصل').getAttribute('srcdoc')) as string;
  expect(html).toContain('dir="rtl"');
  const [order] = await simOrders(till);
  const text = await pdfText(page, html, 80);
  expect(text).toContain(order!.cards[0]!.value);
  // pdftotext gives Arabic back in logical order when the font maps its glyphs: the labels survive.
  expect(text).toMatch(/الرمز|الرقم التسلسلي/);
});
