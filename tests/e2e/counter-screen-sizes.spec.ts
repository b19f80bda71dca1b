import path from 'node:path';
import { expect, menuItem, queueSaleOffline, test, type Till } from './fixtures';
import { expectOneRowHeader, expectTwoRowsAtMost, SCREENS_DIR } from './header-measure';

/**
 * Issue 13, "the counter at the screen sizes shops have": at 1024×768 the header wrapped to two or
 * three rows, and at 1366×768 it grew from one row to two in the middle of the first sale. The
 * header must stay one row of at most 64 px in French and in Arabic (longer labels), before and
 * during a sale, and the product grid keeps most of the screen. Screenshots go to .reports/screens.
 */

const LANDSCAPE = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

const L = {
  fr: { menu: 'Menu', confirm: 'Confirmer la vente', sale: /Vente n° 1/, queued: 'En file d’attente (hors ligne)' },
  ar: { menu: 'القائمة', confirm: 'تأكيد البيع', sale: /عملية البيع رقم 1/, queued: 'في قائمة الانتظار (دون اتصال)' },
} as const;

type Lang = keyof typeof L;

/** A sale confirmed while the provider is unreachable: it stays on screen, queued, with the count in the header. */
async function startQueuedSale(till: Till, lang: Lang): Promise<void> {
  await queueSaleOffline(till, L[lang]);
}

for (const lang of ['fr', 'ar'] as const) {
  test(`the header is one row of at most 64 px at every shop screen size, before and during a sale (${lang})`, async ({ till }) => {
    const { page } = till;
    await expect(page.getByRole('grid', { name: lang === 'fr' ? 'Produits' : /.+/ })).toBeVisible();
    if (lang === 'ar') {
      await menuItem(page, 'العربية');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    }
    for (const size of LANDSCAPE) {
      await page.setViewportSize(size);
      await expect(page.getByRole('banner').getByRole('button', { name: L[lang].menu, exact: true })).toBeVisible();
      await expectOneRowHeader(page, `${size.width}×${size.height} ${lang}, grid`);
      // The grid had about half the screen; now it keeps well over half of it.
      const grid = await page.getByRole('grid').boundingBox();
      expect(grid!.height, `grid height at ${size.width}×${size.height}`).toBeGreaterThanOrEqual(size.height * 0.5);
      await page.screenshot({ path: path.join(SCREENS_DIR, `header-${size.width}x${size.height}-${lang}.png`) });
    }

    // Mid-sale: the progress screen, the connection lost, a sale in the queue.
    await startQueuedSale(till, lang);
    await expect(page.getByRole('banner')).toContainText(lang === 'fr' ? '1 vente en file d’attente' : 'عملية بيع واحدة في الانتظار');
    for (const size of LANDSCAPE) {
      await page.setViewportSize(size);
      await expectOneRowHeader(page, `${size.width}×${size.height} ${lang}, during a sale`);
      await page.screenshot({ path: path.join(SCREENS_DIR, `header-${size.width}x${size.height}-${lang}-sale.png`) });
    }
  });
}

test('the owner tools are one menu button: keyboard, Escape, and each tool opens', async ({ till }) => {
  const { page } = till;
  await page.setViewportSize({ width: 1024, height: 768 });
  const button = page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true });
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Menu' });
  await expect(menu).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  // The focus starts on the language in use, and the arrows walk the items, wrapping round.
  await expect(menu.getByRole('menuitemradio', { name: 'Français' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'Français' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'العربية' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Gestion' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Français' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Gestion' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Paramètres' })).toBeFocused();

  // Escape closes the menu only, and the focus goes back to its button.
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // Enter on an item runs it.
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Français' })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Gestion' })).toBeVisible();
  await page.getByRole('button', { name: 'Fermer la gestion' }).click();

  await menuItem(page, 'Paramètres');
  await expect(page.getByRole('dialog', { name: 'Paramètres' })).toBeVisible();
  await page.getByRole('button', { name: 'Fermer les paramètres' }).click();

  // A touch elsewhere closes it too; the catalogue refresh is an icon with a name.
  await button.click();
  await expect(menu).toBeVisible();
  await page.getByLabel('Rechercher un produit').click();
  await expect(menu).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Actualiser le catalogue' })).toBeVisible();
  await page.getByRole('button', { name: 'Actualiser le catalogue' }).click();
  await expect(page.getByRole('button', { name: 'PlayStation Network', exact: true })).toBeVisible();
});

test('on an 800 px tablet the pending sales open as a sheet from the header', async ({ till }) => {
  const { page } = till;
  await page.setViewportSize({ width: 800, height: 1280 });
  await expect(page.getByRole('button', { name: 'PlayStation Network', exact: true })).toBeVisible();
  // No room beside the products: no side panel, a header button instead.
  await expect(page.getByRole('complementary', { name: 'Ventes en cours' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Ventes en cours (0)' })).toBeVisible();

  await startQueuedSale(till, 'fr');
  await page.getByRole('button', { name: 'Nouvelle vente' }).click();
  const open = page.getByRole('button', { name: 'Ventes en cours (1)' });
  await expect(open).toBeVisible();
  await expectTwoRowsAtMost(page, '800×1280 fr, a sale queued');
  await page.screenshot({ path: path.join(SCREENS_DIR, 'header-800x1280-fr.png') });

  await open.click();
  const sheet = page.getByRole('dialog', { name: 'Ventes en cours' });
  await expect(sheet.getByText('Vente n° 1')).toBeVisible();
  await expect(sheet.getByText('En file d’attente (hors ligne)')).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Annuler la vente n° 1' })).toBeVisible();
  const close = sheet.getByRole('button', { name: 'Fermer les ventes en cours' });
  await expect(close).toBeFocused();
  // The focus stays in the sheet: Tab goes round its buttons, never to the page behind.
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await sheet.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body)).toBe(true);
  }
  await page.screenshot({ path: path.join(SCREENS_DIR, 'tray-sheet-800x1280-fr.png') });
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);

  // The close button, and a cancel from the sheet reaches the sale.
  await open.click();
  await sheet.getByRole('button', { name: 'Annuler la vente n° 1' }).click();
  await expect(sheet.getByText('Vente annulée')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ventes en cours (0)' })).toBeAttached();
  await close.click();
  await expect(sheet).toHaveCount(0);

  // Arabic at the same size: the button speaks Arabic and nothing in the bar is cut short.
  await menuItem(page, 'العربية');
  await expect(page.getByRole('button', { name: 'مبيعات جارية (0)' })).toBeVisible();
  await expectTwoRowsAtMost(page, '800×1280 ar');
  await page.screenshot({ path: path.join(SCREENS_DIR, 'header-800x1280-ar.png') });
});
