import { expect, queueSaleOffline, sellOnScreen, simOffline, simOrders, test } from './fixtures';

test.describe('pending sales', () => {
  test.use({ simArgs: ['--handling-ms', '2500'] });

  test('a sale finishing in the background announces itself and its receipt can be opened', async ({ till }) => {
    const { page } = till;
    await sellOnScreen(page);
    await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('En attente du fournisseur');

    // The cashier serves the next customer while the order is handled.
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();
    const tray = page.getByRole('complementary', { name: 'Ventes en cours' });
    await expect(tray.getByText('Vente n° 1')).toBeVisible();

    const toasts = page.getByRole('status', { name: 'Notifications' });
    await expect(toasts).toContainText('Vente n° 1 terminée — imprimer le reçu');
    await toasts.getByRole('button', { name: 'Voir le reçu de la vente n° 1' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reçu de la vente n° 1' });
    const [order] = await simOrders(till);
    await expect(dialog.getByTitle('Reçu').contentFrame().getByText(order!.cards[0]!.value, { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Fermer le reçu' }).click();
    await expect(dialog).toHaveCount(0);
    // Outside the receipt the code is masked.
    await expect(page.getByText(order!.cards[0]!.value)).toHaveCount(0);
  });
});

test('a sale confirmed offline waits in the queue and can be cancelled', async ({ till }) => {
  const { page } = till;
  await queueSaleOffline(till);

  await expect(page.getByRole('banner')).toContainText('1 vente en file d’attente');
  await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  const tray = page.getByRole('complementary', { name: 'Ventes en cours' });
  await tray.getByRole('button', { name: 'Annuler la vente n° 1' }).click();
  await expect(tray.getByText('Vente annulée')).toBeVisible();
  await simOffline(till, false);
  // The queue is sent in order, one sender: once a sale confirmed after the cancelled one is
  // fulfilled, the cancelled one would have gone first had it still been queued.
  await sellOnScreen(page);
  await expect(page.getByRole('status', { name: /Vente n° 2/ })).toContainText('Vente terminée', { timeout: 15_000 });
  const orders = await simOrders(till);
  expect(orders).toHaveLength(1);
  await expect(tray.getByText('Vente annulée')).toBeVisible();
});
