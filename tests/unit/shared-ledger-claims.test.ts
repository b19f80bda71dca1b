import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { LOCK_NAMESPACE, senderLockKey } from '../../electron/core/shared-ledger/advisory-locks';
import { OrderClaims, type ClaimResult } from '../../electron/core/shared-ledger/order-claims';
import { createSharedPool, isUnreachable } from '../../electron/core/shared-ledger/pool';
import { migrateSharedSchema, SHARED_MIGRATIONS } from '../../electron/core/shared-ledger/schema';
import { withSenderLock } from '../../electron/core/shared-ledger/sender-lock';
import { registerTill } from '../../electron/core/shared-ledger/tills';
import { pgServersDisposedAfterEach, type PgServer } from './helpers/pg-server';
import { pollUntil } from './helpers/pg-processes';

/**
 * The shared ledger's two correctness rules (issue 12) against a real PostgreSQL server, each till
 * with its own pool as separate tills would have: one owner per provider order, decided by a
 * primary key; one sender per API key, an advisory lock that dies with its connection.
 */
const startServer = pgServersDisposedAfterEach();

const pools: pg.Pool[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all(pools.splice(0).map((p) => p.end().catch(() => undefined)));
});

/** A till's pool: short connect time so an unreachable server is told quickly. */
function tillPool(server: PgServer): pg.Pool {
  const pool = createSharedPool({ url: server.url, connectTimeoutMs: 2_000 });
  pools.push(pool);
  return pool;
}

async function migratedServerWithTills(n: number): Promise<{ server: PgServer; tills: { id: string; pool: pg.Pool; claims: OrderClaims }[] }> {
  const server = await startServer();
  const tills = Array.from({ length: n }, () => ({ id: randomUUID(), pool: tillPool(server) }));
  await migrateSharedSchema(tills[0]!.pool);
  for (const [i, t] of tills.entries()) expect(await registerTill(t.pool, { tillId: t.id, name: `Till ${i + 1}` })).toBe('registered');
  return { server, tills: tills.map((t) => ({ ...t, claims: new OrderClaims(t.pool) })) };
}

describe('the shared schema', () => {
  it('is applied once, whether migrated twice or by two tills starting at once', async () => {
    const server = await startServer();
    const [a, b] = [tillPool(server), tillPool(server)];
    const [ra, rb] = await Promise.all([migrateSharedSchema(a), migrateSharedSchema(b)]);
    expect([...ra.applied, ...rb.applied]).toEqual(SHARED_MIGRATIONS.map((_, i) => i + 1));
    expect([ra.version, rb.version]).toEqual([SHARED_MIGRATIONS.length, SHARED_MIGRATIONS.length]);

    expect(await migrateSharedSchema(a)).toEqual({ applied: [], version: SHARED_MIGRATIONS.length });
    const versions = await a.query('SELECT version FROM shared_schema_migrations ORDER BY version');
    expect(versions.rows.map((r) => r.version)).toEqual(SHARED_MIGRATIONS.map((_, i) => i + 1));
  });

  it('applies only what was appended, and a failing migration leaves the previous version whole', async () => {
    const server = await startServer();
    const pool = tillPool(server);
    await migrateSharedSchema(pool);
    const n = SHARED_MIGRATIONS.length;

    const failing = [...SHARED_MIGRATIONS, 'CREATE TABLE half_done (x int); SELECT 1 / 0'];
    await expect(migrateSharedSchema(pool, failing)).rejects.toThrow(/division by zero/);
    expect((await pool.query("SELECT to_regclass('half_done') AS t")).rows[0].t).toBeNull();

    const appended = [...SHARED_MIGRATIONS, 'CREATE TABLE appended (x int)'];
    expect(await migrateSharedSchema(pool, appended)).toEqual({ applied: [n + 1], version: n + 1 });
  });
});

describe('order claims', () => {
  it('give each order to exactly one of two tills claiming it at once; the other sees the owner', async () => {
    const { tills } = await migratedServerWithTills(2);
    const [a, b] = tills as [(typeof tills)[0], (typeof tills)[0]];
    // Many orders, so the two inserts really meet on the same key while one is uncommitted.
    for (let i = 1; i <= 30; i++) {
      const orderId = `ord-${i}`;
      const results = await Promise.all([
        a.claims.claimOrder({ orderId, tillId: a.id, saleId: i, line: 'gift-cards' }),
        b.claims.claimOrder({ orderId, tillId: b.id, saleId: 100 + i, line: 'flexy' }),
      ]);
      const winners = results.filter((r) => r === 'claimed');
      expect(winners).toHaveLength(1);
      const winner = results[0] === 'claimed' ? a : b;
      const loser: ClaimResult | undefined = results.find((r) => r !== 'claimed');
      expect(loser).toEqual(winner === a ? { ownedBy: a.id, saleId: i, line: 'gift-cards' } : { ownedBy: b.id, saleId: 100 + i, line: 'flexy' });
    }
    const owners = await a.pool.query('SELECT count(*)::int AS n FROM order_owners');
    expect(owners.rows[0].n).toBe(30);
  });

  it('tells a retry it is already the owner, and another sale of the same till that it is not', async () => {
    const { tills } = await migratedServerWithTills(1);
    const a = tills[0]!;
    const claim = { orderId: 'ord-x', tillId: a.id, saleId: 7, line: 'gift-cards' };
    expect(await a.claims.claimOrder(claim)).toBe('claimed');
    expect(await a.claims.claimOrder(claim)).toBe('already-ours');
    expect(await a.claims.claimOrder({ ...claim, saleId: 8 })).toEqual({ ownedBy: a.id, saleId: 7, line: 'gift-cards' });
    // A till must be registered first: a claim names a till the shop knows (a bug, so it throws).
    await expect(a.claims.claimOrder({ ...claim, orderId: 'ord-y', tillId: randomUUID() })).rejects.toMatchObject({ code: '23503' });
  });

  it('answers which of a list of orders any till owns (recovery\'s "is known")', async () => {
    const { tills } = await migratedServerWithTills(2);
    const [a, b] = tills as [(typeof tills)[0], (typeof tills)[0]];
    await a.claims.claimOrder({ orderId: 'ord-a', tillId: a.id, saleId: 1, line: 'gift-cards' });
    await b.claims.claimOrder({ orderId: 'ord-b', tillId: b.id, saleId: 1, line: 'internet' });
    const owned = await b.claims.ownedByAnyTill(['ord-a', 'ord-b', 'ord-free']);
    expect(owned).toEqual(
      new Map([
        ['ord-a', { tillId: a.id, saleId: 1, line: 'gift-cards' }],
        ['ord-b', { tillId: b.id, saleId: 1, line: 'internet' }],
      ]),
    );
    expect(await b.claims.ownedByAnyTill([])).toEqual(new Map());
  });

  it('survive a server restart and a crash, through the same pools', async () => {
    const { server, tills } = await migratedServerWithTills(2);
    const [a, b] = tills as [(typeof tills)[0], (typeof tills)[0]];
    expect(await a.claims.claimOrder({ orderId: 'ord-1', tillId: a.id, saleId: 1, line: 'gift-cards' })).toBe('claimed');
    await server.restart();
    expect(await b.claims.claimOrder({ orderId: 'ord-1', tillId: b.id, saleId: 5, line: 'gift-cards' })).toEqual({
      ownedBy: a.id,
      saleId: 1,
      line: 'gift-cards',
    });
    expect(await a.claims.claimOrder({ orderId: 'ord-2', tillId: a.id, saleId: 2, line: 'gift-cards' })).toBe('claimed');
    await server.kill();
    await server.start();
    const owned = await b.claims.ownedByAnyTill(['ord-1', 'ord-2']);
    expect(owned instanceof Map ? [...owned.keys()].sort() : owned).toEqual(['ord-1', 'ord-2']);
  });

  it("say 'unreachable' while the server is down, never 'not owned', and work again once it is back", async () => {
    const { server, tills } = await migratedServerWithTills(1);
    const a = tills[0]!;
    await a.claims.claimOrder({ orderId: 'ord-1', tillId: a.id, saleId: 1, line: 'gift-cards' });
    await server.stop();

    expect(await a.claims.claimOrder({ orderId: 'ord-2', tillId: a.id, saleId: 2, line: 'gift-cards' })).toBe('unreachable');
    expect(await a.claims.ownedByAnyTill(['ord-1'])).toBe('unreachable');
    expect(await registerTill(a.pool, { tillId: a.id, name: 'Till 1' })).toBe('unreachable');
    let ran = false;
    expect(await withSenderLock(a.pool, 'key-1', async () => (ran = true))).toEqual({ outcome: 'unreachable' });
    expect(ran).toBe(false);

    await server.start();
    expect(await a.claims.claimOrder({ orderId: 'ord-2', tillId: a.id, saleId: 2, line: 'gift-cards' })).toBe('claimed');
  });

  it('refuse a malformed claim before asking the server', async () => {
    const pool = createSharedPool({ url: 'postgresql://postgres@127.0.0.1:1/none' });
    pools.push(pool);
    const claims = new OrderClaims(pool);
    const good = { orderId: 'ord-1', tillId: randomUUID(), saleId: 1, line: 'gift-cards' };
    await expect(claims.claimOrder({ ...good, orderId: '' })).rejects.toThrow(TypeError);
    await expect(claims.claimOrder({ ...good, tillId: 'till-1' })).rejects.toThrow(TypeError);
    await expect(claims.claimOrder({ ...good, saleId: 0 })).rejects.toThrow(TypeError);
    await expect(claims.ownedByAnyTill([''])).rejects.toThrow(TypeError);
  });
});

describe("the till's pool", () => {
  it('asks the server to probe a silent till and to end a transaction it left open, so a vanished till holds no lock for hours', async () => {
    const server = await startServer();
    const pool = createSharedPool({ url: server.url, connectTimeoutMs: 2_000, idleInTransactionMs: 300 });
    pools.push(pool);
    const shown = await pool.query<{ idle: string; interval: string; count: string }>(
      "SELECT current_setting('tcp_keepalives_idle') AS idle, current_setting('tcp_keepalives_interval') AS interval, current_setting('tcp_keepalives_count') AS count",
    );
    expect(shown.rows[0]).toEqual({ idle: '15', interval: '5', count: '3' });

    // A transaction left open and silent, holding a transaction lock (as a migration does).
    const client = await pool.connect();
    client.on('error', () => undefined);
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(424242, 0)');
    const other = tillPool(server);
    // The server ends that session on its own: the lock is free for another till.
    await other.query("SET lock_timeout = '10s'");
    await other.query('SELECT pg_advisory_lock(424242, 0)');
    const after = await client.query('SELECT 1').catch((e: Error) => e);
    expect(after).toBeInstanceOf(Error);
    expect(isUnreachable(after)).toBe(true);
    client.release(after as Error);
  });
});

describe('the sender lock', () => {
  /** Until the server shows a session waiting for (not granted) the sender lock of `keyId`. */
  async function someoneWaitsFor(observer: pg.Pool, keyId: string): Promise<void> {
    const waiting = async () =>
      (
        await observer.query(
          "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = $1 AND objid = $2 AND objsubid = 2",
          [LOCK_NAMESPACE.sender, senderLockKey(keyId) >>> 0], // oids are unsigned
        )
      ).rowCount === 1;
    await pollUntil(waiting, `a till waits for the sender lock of ${keyId}`, 10_000);
  }

  const heldSenderLocks = async (observer: pg.Pool) =>
    (await observer.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1", [LOCK_NAMESPACE.sender])).rows[0]
      .n as number;

  it("makes a second till wait until the first one's send has ended, and records the wait", async () => {
    const server = await startServer();
    const [a, b, observer] = [tillPool(server), tillPool(server), tillPool(server)];
    const events: string[] = [];
    const waits: number[] = [];
    let endA!: () => void;
    let aHolds!: () => void;
    const aHolding = new Promise<void>((r) => (aHolds = r));

    const first = withSenderLock(a, 'key-1', async () => {
      events.push('a starts');
      aHolds();
      await new Promise<void>((r) => (endA = r));
      events.push('a ends');
      return 'a';
    });
    await aHolding;
    const second = withSenderLock(
      b,
      'key-1',
      async () => {
        events.push('b starts');
        return 'b';
      },
      { onWait: (ms) => waits.push(ms) },
    );
    await someoneWaitsFor(observer, 'key-1');
    const seenWaitingAt = performance.now();
    // Another key is not held up by key-1's sender.
    expect(await withSenderLock(observer, 'key-2', async () => 'other key')).toMatchObject({ outcome: 'ran', value: 'other key' });
    expect(events).toEqual(['a starts']);

    const releasedAt = performance.now();
    endA();
    expect(await first).toMatchObject({ outcome: 'ran', value: 'a' });
    const b2 = await second;
    expect(b2).toMatchObject({ outcome: 'ran', value: 'b' });
    expect(events).toEqual(['a starts', 'a ends', 'b starts']);
    const waited = b2.outcome === 'ran' ? b2.waitedMs : -1;
    expect(waited).toBeGreaterThanOrEqual(releasedAt - seenWaitingAt);
    expect(waits).toEqual([waited]);
    expect(await heldSenderLocks(observer)).toBe(0);
  });

  it("is released when fn throws, and fn's error passes through unchanged", async () => {
    const server = await startServer();
    const [a, b] = [tillPool(server), tillPool(server)];
    const providerDown = Object.assign(new Error('provider refused'), { code: 'ECONNREFUSED' });
    await expect(
      withSenderLock(a, 'key-1', async () => {
        throw providerDown;
      }),
    ).rejects.toBe(providerDown);
    expect(await heldSenderLocks(b)).toBe(0);
    expect(await withSenderLock(b, 'key-1', async () => 'next')).toMatchObject({ outcome: 'ran', value: 'next' });
  });

  it("gives up after maxWaitMs without running fn ('timed-out')", async () => {
    const server = await startServer();
    const [a, b] = [tillPool(server), tillPool(server)];
    let endA!: () => void;
    let aHolds!: () => void;
    const aHolding = new Promise<void>((r) => (aHolds = r));
    const first = withSenderLock(a, 'key-1', () => {
      aHolds();
      return new Promise<void>((r) => (endA = r));
    });
    await aHolding;
    let ran = false;
    const second = await withSenderLock(b, 'key-1', async () => (ran = true), { maxWaitMs: 200 });
    expect(second.outcome).toBe('timed-out');
    expect(second.outcome === 'timed-out' && second.waitedMs).toBeGreaterThanOrEqual(200);
    expect(ran).toBe(false);
    endA();
    await first;
    // b's connection went back to the pool without a lock_timeout left on it.
    expect((await b.query('SHOW lock_timeout')).rows[0].lock_timeout).toBe('0');
  });

  it('passes to a waiting till when the till holding it is killed (SIGKILL) mid-send', async () => {
    const server = await startServer();
    const [waiterPool, observer] = [tillPool(server), tillPool(server)];
    const holder = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/helpers/sender-lock-holder.ts', server.url, 'key-1'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(holder);
    await new Promise<void>((resolve, reject) => {
      let out = '';
      holder.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('holding\n')) resolve();
      });
      holder.once('exit', (code, signal) => reject(new Error(`the holding till exited (${code ?? signal}) before it held the lock`)));
    });

    const waiter = withSenderLock(waiterPool, 'key-1', async () => 'waiter sends');
    await someoneWaitsFor(observer, 'key-1');
    holder.kill('SIGKILL');
    const result = await waiter;
    expect(result).toMatchObject({ outcome: 'ran', value: 'waiter sends' });
    expect(result.outcome === 'ran' && result.waitedMs).toBeGreaterThan(0);
  });

  it('tells fn when its lock is lost with the connection (server restarted mid-send)', async () => {
    const server = await startServer();
    const pool = tillPool(server);
    let inFn!: () => void;
    const fnRuns = new Promise<void>((r) => (inFn = r));
    const sending = withSenderLock(pool, 'key-1', async (held) => {
      inFn();
      await new Promise<void>((r) => (held.aborted ? r() : held.addEventListener('abort', () => r())));
      return held.aborted;
    });
    await fnRuns;
    await server.restart();
    expect(await sending).toMatchObject({ outcome: 'ran', value: true });
    // The pool is usable again: the broken connection was closed, not lent out again.
    expect(await withSenderLock(pool, 'key-1', async () => 'after restart')).toMatchObject({ outcome: 'ran', value: 'after restart' });
  });
});
