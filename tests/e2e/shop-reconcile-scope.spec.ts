import path from 'node:path';
import { SCREENS_DIR } from './header-measure';
import { expect, menuItem, placeOrderBehindTill, sellOnScreen, test, tillCall } from './fixtures';
import { startPgServer, type PgServer } from '../unit/helpers/pg-server';

/**
 * Issue 12, "reconciliation works per till and for the whole shop": a till joined to the shop's
 * server (a real PostgreSQL started here) sells a card; an order is placed on the shop's key
 * behind every till's back. In "Toute la boutique" the owner sees that order as owned by no till,
 * with no adopt button (a sale is a till's, adopted from the till that keeps it), and prints it; back in "Cette
 * caisse" they adopt it, and the shop's comparison then has nothing missing.
 */
let server: PgServer | null = null;
test.afterEach(async () => {
  await server?.dispose();
  server = null;
});

// Shop-wide reconciliation compares real orders: a key against the simulator (SANDBOX), not training.
test.use({ apiKey: 'training-key' });

test('the whole shop compared with the provider: an order no till owns is listed, then adopted from this till', async ({ till }) => {
  test.setTimeout(120_000);
  server = await startPgServer();
  const { page } = till;
  expect((await tillCall(till.url, 'till:setLedgerUrl', { url: `postgresql://postgres@127.0.0.1:${server.port}/postgres` })).ok).toBe(true);
  await till.restart();
  expect((await tillCall(till.url, 'till:shopPassphrase', { passphrase: 'la boutique du coin 2026' })).ok).toBe(true);
  await expect(page.getByRole('status', { name: 'Caisse et registre partagé' })).toContainText('Registre partagé joignable', { timeout: 20_000 });

  await sellOnScreen(page);
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');
  await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  await placeOrderBehindTill(till);
  // The sale is on the shop's server before the owner looks.
  await expect.poll(async () => (await tillCall(till.url, 'app:status', {})).value.till.unpushed, { timeout: 20_000 }).toBe(0);

  await menuItem(page, 'Gestion');
  const bo = page.getByRole('dialog', { name: 'Gestion' });
  await bo.getByRole('tab', { name: 'Rapprochement' }).click();
  const scope = bo.getByRole('group', { name: 'Ventes de' });
  await scope.getByRole('radio', { name: 'Toute la boutique' }).check();

  await expect(bo.getByRole('heading', { name: 'Commandes chez le fournisseur qu’aucune caisse ne possède (1)' })).toBeVisible();
  await expect(bo.getByRole('heading', { name: 'Ventes absentes chez le fournisseur (0)' })).toBeVisible();
  await expect(bo.getByRole('heading', { name: 'Écarts de montant (0)' })).toBeVisible();
  await expect(bo.getByText('Les commandes qu’aucune caisse ne possède s’intègrent depuis la caisse qui doit les garder')).toBeVisible();
  await expect(bo.getByRole('button', { name: 'Intégrer les commandes manquantes' })).toHaveCount(0);
  // The shop's page, printable like this till's.
  await bo.getByRole('button', { name: 'Imprimer', exact: true }).click();
  const printable = bo.getByTitle('Rapport de rapprochement (impression)').contentFrame();
  await expect(printable.getByText('Toute la boutique')).toBeVisible();
  await expect(printable.getByText('Commandes chez le fournisseur qu’aucune caisse ne possède (1)')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS_DIR, 'reconcile-shop.png') });

  // This till's own view: the same order, adoptable here.
  await scope.getByRole('radio', { name: 'Cette caisse' }).check();
  await expect(bo.getByRole('heading', { name: 'Commandes chez le fournisseur absentes de la caisse (1)' })).toBeVisible();
  await bo.getByRole('button', { name: 'Intégrer les commandes manquantes' }).click();
  await expect(bo.getByRole('list', { name: /absentes de la caisse/ }).getByRole('listitem')).toContainText(/intégrée : vente n° \d+/);

  // The shop now owns every order of the day.
  await scope.getByRole('radio', { name: 'Toute la boutique' }).check();
  await expect(bo.getByRole('heading', { name: 'Commandes chez le fournisseur qu’aucune caisse ne possède (0)' })).toBeVisible();
});
