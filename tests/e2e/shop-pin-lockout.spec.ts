import { expect, test, tillCall } from './fixtures';

/** Wrong PINs lock a cashier out, and the owner is told at their next sign-in. */
test('a cashier locked out by wrong PINs is shown to the owner until they look at the cashiers', async ({ till }) => {
  const { page } = till;
  const added = await tillCall(till.url, 'staff:add', { name: 'Amina', role: 'cashier', pin: '2468' });
  expect(added.ok).toBe(true);
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByRole('heading', { name: 'Caisse verrouillée' })).toBeVisible();

  const pin = page.getByLabel('Code PIN', { exact: true });
  await page.getByRole('group', { name: 'Caissiers' }).getByRole('button', { name: 'Amina' }).click();
  for (let left = 4; left >= 1; left--) {
    await pin.fill('9999');
    await pin.press('Enter');
    await expect(page.getByRole('alert')).toContainText(`Essais restants : ${left}.`);
  }
  await pin.fill('9999');
  await pin.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Trop de codes faux : attendez');
  // The right PIN does not open a locked till.
  await pin.fill('2468');
  await pin.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Trop de codes faux : attendez');
  await expect(page.getByRole('grid', { name: 'Produits' })).toHaveCount(0);

  await page.getByRole('group', { name: 'Caissiers' }).getByRole('button', { name: 'Patron' }).click();
  await pin.fill('1234');
  await pin.press('Enter');
  const warning = page.getByRole('banner').getByRole('alert');
  await expect(warning).toContainText('Amina a été bloqué après des codes PIN faux (blocages : 1');

  await warning.getByRole('button', { name: 'Voir les caissiers' }).click();
  const row = page.getByRole('table', { name: 'Liste des caissiers' }).getByRole('row', { name: /Amina/ });
  await expect(row).toContainText('Bloqué jusqu’à');
  await expect(row).toContainText('nouveaux blocages : 1');
  // Seen: the warning goes.
  await expect(page.getByRole('banner').getByRole('alert')).toHaveCount(0);
});
