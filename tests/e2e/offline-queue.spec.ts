import { expect, sellOnScreen, simOffline, simOrders, test } from './fixtures';

/**
 * The connection drops in the middle of a shift: the cashier keeps selling into the queue, the
 * header says so, and when the connection is back each sale is sent once and its receipt is ready.
 */
test('three sales made offline are sent when the connection returns, each with its receipt', async ({ till }) => {
  const { page } = till;
  const tray = page.getByRole('complementary', { name: 'Ventes en cours' });
  const products = ['PlayStation Network', 'PlayStation Network', 'PlayStation Network'];

  // Online first: the product's prices are known, then the cable is pulled.
  await page.getByRole('button', { name: products[0]!, exact: true }).click();
  await expect(page.getByRole('button', { name: /^PSN 10 USD\b/ })).toBeEnabled();
  await page.getByRole('button', { name: 'Retour' }).click();
  await simOffline(till, true);

  for (let i = 1; i <= 3; i++) {
    await sellOnScreen(page, products[i - 1]!);
    await expect(page.getByRole('status', { name: new RegExp(`Vente n° ${i}`) })).toContainText('En file d’attente (hors ligne)', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  }
  await expect(page.getByRole('banner')).toContainText('3 ventes en file d’attente');
  await expect(page.getByRole('banner')).toContainText('Hors ligne');
  for (let i = 1; i <= 3; i++) await expect(tray.getByText(`Vente n° ${i}`)).toBeVisible();
  expect(await simOrders(till)).toHaveLength(0);

  await simOffline(till, false);
  const toasts = page.getByRole('status', { name: 'Notifications' });
  for (let i = 1; i <= 3; i++) await expect(toasts).toContainText(`Vente n° ${i} terminée`, { timeout: 20_000 });
  await expect(page.getByRole('banner')).toContainText('En ligne');

  const orders = await simOrders(till);
  expect(orders).toHaveLength(3);
  for (let i = 1; i <= 3; i++) {
    await toasts.getByRole('button', { name: `Voir le reçu de la vente n° ${i}` }).click();
    const dialog = page.getByRole('dialog', { name: `Reçu de la vente n° ${i}` });
    const receipt = dialog.getByTitle('Reçu').contentFrame();
    await expect(receipt.getByText(orders[i - 1]!.cards[0]!.value, { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Fermer le reçu' }).click();
  }
});
