import { expect, simControl, simOffline, simOrders, test, tillCall, type Till } from './fixtures';

/**
 * Issue 9, "any product offline": the till keeps the whole catalogue's prices warm in the
 * background, so when the provider is cut, a product nobody has opened or sold yet is still sold
 * into the queue, and the cashier sees how old its price is.
 */
async function warmedByTheTill(till: Till, productId: string): Promise<boolean> {
  const res = await simControl(till.sim, 'GET', '/requests');
  const log = (await res.json()) as { path: string; status: number | string }[];
  return log.some((r) => r.path === `/v3/gift-cards/checkProduct/${encodeURIComponent(productId)}` && r.status === 200);
}

test('provider cut: a product never opened is sold and queued, with the age of its price', async ({ till }) => {
  const { page } = till;
  // Open the shift if the till asks for it (a cash count is optional).
  const grid = page.getByRole('grid', { name: 'Produits' });
  const openShift = page.getByRole('button', { name: 'Ouvrir la caisse' });
  await expect(grid.or(openShift)).toBeVisible();
  if (await openShift.isVisible()) await openShift.click();
  await expect(grid).toBeVisible();
  const catalog = await tillCall(till.url, 'catalog:list', {});
  const steam = (catalog.value.products as { id: string; title: string }[]).find((p) => p.title === 'Steam Wallet')!;
  // Nobody opens it: only the background warmer can have read its prices.
  await expect.poll(() => warmedByTheTill(till, steam.id), { timeout: 30_000 }).toBe(true);

  await simOffline(till, true);
  await page.getByRole('tab', { name: 'Steam' }).click();
  await page.getByRole('button', { name: 'Steam Wallet', exact: true }).click();
  await expect(page.getByText(/Hors ligne : prix d’il y a/)).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: /^Steam 10 USD\b/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirmer la vente' });
  await dialog.getByRole('button', { name: 'Confirmer la vente' }).click();
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('En file d’attente (hors ligne)', { timeout: 15_000 });
  expect(await simOrders(till)).toHaveLength(0);

  // The connection comes back: the sale is sent once and completes.
  await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  await simOffline(till, false);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Vente n° 1 terminée', { timeout: 20_000 });
  const orders = await simOrders(till);
  expect(orders).toHaveLength(1);
  expect(orders[0]!.productId).toBe(steam.id);
});
