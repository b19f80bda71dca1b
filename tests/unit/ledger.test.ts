import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeCipher, loadOrCreateDataKey } from '../../electron/core/ledger/code-cipher';
import { Ledger, StaleStateError, type NewSale } from '../../electron/core/ledger/ledger';
import { migrate, SCHEMA_VERSION } from '../../electron/core/ledger/migrations';
import { plainKeyProtector } from '../../electron/core/platform/file-secrets';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const sale: NewSale = {
  product_id: 'p1',
  product_title: 'PlayStation Network',
  type_id: 't1',
  type_name: 'PSN 10 USD',
  quantity: 2,
  unit_cost_c: 284325,
  unit_retail_c: 298600,
  cashier: 'Amina',
  mode: 'sandbox',
  key_id: 'k',
  expires_at: null,
};

describe('sales ledger', () => {
  it('writes a sale as QUEUED with a confirmed event, and moves it only from the expected state', () => {
    const l = new Ledger(path.join(tmp(), 'l.sqlite'), new CodeCipher(randomBytes(32)));
    const row = l.insertSale(sale);
    expect(row).toMatchObject({ state: 'QUEUED', quantity: 2, unit_retail_c: 298600 });
    l.transition(row.id, ['QUEUED'], 'SENDING', { sent_at: 1 }, 'sending');
    expect(() => l.transition(row.id, ['QUEUED'], 'CANCELLED', {}, 'cancelled')).toThrow(StaleStateError);
    expect(l.events(row.id).map((e) => e.kind)).toEqual(['confirmed', 'sending']);
    l.close();
  });

  it('stores codes encrypted at rest: the database file never holds a code in clear', () => {
    const dir = tmp();
    const file = path.join(dir, 'l.sqlite');
    const l = new Ledger(file, new CodeCipher(loadOrCreateDataKey(dir, plainKeyProtector)));
    const row = l.insertSale(sale);
    l.transition(row.id, ['QUEUED'], 'SENDING', {}, 'sending');
    l.transition(row.id, ['SENDING'], 'PLACED', { order_id: 'o1' }, 'placed');
    const cards = [
      { value: 'ZXCV-BNMQ-WERT-7788', serial: '5550001112' },
      { value: 'ASDF-GHJK-LQWE-9911', serial: '5550001113' },
    ];
    l.transition(row.id, ['PLACED'], 'FULFILLED', { delivered_quantity: 2 }, 'fulfilled', undefined, cards);
    expect(l.cards(row.id)).toEqual(cards);
    expect(l.maskedCards(row.id)[0]).toEqual({ index: 0, codeLast4: '7788', serialLast4: '1112' });
    l.close();
    const raw = Buffer.concat(
      fs
        .readdirSync(dir)
        .filter((f) => f.startsWith('l.sqlite'))
        .map((f) => fs.readFileSync(path.join(dir, f))),
    );
    expect(raw.includes('ZXCV-BNMQ-WERT')).toBe(false);
    expect(raw.includes('5550001112')).toBe(false);
    expect(fs.statSync(path.join(dir, 'keys', 'data-key.bin')).mode & 0o777).toBe(0o600);
    // Reopening with the same key file reads the codes back.
    const again = new Ledger(file, new CodeCipher(loadOrCreateDataKey(dir, plainKeyProtector)));
    expect(again.cards(row.id)[1]!.value).toBe('ASDF-GHJK-LQWE-9911');
    again.close();
  });

  it('refuses two sales owning the same provider order', () => {
    const l = new Ledger(':memory:', new CodeCipher(randomBytes(32)));
    const a = l.insertSale(sale);
    const b = l.insertSale(sale);
    l.transition(a.id, ['QUEUED'], 'PLACED', { order_id: 'same' }, 'placed');
    expect(() => l.transition(b.id, ['QUEUED'], 'PLACED', { order_id: 'same' }, 'placed')).toThrow();
    expect(l.get(b.id)!.state).toBe('QUEUED');
    expect(l.isKnownOrderId('same')).toBe(true);
  });

  it('migrates to the current schema and refuses a ledger from a newer version', () => {
    const file = path.join(tmp(), 'l.sqlite');
    new Ledger(file, new CodeCipher(randomBytes(32))).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new Ledger(file, new CodeCipher(randomBytes(32)))).toThrow(/newer version/);
  });

  it('opens a ledger written before product lines (schema 6) with every sale and code, as gift-card sales', () => {
    const file = path.join(tmp(), 'l.sqlite');
    const cipher = new CodeCipher(randomBytes(32));
    // The ledger exactly as the till left it before issue 10: six migrations, its own INSERTs.
    const old = new Database(file);
    migrate(old, 6);
    old
      .prepare(
        `INSERT INTO sales (state, product_id, product_title, type_id, type_name, quantity, unit_cost_c, unit_retail_c, cashier, mode, key_id,
         created_at, updated_at, order_id, delivered_quantity, fulfilled_amount_c, refund_handed_c)
       VALUES ('FULFILLED', 'p1', 'PlayStation Network', 't1', 'PSN 10 USD', 2, 284325, 298600, 'Amina', 'production', 'k', 1, 2, 'o-1', 2, 568650, 0)`,
      )
      .run();
    const card = old.prepare('INSERT INTO cards (sale_id, idx, code_enc, serial_enc, code_last4, serial_last4) VALUES (1, ?, ?, ?, ?, ?)');
    card.run(0, cipher.encrypt('CODE-AAAA-1111'), cipher.encrypt('SER-01'), '1111', 'R-01');
    card.run(1, cipher.encrypt('CODE-BBBB-2222'), cipher.encrypt('SER-02'), '2222', 'R-02');
    expect(old.pragma('user_version', { simple: true })).toBe(6);
    old.close();

    const l = new Ledger(file, cipher);
    const row = l.get(1)!;
    expect(row).toMatchObject({
      state: 'FULFILLED',
      order_id: 'o-1',
      quantity: 2,
      delivered_quantity: 2,
      fulfilled_amount_c: 568650,
      line: 'gift-cards',
      entry: null,
    });
    expect(l.cards(1)).toEqual([
      { value: 'CODE-AAAA-1111', serial: 'SER-01' },
      { value: 'CODE-BBBB-2222', serial: 'SER-02' },
    ]);
    expect(l.isKnownOrderId('o-1')).toBe(true);
    // New sales name their line; a sale written without one is a gift-card sale.
    expect(l.insertSale(sale).line).toBe('gift-cards');
    expect(l.insertSale({ ...sale, line: 'toy', entry: '{"phone":"0550000000"}' })).toMatchObject({ line: 'toy', entry: '{"phone":"0550000000"}' });
    l.close();
  });

  it('detects a tampered or foreign-key code blob instead of returning garbage', () => {
    const c = new CodeCipher(randomBytes(32));
    const blob = c.encrypt('CODE-1234');
    blob[blob.length - 1] = (blob[blob.length - 1] as number) ^ 1;
    expect(() => c.decrypt(blob)).toThrow();
    expect(() => new CodeCipher(randomBytes(32)).decrypt(c.encrypt('x'))).toThrow();
  });
});
