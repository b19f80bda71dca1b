import type { Page } from '@playwright/test';
import { expect, simOffline, test } from './fixtures';

/**
 * Two cashiers, two shifts, one day: the owner adds Amina, each sells and closes their shift, and
 * the day report adds up. Amounts are read from the screen and compared as integer centimes.
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
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
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

/** Opens "Caisse", types the counted cash, closes; returns the dialog (with the report frame). */
async function closeShift(page: Page, countedC: number) {
  await page.getByRole('button', { name: 'Caisse', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Caisse' });
  await dialog.getByLabel('Espèces comptées (DA)').fill(typed(countedC));
  await dialog.getByRole('button', { name: 'Fermer la caisse' }).click();
  await expect(dialog.getByText('Caisse fermée. Le rapport est enregistré.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Imprimer le rapport' })).toBeVisible();
  return dialog;
}

async function expectedCashShown(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Caisse', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Caisse' });
  const text = await dialog.innerText();
  await dialog.getByRole('button', { name: 'Fermer cette fenêtre' }).click();
  return centimes(/Espèces attendues\s*([^\n]+)/.exec(text)![1]!);
}

test('two cashiers, two shifts: each shift report and the day report add up', async ({ till }) => {
  test.setTimeout(120_000);
  const { page } = till;
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();

  // The owner adds Amina.
  await page.getByRole('button', { name: 'Gestion' }).click();
  const bo = page.getByRole('dialog', { name: 'Gestion' });
  await bo.getByRole('tablist', { name: 'Rubriques de gestion' }).getByRole('tab', { name: 'Caissiers' }).click();
  await bo.getByLabel('Nom', { exact: true }).fill('Amina');
  await expect(bo.getByLabel('Rôle')).toHaveValue('cashier');
  await bo.getByLabel('Code PIN', { exact: true }).fill('2468');
  await bo.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(bo.getByText('Caissier Amina ajouté.')).toBeVisible();
  await expect(bo.getByRole('table', { name: 'Liste des caissiers' }).getByRole('row', { name: /Amina/ })).toContainText('Caissier');
  await bo.getByRole('button', { name: 'Fermer la gestion' }).click();
  await lock(page);

  // Amina: opens her shift with 5 000 DA and sells one card. Cashiers get no settings.
  await signIn(page, 'Amina', '2468');
  await expect(page.getByRole('banner')).toContainText('Caissier : Amina');
  await expect(page.getByRole('banner')).toContainText('Caisse fermée');
  await expect(page.getByRole('button', { name: 'Paramètres' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Caisse', exact: true }).click();
  const shift = page.getByRole('dialog', { name: 'Caisse' });
  await shift.getByLabel('Fond de caisse (DA)').fill('5 000');
  await shift.getByRole('button', { name: 'Ouvrir la caisse' }).click();
  await expect(shift.getByText(/Caisse ouverte à .* par Amina/)).toBeVisible();
  await shift.getByRole('button', { name: 'Fermer cette fenêtre' }).click();
  await expect(page.getByRole('banner')).toContainText('Caisse ouverte depuis');
  const aminaCollected = await sellPsn10(page, 1);
  // Cashiers see only their history in "Gestion".
  await page.getByRole('button', { name: 'Gestion' }).click();
  await expect(page.getByRole('dialog', { name: 'Gestion' }).getByRole('tab')).toHaveCount(1);
  await page.getByRole('button', { name: 'Fermer la gestion' }).click();
  await lock(page);

  // The owner sells two cards (the first sale opens the owner's shift by itself).
  await signIn(page, 'Patron', '1234');
  const ownerCollected = await sellPsn10(page, 2);
  const ownerExpected = await expectedCashShown(page);
  expect(ownerExpected).toBe(ownerCollected);
  const ownerClose = await closeShift(page, ownerExpected);
  const ownerReport = ownerClose.getByTitle('Rapport de caisse').contentFrame();
  await expect(ownerReport.getByText(/Rapport de caisse n° \d+ — Patron/)).toBeVisible();
  expect(centimes(await ownerReport.getByRole('row', { name: /Espèces attendues/ }).innerText())).toBe(ownerCollected);
  await ownerClose.getByRole('button', { name: 'Fermer cette fenêtre' }).click();
  await lock(page);

  // Amina closes hers with exactly the cash expected: 5 000 DA + her sale.
  await signIn(page, 'Amina', '2468');
  const aminaExpected = await expectedCashShown(page);
  expect(aminaExpected).toBe(5_000_00 + aminaCollected);
  const aminaClose = await closeShift(page, aminaExpected);
  const aminaReport = aminaClose.getByTitle('Rapport de caisse').contentFrame();
  await expect(aminaReport.getByText(/Rapport de caisse n° \d+ — Amina/)).toBeVisible();
  expect(centimes(await aminaReport.getByRole('row', { name: /Espèces attendues/ }).innerText())).toBe(aminaExpected);
  expect(centimes(await aminaReport.getByRole('row', { name: /Espèces comptées/ }).innerText())).toBe(aminaExpected);
  expect(centimes(await aminaReport.getByRole('row', { name: /Écart/ }).innerText())).toBe(0);
  await aminaClose.getByRole('button', { name: 'Fermer cette fenêtre' }).click();
  await expect(page.getByRole('banner')).toContainText('Caisse fermée');
  await lock(page);

  // The day report: the three cards' retail prices, and both shifts with their expected cash.
  await signIn(page, 'Patron', '1234');
  await page.getByRole('button', { name: 'Gestion' }).click();
  const gestion = page.getByRole('dialog', { name: 'Gestion' });
  await gestion.getByRole('tab', { name: 'Rapport du jour' }).click();
  const totals = gestion.getByRole('table', { name: 'Totaux du jour' });
  await expect(totals).toBeVisible();
  expect(centimes(await totals.getByRole('row', { name: /Total encaissé/ }).innerText())).toBe(aminaCollected + ownerCollected);
  await expect(totals.getByRole('row', { name: 'Cartes vendues' })).toContainText('3');
  const shifts = gestion.getByRole('table', { name: 'Caisses du jour' });
  const aminaRow = shifts.getByRole('row', { name: /Amina/ });
  const ownerRow = shifts.getByRole('row', { name: /Patron/ });
  expect(centimes((await aminaRow.getByRole('cell').first().innerText()))).toBe(aminaExpected);
  expect(centimes((await ownerRow.getByRole('cell').first().innerText()))).toBe(ownerExpected);
  const cash = gestion.getByRole('table', { name: 'Espèces' });
  expect(centimes(await cash.getByRole('row', { name: /Espèces attendues/ }).innerText())).toBe(aminaExpected + ownerExpected);
  expect(centimes(await cash.getByRole('row', { name: /Espèces comptées/ }).innerText())).toBe(aminaExpected + ownerExpected);
});

test('a shift with a queued sale cannot close, and the till says which sale', async ({ till }) => {
  const { page } = till;
  await page.getByRole('button', { name: 'PlayStation Network', exact: true }).click();
  await expect(page.getByRole('button', { name: /^PSN 10 USD\b/ })).toBeEnabled();
  await simOffline(till, true);
  await page.getByRole('button', { name: /^PSN 10 USD\b/ }).click();
  await page.getByRole('dialog', { name: 'Confirmer la vente' }).getByRole('button', { name: 'Confirmer la vente' }).click();
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('En file d’attente (hors ligne)', { timeout: 15_000 });
  await page.getByRole('button', { name: 'Nouvelle vente' }).click();

  await page.getByRole('button', { name: 'Caisse', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Caisse' });
  await dialog.getByRole('button', { name: 'Fermer la caisse' }).click();
  await expect(dialog.getByText('Montant en dinars, 2 décimales au plus')).toBeVisible();
  await expect(dialog.getByLabel('Espèces comptées (DA)')).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByLabel('Espèces comptées (DA)').fill('0');
  await dialog.getByRole('button', { name: 'Fermer la caisse' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Ventes en attente : n° 1');
  await expect(dialog.getByRole('button', { name: 'Fermer la caisse' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Fermer cette fenêtre' }).click();
  await expect(page.getByRole('banner')).toContainText('Caisse ouverte depuis');
  await simOffline(till, false);
});
