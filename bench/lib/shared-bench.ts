import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { CodeCipher } from '../../electron/core/ledger/code-cipher';
import { Ledger, type NewSale } from '../../electron/core/ledger/ledger';
import { giftCardLine } from '../../electron/core/product-lines/gift-cards/gift-card-line';

/** A local ledger in `dir` (the till's SQLite journal: WAL, synchronous=FULL), with a fresh data key. */
export function openLedger(dir: string, name = 'ledger.sqlite'): Ledger {
  return new Ledger(path.join(dir, name), new CodeCipher(randomBytes(32)));
}

/** A confirmed one-card gift-card sale, as confirm-sale.ts writes it. */
export function confirmedSale(keyId: string, i: number): NewSale {
  return {
    product_id: 'bench-product',
    product_title: 'PlayStation Network',
    type_id: 'bench-type',
    type_name: 'PSN 10 USD',
    quantity: 1,
    unit_cost_c: 280_000 + (i % 7),
    unit_retail_c: 300_000,
    cashier: 'bench',
    mode: 'sandbox',
    key_id: keyId,
    expires_at: null,
    line: giftCardLine.id,
  };
}

export const newTillId = (): string => randomUUID();
