import path from 'node:path';
import { expect, menuItem, test, tillCall } from './fixtures';
import { expectOneRowHeader, expectTwoRowsAtMost, SCREENS_DIR } from './header-measure';
import { startPgServer, type PgServer } from '../unit/helpers/pg-server';

/**
 * Issue 12, "a till's screen shows which till it is and whether the shared ledger is reachable":
 * the owner saves the shop's server URL on this till, restarts it, names it, types the shop's passphrase
 * (this is the shop's first till, so the passphrase makes the shop key); the header says
 * "Caisse 2 · Registre partagé joignable", then "injoignable" once the server is stopped, and
 * joignable again when it is back, at a landscape and a portrait screen.
 */
let server: PgServer | null = null;
test.afterEach(async () => {
  await server?.dispose();
  server = null;
});

test('the header names the till and follows the shared ledger as its server stops and comes back', async ({ till }) => {
  test.setTimeout(120_000);
  server = await startPgServer();
  const { page } = till;
  await expect(page.getByTestId('till-status')).toHaveCount(0); // a till on its own says nothing more

  // The URL typed in the owner's settings (the password is only there to be hidden: the test server trusts local connections).
  const saved = await tillCall(till.url, 'till:setLedgerUrl', { url: `postgresql://postgres:e2e-secret@127.0.0.1:${server.port}/postgres` });
  expect(saved.ok).toBe(true);
  expect(JSON.stringify(saved)).not.toContain('e2e-secret');
  expect(saved.value.sharedLedger.restartNeeded).toBe(true);
  await till.restart();
  expect((await tillCall(till.url, 'till:rename', { name: 'Caisse 2' })).ok).toBe(true);

  // The first till of the shop waits for the shop's passphrase before it shares anything; the owner types it in the settings.
  const line = page.getByRole('status', { name: 'Caisse et registre partagé' });
  await expect(line).toHaveText('Caisse 2 · Registre partagé : phrase secrète de la boutique attendue', { timeout: 20_000 });
  await menuItem(page, 'Paramètres');
  const settings = page.getByRole('dialog', { name: 'Paramètres' });
  await settings.getByRole('tab', { name: 'Avancé' }).click();
  const tills = settings.getByRole('region', { name: 'Plusieurs caisses' });
  const join = tills.getByRole('button', { name: 'Relier cette caisse' });
  await tills.getByLabel('Phrase secrète de la boutique').fill('court');
  await expect(join).toBeDisabled(); // under 10 characters: not even sent
  await tills.getByLabel('Phrase secrète de la boutique').fill('la boutique du coin 2026');
  await tills.getByLabel('Phrase secrète de la boutique').press('Enter');
  await expect(tills).toContainText('Cette caisse tient la clé de la boutique');
  await expect(tills.getByLabel('Phrase secrète de la boutique')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(line).toHaveText('Caisse 2 · Registre partagé joignable', { timeout: 20_000 });
  for (const size of [
    { width: 1280, height: 800 },
    { width: 800, height: 1280 },
  ]) {
    await page.setViewportSize(size);
    await expect(line).toBeInViewport();
    if (size.width >= 1024) await expectOneRowHeader(page, `${size.width}×${size.height} with the till line`);
    else await expectTwoRowsAtMost(page, `${size.width}×${size.height} with the till line`);
    await page.screenshot({ path: path.join(SCREENS_DIR, `header-till-${size.width}x${size.height}.png`) });
  }

  // The owner's "Plusieurs caisses" section: the URL only redacted, a rename, a URL refused in words.
  await page.setViewportSize({ width: 1280, height: 800 });
  await menuItem(page, 'Paramètres');
  const dialog = page.getByRole('dialog', { name: 'Paramètres' });
  await dialog.getByRole('tab', { name: 'Avancé' }).click();
  const section = dialog.getByRole('region', { name: 'Plusieurs caisses' });
  await expect(section.getByLabel('Nom de cette caisse')).toHaveValue('Caisse 2');
  await expect(section).toContainText(`En service : postgresql://postgres:****@127.0.0.1:${server.port}/postgres`);
  await expect(section).not.toContainText('e2e-secret');
  await section.getByLabel('Nom de cette caisse').fill('Caisse Nord');
  await section.getByRole('button', { name: 'Renommer' }).click();
  await expect(line).toHaveText('Caisse Nord · Registre partagé joignable');
  await section.getByLabel('Adresse du registre partagé (serveur PostgreSQL)').fill('http://pos:pw@example.com/shop');
  await section.getByRole('button', { name: 'Enregistrer l’adresse' }).click();
  await expect(section.getByRole('alert')).toHaveText('L’adresse doit commencer par postgres:// ou postgresql://.');
  await dialog.getByRole('tab', { name: 'Ventes' }).click();
  // The markup is the shop's: its label says so.
  await expect(dialog.getByRole('tabpanel', { name: 'Ventes' }).getByText('Toute la boutique').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await server.stop();
  await expect(line).toContainText('Caisse Nord · Registre partagé injoignable', { timeout: 20_000 });
  await page.screenshot({ path: path.join(SCREENS_DIR, 'header-till-unreachable.png') });
  await server.start();
  await expect(line).toHaveText('Caisse Nord · Registre partagé joignable', { timeout: 30_000 });
});
