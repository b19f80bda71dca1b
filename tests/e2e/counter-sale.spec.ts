import { expect, simOrders, test, type Till } from './fixtures';

/**
 * The counter sale, driven as a cashier would: by role and accessible name only.
 * The till runs in training mode against a fresh simulator (fixtures.ts).
 */

const PRODUCT = 'PlayStation Network';
const CARD = /^PSN 10 USD\b/;

async function openGrid(till: Till) {
  const { page } = till;
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
  await expect(page.getByRole('button', { name: PRODUCT, exact: true })).toBeVisible();
}

/** Card codes the simulator delivered for its only order. */
async function deliveredCodes(till: Till): Promise<string[]> {
  const orders = await simOrders(till);
  expect(orders).toHaveLength(1);
  return orders[0]!.cards.map((c) => c.value);
}

test('the catalog grid appears and training mode is labelled', async ({ till }) => {
  const { page } = till;
  await openGrid(till);
  await expect(page.getByText('MODE FORMATION : les codes ne sont pas valables')).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Catégories' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Tous' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Rechercher un produit')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Actualiser le solde' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Actualiser le catalogue' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Menu', exact: true })).toHaveAttribute('aria-haspopup', 'menu');

  // Search narrows the grid; a category tab filters it.
  await page.getByLabel('Rechercher un produit').fill('playstation');
  await expect(page.getByRole('button', { name: 'Steam Wallet', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: PRODUCT, exact: true })).toBeVisible();
  await page.getByLabel('Rechercher un produit').fill('');
  await page.getByRole('tab', { name: 'Steam' }).click();
  await expect(page.getByRole('button', { name: 'Steam Wallet', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: PRODUCT, exact: true })).toHaveCount(0);
});

test('a sale of 2 "PSN 10 USD" ends with a receipt showing both codes', async ({ till }) => {
  const { page } = till;
  await openGrid(till);
  await page.getByRole('button', { name: PRODUCT, exact: true }).click();
  await page.getByRole('button', { name: CARD }).click();

  // The card opens the confirmation with one card; the quantity is raised there.
  const dialog = page.getByRole('dialog', { name: 'Confirmer la vente' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('spinbutton', { name: 'Quantité' })).toHaveValue('1');
  await dialog.getByRole('button', { name: 'Augmenter la quantité' }).click();
  await expect(dialog.getByRole('spinbutton', { name: 'Quantité' })).toHaveValue('2');
  await expect(dialog.getByText('À encaisser')).toBeVisible();
  await expect(dialog.getByText('Solde après cet achat')).toBeVisible();
  await dialog.getByRole('button', { name: 'Confirmer la vente' }).click();

  const progress = page.getByRole('status', { name: /Vente n° 1/ });
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('Vente terminée');
  const receipt = page.getByTitle('Reçu').contentFrame();
  const codes = await deliveredCodes(till);
  expect(codes).toHaveLength(2);
  for (const code of codes) await expect(receipt.getByText(code, { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer le reçu', exact: true })).toBeEnabled();

  // Outside the receipt, codes are masked.
  const tray = page.getByRole('complementary', { name: 'Ventes en cours' });
  for (const code of codes) await expect(tray.getByText(code)).toHaveCount(0);
  expect(await page.title()).not.toContain(codes[0]!);

  await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
});

test('a rapid double confirm (double click + Enter) creates exactly one order', async ({ till }) => {
  const { page } = till;
  await openGrid(till);
  await page.getByRole('button', { name: PRODUCT, exact: true }).click();
  await page.getByRole('button', { name: CARD }).click();
  const confirm = page.getByRole('dialog', { name: 'Confirmer la vente' }).getByRole('button', { name: 'Confirmer la vente' });
  await expect(confirm).toBeEnabled();
  await confirm.dblclick();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');
  await expect(page.getByRole('heading', { name: 'Vente n° 2' })).toHaveCount(0);
  // No sleep: sell the next card. Sales are numbered and sent in the order they were confirmed,
  // so had the double confirm made a second sale, this one would be n° 3 and its order the third.
  await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  await page.getByRole('button', { name: PRODUCT, exact: true }).click();
  await page.getByRole('button', { name: CARD }).click();
  await confirm.click();
  await expect(page.getByRole('status', { name: /Vente n° 2/ })).toContainText('Vente terminée');
  expect(await simOrders(till)).toHaveLength(2);
});

test('an out-of-stock denomination is shown disabled', async ({ till }) => {
  const { page } = till;
  await openGrid(till);
  await page.getByRole('button', { name: PRODUCT, exact: true }).click();
  const out = page.getByRole('button', { name: /^PSN 100 USD\b/ });
  await expect(out).toBeDisabled();
  await expect(out).toContainText('Rupture de stock');
  await expect(page.getByRole('button', { name: CARD })).toBeEnabled();
  await page.getByRole('button', { name: 'Retour' }).click();
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
});
