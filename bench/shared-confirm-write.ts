/**
 * shared-confirm-write: what a confirmed sale costs to commit in the shop's PostgreSQL server, over
 * loopback, with fsync ON (a durable commit, as a shop's server runs): its row and its 'confirmed'
 * event, in the one transaction the ledger pusher writes for it (LedgerPusher's own write). Printed
 * beside the one-till confirm write in the same run: Ledger.insertSale in SQLite (synchronous=FULL).
 * Also the sender lock's own price for a send, uncontended: take the lease, give it back.
 */
import fs from 'node:fs';
import { LedgerJournal, type JournalBatch } from '../electron/core/shared-ledger/ledger-journal';
import { LedgerPusher, type PushResult } from '../electron/core/shared-ledger/ledger-pusher';
import { createSharedPool } from '../electron/core/shared-ledger/pool';
import { migrateSharedSchema } from '../electron/core/shared-ledger/schema';
import { takeSenderLease } from '../electron/core/shared-ledger/sender-lease';
import { registerTill } from '../electron/core/shared-ledger/tills';
import { startPgServer } from '../tests/unit/helpers/pg-server';
import { confirmedSale, newTillId, openLedger } from './lib/shared-bench';
import { tempDir } from './lib/core';
import { runBench, timedMetric } from './lib/report';
import { median } from './lib/stats';

const SALES = 500;
const WARM_UP = 30;
const LOCK_ROUNDS = 300;
const KEY_ID = 'bench-key-fingerprint';

/** The pusher's one-transaction write of a batch (private: the bench times exactly the commit, not the local outbox around it). */
type Writer = { write(batch: JournalBatch): Promise<PushResult> };

runBench('shared-confirm-write', async (r) => {
  const server = await startPgServer({ fsync: true });
  const dir = tempDir('shared-confirm-write');
  const pool = createSharedPool({ url: server.url, max: 2 });
  try {
    const tillId = newTillId();
    await migrateSharedSchema(pool);
    if ((await registerTill(pool, { tillId, name: 'Bench till' })) !== 'registered') throw new Error('server unreachable');

    // The shared till: its local ledger notes every change in the outbox; each sale's batch is pushed alone.
    const ledger = openLedger(dir, 'shared.sqlite');
    const journal = new LedgerJournal(ledger);
    journal.enable();
    const pusher = new LedgerPusher({ journal, pool, tillId });
    const writer = pusher as unknown as Writer;
    const pgMs: number[] = [];
    for (let i = 0; i < WARM_UP + SALES; i++) {
      ledger.insertSale(confirmedSale(KEY_ID, i));
      const batch = journal.nextBatch(500)!;
      if (batch.sales.length !== 1 || batch.events.length !== 1)
        throw new Error(`expected one sale and its event, got ${batch.sales.length}/${batch.events.length}`);
      const t0 = performance.now();
      const result = await writer.write(batch);
      const ms = performance.now() - t0;
      if (result === 'unreachable') throw new Error('server unreachable');
      journal.clear(batch.upToSeq);
      if (i >= WARM_UP) pgMs.push(ms);
    }
    const pushed = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM shop_sales WHERE till_id = $1', [tillId]);
    if (pushed.rows[0]!.n !== WARM_UP + SALES) throw new Error(`shop_sales has ${pushed.rows[0]!.n} rows`);
    ledger.close();

    // The one-till shop: the same confirm write, in SQLite only.
    const alone = openLedger(dir, 'alone.sqlite');
    const sqliteMs: number[] = [];
    for (let i = 0; i < WARM_UP + SALES; i++) {
      const t0 = performance.now();
      alone.insertSale(confirmedSale(KEY_ID, i));
      if (i >= WARM_UP) sqliteMs.push(performance.now() - t0);
    }
    alone.close();

    // The floor: one tiny autocommit insert, i.e. one round trip and one WAL flush on this disk.
    await pool.query('CREATE TABLE bench_floor (n int)');
    const floorMs: number[] = [];
    for (let i = 0; i < WARM_UP + SALES; i++) {
      const t0 = performance.now();
      await pool.query('INSERT INTO bench_floor VALUES ($1)', [i]);
      if (i >= WARM_UP) floorMs.push(performance.now() - t0);
    }

    const lockMs: number[] = [];
    for (let i = 0; i < LOCK_ROUNDS; i++) {
      const t0 = performance.now();
      const taken = await takeSenderLease(pool, KEY_ID, { maxWaitMs: 2_000 });
      if (taken.outcome !== 'held') throw new Error(`lock ${taken.outcome}`);
      await taken.lease.release();
      lockMs.push(performance.now() - t0);
    }

    r.add(
      timedMetric('PostgreSQL commit of a confirmed sale (row + event, fsync on, loopback)', pgMs, {
        p95Max: 10,
        reference: { name: 'SQLite insertSale (FULL)', median: median(sqliteMs) },
      }),
    );
    r.add(timedMetric('one-till SQLite confirm write (insertSale, synchronous=FULL)', sqliteMs));
    r.add(timedMetric('PostgreSQL floor: one-row autocommit insert (fsync on)', floorMs));
    r.add(timedMetric('sender lock take + release, uncontended (loopback)', lockMs));
    r.note(
      `${SALES} sales each way after ${WARM_UP} warm-up; the PostgreSQL figure is LedgerPusher's one statement per sale (shop_sales + shop_sale_events + tills.pushed_version, data-modifying CTEs: one round trip, one commit), ` +
        'timed around its commit only; the till confirms on SQLite first and pushes after, so the cashier never waits on it.',
    );
  } finally {
    await pool.end().catch(() => undefined);
    await server.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
