import type { Locator } from '@playwright/test';
import { expect, menuItem, placeOrderBehindTill, sellOnScreen, simFault, simOrders, test, tillCall, type Till } from './fixtures';

/**
 * A sale whose answer was lost while the provider holds several orders that could be its own
 * (NEEDS_REVIEW): the owner checks it in "Anomalies", then gives it its order (it is delivered)
 * or says none is (it is cancelled and its price handed back), and the shift can close.
 */

/**
 * Two PSN 10 USD orders placed behind the till, then sale n° 1 of the same card sold on screen
 * with its answer lost: reconciliation finds three orders that could be it. Returns the order the
 * till really placed (the simulator's last one).
 */
async function saleToReview(till: Till): Promise<string> {
  const { page } = till;
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
  await placeOrderBehindTill(till);
  await placeOrderBehindTill(till);
  await simFault(till, { endpoint: 'placeOrder', kind: 'drop-after' });
  await sellOnScreen(page);
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('À vérifier par le responsable', { timeout: 15_000 });
  // The cashier is told not to sell it again, and where the owner decides.
  await expect(page.getByText(/ne refaites pas la vente\. Le responsable choisit la bonne commande dans Gestion › Anomalies/)).toBeVisible();
  const orders = await simOrders(till);
  expect(orders).toHaveLength(3);
  // The provider finishes its orders in a few seconds: the lists below are read once they are delivered.
  await expect.poll(async () => (await simOrders(till)).every((o) => o.cards.length > 0), { timeout: 15_000 }).toBe(true);
  await page.getByRole('button', { name: 'Nouvelle vente', exact: true }).click();
  return orders.at(-1)!.id;
}

/** Gestion › Anomalies, then "Vérifier" on sale n° 1: the list of its possible orders. */
async function checkSaleOne(till: Till): Promise<{ bo: Locator; candidates: Locator }> {
  const { page } = till;
  await menuItem(page, 'Gestion');
  const bo = page.getByRole('dialog', { name: 'Gestion' });
  await bo.getByRole('tab', { name: 'Anomalies' }).click();
  await expect(bo.getByRole('row').filter({ hasText: 'À vérifier par le responsable' })).toHaveCount(1);
  await bo.getByRole('button', { name: 'Vérifier la vente n° 1' }).click();
  const candidates = bo.getByRole('list', { name: 'Commandes possibles pour la vente n° 1' });
  await expect(candidates.getByRole('listitem')).toHaveCount(3);
  return { bo, candidates };
}

test('the owner gives the sale its order: it is delivered, the two others stay unowned', async ({ till }) => {
  test.setTimeout(90_000);
  const tillsOrder = await saleToReview(till);
  const { bo, candidates } = await checkSaleOne(till);

  // Each order as the provider lists it now, and free to choose.
  const mine = candidates.getByRole('listitem').filter({ hasText: tillsOrder });
  await expect(mine).toContainText('Livrée');
  await expect(mine).toContainText('Cartes livrées : 1 sur 1');
  await expect(mine).toContainText(/Facturée [\d\s\u00a0\u202f,]+DA/);
  await expect(mine.locator('[dir="ltr"]')).toHaveText(tillsOrder);
  await expect(candidates.getByRole('button', { name: /^Rattacher la commande .+ à la vente n° 1$/ })).toHaveCount(3);

  await mine.getByRole('button', { name: `Rattacher la commande ${tillsOrder} à la vente n° 1` }).click();
  const notice = bo.getByRole('status').filter({ hasText: 'Commande rattachée : la vente n° 1 reçoit ses codes.' });
  await expect(notice).toContainText(tillsOrder);
  await expect(notice).toContainText('État de la vente : Vente terminée', { timeout: 15_000 });
  await expect(bo.getByRole('row').filter({ hasText: 'À vérifier par le responsable' })).toHaveCount(0);

  await expect
    .poll(async () => {
      const sale = (await tillCall(till.url, 'sales:get', { saleId: 1 })).value;
      return { state: sale.state, orderId: sale.orderId, delivered: sale.deliveredQuantity };
    })
    .toEqual({ state: 'FULFILLED', orderId: tillsOrder, delivered: 1 });

  // The two orders placed behind the till are no sale's: reconciliation still reports them.
  await bo.getByRole('tab', { name: 'Rapprochement' }).click();
  await expect(bo.getByLabel('Jour')).not.toHaveValue('');
  await bo.getByRole('button', { name: 'Lancer le rapprochement' }).click();
  await expect(bo.getByRole('heading', { name: 'Commandes chez le fournisseur absentes de la caisse (2)' })).toBeVisible();
  await expect(bo.getByRole('list', { name: /Commandes chez le fournisseur absentes de la caisse/ })).not.toContainText(tillsOrder);
});

test('none of the orders is the sale’s: asked twice, cancelled, its price to hand back, and the shift closes', async ({ till }) => {
  test.setTimeout(90_000);
  const { page } = till;
  await saleToReview(till);
  // While the sale waits, the day's reconciliation lists its possible orders for the review, and offers no adoption of them.
  await menuItem(page, 'Gestion');
  const gestion = page.getByRole('dialog', { name: 'Gestion' });
  await gestion.getByRole('tab', { name: 'Rapprochement' }).click();
  await expect(gestion.getByLabel('Jour')).not.toHaveValue('');
  await gestion.getByRole('button', { name: 'Lancer le rapprochement' }).click();
  const missing = gestion.getByRole('list', { name: /Commandes chez le fournisseur absentes de la caisse/ });
  await expect(missing.getByRole('listitem').filter({ hasText: 'commande possible de la vente n° 1, à vérifier dans Anomalies' })).toHaveCount(3);
  await expect(gestion.getByRole('button', { name: 'Intégrer les commandes manquantes' })).toHaveCount(0);
  await gestion.getByRole('button', { name: 'Fermer la gestion' }).click();

  const { bo } = await checkSaleOne(till);
  const price = (await tillCall(till.url, 'sales:get', { saleId: 1 })).value.totalRetailC as number;
  expect(price).toBeGreaterThan(0);

  // The first press only asks; the focus waits on the safe answer, and "Ne pas annuler" gives it back.
  const dismiss = bo.getByRole('button', { name: 'Aucune de ces commandes : annuler la vente n° 1' });
  await dismiss.click();
  const question = bo.getByRole('group', { name: /^Annuler la vente n° 1 \?/ });
  await expect(question).toContainText(/Aucune commande ne lui sera rattachée et [\d\s\u00a0\u202f,]+DA seront à rendre au client\./);
  const keep = question.getByRole('button', { name: 'Ne pas annuler' });
  await expect(keep).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(dismiss).toBeFocused();
  expect((await tillCall(till.url, 'sales:get', { saleId: 1 })).value.state).toBe('NEEDS_REVIEW');

  // Asked again, confirmed from the keyboard.
  const amount = /et ([\d\s\u00a0\u202f,]+DA) seront/;
  await page.keyboard.press('Enter');
  await expect(keep).toBeFocused();
  const toHandBack = amount.exec(await question.innerText())![1]!;
  await page.keyboard.press('Shift+Tab');
  await expect(question.getByRole('button', { name: 'Confirmer l’annulation de la vente n° 1 et le remboursement' })).toBeFocused();
  await page.keyboard.press('Enter');

  const refund = bo.getByRole('status').filter({ hasText: 'Vente n° 1 annulée' });
  await expect(refund).toContainText(`rendez ${toHandBack} au client.`);
  await expect(refund.getByRole('button', { name: 'Bon de remboursement de la vente n° 1' })).toBeVisible();
  await expect(bo.getByRole('row').filter({ hasText: 'À vérifier par le responsable' })).toHaveCount(0);
  const sale = (await tillCall(till.url, 'sales:get', { saleId: 1 })).value;
  expect(sale).toMatchObject({ state: 'CANCELLED', refundDueC: price, orderId: null });

  // Nothing is left unsettled: the shift closes.
  await bo.getByRole('button', { name: 'Fermer la gestion' }).click();
  await page.getByRole('button', { name: 'Caisse', exact: true }).click();
  const shift = page.getByRole('dialog', { name: 'Caisse' });
  await shift.getByLabel('Espèces comptées (DA)').fill('0');
  await shift.getByRole('button', { name: 'Valider le comptage' }).click();
  await shift.getByRole('button', { name: 'Confirmer la clôture' }).click();
  await expect(shift.getByText('Caisse fermée. Le rapport est enregistré.')).toBeVisible();
});

test('an order another sale was given meanwhile is refused, said why, and then shown as taken', async ({ till }) => {
  test.setTimeout(90_000);
  const { page } = till;
  const firstSalesOrder = await saleToReview(till);
  // Sale n° 2 of the same card, its answer lost too: the three orders above and its own could be it.
  await simFault(till, { endpoint: 'placeOrder', kind: 'drop-after' });
  await sellOnScreen(page);
  await expect(page.getByRole('status', { name: /Vente n° 2/ })).toContainText('À vérifier par le responsable', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Nouvelle vente', exact: true }).click();

  // Both lists are read before either decision, as two screens would read them.
  await menuItem(page, 'Gestion');
  const bo = page.getByRole('dialog', { name: 'Gestion' });
  await bo.getByRole('tab', { name: 'Anomalies' }).click();
  await bo.getByRole('button', { name: 'Vérifier la vente n° 1' }).click();
  await expect(bo.getByRole('list', { name: 'Commandes possibles pour la vente n° 1' }).getByRole('listitem')).toHaveCount(3);
  await bo.getByRole('button', { name: 'Vérifier la vente n° 2' }).click();
  const second = bo.getByRole('list', { name: 'Commandes possibles pour la vente n° 2' });
  await expect(second.getByRole('listitem')).toHaveCount(4);

  await bo.getByRole('button', { name: `Rattacher la commande ${firstSalesOrder} à la vente n° 1` }).click();
  await expect(bo.getByRole('status').filter({ hasText: 'Commande rattachée : la vente n° 1 reçoit ses codes.' })).toBeVisible();

  // Sale n° 2's list is now out of date: choosing that order is refused, and the list read again.
  await second.getByRole('button', { name: `Rattacher la commande ${firstSalesOrder} à la vente n° 2` }).click();
  await expect(bo.getByRole('alert')).toContainText('Une autre vente vient de prendre cette commande');
  const taken = second.getByRole('listitem').filter({ hasText: firstSalesOrder });
  await expect(taken).toContainText('Déjà rattachée à une autre vente');
  await expect(taken.getByRole('button')).toHaveCount(0);
  await expect(second.getByRole('button', { name: /^Rattacher la commande / })).toHaveCount(3);
  expect((await tillCall(till.url, 'sales:get', { saleId: 2 })).value.state).toBe('NEEDS_REVIEW');
});
