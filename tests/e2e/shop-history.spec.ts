import fs from 'node:fs';
import { expect, menuItem, sellOnScreen, test } from './fixtures';

/** Sales history: find a sale by the end of its code, see its timeline, reveal, reprint, export. */

test('a sale is found by the last 4 characters of its code, reprinted as DUPLICATA and exported', async ({ till }) => {
  const { page } = till;
  await sellOnScreen(page);
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');

  // The code, as the customer reads it on the receipt.
  const receipt = page.getByTitle('Reçu').contentFrame();
  await expect(receipt.getByText('Code', { exact: true }).first()).toBeVisible();
  const receiptText = await receipt.locator('body').innerText();
  const code = /(?:^|\n)Code\s*\n\s*(\S+)/.exec(receiptText)?.[1];
  expect(code, receiptText).toBeTruthy();
  const suffix = code!.slice(-4);
  await page.getByRole('button', { name: 'Nouvelle vente' }).click();

  await menuItem(page, 'Gestion');
  const bo = page.getByRole('dialog', { name: 'Gestion' });
  await expect(bo.getByRole('tab', { name: 'Historique' })).toHaveAttribute('aria-selected', 'true');
  await bo.getByLabel('Fin du code ou du n° de série').fill(suffix);
  await bo.getByRole('button', { name: 'Rechercher' }).click();
  await expect(bo.getByRole('status').filter({ hasText: 'Ventes trouvées : 1' })).toBeVisible();
  const table = bo.getByRole('table', { name: 'Ventes trouvées' });
  await expect(table.getByRole('row')).toHaveCount(2); // header + the sale
  await expect(table.getByRole('row').nth(1)).toContainText('PlayStation Network');
  await expect(table.getByRole('row').nth(1)).toContainText('Vente terminée');

  // A suffix that matches nothing finds nothing.
  await bo.getByLabel('Fin du code ou du n° de série').fill('%%%%');
  await bo.getByRole('button', { name: 'Rechercher' }).click();
  await expect(bo.getByText('Aucune vente ne correspond à ces filtres.')).toBeVisible();
  await bo.getByLabel('Fin du code ou du n° de série').fill(suffix);
  await bo.getByRole('button', { name: 'Rechercher' }).click();
  await table.getByRole('button', { name: 'Voir le détail de la vente n° 1' }).click();

  const detail = page.getByRole('dialog', { name: 'Détail de la vente n° 1' });
  await expect(detail).toBeVisible();
  const timeline = detail.getByRole('list', { name: 'Chronologie de la vente n° 1' });
  await expect(timeline).toContainText('Vente confirmée');
  await expect(timeline).toContainText('Commande passée');
  await expect(timeline).toContainText('Cartes livrées');
  // Masked until revealed.
  await expect(detail.getByText(code!)).toHaveCount(0);
  await detail.getByRole('button', { name: 'Afficher les codes' }).click();
  await expect(detail.getByRole('table', { name: 'Cartes de la vente n° 1' }).getByText(code!, { exact: true })).toBeVisible();
  await expect(timeline).toContainText('Codes affichés (Patron)');
  await detail.getByRole('button', { name: 'Masquer les codes' }).click();
  await expect(detail.getByText(code!)).toHaveCount(0);

  // Reprint: a numbered DUPLICATA, written to the timeline.
  await detail.getByRole('button', { name: 'Réimprimer' }).click();
  const duplicate = detail.getByTitle('Duplicata du reçu').contentFrame();
  await expect(duplicate.getByText(/DUPLICATA n° 1\b/).first()).toBeVisible();
  await expect(duplicate.getByText(code!, { exact: true })).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Imprimer le duplicata' })).toBeEnabled();
  await expect(timeline).toContainText('Réimprimée : DUPLICATA n° 1 (Patron)');
  await detail.getByRole('button', { name: 'Réimprimer' }).click();
  await expect(duplicate.getByText(/DUPLICATA n° 2\b/).first()).toBeVisible();
  await detail.getByRole('button', { name: 'Fermer le détail' }).click();
  await expect(detail).toHaveCount(0);
  expect(await page.title()).not.toContain(code!);

  // CSV of the history on screen: a UTF-8 BOM for spreadsheets, and the sale's product.
  const downloading = page.waitForEvent('download');
  await bo.getByRole('button', { name: 'Exporter en CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('ventes.csv');
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8');
  expect(csv).toContain('PlayStation Network');
  expect(csv).toContain('PSN 10 USD');
  expect(csv).not.toContain(code!);
});
