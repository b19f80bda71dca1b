import type { Page } from '@playwright/test';
import { expect, menuItem, queueSaleOffline, simOffline, test } from './fixtures';

/**
 * One drawer, one shift: the first sign-in types the float, the owner and Amina sell into the same
 * shift, Amina counts blind and closes it, and the shift and day reports add up and name her.
 * Amounts are read from the screen and compared as integer centimes.
 */

/** "2 986 DA", "7 986,50 DA" → centimes. */
function centimes(text: string): number {
  const m = /(-?[\d\s\u00a0\u202f]+)(?:,(\d{1,2}))?\s*DA/.exec(text);
  if (!m) throw new Error(`no amount in ${JSON.stringify(text)}`);
  const whole = Number(m[1]!.replace(/[\s\u00a0\u202f]/g, ''));
  return whole * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
}

/** As a cashier types it in a cash box: "7986" or "7986,50". */
function typed(c: number): string {
  return c % 100 === 0 ? String(c / 100) : `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
}

async function lock(page: Page) {
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByRole('heading', { name: 'Caisse verrouillée' })).toBeVisible();
}

async function signIn(page: Page, name: string, pin: string) {
  await page.getByRole('group', { name: 'Caissiers' }).getByRole('button', { name, exact: true }).click();
  await page.getByLabel('Code PIN', { exact: true }).fill(pin);
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('grid', { name: 'Produits' }).or(page.getByRole('heading', { name: 'Ouverture de la caisse' }))).toBeVisible();
}

/** Sells `quantity` × "PSN 10 USD" and returns what the confirmation said to collect. */
async function sellPsn10(page: Page, quantity: number): Promise<number> {
  await page.getByRole('button', { name: 'PlayStation Network', exact: true }).click();
  await page.getByRole('button', { name: /^PSN 10 USD\b/ }).click();
  for (let i = 1; i < quantity; i++) await page.getByRole('button', { name: 'Augmenter la quantité' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirmer la vente' });
  await expect(dialog).toBeVisible();
  const collect = centimes(/À encaisser\s*([^\n]+)/.exec(await dialog.innerText())![1]!);
  await dialog.getByRole('button', { name: 'Confirmer la vente' }).click();
  await expect(page.getByRole('status', { name: /Vente n° \d+/ })).toContainText('Vente terminée');
  await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  return collect;
}

/** "Caisse": a blind count, then the check step; returns the dialog at step 2. */
async function countDrawer(page: Page, countedC: number) {
  await page.getByRole('button', { name: 'Caisse', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Caisse' });
  await expect(dialog.getByRole('heading', { name: 'Étape 1 sur 2 : comptez le tiroir' })).toBeVisible();
  await expect(dialog).not.toContainText('Espèces attendues');
  await dialog.getByLabel('Espèces comptées (DA)').fill(typed(countedC));
  await dialog.getByRole('button', { name: 'Valider le comptage' }).click();
  await expect(dialog.getByRole('heading', { name: 'Étape 2 sur 2 : vérifiez avant de fermer' })).toBeVisible();
  return dialog;
}

test.describe('one shift for the till', () => {
  test.use({ openShift: false });

  test('the first sign-in types the float, both cashiers sell into it, Amina counts blind and closes; the reports add up and name her', async ({ till }) => {
    test.setTimeout(120_000);
    const { page } = till;
    // The owner is signed in on a till with no shift: the float first.
    await expect(page.getByRole('heading', { name: 'Ouverture de la caisse' })).toBeVisible();
    await page.getByLabel('Fond de caisse (DA)').fill('5 000');
    await page.getByRole('button', { name: 'Ouvrir la caisse' }).click();
    await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Ouverte à');

    // The owner adds Amina and sells two cards.
    await menuItem(page, 'Gestion');
    const bo = page.getByRole('dialog', { name: 'Gestion' });
    await bo.getByRole('tablist', { name: 'Rubriques de gestion' }).getByRole('tab', { name: 'Caissiers' }).click();
    await bo.getByLabel('Nom', { exact: true }).fill('Amina');
    await expect(bo.getByLabel('Rôle')).toHaveValue('cashier');
    await bo.getByLabel('Code PIN', { exact: true }).fill('2468');
    await bo.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(bo.getByText('Caissier Amina ajouté.')).toBeVisible();
    await expect(bo.getByRole('table', { name: 'Liste des caissiers' }).getByRole('row', { name: /Amina/ })).toContainText('Caissier');
    await bo.getByRole('button', { name: 'Fermer la gestion' }).click();
    const ownerCollected = await sellPsn10(page, 2);
    await lock(page);

    // Amina joins the open shift: no float to type, straight to the counter. Cashiers get no settings.
    await signIn(page, 'Amina', '2468');
    await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('Caissier : Amina');
    await expect(page.getByRole('banner')).toContainText('Ouverte à');
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await expect(page.getByRole('menuitem', { name: 'Gestion' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Paramètres' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    const aminaCollected = await sellPsn10(page, 1);
    await menuItem(page, 'Gestion');
    await expect(page.getByRole('dialog', { name: 'Gestion' }).getByRole('tab')).toHaveCount(1);
    await page.getByRole('button', { name: 'Fermer la gestion' }).click();

    // She counts exactly what the drawer should hold; only then does the till show the figure.
    const expected = 5_000_00 + ownerCollected + aminaCollected;
    const dialog = await countDrawer(page, expected);
    const check = await dialog.innerText();
    expect(centimes(/Espèces attendues\s*([^\n]+)/.exec(check)![1]!)).toBe(expected);
    await expect(dialog.getByRole('status')).toHaveText('Caisse juste : aucun écart');
    await dialog.getByRole('button', { name: 'Confirmer la clôture' }).click();
    await expect(dialog.getByText('Caisse fermée. Le rapport est enregistré.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Imprimer le rapport' })).toBeVisible();
    const report = dialog.getByTitle('Rapport de caisse').contentFrame();
    await expect(report.getByText(/Rapport de caisse n° \d+ — Patron/)).toBeVisible();
    await expect(report.getByText(/Compté par Amina/)).toBeVisible();
    expect(centimes(await report.getByRole('row', { name: /Espèces attendues/ }).innerText())).toBe(expected);
    expect(centimes(await report.getByRole('row', { name: /Espèces comptées/ }).innerText())).toBe(expected);
    expect(centimes(await report.getByRole('row', { name: /Écart/ }).innerText())).toBe(0);
    await dialog.getByRole('button', { name: 'Fermer cette fenêtre' }).click();

    // The till has no shift any more: the next step is a float, or locking.
    await expect(page.getByRole('heading', { name: 'Ouverture de la caisse' })).toBeVisible();
    await page.getByRole('button', { name: 'Verrouiller sans ouvrir' }).click();
    await expect(page.getByRole('heading', { name: 'Caisse verrouillée' })).toBeVisible();

    // The owner opens the next shift and reads the day: three cards, the closed shift counted.
    await signIn(page, 'Patron', '1234');
    await page.getByLabel('Fond de caisse (DA)').fill('0');
    await page.getByRole('button', { name: 'Ouvrir la caisse' }).click();
    await menuItem(page, 'Gestion');
    const gestion = page.getByRole('dialog', { name: 'Gestion' });
    await gestion.getByRole('tab', { name: 'Rapport du jour' }).click();
    const totals = gestion.getByRole('table', { name: 'Totaux du jour' });
    await expect(totals).toBeVisible();
    expect(centimes(await totals.getByRole('row', { name: /Total encaissé/ }).innerText())).toBe(aminaCollected + ownerCollected);
    await expect(totals.getByRole('row', { name: 'Cartes vendues' })).toContainText('3');
    const shifts = gestion.getByRole('table', { name: 'Caisses du jour' });
    const closedRow = shifts.getByRole('row', { name: /Caisse n° 1 — Patron/ });
    expect(centimes(await closedRow.getByRole('cell').first().innerText())).toBe(expected);
    expect(centimes(await closedRow.getByRole('cell').nth(1).innerText())).toBe(expected);
    await expect(shifts.getByRole('row', { name: /Caisse n° 2 — Patron/ })).toContainText('ouverte');
  });
});

test('a shift with a queued sale cannot be counted, and the till says which sale', async ({ till }) => {
  const { page } = till;
  await queueSaleOffline(till);
  await page.getByRole('button', { name: 'Nouvelle vente' }).click();

  await page.getByRole('button', { name: 'Caisse', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Caisse' });
  await dialog.getByRole('button', { name: 'Valider le comptage' }).click();
  await expect(dialog.getByText('Montant en dinars, 2 décimales au plus')).toBeVisible();
  await expect(dialog.getByLabel('Espèces comptées (DA)')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Espèces comptées (DA)').fill('0');
  await dialog.getByRole('button', { name: 'Valider le comptage' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Ventes en attente : n° 1');
  // Still at the count: nothing was shown of the expected cash, nothing closed.
  await expect(dialog).not.toContainText('Espèces attendues');
  await expect(dialog.getByRole('button', { name: 'Valider le comptage' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Fermer cette fenêtre' }).click();
  await expect(page.getByRole('banner')).toContainText('Ouverte à');
  await simOffline(till, false);
});
