import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ar, fr } from '../../renderer/src/i18n/strings';
import { expect, soldThroughTheContract, test, tillCall, type Till } from './fixtures';

/**
 * Issue 13, "Back-office traps", driven by role and label as the owner or a cashier would:
 * - closing the settings with unsaved changes asks; the settings come in parts, technical ones under "Avancé";
 * - Escape closes only the window on top (a sale's detail, not the whole back office);
 * - "Afficher le coût" is the owner's; a cashier's screen (and the core's answers to it) carry no cost;
 * - restore picks from the till's own backups, with "Annuler" beside "Oui, remplacer" and clear refusals.
 * Each runs in French and Arabic at 1024×768 (the settings at 800×1280 too); screenshots go to
 * .reports/screens/. Labels come from the till's dictionaries, so both languages read the same.
 */

const SCREENS = path.join(process.cwd(), '.reports', 'screens');
const DICTS = { fr, ar } as const;
type Lang = keyof typeof DICTS;
const fill = (s: string, vars: Record<string, string>) => s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => vars[k] ?? '');
const startsWith = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, name), fullPage: true });
}

/** Settings and the back office sit in the header, as buttons or (newer header) in its menu. */
async function openFromHeader(page: Page, item: string, menu: string): Promise<void> {
  const banner = page.getByRole('banner');
  const direct = banner.getByRole('button', { name: item, exact: true });
  if (await direct.count()) return direct.click();
  await banner.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: item, exact: true }).click();
}

async function inLanguage(till: Till, lang: Lang): Promise<void> {
  expect((await tillCall(till.url, 'settings:update', { language: lang })).ok).toBe(true);
  await till.page.reload();
  await expect(till.page.locator('html')).toHaveAttribute('lang', lang);
}

const menuName = (L: (typeof DICTS)[Lang]) => (L as unknown as { bar?: { menu?: string } }).bar?.menu ?? 'Menu';

for (const lang of Object.keys(DICTS) as Lang[]) {
  const L = DICTS[lang];
  const MENU = menuName(L);

  for (const size of [
    { width: 1024, height: 768 },
    { width: 800, height: 1280 },
  ]) {
    const tag = `${size.width}x${size.height}-${lang}`;
    test.describe(`settings ${tag}`, () => {
      test.use({ viewport: size });

      test(`closing with unsaved changes asks; technical fields are under Avancé (${tag})`, async ({ till }) => {
        const { page } = till;
        await inLanguage(till, lang);
        const before = (await tillCall(till.url, 'settings:get', {})).value.shop.name as string;
        await openFromHeader(page, L.header.settings, MENU);
        const settings = page.getByRole('dialog', { name: L.settings.title });
        const parts = settings.getByRole('tablist', { name: L.settingsNav.label });
        for (const part of Object.values(L.settingsNav.tab)) await expect(parts.getByRole('tab', { name: part })).toBeVisible();

        // The provider's request budget is not among the shop's details: it is under "Avancé".
        await expect(settings.getByLabel(L.settings.counter.apiRate)).toBeHidden();
        await parts.getByRole('tab', { name: L.settingsNav.tab.advanced }).click();
        await expect(settings.getByLabel(L.settings.counter.apiRate)).toBeVisible();
        await expect(settings.getByLabel(L.settings.counter.queueCap)).toBeVisible();

        // An error in a part that is not shown opens that part when saving.
        await settings.getByLabel(L.settings.counter.apiRate).fill('3');
        await parts.getByRole('tab', { name: L.settingsNav.tab.shop }).click();
        await settings.getByRole('button', { name: L.settings.save }).click();
        await expect(parts.getByRole('tab', { name: L.settingsNav.tab.advanced })).toHaveAttribute('aria-selected', 'true');
        await expect(settings.getByLabel(L.settings.counter.apiRate)).toHaveAttribute('aria-invalid', 'true');
        await settings.getByLabel(L.settings.counter.apiRate).fill('3000');

        await parts.getByRole('tab', { name: L.settingsNav.tab.shop }).click();
        const shopName = settings.getByLabel(L.settings.shop.name);
        await shopName.fill('Cyber Sétif');

        // The close button asks; "Continuer la modification" keeps everything typed.
        await settings.getByRole('button', { name: L.settings.close }).click();
        const ask = page.getByRole('dialog', { name: L.unsaved.title });
        await expect(ask).toBeVisible();
        await expect(ask.getByRole('button', { name: L.unsaved.keep })).toBeFocused();
        await screenshot(page, `settings-unsaved-${tag}.png`);
        await ask.getByRole('button', { name: L.unsaved.keep }).click();
        await expect(ask).toHaveCount(0);
        await expect(shopName).toHaveValue('Cyber Sétif');

        // Escape asks too; Escape on the question closes only the question.
        await shopName.press('Escape');
        await expect(ask).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(ask).toHaveCount(0);
        await expect(settings).toBeVisible();
        await expect(shopName).toHaveValue('Cyber Sétif');

        // A click on the backdrop does not close the settings (a stray touch at the counter).
        await page.mouse.click(3, size.height - 3);
        await expect(settings).toBeVisible();

        // "Quitter sans enregistrer" drops it: nothing was stored.
        await settings.getByRole('button', { name: L.settings.close }).click();
        await ask.getByRole('button', { name: L.unsaved.discard }).click();
        await expect(settings).toHaveCount(0);
        expect((await tillCall(till.url, 'settings:get', {})).value.shop.name).toBe(before);

        // "Enregistrer et fermer" stores it and closes.
        await openFromHeader(page, L.header.settings, MENU);
        await expect(shopName).toHaveValue(before);
        await shopName.fill('Cyber Sétif');
        await page.keyboard.press('Escape');
        await ask.getByRole('button', { name: L.unsaved.save }).click();
        await expect(settings).toHaveCount(0);
        await expect(page.getByRole('banner')).toContainText('Cyber Sétif');
        expect((await tillCall(till.url, 'settings:get', {})).value.shop.name).toBe('Cyber Sétif');

        // Nothing changed: closing does not ask.
        await openFromHeader(page, L.header.settings, MENU);
        await screenshot(page, `settings-parts-${tag}.png`);
        await page.keyboard.press('Escape');
        await expect(settings).toHaveCount(0);
      });
    });
  }

  const tag = `1024x768-${lang}`;
  test.describe(`back office ${tag}`, () => {
    test.use({ viewport: { width: 1024, height: 768 } });

    test(`one Escape in a sale's detail closes only the detail (${tag})`, async ({ till }) => {
      const { page } = till;
      const saleId = (await soldThroughTheContract(till)).id;
      await inLanguage(till, lang);
      await openFromHeader(page, L.header.backoffice, MENU);
      const bo = page.getByRole('dialog', { name: L.backoffice.title });
      await bo.getByRole('button', { name: fill(L.history.openLabel, { id: String(saleId) }) }).click();
      const detail = page.getByRole('dialog', { name: fill(L.detail.title, { id: String(saleId) }) });
      await expect(detail).toBeVisible();
      await screenshot(page, `backoffice-detail-${tag}.png`);

      await page.keyboard.press('Escape');
      await expect(detail).toHaveCount(0);
      await expect(bo).toBeVisible();
      await expect(bo.getByRole('tab', { name: L.backoffice.tab.history })).toBeVisible();

      // Again, with the focus inside the detail; then a second Escape closes the back office.
      await bo.getByRole('button', { name: fill(L.history.openLabel, { id: String(saleId) }) }).click();
      await detail.getByRole('button', { name: L.detail.close }).focus();
      await page.keyboard.press('Escape');
      await expect(detail).toHaveCount(0);
      await expect(bo).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(bo).toHaveCount(0);
    });

    test(`"Afficher le coût" is the owner's: a cashier sees no cost or margin (${tag})`, async ({ till }) => {
      const { page } = till;
      await inLanguage(till, lang);
      const costPrefix = L.denoms.cost.split('{{')[0]!.trim();
      const marginPrefix = L.denoms.margin.split('{{')[0]!.trim();

      // The owner may show them.
      await page.getByRole('button', { name: 'PlayStation Network', exact: true }).click();
      const toggle = page.getByRole('checkbox', { name: L.denoms.showCost });
      await toggle.check();
      const card = page.getByRole('button', { name: /^(\d\s*)?PSN 10 USD\b/ });
      await expect(card).toContainText(costPrefix);
      await expect(card).toContainText(marginPrefix);

      // A cashier signs in (the owner left the switch on): no switch, no cost, no margin.
      const amina = await tillCall(till.url, 'staff:add', { name: 'Amina', role: 'cashier', pin: '2468' });
      expect((await tillCall(till.url, 'session:login', { cashierId: amina.value.id, pin: '2468' })).ok).toBe(true);
      await page.reload();
      await page.getByRole('button', { name: 'PlayStation Network', exact: true }).click();
      await expect(card).toBeVisible();
      await expect(page.getByRole('checkbox', { name: L.denoms.showCost })).toHaveCount(0);
      await expect(page.getByText(costPrefix)).toHaveCount(0);
      await expect(page.getByText(marginPrefix)).toHaveCount(0);
      await screenshot(page, `cashier-no-cost-${tag}.png`);

      // A tampered page gets nothing more from the core: the answer carries no cost and no markup.
      const psn = (await tillCall(till.url, 'catalog:list', {})).value.products.find((p: { title: string }) => p.title === 'PlayStation Network');
      const detail = await tillCall(till.url, 'catalog:product', { productId: psn.id });
      expect(detail.value.markupBp).toBeNull();
      for (const d of detail.value.denominations as { costC: unknown }[]) expect(d.costC).toBeNull();
    });

    test(`restore picks a listed backup, can be cancelled, and says "file not found" (${tag})`, async ({ till }) => {
      const { page } = till;
      await inLanguage(till, lang);
      await openFromHeader(page, L.header.backoffice, MENU);
      const bo = page.getByRole('dialog', { name: L.backoffice.title });
      await bo.getByRole('tab', { name: L.backoffice.tab.backup }).click();
      // Where the backups go is said (the browser host has no save dialog): to copy on a USB stick.
      await expect(bo.getByText(L.backupPick.folder)).toContainText(path.join('backups'));
      await expect(bo.getByText(L.backupPick.none)).toBeVisible();
      await expect(bo.getByRole('textbox')).toHaveCount(0); // no path to type any more

      await bo.getByRole('button', { name: L.backup.create, exact: true }).click();
      await expect(bo.getByRole('status')).toContainText(L.backup.created);
      const table = bo.getByRole('table', { name: L.backupPick.table });
      await expect(table.getByRole('row')).toHaveCount(2);
      const first = (await table.getByRole('row').nth(1).getByRole('cell').first().innerText()).trim();
      expect(first).toMatch(/^till-backup-[0-9-]+\.sqlite$/);
      const restoreFirst = table.getByRole('button', { name: fill(L.backupPick.restoreLabel, { name: first }) });

      // "Annuler" sits beside "Oui, remplacer" and closes only the question.
      await restoreFirst.click();
      const confirm = page.getByRole('dialog', { name: L.backupPick.confirmTitle });
      await expect(confirm).toContainText(first);
      const cancel = confirm.getByRole('button', { name: L.backupPick.cancel });
      const yes = confirm.getByRole('button', { name: L.backup.restoreConfirm });
      await expect(cancel).toBeFocused();
      const [c, y] = [await cancel.boundingBox(), await yes.boundingBox()];
      expect(Math.abs(c!.y - y!.y)).toBeLessThan(4); // side by side
      await screenshot(page, `backup-confirm-${tag}.png`);
      await cancel.click();
      await expect(confirm).toHaveCount(0);
      await expect(bo).toBeVisible();
      // Escape cancels too, and only the question.
      await restoreFirst.click();
      await page.keyboard.press('Escape');
      await expect(confirm).toHaveCount(0);
      await expect(bo).toBeVisible();

      // The file went away (a USB stick pulled, a file deleted): a clear "not found", and the list follows.
      const listed = (await tillCall(till.url, 'backup:list', {})).value as { folder: string };
      fs.rmSync(path.join(listed.folder, first));
      await restoreFirst.click();
      await confirm.getByRole('button', { name: L.backup.restoreConfirm }).click();
      await expect(bo.getByRole('alert')).toContainText(L.backup.refused.BACKUP_NOT_FOUND);
      await expect(bo.getByRole('alert')).not.toContainText('INVALID_INPUT');
      await expect(restoreFirst).toHaveCount(0);
      await screenshot(page, `backup-not-found-${tag}.png`);

      // A listed backup restores (applied at the next start).
      await bo.getByRole('button', { name: L.backup.create, exact: true }).click();
      await expect(table.getByRole('row')).toHaveCount(2);
      await table.getByRole('button', { name: startsWith(L.backupPick.restoreLabel.split('{{')[0]!) }).click();
      await page.getByRole('dialog', { name: L.backupPick.confirmTitle }).getByRole('button', { name: L.backup.restoreConfirm }).click();
      await expect(bo.getByRole('status')).toContainText(fill(L.backup.restored, { n: '0' }));
    });
  });
}
