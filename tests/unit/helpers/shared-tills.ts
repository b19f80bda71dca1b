import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { LOCK_NAMESPACE } from '../../../electron/core/shared-ledger/advisory-locks';
import { createSharedPool } from '../../../electron/core/shared-ledger/pool';
import { tillSessionName } from '../../../electron/core/shared-ledger/sender-marks';
import { migrateSharedSchema } from '../../../electron/core/shared-ledger/schema';
import { registerTill } from '../../../electron/core/shared-ledger/tills';
import type { PgServer } from './pg-server';

/** A till as the shared ledger sees it: its identity and its own pool (separate tills never share one). */
export interface SharedTill {
  tillId: string;
  pool: pg.Pool;
}

/**
 * Pools of tills against one shared server, ended together (call end() in afterEach). A short
 * connect time, so a stopped server is told as 'unreachable' quickly.
 */
export class SharedTills {
  private readonly pools: pg.Pool[] = [];

  constructor(readonly server: PgServer) {}

  /** `tillId`: the pool's sessions are named as that till's are (tillSessionName), so the others see it alive. */
  pool(max = 4, tillId?: string): pg.Pool {
    const pool = createSharedPool({ url: this.server.url, connectTimeoutMs: 2_000, max, ...(tillId ? { applicationName: tillSessionName(tillId) } : {}) });
    this.pools.push(pool);
    return pool;
  }

  /** Migrates the schema and registers `n` tills (Till 1…n), each with its own pool. */
  async register(n: number): Promise<SharedTill[]> {
    const tills = Array.from({ length: n }, () => {
      const tillId = randomUUID();
      return { tillId, pool: this.pool(4, tillId) };
    });
    await migrateSharedSchema(tills[0]!.pool);
    for (const [i, t] of tills.entries()) {
      if ((await registerTill(t.pool, { tillId: t.tillId, name: `Till ${i + 1}` })) !== 'registered') throw new Error('shared server unreachable');
    }
    return tills;
  }

  /** The sessions on the server holding a sender lock (their backend pids). */
  async senderLockHolders(): Promise<number[]> {
    const observer = new pg.Client({ connectionString: this.server.url });
    await observer.connect();
    try {
      const rows = await observer.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1 AND objsubid = 2", [
        LOCK_NAMESPACE.sender,
      ]);
      return rows.rows.map((r) => r.pid);
    } finally {
      await observer.end();
    }
  }

  async end(): Promise<void> {
    await Promise.all(this.pools.splice(0).map((p) => p.end().catch(() => undefined)));
  }
}
