import { randomBytes } from 'node:crypto';

/**
 * The ref a sale is filed under at the provider (top-ups send it; oneclickdz-topups.md §1.4): made
 * once, before the first send, and sent unchanged on every resend, so that a resend after a lost
 * answer can never buy twice. URL-safe (letters and digits, one dash), short, unique in the ledger
 * (a unique index), and never guessable from another till's: time plus 40 random bits.
 */
export function newSaleRef(now: number, random: (bytes: number) => Buffer = randomBytes): string {
  return `pos-${now.toString(36)}${random(5).toString('hex')}`;
}
