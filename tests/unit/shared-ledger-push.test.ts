import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { CodeCipher } from '../../electron/core/ledger/code-cipher';
import { Ledger } from '../../electron/core/ledger/ledger';
import { LedgerJournal } from '../../electron/core/shared-ledger/ledger-journal';
import { LedgerPusher } from '../../electron/core/shared-ledger/ledger-pusher';
import { CARD_COLUMNS, EVENT_COLUMNS, SALE_COLUMNS, SHIFT_COLUMNS } from '../../electron/core/shared-ledger/mirror-tables';
import { createSharedPool } from '../../electron/core/shared-ledger/pool';
import { migrateSharedSchema } from '../../electron/core/shared-ledger/schema';
import { tillIdentity } from '../../electron/core/shared-ledger/till-identity';
import { registerTill } from '../../electron/core/shared-ledger/tills';
import { pgServersDisposedAfterEach, type PgServer } from './helpers/pg-server';
import { pollUntil } from './helpers/pg-processes';
import { psnOffer, startHarness, waitForSale, type Harness } from './helpers/core-harness';

/**
 * A till's ledger pushed to the shop's PostgreSQL server (issue 12): every change noted by the
 * SQLite triggers in the same transaction, pushed in order, exactly once, across an unreachable
 * server and a replayed push; against a real server.
 */
const startServer = pgServersDisposedAfterEach();
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const cipher = new CodeCipher(Buffer.alloc(32, 7));

function localLedger(): Ledger {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-push-'));
  const ledger = new Ledger(path.join(dir, 'ledger.sqlite'), cipher);
  cleanup.push(() => {
    ledger.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return ledger;
}

function pool(server: PgServer): pg.Pool {
  const p = createSharedPool({ url: server.url, connectTimeoutMs: 1_000 });
  cleanup.push(() => p.end().catch(() => undefined));
  return p;
}

const newSale = {
  product_id: 'p1',
  product_title: 'PSN',
  type_id: 't1',
  type_name: '10 USD',
  quantity: 1,
  unit_cost_c: 100,
  unit_retail_c: 150,
  cashier: 'Amina',
  mode: 'training',
  key_id: 'k',
  expires_at: null,
} as const;

async function joined(server: PgServer, ledger: Ledger) {
  const p = pool(server);
  await migrateSharedSchema(p);
  const till = tillIdentity(ledger);
  await registerTill(p, { tillId: till.id, name: till.name });
  const journal = new LedgerJournal(ledger);
  journal.enable();
  return { p, till, journal, pusher: new LedgerPusher({ journal, pool: p, tillId: till.id }) };
}

describe('the shared schema and the pusher agree', () => {
  it('every local column the pusher copies exists in the shared table', async () => {
    const server = await startServer();
    const p = pool(server);
    await migrateSharedSchema(p);
    for (const [table, columns] of [
      ['shop_sales', SALE_COLUMNS],
      ['shop_sale_events', EVENT_COLUMNS],
      ['shop_cards', CARD_COLUMNS],
      ['shop_shifts', SHIFT_COLUMNS],
    ] as const) {
      const r = await p.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [table]);
      const shared = new Set(r.rows.map((x) => x.column_name));
      expect(
        columns.filter((c) => !shared.has(c)),
        table,
      ).toEqual([]);
    }
  });
});

describe('the ledger pusher', () => {
  it('pushes every change once and in order, and a replayed push changes nothing', async () => {
    const server = await startServer();
    const ledger = localLedger();
    const { p, till, journal, pusher } = await joined(server, ledger);
    const sale = ledger.insertSale(newSale);
    ledger.transition(sale.id, ['QUEUED'], 'SENDING', { sent_at: 5 }, 'sending');
    ledger.transition(sale.id, ['SENDING'], 'PLACED', { order_id: 'ord-1' }, 'placed', 'ord-1');
    ledger.transition(sale.id, ['PLACED'], 'FULFILLED', { delivered_quantity: 1, fulfilled_amount_c: 100 }, 'fulfilled', undefined, [
      { value: 'CODE-SECRET-1', serial: 'S1' },
    ]);
    expect(journal.pending()).toBeGreaterThan(0);

    // A crash after the server committed but before the outbox was cleared: pushed twice.
    const batch = journal.nextBatch(500)!;
    const first = await pusher.pushNext();
    for (const e of [
      ['sales', sale.id],
      ['sale_events', 1],
      ['cards', sale.id],
    ] as const)
      ledger.write('INSERT INTO outbox (tbl, row_id) VALUES (@t, @r)', { t: e[0], r: e[1] });
    const replay = await pusher.drain();
    expect(first).not.toBe('unreachable');
    expect(replay).not.toBe('unreachable');
    expect(journal.pending()).toBe(0);
    expect(batch.sales).toHaveLength(1);

    const sales = await p.query('SELECT * FROM shop_sales WHERE till_id = $1', [till.id]);
    expect(sales.rows).toHaveLength(1);
    expect(sales.rows[0]).toMatchObject({ id: sale.id, state: 'FULFILLED', order_id: 'ord-1', unit_retail_c: 150 });
    const events = await p.query('SELECT kind FROM shop_sale_events WHERE till_id = $1 ORDER BY id', [till.id]);
    expect(events.rows.map((r) => r.kind)).toEqual(ledger.events(sale.id).map((e) => e.kind));
    const cards = await p.query('SELECT code_enc FROM shop_cards WHERE till_id = $1', [till.id]);
    expect(cards.rows).toHaveLength(1);
    // The code travels sealed, and opens with the shop's key.
    expect((cards.rows[0].code_enc as Buffer).includes(Buffer.from('CODE-SECRET-1'))).toBe(false);
    expect(cipher.decrypt(cards.rows[0].code_enc as Buffer)).toBe('CODE-SECRET-1');
    const owner = await p.query('SELECT till_id, sale_id FROM order_owners WHERE order_id = $1', ['ord-1']);
    expect(owner.rows).toEqual([{ till_id: till.id, sale_id: sale.id }]);
  });

  it('an older snapshot pushed late never overwrites a newer one', async () => {
    const server = await startServer();
    const ledger = localLedger();
    const { p, till, journal, pusher } = await joined(server, ledger);
    const sale = ledger.insertSale(newSale);
    const old = journal.nextBatch(500)!;
    ledger.transition(sale.id, ['QUEUED'], 'REJECTED', { reason_code: 'OUT_OF_STOCK' }, 'rejected');
    await pusher.drain();
    // The old snapshot (QUEUED, a lower version) arrives after the new one.
    ledger.write("INSERT INTO outbox (tbl, row_id) VALUES ('sales', @id)", { id: sale.id });
    const late = new LedgerPusher({
      journal: { ...journal, nextBatch: () => old, clear: () => undefined } as unknown as LedgerJournal,
      pool: p,
      tillId: till.id,
    });
    await late.pushNext();
    const row = await p.query('SELECT state FROM shop_sales WHERE till_id = $1 AND id = $2', [till.id, sale.id]);
    expect(row.rows[0].state).toBe('REJECTED');
  });

  it('keeps every change while the server is away, then pushes them in order when it is back', async () => {
    const server = await startServer();
    const ledger = localLedger();
    const { p, till, journal, pusher } = await joined(server, ledger);
    await server.stop();
    const ids = [1, 2, 3].map(() => ledger.insertSale(newSale).id);
    expect(await pusher.pushNext()).toBe('unreachable');
    expect(journal.pending()).toBe(6); // 3 sales and their 3 "confirmed" events
    await server.start();
    await pollUntil(async () => (await pusher.drain()) !== 'unreachable', 'the server back', 10_000);
    const rows = await p.query('SELECT id FROM shop_sales WHERE till_id = $1 ORDER BY id', [till.id]);
    expect(rows.rows.map((r) => r.id)).toEqual(ids);
    expect(journal.pending()).toBe(0);
  });

  it('reports a sale whose order another sale of the shop already owns, and does not move the owner', async () => {
    const server = await startServer();
    const ledger = localLedger();
    const { p, pusher } = await joined(server, ledger);
    const other = '00000000-0000-4000-8000-0000000000aa';
    await registerTill(p, { tillId: other, name: 'Caisse 2' });
    await p.query("INSERT INTO order_owners (order_id, till_id, sale_id, line) VALUES ('ord-9', $1, 4, 'gift-cards')", [other]);
    const sale = ledger.insertSale(newSale);
    ledger.transition(sale.id, ['QUEUED'], 'PLACED', { order_id: 'ord-9' }, 'placed');
    const r = await pusher.drain();
    expect(r).toEqual({ pushed: expect.any(Number), conflicts: [{ orderId: 'ord-9', saleId: sale.id }] });
    expect((await p.query("SELECT till_id FROM order_owners WHERE order_id = 'ord-9'")).rows[0].till_id).toBe(other);
  });

  it('a found order the till gave back leaves the shared copy too, claim included', async () => {
    const server = await startServer();
    const ledger = localLedger();
    const { p, till, pusher } = await joined(server, ledger);
    const found = ledger.insertFound({ ...newSale, state: 'FULFILLED', order_id: 'ord-found', delivered_quantity: 1, fulfilled_amount_c: 100, created_at: 1 }, [
      { value: 'FOUND-CODE', serial: 'S' },
    ]);
    await pusher.drain();
    expect((await p.query('SELECT 1 FROM shop_sales WHERE till_id = $1 AND id = $2', [till.id, found.id])).rowCount).toBe(1);
    ledger.forgetFound(found.id);
    await pusher.drain();
    for (const [table, key] of [
      ['shop_sales', 'id'],
      ['shop_sale_events', 'sale_id'],
      ['shop_cards', 'sale_id'],
      ['order_owners', 'sale_id'],
    ]) {
      expect((await p.query(`SELECT 1 FROM ${table} WHERE till_id = $1 AND ${key} = $2`, [till.id, found.id])).rowCount, table).toBe(0);
    }
  });

  it('a one-counter till notes nothing: its outbox stays empty', () => {
    const ledger = localLedger();
    ledger.insertSale(newSale);
    expect(new LedgerJournal(ledger).pending()).toBe(0);
  });
});

describe('a till joined to the shared ledger', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('pushes the shift it opened before the server was reachable, and its header says so', async () => {
    const server = await startServer();
    await server.stop();
    h = await startHarness({ sharedLedgerUrl: server.url });
    const before = await h.h['app:status']({});
    expect(before.till.shared).not.toBe('reachable');
    await server.start();
    await pollUntil(
      async () => {
        const { till } = await h!.h['app:status']({});
        return till.shared === 'reachable' && till.unpushed === 0;
      },
      'the shared ledger reachable and nothing left to push',
      15_000,
    );
    const status = await h.h['app:status']({});
    const p = pool(server);
    const rows = await p.query('SELECT count(*)::int AS n FROM shop_shifts WHERE till_id = $1', [status.till.id]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('sells under the sender lock: the order is claimed for its sale and the sale is in the shop copy', async () => {
    const server = await startServer();
    h = await startHarness({ sharedLedgerUrl: server.url });
    await pollUntil(async () => (await h!.h['app:status']({})).till.shared === 'reachable', 'the shared ledger reachable', 15_000);
    const offer = await psnOffer(h.h);
    const sale = await h.h['sales:confirm']({ productId: offer.productId, typeId: offer.typeId, quantity: 1, expectedUnitRetailC: offer.unitRetailC });
    const done = await waitForSale(h.h, sale.id, (s) => s.state === 'FULFILLED');
    const { id: tillId } = (await h.h['app:status']({})).till;
    const p = pool(server);
    await pollUntil(
      async () => (await p.query("SELECT 1 FROM shop_sales WHERE till_id = $1 AND id = $2 AND state = 'FULFILLED'", [tillId, sale.id])).rowCount === 1,
      'the sale pushed',
      10_000,
    );
    const owner = await p.query('SELECT till_id, sale_id FROM order_owners WHERE order_id = $1', [done.orderId]);
    expect(owner.rows).toEqual([{ till_id: tillId, sale_id: sale.id }]);
    // Sale numbers are per counter: the slip names the counter.
    const { html } = await h.h['sales:receipt']({ saleId: sale.id });
    expect(html).toContain((await h.h['app:status']({})).till.name);
  });
});
