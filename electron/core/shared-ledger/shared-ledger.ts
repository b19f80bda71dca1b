import type pg from 'pg';
import type { Ledger } from '../ledger/ledger';
import { Lane } from '../platform/lane';
import type { Logger } from '../platform/ports';
import { LedgerJournal } from './ledger-journal';
import { LedgerPusher, type PushResult, type Recrypt } from './ledger-pusher';
import { tillSessionName } from './sender-marks';
import { createSharedPool, isUnreachable } from './pool';
import { migrateSharedSchema } from './schema';
import { registerTill } from './tills';
import type { TillIdentity } from './till-identity';

/**
 * Something else a till keeps in step with the shop's server (its cashiers, the shop-wide
 * settings, its name), run in the pusher's lane once the till has joined. Each decides itself how
 * often it really asks the server; a round it cannot finish says 'unreachable'.
 */
export interface SharedCompanion {
  readonly name: string;
  sync(pool: pg.Pool): Promise<'done' | 'unreachable'>;
}

/** What the till's header says about the shop's ledger. */
/** 'needs-shop-key': the server answers but this till holds no shop key yet (shop-codes.ts). */
export type SharedReach = 'connecting' | 'reachable' | 'unreachable' | 'needs-shop-key';

export interface SharedLedgerOptions {
  url: string;
  ledger: Ledger;
  till: TillIdentity;
  logger: Logger;
  /** Told when reachability or the number of changes waiting to be pushed may have changed. */
  onChange: () => void;
  recrypt?: Recrypt;
  /**
   * Asked at each join before anything is pushed: how codes reach the shop key, or null while this
   * till holds none (it then does not join: nothing pushed, nothing sent under the shop's lock).
   */
  prepareCodes?: (pool: pg.Pool) => Promise<{ recrypt?: Recrypt } | null>;
  /** How often an idle pusher looks for changes (a sale's change also kicks it). */
  pushEveryMs?: number;
  /** Longest wait between two tries while the server cannot be reached. */
  retryMaxMs?: number;
  connectTimeoutMs?: number;
}

/** Local tables whose ids the shared copy keys by (till_id, id): ids must never be given twice. */
const KEYED_TABLES = [
  ['sales', 'shop_sales'],
  ['sale_events', 'shop_sale_events'],
  ['shifts', 'shop_shifts'],
] as const;

/**
 * A till joined to the shop's PostgreSQL server. The till keeps selling on its own SQLite ledger
 * (its durable journal); this pushes every change there, in order, exactly once, whether the
 * server was up all along or came back after hours. Built once per till at start.
 */
export class SharedLedger {
  readonly pool: pg.Pool;
  readonly journal: LedgerJournal;
  private readonly pusher: LedgerPusher;
  private readonly lane: Lane;
  private reach: SharedReach = 'connecting';
  private joined = false;
  private failures = 0;
  private recrypt: Recrypt | undefined;
  private readonly companions: SharedCompanion[] = [];

  constructor(private readonly o: SharedLedgerOptions) {
    this.pool = createSharedPool({ url: o.url, connectTimeoutMs: o.connectTimeoutMs ?? 3_000, max: 6, applicationName: tillSessionName(o.till.id) });
    this.journal = new LedgerJournal(o.ledger);
    // Noted from now on, before the server is even asked: a sale made while it is away is pushed later.
    this.journal.enable();
    this.recrypt = o.recrypt;
    // Read at each push: the shop key is known only once joined.
    const recrypt: Recrypt = (sealed) => (this.recrypt ? this.recrypt(sealed) : sealed);
    this.pusher = new LedgerPusher({ journal: this.journal, pool: this.pool, tillId: o.till.id, recrypt });
    this.lane = new Lane(
      () => this.step(),
      (e) => o.logger.error('shared ledger push failed', { error: e instanceof Error ? e.message.slice(0, 200) : 'unknown' }),
      o.pushEveryMs ?? 1_000,
    );
  }

  get reachability(): SharedReach {
    return this.reach;
  }

  /** Joined: schema ready, the till registered, its earlier history pushed. */
  get isJoined(): boolean {
    return this.joined;
  }

  get tillId(): string {
    return this.o.till.id;
  }

  /** Changes this till made that the shop's server has not got yet. */
  pending(): number {
    return this.journal.pending();
  }

  start(): void {
    this.lane.kick();
  }

  /** Adds a companion (before start()): it runs after each push while the till is joined. */
  addCompanion(companion: SharedCompanion): void {
    this.companions.push(companion);
  }

  /** A sale or shift changed: push it now rather than at the next look. */
  kick(): void {
    this.lane.kick();
  }

  /** Pushes what waits, now (the migration command, tests); 'unreachable' when it could not. */
  async flush(): Promise<PushResult> {
    if (!this.joined && !(await this.join())) return 'unreachable';
    return this.report(await this.pusher.drain());
  }

  /** Joins, then pushes the whole ledger again (the migration command: safe to repeat). */
  async pushWhole(): Promise<PushResult> {
    if (!this.joined && !(await this.join())) return 'unreachable';
    return this.report(await this.pusher.pushWhole());
  }

  async close(): Promise<void> {
    await this.lane.close();
    await this.pool.end().catch(() => undefined);
  }

  private async step(): Promise<number> {
    if (!this.joined && !(await this.join())) return this.backoff();
    const r = this.report(await this.pusher.pushNext());
    if (r === 'unreachable') return this.backoff();
    if ((await this.runCompanions()) === 'unreachable') return this.backoff();
    return r.pushed > 0 ? 0 : (this.o.pushEveryMs ?? 1_000);
  }

  /**
   * The companions' rounds. A companion's own failure (a bug, a row it cannot apply) is logged and
   * does not stop the sales being pushed; an unreachable server is the whole till's state.
   */
  private async runCompanions(): Promise<'done' | 'unreachable'> {
    for (const c of this.companions) {
      try {
        if ((await c.sync(this.pool)) === 'unreachable') {
          this.setReach('unreachable');
          return 'unreachable';
        }
      } catch (e) {
        if (isUnreachable(e)) {
          this.setReach('unreachable');
          return 'unreachable';
        }
        this.o.logger.error('shared ledger companion failed', { companion: c.name, error: e instanceof Error ? e.message.slice(0, 200) : 'unknown' });
      }
    }
    return 'done';
  }

  /**
   * Schema, the till's registration, its ids placed above what the server has from it (a backup
   * restored here must not give an id twice), then the whole ledger once (the first join).
   */
  private async join(): Promise<boolean> {
    try {
      await migrateSharedSchema(this.pool);
      if ((await registerTill(this.pool, { tillId: this.o.till.id, name: this.o.till.name })) === 'unreachable') return this.setReach('unreachable');
      if (this.o.prepareCodes) {
        const codes = await this.o.prepareCodes(this.pool);
        if (!codes) return this.setReach('needs-shop-key');
        this.recrypt = codes.recrypt;
      }
      await this.raiseLocalIds();
      if (this.o.ledger.kvGet('shared_whole_pushed') !== this.o.till.id) {
        if (this.report(await this.pusher.pushWhole()) === 'unreachable') return false;
        this.o.ledger.kvSet('shared_whole_pushed', this.o.till.id);
      }
      this.joined = true;
      return this.setReach('reachable');
    } catch (e) {
      if (isUnreachable(e)) return this.setReach('unreachable');
      throw e;
    }
  }

  private async raiseLocalIds(): Promise<void> {
    const highest: [string, number][] = [];
    for (const [local, shared] of KEYED_TABLES) {
      const r = await this.pool.query<{ n: string | number | null }>(`SELECT max(id) AS n FROM ${shared} WHERE till_id = $1`, [this.o.till.id]);
      highest.push([local, Number(r.rows[0]?.n ?? 0)]);
    }
    const pushed = await this.pool.query<{ v: string | number }>('SELECT pushed_version AS v FROM tills WHERE till_id = $1', [this.o.till.id]);
    highest.push(['outbox', Number(pushed.rows[0]?.v ?? 0)]);
    this.o.ledger.atomically(() => {
      for (const [name, n] of highest) {
        if (n <= 0) continue;
        this.o.ledger.write('DELETE FROM sqlite_sequence WHERE name = @name AND seq < @n', { name, n });
        this.o.ledger.write('INSERT INTO sqlite_sequence (name, seq) SELECT @name, @n WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = @name)', {
          name,
          n,
        });
      }
    });
  }

  private report(r: PushResult): PushResult {
    if (r === 'unreachable') {
      this.setReach('unreachable');
      return r;
    }
    this.setReach('reachable');
    for (const c of r.conflicts) {
      // Never silent: another sale owns the order this sale recorded. The owner resolves it.
      this.o.logger.warn('provider order owned by another sale of the shop', { saleId: c.saleId });
      if (this.o.ledger.get(c.saleId)) this.o.ledger.addEvent(c.saleId, 'claim-conflict', c.orderId);
    }
    if (r.pushed > 0) this.o.onChange();
    return r;
  }

  private setReach(reach: SharedReach): boolean {
    if (reach === 'reachable') this.failures = 0;
    else this.failures++;
    if (reach !== this.reach) {
      this.reach = reach;
      if (reach === 'unreachable') this.joined = false;
      this.o.logger.info('shared ledger', { reach });
      this.o.onChange();
    }
    return reach === 'reachable';
  }

  private backoff(): number {
    return Math.min(this.o.retryMaxMs ?? 15_000, 500 * 2 ** Math.min(this.failures, 6));
  }
}
