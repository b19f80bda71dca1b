import { DEFAULT_SETTINGS } from '../../shared/domain';
import { expect, test } from './fixtures';

/**
 * 2,000 products: the grid renders only the rows in view and stays responsive. The core is
 * replaced by a fake preload bridge (the renderer prefers `window.tillBridge` when present), so
 * the catalog size does not depend on the simulator.
 */
test('the grid renders only the rows in view of 2,000 products, and filters them', async ({ till }) => {
  const { page } = till;
  // The shipped defaults, with a shop of its own name and no low-balance warning.
  const shopSettings = { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, name: 'Grande boutique', footer: '' }, lowBalanceThresholdC: 0 };
  await page.addInitScript((settings) => {
    const now = new Date().toISOString();
    const brands = ['PlayStation', 'Google Play', 'Free Fire', 'Netflix', 'Steam', 'Xbox', 'Spotify', 'PUBG'];
    const products = Array.from({ length: 2000 }, (_, i) => ({
      id: `p${i}`,
      title: `${brands[i % brands.length]} ${String(i).padStart(4, '0')}`,
      enabled: i % 13 !== 0,
      region: null,
      categoryId: `c${i % brands.length}`,
    }));
    const ok = (value: unknown) => Promise.resolve({ ok: true, value });
    const commands: Record<string, (input: Record<string, unknown>) => Promise<unknown>> = {
      'app:status': () =>
        ok({
          mode: 'production',
          keySource: 'saved',
          keyStorageEncrypted: true,
          account: { username: 'shop', keyType: 'PRODUCTION', scope: 'READ-WRITE' },
          connection: 'online',
          canSell: true,
          cannotSellReason: null,
          printing: 'native',
          version: 'test',
        }),
      'settings:get': () => ok(settings),
      'settings:update': (patch) => ok({ ...settings, ...patch }),
      'catalog:list': () => ok({ categories: brands.map((b, k) => ({ id: `c${k}`, title: b, productIds: [] })), products, fetchedAt: now, stale: true }),
      'account:balance': () => ok({ balanceC: 10_000_000, checkedAt: now, low: false }),
      'sales:list': () => ok([]),
      'catalog:product': (input) =>
        ok({
          productId: input.productId,
          title: String(input.productId),
          denominations: [{ typeId: 't1', name: 'Carte 1000 DA', costC: 95000, retailC: 100000, stock: 5 }],
          markupBp: 500,
          checkedAt: now,
          live: false,
        }),
    };
    (window as unknown as Record<string, unknown>).tillBridge = { commands, subscribe: () => () => {} };
  }, shopSettings);
  await page.reload();

  const grid = page.getByRole('grid', { name: 'Produits' });
  await expect(grid).toBeVisible();
  await expect(page.getByText('2 000 produits'.replace(' ', '\u202f'))).toBeVisible();
  // Production mode: no training banner.
  await expect(page.getByText('MODE FORMATION')).toHaveCount(0);

  // Only the rows in view (plus a few) are in the DOM.
  const rendered = await grid.getByRole('gridcell').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(120);

  // Keyboard End reaches the last product, which gets rendered and focused. Disabled products
  // come last: shown greyed (aria-disabled), not hidden.
  await page.getByRole('button', { name: 'Google Play 0001', exact: true }).focus();
  await page.keyboard.press('End');
  const last = page.getByRole('button', { name: 'Xbox 1989', exact: true });
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-disabled', 'true');
  expect(await grid.getByRole('gridcell').count()).toBeLessThan(120);
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: 'Google Play 0001', exact: true })).toBeFocused();

  // Typing filters the 2,000 titles down to the matching ones (how fast is the catalog-filter
  // benchmark's business): the 24 Netflix products whose number holds "19", and no other.
  const search = page.getByLabel('Rechercher un produit');
  await search.fill('netflix 19');
  await expect(page.getByRole('button', { name: 'Netflix 1995', exact: true })).toBeVisible();
  await expect(page.getByText('24 produits')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Netflix 0003', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Google Play 0001', exact: true })).toHaveCount(0);

  // Stale catalog and prices from the last check are said quietly.
  await expect(page.getByText(/pas encore actualisé/)).toBeVisible();
  await page.getByRole('button', { name: 'Netflix 1995', exact: true }).click();
  await expect(page.getByText(/du dernier contrôle/)).toBeVisible();
});
