import fs from 'node:fs';

/**
 * POS_SHOP_PASSPHRASE_FILE: a file whose first line is the shop passphrase, read by both hosts at
 * start so that a till can join the shop (shop-key.ts). Needed once: the till then keeps the shop
 * key itself, and the file can be deleted. A file, not a variable's value, so that the passphrase
 * is not in the process's environment for its lifetime.
 */
export function readShopPassphraseFile(env: NodeJS.ProcessEnv): string | null {
  const file = env.POS_SHOP_PASSPHRASE_FILE?.trim();
  if (!file) return null;
  try {
    return fs.readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? null;
  } catch {
    throw new Error('POS_SHOP_PASSPHRASE_FILE cannot be read');
  }
}
