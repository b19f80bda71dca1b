import { expect, menuItem, simOrders, test } from './fixtures';

test('the same sale in Arabic renders right-to-left', async ({ till }) => {
  const { page } = till;
  await expect(page.getByRole('button', { name: 'PlayStation Network', exact: true })).toBeVisible();
  await menuItem(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByText('وضع التدريب: الرموز غير صالحة')).toBeVisible();

  await page.getByRole('button', { name: 'PlayStation Network', exact: true }).click();
  await page.getByRole('button', { name: /^PSN 10 USD\b/ }).click();
  const dialog = page.getByRole('dialog', { name: 'تأكيد البيع' });
  await dialog.getByRole('button', { name: 'زيادة الكمية' }).click();
  await expect(dialog.getByRole('spinbutton', { name: 'الكمية' })).toHaveValue('2');
  await expect(dialog.getByText('المبلغ المطلوب تحصيله')).toBeVisible();
  await dialog.getByRole('button', { name: 'تأكيد البيع' }).click();

  await expect(page.getByRole('status', { name: /عملية البيع رقم 1/ })).toContainText('تمت عملية البيع');
  const orders = await simOrders(till);
  expect(orders).toHaveLength(1);
  const receipt = page.getByTitle('الوصل').contentFrame();
  for (const c of orders[0]!.cards) await expect(receipt.getByText(c.value, { exact: true })).toBeVisible();

  // The choice survives a reload (it is a setting, not page state).
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await menuItem(page, 'Français', 'القائمة');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});
