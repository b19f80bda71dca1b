import { expect, menuItem, test } from './fixtures';

/** The shop gives a product its own picture; the tile shows it instead of the coloured initial. */
const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('the owner sets a picture for a product tile, and can remove it', async ({ till }) => {
  const { page } = till;
  const cell = page.getByRole('gridcell').filter({ has: page.getByRole('button', { name: 'PlayStation Network', exact: true }) });
  await expect(cell.locator('img')).toHaveCount(0);

  await menuItem(page, 'Paramètres');
  const settings = page.getByRole('dialog', { name: 'Paramètres' });
  await settings.getByRole('tab', { name: 'Ventes' }).click(); // pictures sit with the prices (issue 13)
  await settings.getByLabel('Produit de l’image').selectOption({ label: 'PlayStation Network' });
  await settings.getByLabel('Fichier image (PNG, JPEG ou WebP)').setInputFiles({ name: 'psn.png', mimeType: 'image/png', buffer: PNG_1PX });
  await expect(settings.getByText('Image enregistrée.')).toBeVisible();
  await settings.getByRole('button', { name: 'Fermer les paramètres' }).click();
  await expect(cell.locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);

  // A picture too large is refused with a reason, nothing saved.
  await menuItem(page, 'Paramètres');
  await settings.getByRole('tab', { name: 'Ventes' }).click(); // pictures sit with the prices (issue 13)
  await settings.getByLabel('Produit de l’image').selectOption({ label: 'Steam Wallet' });
  await settings.getByLabel('Fichier image (PNG, JPEG ou WebP)').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(200_000, 1) });
  await expect(settings.getByText(/Image trop lourde/)).toBeVisible();
  await settings.getByRole('button', { name: 'Retirer l’image de PlayStation Network' }).click();
  await expect(settings.getByText('Image enregistrée.')).toBeVisible();
  await settings.getByRole('button', { name: 'Fermer les paramètres' }).click();
  await expect(cell.locator('img')).toHaveCount(0);
});
