import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, simOrders, soldThroughTheContract, test, tillCall } from './fixtures';

/**
 * Issue 13, "a real cash count", as a cashier meets it, in French and Arabic, on a 1024×768 counter
 * and an 800×1280 portrait tablet:
 * 1. signing in on a till with no open shift asks for the float first; no sale without a shift;
 * 2. the count is blind: no expected figure until the counted one is sent;
 * 3. the difference is shown in words and amount, with a way back to recount, before confirming;
 * 4. the shift report names who counted.
 * A screenshot of each size and language goes to .reports/screens/.
 */

const SCREENS = path.join(process.cwd(), '.reports', 'screens');

const STRINGS = {
  fr: {
    openTitle: 'Ouverture de la caisse',
    float: 'Fond de caisse (DA)',
    open: 'Ouvrir la caisse',
    badAmount: 'Montant en dinars',
    shiftButton: 'Caisse',
    dialog: 'Caisse',
    expected: 'Espèces attendues',
    counted: 'Espèces comptées (DA)',
    count: 'Valider le comptage',
    countStep: 'Étape 1 sur 2 : comptez le tiroir',
    checkStep: 'Étape 2 sur 2 : vérifiez avant de fermer',
    shortfall: 'Manque',
    confirmClose: 'Confirmer la clôture',
    recount: 'Recompter',
    closed: 'Caisse fermée. Le rapport est enregistré.',
    report: 'Rapport de caisse',
    countedBy: 'Compté par Patron',
    dismiss: 'Fermer cette fenêtre',
    confirmSale: 'Confirmer la vente',
  },
  ar: {
    openTitle: 'فتح الصندوق',
    float: 'رصيد الافتتاح (دج)',
    open: 'فتح الصندوق',
    badAmount: 'مبلغ بالدينار',
    shiftButton: 'الصندوق',
    dialog: 'الصندوق',
    expected: 'النقد المتوقع',
    counted: 'النقد المعدود (دج)',
    count: 'تأكيد العد',
    countStep: 'الخطوة 1 من 2: عُدّ الدرج',
    checkStep: 'الخطوة 2 من 2: تحقّق قبل الإغلاق',
    shortfall: 'عجز',
    confirmClose: 'تأكيد الإغلاق',
    recount: 'إعادة العد',
    closed: 'أُغلق الصندوق. حُفظ التقرير.',
    report: 'تقرير الصندوق',
    countedBy: 'عدّه: Patron',
    dismiss: 'إغلاق هذه النافذة',
    confirmSale: 'تأكيد البيع',
  },
} as const;

type Lang = keyof typeof STRINGS;

/** As a cashier types it in a cash box: "5000" or "5000,50". */
function typed(c: number): string {
  return c % 100 === 0 ? String(c / 100) : `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, name), fullPage: true });
}

const SIZES = [
  { width: 1024, height: 768 },
  { width: 800, height: 1280 },
] as const;

for (const size of SIZES) {
  for (const lang of Object.keys(STRINGS) as Lang[]) {
    const L = STRINGS[lang];
    const tag = `${size.width}x${size.height}-${lang}`;
    test.describe(`cash count ${tag}`, () => {
      test.use({ viewport: { width: size.width, height: size.height }, openShift: false });

      test(`float first, blind count, difference confirmed, counter named (${tag})`, async ({ till }) => {
        const { page } = till;
        expect((await tillCall(till.url, 'settings:update', { language: lang })).ok).toBe(true);
        await page.reload();
        await expect(page.locator('html')).toHaveAttribute('lang', lang);

        // 1. Signed in, no open shift: the float comes before the counter.
        await expect(page.getByRole('heading', { name: L.openTitle })).toBeVisible();
        await expect(page.getByRole('grid')).toHaveCount(0);
        const float = page.getByLabel(L.float);
        await expect(float).toBeFocused();
        await expect(float).toHaveAttribute('inputmode', 'decimal');
        // No sale can be confirmed: the core refuses it and nothing reaches the provider.
        const refused = await tillCall(till.url, 'sales:confirm', { productId: 'x', typeId: 'y', quantity: 1, expectedUnitRetailC: 100 });
        expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
        await float.fill('5 000,5x');
        await page.getByRole('button', { name: L.open }).click();
        await expect(page.getByText(L.badAmount)).toBeVisible();
        await expect(float).toHaveAttribute('aria-invalid', 'true');
        await float.fill('5000');
        await screenshot(page, `cash-float-${tag}.png`);
        await page.getByRole('button', { name: L.open }).click();
        await expect(page.getByRole('grid')).toBeVisible();

        const sold = (await soldThroughTheContract(till)).totalRetailC;
        const expected = 500_000 + sold;
        const counted = expected - 66_500;

        // 2. Blind: the count step shows no expected figure.
        await page.getByRole('button', { name: L.shiftButton, exact: true }).click();
        const dialog = page.getByRole('dialog', { name: L.dialog });
        await expect(dialog.getByRole('heading', { name: L.countStep })).toBeVisible();
        await expect(dialog).not.toContainText(L.expected);
        await dialog.getByLabel(L.counted).fill(typed(counted));
        await dialog.getByRole('button', { name: L.count }).click();

        // 3. Counted, expected and the difference in words; recount goes back, blind again.
        await expect(dialog.getByRole('heading', { name: L.checkStep })).toBeVisible();
        await expect(dialog).toContainText(L.expected);
        const verdict = dialog.getByRole('status');
        await expect(verdict).toContainText(L.shortfall);
        await expect(verdict).toContainText(/665/);
        await screenshot(page, `cash-count-${tag}.png`);
        await dialog.getByRole('button', { name: L.recount }).click();
        await expect(dialog.getByRole('heading', { name: L.countStep })).toBeVisible();
        await expect(dialog.getByLabel(L.counted)).toHaveValue('');
        await expect(dialog).not.toContainText(L.expected);
        await dialog.getByLabel(L.counted).fill(typed(counted));
        await dialog.getByRole('button', { name: L.count }).click();
        await expect(dialog.getByRole('status')).toContainText(L.shortfall);
        // Nothing closed yet: the shift is still open until it is confirmed.
        expect((await tillCall(till.url, 'shift:current', {})).value).not.toBeNull();
        await dialog.getByRole('button', { name: L.confirmClose }).click();

        // 4. Closed; the report (screen and printed slip) names who counted.
        await expect(dialog.getByText(L.closed)).toBeVisible();
        await expect(dialog.getByText(L.countedBy, { exact: true })).toBeVisible();
        await expect(dialog.getByTitle(L.report).contentFrame().getByText(L.countedBy)).toBeVisible();
        await screenshot(page, `cash-report-${tag}.png`);
        await dialog.getByRole('button', { name: L.dismiss }).click();

        // The till has no shift again: the float screen, not the counter.
        await expect(page.getByRole('heading', { name: L.openTitle })).toBeVisible();
        await expect(page.getByRole('grid')).toHaveCount(0);
        expect(await simOrders(till)).toHaveLength(1);
      });
    });
  }
}

test.describe('a sale once the shift was closed elsewhere', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('is refused by the core, nothing is sent, and the till asks for a float', async ({ till }) => {
    const { page } = till;
    await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
    await page.getByRole('button', { name: 'PlayStation Network', exact: true }).click();
    await page.getByRole('button', { name: /^PSN 10 USD\b/ }).click();
    const confirm = page.getByRole('dialog', { name: STRINGS.fr.confirmSale });
    await expect(confirm).toBeVisible();
    // Another window counts and closes the shift while the sale waits for its confirmation.
    expect((await tillCall(till.url, 'shift:count', { countedCashC: 0 })).ok).toBe(true);
    expect((await tillCall(till.url, 'shift:close', { countedCashC: 0 })).ok).toBe(true);
    await confirm.getByRole('button', { name: STRINGS.fr.confirmSale }).click();
    await expect(page.getByRole('heading', { name: STRINGS.fr.openTitle })).toBeVisible();
    expect(await simOrders(till)).toHaveLength(0);
    expect((await tillCall(till.url, 'sales:list', {})).value).toEqual([]);
  });
});
