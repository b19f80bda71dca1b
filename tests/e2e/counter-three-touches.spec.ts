import type { Locator, Page } from '@playwright/test';
import { expect, simOrders, test, type Till } from './fixtures';

/**
 * A card sale in three touches, as on a PIN terminal: tile → card → "Confirmer la vente". The
 * quantity is changed on the confirmation (+ / − or typed), and the same works by keyboard.
 * Touches and keys are counted twice: by the test as it acts, and by the page as it receives
 * them (trusted pointerdown / keydown events), so a hidden extra step cannot pass unnoticed.
 */

test.use({ hasTouch: true });

const PRODUCT = 'PlayStation Network';
const CARD = /^PSN 10 USD\b/;

/** Starts counting, in the page, the pointer presses and key presses that really arrive. */
async function countInPage(page: Page): Promise<() => Promise<{ touches: number; keys: number }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __inputs: { touches: number; keys: number } };
    w.__inputs = { touches: 0, keys: 0 };
    window.addEventListener('pointerdown', (e) => void (e.isTrusted && w.__inputs.touches++), { capture: true });
    window.addEventListener('keydown', (e) => void (e.isTrusted && !e.repeat && w.__inputs.keys++), { capture: true });
  });
  return () => page.evaluate(() => (window as unknown as { __inputs: { touches: number; keys: number } }).__inputs);
}

/** The cashier's hands: every action goes through here and is counted. */
function cashier(page: Page) {
  const count = { touches: 0, keys: 0 };
  return {
    count,
    async tap(target: Locator) {
      await expect(target).toBeEnabled();
      await target.tap();
      count.touches++;
    },
    async press(key: string) {
      await page.keyboard.press(key);
      count.keys++;
    },
  };
}

async function grid(page: Page) {
  await expect(page.getByRole('grid', { name: 'Produits' })).toBeVisible();
  await expect(page.getByRole('button', { name: PRODUCT, exact: true })).toBeVisible();
}

const confirmDialog = (page: Page) => page.getByRole('dialog', { name: 'Confirmer la vente' });

/** From the grid, the first two touches: the product's tile, then the card. Counted from here. */
async function tapProductAndCard(page: Page) {
  await grid(page);
  const received = await countInPage(page);
  const hands = cashier(page);
  await hands.tap(page.getByRole('button', { name: PRODUCT, exact: true }));
  await hands.tap(page.getByRole('button', { name: CARD }));
  return { received, hands, dialog: confirmDialog(page) };
}

/** Sale n° 1 finished, and the provider received exactly one order of this many cards. */
async function soldOnce(till: Till, quantity: number) {
  await expect(till.page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');
  const orders = await simOrders(till);
  expect(orders).toHaveLength(1);
  expect(orders[0]!.quantity).toBe(quantity);
}

test('one card is sold in exactly three touches', async ({ till }) => {
  const { received, hands, dialog } = await tapProductAndCard(till.page);
  // The confirmation says what is sold, how many, and what to collect, before the third touch.
  await expect(dialog.getByText(PRODUCT, { exact: true })).toBeVisible();
  await expect(dialog.getByText('PSN 10 USD', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('spinbutton', { name: 'Quantité' })).toHaveValue('1');
  await expect(dialog.getByRole('button', { name: 'Diminuer la quantité' })).toBeDisabled();
  await expect(dialog.getByRole('button', { name: 'Augmenter la quantité' })).toBeEnabled();
  await expect(dialog.getByText('Prix unitaire')).toBeVisible();
  await expect(dialog.getByText('À encaisser')).toBeVisible();
  await hands.tap(dialog.getByRole('button', { name: 'Confirmer la vente' }));

  await soldOnce(till, 1);
  expect(hands.count).toEqual({ touches: 3, keys: 0 });
  expect(await received()).toEqual({ touches: 3, keys: 0 });
});

test('two cards: the quantity is raised with + on the confirmation, and the total follows', async ({ till }) => {
  const { received, hands, dialog } = await tapProductAndCard(till.page);
  const toCollect = dialog.getByTestId('to-collect');
  const one = (await toCollect.innerText()).trim();
  await hands.tap(dialog.getByRole('button', { name: 'Augmenter la quantité' }));
  await expect(dialog.getByRole('spinbutton', { name: 'Quantité' })).toHaveValue('2');
  await expect(toCollect).not.toHaveText(one);
  await hands.tap(dialog.getByRole('button', { name: 'Confirmer la vente' }));

  await soldOnce(till, 2);
  expect(hands.count.touches).toBe(4);
  expect((await received()).touches).toBe(4);
});

test('Enter right after a tap on + confirms the sale with 2 cards, not 3', async ({ till }) => {
  const { hands, dialog } = await tapProductAndCard(till.page);
  await hands.tap(dialog.getByRole('button', { name: 'Augmenter la quantité' }));
  await expect(dialog.getByRole('spinbutton', { name: 'Quantité' })).toHaveValue('2');
  await hands.press('Enter');

  await soldOnce(till, 2);
  await expect(till.page.getByRole('main').getByText(/PSN 10 USD × 2\b/)).toBeVisible();
});

test('the same by keyboard: three keys from the product, digits pick the card, + and Enter', async ({ till }) => {
  const { page } = till;
  await grid(page);
  const search = page.getByLabel('Rechercher un produit');
  await search.fill('playstation network');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: PRODUCT, exact: true })).toBeFocused();

  // One card: Enter on the product, Enter on the first card in stock, Enter to confirm.
  const received = await countInPage(page);
  const hands = cashier(page);
  await hands.press('Enter');
  await expect(page.getByRole('button', { name: CARD })).toBeFocused();
  await hands.press('Enter');
  const dialog = confirmDialog(page);
  await expect(dialog.getByRole('button', { name: 'Confirmer la vente' })).toBeFocused();
  await hands.press('Enter');
  await expect(page.getByRole('status', { name: /Vente n° 1/ })).toContainText('Vente terminée');
  expect(hands.count).toEqual({ touches: 0, keys: 3 });
  expect(await received()).toEqual({ touches: 0, keys: 3 });

  // Next customer: digit 2 picks the second card, + adds one, − and ArrowUp too, Enter confirms.
  await page.keyboard.press('Escape');
  await expect(search).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: CARD })).toBeFocused();
  await page.keyboard.press('5'); // PSN 100 USD is out of stock: the focus stays
  await expect(page.getByRole('button', { name: CARD })).toBeFocused();
  await page.keyboard.press('2');
  await expect(page.getByRole('button', { name: /^PSN 20 USD\b/ })).toBeFocused();
  await page.keyboard.press('Enter');
  const qty = dialog.getByRole('spinbutton', { name: 'Quantité' });
  await expect(qty).toHaveValue('1');
  await page.keyboard.press('+');
  await expect(qty).toHaveValue('2');
  await page.keyboard.press('ArrowUp');
  await expect(qty).toHaveValue('3');
  await page.keyboard.press('-');
  await expect(qty).toHaveValue('2');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByText(/PSN 20 USD × 2\b/)).toBeVisible();
  await expect(page.getByRole('status', { name: /Vente n° 2/ })).toContainText('Vente terminée');
  const orders = await simOrders(till);
  expect(orders.map((o) => o.quantity)).toEqual([1, 2]);
});
