import type { ReceiptSale, ReceiptText } from '../product-line';
import { topUpRows } from '../top-up-kit/top-up-receipt';

/** A mobile top-up's part of the slip: number, amount, refs, status; nothing secret (the credit lands on the line). */
export async function mobileSection(sale: ReceiptSale, x: ReceiptText): Promise<string> {
  return topUpRows(sale, x);
}
