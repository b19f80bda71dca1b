import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { postgresTestUserIds } from '../../scripts/postgres-for-tests.mjs';
import { answers } from './helpers/start-project';
import { pgServersDisposedAfterEach, type PgServer } from './helpers/pg-server';
import { pollUntil, processUid } from './helpers/pg-processes';

/**
 * The throw-away PostgreSQL server the shared-ledger tests (issue 12) run against: a real server,
 * reached with the driver the till will use (`pg`), showing what the ledger will rely on — a unique
 * constraint's error code, advisory locks that wait and are released by a dying connection, data
 * that survive a restart and a crash, and nothing left running once the server is disposed of.
 */
const startServer = pgServersDisposedAfterEach();

const clients: pg.Client[] = [];
const tills: ChildProcess[] = [];
afterEach(async () => {
  for (const till of tills.splice(0)) if (till.exitCode === null && till.signalCode === null) till.kill('SIGKILL');
  await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
});

/** A connected client whose connection may end under it (restart, crash) without failing the run. */
async function connect(server: PgServer): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: server.url });
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect();
  return client;
}

/** Until the server shows `backendPid` waiting for an advisory lock it has not been granted. */
async function waitsForAdvisoryLock(observer: pg.Client, backendPid: number): Promise<void> {
  const waiting = async () =>
    (await observer.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid = $1", [backendPid])).rowCount === 1;
  await pollUntil(waiting, `backend ${backendPid} waits for the advisory lock`, 10_000);
}

const backendPid = async (c: pg.Client): Promise<number> => (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

/** Settles to 'pending' unless `p` has already settled: read after the server showed the wait. */
const stateOf = (p: Promise<unknown>) => Promise.race([p.then(() => 'settled'), Promise.resolve().then(() => 'pending')]);

describe('a throw-away PostgreSQL server', () => {
  it('listens on 127.0.0.1 and its own socket only, and does not run as root', async () => {
    const server = await startServer();
    const c = await connect(server);
    expect((await c.query('SHOW listen_addresses')).rows[0].listen_addresses).toBe('127.0.0.1');
    expect((await c.query('SHOW unix_socket_directories')).rows[0].unix_socket_directories).toBe(server.socketDir);

    const viaSocket = new pg.Client({ host: server.socketDir, port: server.port, user: 'postgres', database: 'postgres' });
    clients.push(viaSocket);
    await viaSocket.connect();
    expect((await viaSocket.query('SELECT 1 AS one')).rows[0].one).toBe(1);

    const uids = server.processes().map(processUid);
    expect(uids.length).toBeGreaterThan(1);
    // As root (here, CI), every process of it is till-pgtest's; else the tests' own user's.
    if (process.getuid?.() === 0) expect(new Set(uids)).toEqual(new Set([postgresTestUserIds()?.uid]));
    else expect(new Set(uids)).toEqual(new Set([process.getuid?.()]));
    expect(uids).not.toContain(0);
  });

  it('rejects a duplicate under a UNIQUE constraint with 23505', async () => {
    const server = await startServer();
    const c = await connect(server);
    await c.query('CREATE TABLE provider_orders (order_id text NOT NULL UNIQUE, till text NOT NULL)');
    await c.query("INSERT INTO provider_orders VALUES ('ord-1', 'till-a')");
    const duplicate = await c.query("INSERT INTO provider_orders VALUES ('ord-1', 'till-b')").then(
      () => null,
      (e: pg.DatabaseError) => e,
    );
    expect(duplicate?.code).toBe('23505');
    expect((await c.query('SELECT till FROM provider_orders')).rows).toEqual([{ till: 'till-a' }]);
  });

  it('makes a second connection wait for an advisory lock until the first commits', async () => {
    const server = await startServer();
    const [a, b, observer] = [await connect(server), await connect(server), await connect(server)];
    await a.query('BEGIN');
    await a.query('SELECT pg_advisory_xact_lock(42)');

    await b.query('BEGIN');
    const bPid = await backendPid(b); // asked first: a client runs its queries one after the other
    const bLocked = b.query('SELECT pg_advisory_xact_lock(42)');
    await waitsForAdvisoryLock(observer, bPid);
    expect(await stateOf(bLocked)).toBe('pending');

    await a.query('COMMIT');
    await bLocked;
    const held = await observer.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted");
    expect(held.rows[0].n).toBe(1);
    await b.query('COMMIT');
  });

  it('releases the advisory lock of a till killed while holding it', async () => {
    const server = await startServer();
    const [waiter, observer] = [await connect(server), await connect(server)];
    const till = holdLockInAnotherProcess(server.url, 7);
    const tillBackend = await till.backendPid;

    const waiterPid = await backendPid(waiter);
    const waiterLocked = waiter.query('SELECT pg_advisory_lock(7)');
    await waitsForAdvisoryLock(observer, waiterPid);
    expect(await stateOf(waiterLocked)).toBe('pending');

    till.process.kill('SIGKILL');
    await waiterLocked;
    // The killed till's session ends with its socket: the server drops it (just after its locks).
    const tillSessionGone = async () => (await observer.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [tillBackend])).rowCount === 0;
    await pollUntil(tillSessionGone, `the killed till's session ${tillBackend} ends`, 10_000);
  });

  it('keeps its data across a restart and a crash, and clients reconnect', async () => {
    const server = await startServer();
    const before = await connect(server);
    await before.query('CREATE TABLE sales (id int PRIMARY KEY)');
    await before.query('INSERT INTO sales VALUES (1)');
    const firstPid = server.pid();

    await server.restart();
    expect(server.pid()).not.toBe(firstPid);
    await expect(before.query('SELECT 1')).rejects.toThrow();
    const after = await connect(server);
    await after.query('INSERT INTO sales VALUES (2)');

    await server.kill();
    expect(server.pid()).toBeNull();
    expect(server.processes()).toEqual([]);
    await server.start();
    const recovered = await connect(server);
    expect((await recovered.query('SELECT id FROM sales ORDER BY id')).rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('leaves no process and no directory once disposed of', async () => {
    const server = await startServer();
    await connect(server);
    const { dataDir, port } = server;
    expect(server.processes().length).toBeGreaterThan(1);
    await server.dispose();
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(server.processes()).toEqual([]);
    expect(await answers(port)).toBe(false);
  });
});

/**
 * A till in its own process: connects, takes session advisory lock `key`, prints its backend pid
 * and then does nothing, holding the lock until it dies.
 */
function holdLockInAnotherProcess(url: string, key: number): { process: ChildProcess; backendPid: Promise<number> } {
  const pgPath = createRequire(import.meta.url).resolve('pg');
  const script = `
    const { Client } = require(${JSON.stringify(pgPath)});
    const c = new Client({ connectionString: ${JSON.stringify(url)} });
    (async () => {
      await c.connect();
      await c.query('SELECT pg_advisory_lock(${key})');
      const r = await c.query('SELECT pg_backend_pid() AS pid');
      process.stdout.write('locked ' + r.rows[0].pid + '\\n');
      setInterval(() => {}, 60000);
    })();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  tills.push(child);
  const backendPid = new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /locked (\d+)\n/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code, signal) => reject(new Error(`the lock-holding till exited (${code ?? signal}) before it held the lock`)));
  });
  return { process: child, backendPid };
}
