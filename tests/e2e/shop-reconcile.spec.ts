import { expect, menuItem, placeOrderBehindTill, test } from './fixtures';

/** Provider reconciliation: an order placed behind the till's back is found, adopted, then gone from the gaps. */

test('an order the till does not know is reported, adopted, and then no longer missing', async ({ till }) => {
  const { page } = till;
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();

  await placeOrderBehindTill(till);

  await menuItem(page, 'Gestion');
  const bo = page.getByRole('dialog', { name: 'Gestion' });
  await bo.getByRole('tab', { name: 'Rapprochement' }).click();
  await expect(bo.getByLabel('Jour')).not.toHaveValue('');
  await bo.getByRole('button', { name: 'Lancer le rapprochement' }).click();

  const missing = bo.getByRole('list', { name: /Commandes chez le fournisseur absentes de la caisse/ });
  await expect(bo.getByRole('heading', { name: 'Commandes chez le fournisseur absentes de la caisse (1)' })).toBeVisible();
  await expect(missing.getByRole('listitem')).toHaveCount(1);
  await expect(bo.getByRole('heading', { name: 'Ventes absentes chez le fournisseur (0)' })).toBeVisible();
  await expect(bo.getByRole('heading', { name: 'Écarts de montant (0)' })).toBeVisible();

  await bo.getByRole('button', { name: 'Intégrer les commandes manquantes' }).click();
  await expect(missing.getByRole('listitem')).toContainText(/intégrée : vente n° \d+/);
  await expect(bo.getByRole('button', { name: 'Intégrer les commandes manquantes' })).toHaveCount(0);

  await bo.getByRole('button', { name: 'Lancer le rapprochement' }).click();
  await expect(bo.getByRole('heading', { name: 'Commandes chez le fournisseur absentes de la caisse (0)' })).toBeVisible();
  await expect(missing).toHaveCount(0);

  // The owner's printable report.
  await bo.getByRole('button', { name: 'Imprimer', exact: true }).click();
  const printable = bo.getByTitle('Rapport de rapprochement (impression)').contentFrame();
  await expect(printable.getByText(/Rapprochement fournisseur du/)).toBeVisible();

  // The adopted order is in the history, found at the provider.
  await bo.getByRole('tab', { name: 'Historique' }).click();
  await bo.getByRole('button', { name: 'Rechercher' }).click();
  const row = bo.getByRole('table', { name: 'Ventes trouvées' }).getByRole('row', { name: /OneClickDZ/ });
  await expect(row).toContainText('PlayStation Network');
});
