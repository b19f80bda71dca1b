import { expect, test, tillCall } from './fixtures';

/** The first start of a till: the owner creates their account, then the PIN screen guards the counter. */
test.use({ signedIn: false });

test('first start asks for the owner, then the PIN screen locks and unlocks the till', async ({ till }) => {
  const { page } = till;
  await expect(page.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();
  // Nothing of the counter shows before an owner exists.
  await expect(page.getByRole('grid', { name: 'Produits' })).toHaveCount(0);

  await page.getByLabel('Nom du propriétaire').fill('Karim');
  await page.getByLabel('Code PIN', { exact: true }).fill('1357');
  await page.getByLabel('Confirmer le code PIN').fill('1375');
  await page.getByRole('button', { name: 'Créer le compte et ouvrir la caisse' }).click();
  await expect(page.getByText('Les deux codes PIN ne sont pas identiques.')).toBeVisible();
  await page.getByLabel('Confirmer le code PIN').fill('1357');
  await page.getByRole('button', { name: 'Créer le compte et ouvrir la caisse' }).click();
  // No shift is open yet: the float comes first (issue 13).
  await expect(page.getByRole('heading', { name: 'Ouverture de la caisse' })).toBeVisible();
  await page.getByLabel('Fond de caisse (DA)').fill('0');
  await page.getByRole('button', { name: 'Ouvrir la caisse' }).click();

  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Propriétaire : Karim');
  await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Paramètres' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Lock: the PIN screen, with the cashiers to pick from.
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByRole('heading', { name: 'Caisse verrouillée' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Produits' })).toHaveCount(0);
  const pin = page.getByLabel('Code PIN', { exact: true });
  await expect(pin).toHaveAttribute('type', 'password');
  await expect(pin).toHaveAttribute('inputmode', 'numeric');
  await page.getByRole('group', { name: 'Caissiers' }).getByRole('button', { name: 'Karim' }).click();

  // A wrong PIN typed on the keypad says how many attempts are left.
  const keypad = page.getByRole('group', { name: 'Clavier du code PIN' });
  for (const d of ['9', '9', '9', '9']) await keypad.getByRole('button', { name: d, exact: true }).click();
  await expect(pin).toHaveValue('9999');
  await keypad.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('alert')).toContainText('Code PIN incorrect. Essais restants : 4.');
  await expect(page.getByRole('grid', { name: 'Produits' })).toHaveCount(0);

  // "Effacer" takes a digit back; the right PIN from the keyboard opens the counter again.
  await keypad.getByRole('button', { name: '1', exact: true }).click();
  await keypad.getByRole('button', { name: '2', exact: true }).click();
  await keypad.getByRole('button', { name: 'Effacer' }).click();
  await expect(pin).toHaveValue('1');
  await pin.fill('1357');
  await pin.press('Enter');
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Propriétaire : Karim');
});

test('signing out elsewhere (session:changed) brings the PIN screen back at once', async ({ till }) => {
  const { page } = till;
  await page.getByLabel('Nom du propriétaire').fill('Karim');
  await page.getByLabel('Code PIN', { exact: true }).fill('1357');
  await page.getByLabel('Confirmer le code PIN').fill('1357');
  await page.getByRole('button', { name: 'Créer le compte et ouvrir la caisse' }).click();
  await page.getByLabel('Fond de caisse (DA)').fill('0');
  await page.getByRole('button', { name: 'Ouvrir la caisse' }).click();
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();

  // The session belongs to the core: a logout from another window locks this screen too.
  await tillCall(till.url, 'session:logout', {});
  await expect(page.getByRole('heading', { name: 'Caisse verrouillée' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Produits' })).toHaveCount(0);
  // The only cashier is already picked: the PIN is enough.
  await page.getByLabel('Code PIN', { exact: true }).fill('1357');
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
});
