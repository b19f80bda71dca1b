import { expect, sellOnScreen, test } from './fixtures';

/**
 * With ONECLICKDZ_API_URL pointing at a server that speaks the v3 protocol and ONECLICKDZ_API_KEY
 * set, the till leaves training mode and shows that server's catalogue and balance; the key
 * itself never reaches the page.
 */
const KEY = 'training-key';

test.describe('with an API key from the environment', () => {
  test.use({ apiKey: KEY });

  test('shows the provider catalogue and balance, labelled SANDBOX, and the page never sees the key', async ({ till }) => {
    const { page } = till;
    const bodies: string[] = [];
    page.on('response', async (res) => {
      const type = res.headers()['content-type'] ?? '';
      if (type.includes('json') || type.includes('event-stream') || type.includes('html')) bodies.push(await res.text().catch(() => ''));
    });
    await page.reload();
    await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'PlayStation Network', exact: true })).toBeVisible();
    await expect(page.getByText('SANDBOX', { exact: true })).toBeVisible();
    await expect(page.getByText('MODE FORMATION : les codes ne sont pas valables')).toHaveCount(0);
    // The simulator starts with a 50 000 DA balance.
    await expect(page.getByRole('banner')).toContainText(/50\s?000/);

    await sellOnScreen(page);
    await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');

    const everything = bodies.join('\n') + (await page.content());
    expect(everything).not.toContain(KEY);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain(KEY);
  });
});
