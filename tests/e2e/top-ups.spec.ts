import type { Page } from '@playwright/test';
import { expect, menuItem, simControl, test, type Till } from './fixtures';

/**
 * Flexy and internet recharges at the counter, driven as a cashier would (roles and names only),
 * in training mode against the simulator's /v3/mobile and /v3/internet.
 */

type SimTopup = { id: string; line: string; number: string; status: string; planCode?: string; amount?: number; cardCode?: string };

async function simTopups(till: Till): Promise<SimTopup[]> {
  return (await (await simControl(till.sim, 'GET', '/topups')).json()) as SimTopup[];
}

const READ_BACK = 'Relire avec le client';
const CONFIRM = 'Confirmer la recharge';

async function openLine(page: Page, tab: 'Flexy' | 'Internet') {
  await page.getByRole('tablist', { name: 'Ce que vend la caisse' }).getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

/** The number typed on the on-screen keypad, one touch per digit. */
async function tapNumber(page: Page, digits: string) {
  const pad = page.getByRole('group', { name: 'Pavé numérique' });
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
}

/** Number, operator, plan and amount on the flexy screen; then the read-back dialog, confirmed with Enter. */
async function sellFlexy(page: Page, o: { number: string; operator?: string; plan: RegExp; amount?: string }) {
  await openLine(page, 'Flexy');
  await page.getByLabel('Numéro du client').fill(o.number);
  if (o.operator) await page.getByRole('group', { name: 'Opérateur' }).getByRole('button', { name: o.operator, exact: true }).click();
  await page.getByRole('button', { name: o.plan }).click();
  if (o.amount) await page.getByLabel('Montant (DA)').fill(o.amount);
  await page.getByRole('button', { name: READ_BACK }).click();
  const dialog = page.getByRole('dialog', { name: CONFIRM });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
}

test('a flexy top-up typed on the keypad: Djezzy proposed from 07, read back grouped, topped up, receipt', async ({ till }) => {
  const { page } = till;
  await openLine(page, 'Flexy');
  await tapNumber(page, '0778037340');
  await expect(page.getByLabel('Numéro du client')).toHaveValue('0778037340');
  // The till proposes the operator of the prefix; the cashier confirms it by tapping it.
  const operators = page.getByRole('group', { name: 'Opérateur' });
  await expect(operators.getByRole('button', { name: 'Djezzy', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Djezzy proposé d’après le début du numéro', { exact: false })).toBeVisible();
  await operators.getByRole('button', { name: 'Djezzy', exact: true }).click();
  // Plans grouped by kind.
  await expect(page.getByRole('group', { name: 'Recharge' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Facture' })).toBeVisible();
  await page
    .getByRole('group', { name: 'Recharge' })
    .getByRole('button', { name: /PREPAID/ })
    .click();
  await expect(page.getByRole('button', { name: READ_BACK })).toBeDisabled();
  await expect(page.getByText(/Tapez le montant : entre 100\s?DA et 10\s?000\s?DA/)).toBeVisible();
  await page.getByRole('group', { name: 'Montants courants' }).getByRole('button', { name: /^500/ }).click();
  await expect(page.getByLabel('Montant (DA)')).toHaveValue('500');
  await page.getByRole('button', { name: READ_BACK }).click();

  const dialog = page.getByRole('dialog', { name: CONFIRM });
  await expect(dialog.getByText('0778 03 73 40')).toBeVisible();
  await expect(dialog).toContainText('Djezzy');
  await expect(dialog).toContainText('PREPAID');
  await expect(dialog.getByTestId('to-collect')).toHaveText(/^500\s?DA$/);
  await dialog.getByRole('button', { name: CONFIRM }).click();

  const progress = page.getByRole('status', { name: /Vente n° 1/ });
  await expect(progress).toContainText('Vente terminée', { timeout: 15_000 });
  await expect(page.getByText('0778 03 73 40').first()).toBeVisible();
  const receipt = page.getByTitle('Reçu').contentFrame();
  await expect(receipt.getByText('0778 03 73 40')).toBeVisible();
  await expect(receipt.getByText('Rechargé', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer le reçu', exact: true })).toBeEnabled();
  const sent = await simTopups(till);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ line: 'mobile-topups', number: '0778037340', planCode: 'PREPAID_DJEZZY', amount: 500 });

  // A new sale comes back to the flexy screen, empty.
  await page.getByRole('button', { name: 'Nouvelle vente', exact: true }).click();
  await expect(page.getByLabel('Numéro du client')).toHaveValue('');
  // The tray shows the number.
  await expect(page.getByRole('complementary', { name: 'Ventes en cours' }).getByText('0778 03 73 40')).toBeVisible();
});

test('a bill payment (FACTURE_DJEZZY) from a pasted +213 number', async ({ till }) => {
  const { page } = till;
  await sellFlexy(page, { number: '+213 778 03 73 40', plan: /FACTURE/, amount: '1500' });
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée', { timeout: 15_000 });
  expect((await simTopups(till))[0]).toMatchObject({ number: '0778037340', planCode: 'FACTURE_DJEZZY', amount: 1500 });
});

for (const line of [
  { type: 'ADSL', number: '036362608', grouped: '036 36 26 08', card: /ADSL 1000 DA/, offer: 'FTTc-b_10M' },
  { type: '4G', number: '213472731602', grouped: '213 472 73 16 02', card: /4G 1000 DA/, offer: null },
] as const) {
  test(`an internet ${line.type} recharge: line checked, card on the receipt`, async ({ till }) => {
    const { page } = till;
    await openLine(page, 'Internet');
    await page.getByRole('group', { name: 'Type de ligne' }).getByRole('button', { name: line.type, exact: true }).click();
    await page.getByLabel(`Numéro de la ligne ${line.type}`).fill(line.number);
    await page.getByRole('button', { name: line.card }).click();
    // Not before the provider has checked the line.
    await expect(page.getByRole('button', { name: READ_BACK })).toBeDisabled();
    await expect(page.getByText('Vérifiez la ligne auprès du fournisseur avant la vente.')).toBeVisible();
    await page.getByRole('button', { name: 'Vérifier la ligne' }).click();
    const checked = page.getByRole('status').filter({ hasText: 'Ligne vérifiée par le fournisseur' });
    await expect(checked).toBeVisible();
    if (line.offer) await expect(checked).toContainText(line.offer);
    await page.getByRole('button', { name: READ_BACK }).click();
    const dialog = page.getByRole('dialog', { name: CONFIRM });
    await expect(dialog.getByText(line.grouped)).toBeVisible();
    await dialog.getByRole('button', { name: CONFIRM }).click();

    await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée', { timeout: 15_000 });
    const sent = await simTopups(till);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.cardCode).toBeTruthy();
    const receipt = page.getByTitle('Reçu').contentFrame();
    await expect(receipt.getByText(sent[0]!.cardCode!, { exact: true })).toBeVisible();
  });
}

test('a refunded top-up (0600000001, a Djezzy plan): money to give back on the screen and the slip, the provider’s message', async ({ till }) => {
  const { page } = till;
  await sellFlexy(page, { number: '0600000001', operator: 'Djezzy', plan: /PREPAID/, amount: '500' });
  const progress = page.getByRole('status', { name: /Vente n° 1/ });
  await expect(progress).toContainText('Échec de la commande', { timeout: 15_000 });
  await expect(progress).toContainText(/rendez 500\s?DA au client/);
  await expect(progress.locator('[dir="rtl"]')).toContainText('تعذر');
  const receipt = page.getByTitle('Reçu').contentFrame();
  await expect(receipt.getByText(/Montant à rendre au client\s*:\s*500\s?DA/)).toBeVisible();
});

test('0600000002: the suggested offer is one tap to a new flexy sale with that plan and amount', async ({ till }) => {
  const { page } = till;
  await sellFlexy(page, { number: '0600000002', operator: 'Djezzy', plan: /PREPAID/, amount: '500' });
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Échec de la commande', { timeout: 15_000 });
  const offer = page.getByRole('button', { name: /^Nouvelle vente : .*FACTURE/ });
  await expect(offer).toBeVisible();
  await offer.click();
  // A new sale waits on the flexy screen: same number, the offered plan and amount; nothing sent yet.
  await expect(page.getByLabel('Numéro du client')).toHaveValue('0600000002');
  await expect(page.getByRole('group', { name: 'Facture' }).getByRole('button', { name: /FACTURE/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Montant (DA)')).toHaveValue('500');
  expect(await simTopups(till)).toHaveLength(1);
  await expect(page.getByRole('button', { name: READ_BACK })).toBeEnabled();
});

test('an UNKNOWN_ERROR top-up (0600000003) is "to verify" at the counter and in the owner’s exceptions', async ({ till }) => {
  const { page } = till;
  await sellFlexy(page, { number: '0600000003', operator: 'Mobilis', plan: /PREPAID/, amount: '500' });
  const progress = page.getByRole('status', { name: /Vente n° 1/ });
  await expect(progress).toContainText('Recharge à vérifier', { timeout: 15_000 });
  await expect(progress).toContainText('Ne remboursez pas et ne refaites pas la recharge');
  await page.getByRole('button', { name: 'Nouvelle vente', exact: true }).click();

  await menuItem(page, 'Gestion');
  const bo = page.getByRole('dialog', { name: 'Gestion' });
  await bo.getByRole('tab', { name: 'Anomalies' }).click();
  const row = bo.getByRole('row').filter({ hasText: '0600 00 00 03' });
  await expect(row).toContainText('Recharge à vérifier');
  await expect(row).toContainText('Au client');
  expect((await simTopups(till))[0]).toMatchObject({ status: 'UNKNOWN_ERROR' });
});

test('bad number, amount out of range, disabled plan: each said on screen, nothing sent', async ({ till }) => {
  const { page } = till;
  await openLine(page, 'Flexy');
  const number = page.getByLabel('Numéro du client');
  const next = page.getByRole('button', { name: READ_BACK });
  await expect(page.getByText('Tapez le numéro du client.')).toBeVisible();
  await number.fill('0778');
  await expect(page.getByText('Un numéro mobile a 10 chiffres')).toBeVisible();
  await number.fill('0878037340');
  await expect(page.getByText('Un numéro mobile commence par 05, 06 ou 07.')).toBeVisible();
  await expect(next).toBeDisabled();

  await number.fill('0778037340');
  await page.getByRole('button', { name: /PREPAID/ }).click();
  await page.getByLabel('Montant (DA)').fill('20000');
  await expect(page.getByText(/Montant hors limites : entre 100\s?DA et 10\s?000\s?DA/)).toBeVisible();
  await expect(next).toBeDisabled();
  await page.getByLabel('Montant (DA)').press('Enter');
  await expect(page.getByRole('dialog', { name: CONFIRM })).toHaveCount(0);

  // Ooredoo's MIX 1000, switched off by the provider: shown, marked, never sellable.
  await number.fill('0550123456');
  await expect(page.getByRole('group', { name: 'Opérateur' }).getByRole('button', { name: 'Ooredoo', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const mix = page.getByRole('button', { name: /MIX 1000/ });
  await expect(mix).toContainText('Désactivée par le fournisseur');
  await expect(mix).toHaveAttribute('aria-disabled', 'true');
  // aria-disabled (still focusable, so its reason is read): a tap on it says why instead of choosing it.
  await mix.click({ force: true });
  await expect(page.getByText('Cette offre est désactivée par le fournisseur : choisissez-en une autre.')).toBeVisible();
  await expect(next).toBeDisabled();

  expect(await simTopups(till)).toHaveLength(0);
});

test('an operator mismatch answered by the provider: a Djezzy plan to 0661234567 is refused with its reason', async ({ till }) => {
  const { page } = till;
  await openLine(page, 'Flexy');
  await page.getByLabel('Numéro du client').fill('0661234567');
  await page.getByRole('group', { name: 'Opérateur' }).getByRole('button', { name: 'Djezzy', exact: true }).click();
  // The till only questions it (numbers move between operators); the provider decides.
  await expect(page.getByText('Ce numéro commence comme un numéro Mobilis')).toBeVisible();
  await page.getByRole('button', { name: /PREPAID/ }).click();
  await page.getByLabel('Montant (DA)').fill('500');
  await page.getByRole('button', { name: READ_BACK }).click();
  await page.getByRole('dialog', { name: CONFIRM }).getByRole('button', { name: CONFIRM }).click();
  const progress = page.getByRole('status', { name: /Vente n° 1/ });
  await expect(progress).toContainText('Vente refusée', { timeout: 15_000 });
  await expect(progress).toContainText('Ce numéro appartient à un autre opérateur que l’offre choisie');
});

/**
 * The same counter against a server given by ONECLICKDZ_API_URL with a key from the environment
 * (SANDBOX, not training): a flexy top-up and an ADSL recharge go to that server, once each.
 */
test.describe('against ONECLICKDZ_API_URL with a key', () => {
  test.use({ apiKey: 'training-key' });

  test('a flexy top-up and an ADSL recharge are sold through the configured server', async ({ till }) => {
    const { page } = till;
    await page.reload();
    await expect(page.getByText('SANDBOX', { exact: true })).toBeVisible();
    await sellFlexy(page, { number: '0778037340', plan: /PREPAID/, amount: '500' });
    await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');
    // The header says the till's own service answers (the key did not break the page's connection).
    await expect(page.getByText('Service de caisse injoignable')).toHaveCount(0);
    await page.getByRole('button', { name: 'Nouvelle vente' }).click();

    await openLine(page, 'Internet');
    await page.getByRole('group', { name: 'Type de ligne' }).getByRole('button', { name: 'ADSL', exact: true }).click();
    await page.getByLabel('Numéro de la ligne ADSL').fill('036362608');
    await page.getByRole('button', { name: /ADSL 1000 DA/ }).click();
    await page.getByRole('button', { name: 'Vérifier la ligne' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Ligne vérifiée par le fournisseur' })).toBeVisible();
    await page.getByRole('button', { name: READ_BACK }).click();
    await page.getByRole('dialog', { name: CONFIRM }).getByRole('button', { name: CONFIRM }).click();
    await expect(page.getByRole('status', { name: /Vente n° 2/ })).toContainText('Vente terminée');

    const sent = await simTopups(till);
    expect(sent.map((t) => [t.line, t.number])).toEqual([
      ['mobile-topups', '0778037340'],
      ['internet', '036362608'],
    ]);
    await expect(page.getByTitle('Reçu').contentFrame().getByText(sent[1]!.cardCode!, { exact: true })).toBeVisible();
  });
});
