import { expect, simOrders, test } from './fixtures';

test('a sale done with the keyboard only', async ({ till }) => {
  const { page } = till;
  await expect(page.getByRole('button', { name: 'PlayStation Network', exact: true })).toBeVisible();
  const search = page.getByLabel('Rechercher un produit');

  // The search has the focus on arrival; "/" brings it back from anywhere on the grid.
  await expect(search).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(search).not.toBeFocused();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  // Typing anywhere on the grid goes to the search box too.
  await page.keyboard.press('Tab');
  await expect(search).not.toBeFocused();
  await page.keyboard.type('playstation net');
  await expect(search).toBeFocused();
  await expect(search).toHaveValue('playstation net');

  // Arrows move in the grid; Enter opens the product.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: 'PlayStation Network', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('button', { name: 'PlayStation Network France', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');

  // The first card in stock has the focus; Enter opens the confirmation with one card.
  const card = page.getByRole('button', { name: /^PSN 10 USD\b/ });
  await expect(card).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Confirmer la vente' });
  const confirm = dialog.getByRole('button', { name: 'Confirmer la vente' });
  const qty = dialog.getByRole('spinbutton', { name: 'Quantité' });
  await expect(confirm).toBeFocused();
  await expect(qty).toHaveValue('1');

  // Digits go to the quantity, the bound is explained, - and + adjust, Escape goes back one step.
  await page.keyboard.type('99');
  await expect(qty).toBeFocused();
  await expect(qty).toHaveValue('10');
  await expect(dialog.getByText(/Maximum atteint : 10 cartes par vente/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(card).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(qty).toHaveValue('1');
  await page.keyboard.type('3');
  await expect(qty).toHaveValue('3');
  await page.keyboard.press('-');
  await expect(qty).toHaveValue('2');
  // Tab leaves the box for the buttons; + still counts and Enter still confirms from anywhere.
  await page.keyboard.press('Tab');
  await expect(qty).not.toBeFocused();
  await page.keyboard.press('+');
  await expect(qty).toHaveValue('3');
  await page.keyboard.press('ArrowDown');
  await expect(qty).toHaveValue('2');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');
  const orders = await simOrders(till);
  expect(orders).toHaveLength(1);
  expect(orders[0]!.quantity).toBe(2);
  const receipt = page.getByTitle('Reçu').contentFrame();
  for (const c of orders[0]!.cards) await expect(receipt.getByText(c.value, { exact: true })).toBeVisible();

  // Escape starts the next sale, with the search ready for typing.
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();
});
