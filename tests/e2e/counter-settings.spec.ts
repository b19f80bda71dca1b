import { expect, menuItem, test } from './fixtures';

test('settings: invalid values are named, a new markup changes the prices', async ({ till }) => {
  const { page } = till;
  await page.getByRole('button', { name: 'PlayStation Network', exact: true }).click();
  const card = page.getByRole('button', { name: /^PSN 10 USD\b/ });
  await expect(card).toContainText(/2\s986\sDA/);
  await page.getByRole('button', { name: 'Retour' }).click();

  await menuItem(page, 'Paramètres');
  const dialog = page.getByRole('dialog', { name: 'Paramètres' });
  // The settings come in parts (issue 13): the OneClickDZ account is under "Sécurité", prices under "Ventes".
  await dialog.getByRole('tab', { name: 'Sécurité' }).click();
  await expect(dialog.getByRole('heading', { name: 'Compte OneClickDZ' })).toBeVisible();
  await expect(dialog.getByText('Aucune clé : mode formation')).toBeVisible();
  await dialog.getByRole('tab', { name: 'Ventes' }).click();
  await dialog.getByLabel('Marge (%)').fill('5,555');
  await dialog.getByLabel('Quantité maximale par vente').fill('0');
  await dialog.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
  await expect(dialog.getByText('Pourcentage avec 2 décimales au plus')).toBeVisible();
  await expect(dialog.getByText('Entre 1 et 100.')).toBeVisible();
  await expect(dialog.getByLabel('Marge (%)')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Marge (%)').fill('10');
  await dialog.getByLabel('Quantité maximale par vente').fill('3');
  await dialog.getByRole('tab', { name: 'Boutique' }).click();
  await dialog.getByLabel('Nom de la boutique').fill('Cyber Sétif');
  await dialog.getByRole('button', { name: 'Enregistrer les paramètres' }).click();
  await expect(dialog.getByText('Paramètres enregistrés.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Fermer les paramètres' }).click();
  await expect(page.getByRole('banner')).toContainText('Cyber Sétif');

  await page.getByRole('button', { name: 'PlayStation Network', exact: true }).click();
  await expect(card).not.toContainText(/2\s986\sDA/);
  await card.click();
  const confirm = page.getByRole('dialog', { name: 'Confirmer la vente' });
  await confirm.getByRole('spinbutton', { name: 'Quantité' }).fill('9');
  await expect(confirm.getByRole('spinbutton', { name: 'Quantité' })).toHaveValue('3');
  await expect(confirm.getByText('Maximum atteint : 3 cartes par vente au plus')).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Augmenter la quantité' })).toBeDisabled();
});
