import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Mode, SaleState } from '../../../shared/domain';
import type { CodeCipher } from './code-cipher';
import { migrate } from './migrations';

/** Sales written without a line are gift-card sales (the column's default, migration 7). */
const DEFAULT_LINE = 'gift-cards';

export interface SaleRow {
  id: number;
  state: SaleState;
  product_id: string;
  product_title: string;
  type_id: string;
  type_name: string;
  quantity: number;
  unit_cost_c: number;
  unit_retail_c: number;
  cashier: string;
  mode: Mode;
  key_id: string;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  placed_at: number | null;
  finished_at: number | null;
  expires_at: number | null;
  order_id: string | null;
  delivered_quantity: number;
  fulfilled_amount_c: number;
  reason_code: string | null;
  reason_message: string | null;
  next_attempt_at: number;
  attempts: number;
  reconcile_started_at: number | null;
  last_checked_at: number | null;
  candidates: string | null;
  print_count: number;
  cashier_id: number | null;
  shift_id: number | null;
  /** The refund the cashier confirmed handing back (0 until then), when and by whom. */
  refund_handed_c: number;
  refund_handed_at: number | null;
  refund_handed_by: string | null;
  /** The product line that sells it (product-lines/registry.ts); 'gift-cards' for older sales. */
  line: string;
  /** The line's own entry fields as JSON (a phone number...), null for gift cards. */
  entry: string | null;
  /** The ref the till made before the first send (top-ups send it; unique in the ledger). */
  client_ref: string | null;
  /** The ref the provider answered with (it may rewrite ours). */
  provider_ref: string | null;
  /** The provider's last status word (QUEUED, UNKNOWN_ERROR...), null until it gave one. */
  provider_status: string | null;
  /** What the provider said beside it (refund message, suggested offers, processing date), JSON. */
  provider_note: string | null;
  /** The phone or line number a top-up goes to (searchable by its last digits). */
  recipient: string | null;
}

export type NewSale = Pick<
  SaleRow,
  'product_id' | 'product_title' | 'type_id' | 'type_name' | 'quantity' | 'unit_cost_c' | 'unit_retail_c' | 'cashier' | 'mode' | 'key_id' | 'expires_at'
> &
  Partial<Pick<SaleRow, 'cashier_id' | 'shift_id' | 'line' | 'entry' | 'client_ref' | 'recipient'>>;

type Patch = Partial<Omit<SaleRow, 'id' | 'state' | 'created_at'>>;

export interface Card {
  value: string;
  serial: string;
}

export interface SaleEvent {
  at: number;
  kind: string;
  detail: string | null;
}

const PATCHABLE = new Set<keyof Patch>([
  'product_title',
  'type_name',
  'unit_cost_c',
  'unit_retail_c',
  'updated_at',
  'sent_at',
  'placed_at',
  'finished_at',
  'expires_at',
  'order_id',
  'delivered_quantity',
  'fulfilled_amount_c',
  'reason_code',
  'reason_message',
  'next_attempt_at',
  'attempts',
  'reconcile_started_at',
  'last_checked_at',
  'candidates',
  'print_count',
  'provider_ref',
  'provider_status',
  'provider_note',
]);

export class StaleStateError extends Error {
  constructor(
    readonly saleId: number,
    readonly actual: SaleState | null,
  ) {
    super(`sale ${saleId} is no longer in the expected state`);
  }
}

const last4 = (s: string) => s.slice(-4);

/**
 * The sales ledger. Every method commits before it returns (WAL, synchronous=FULL), so the caller
 * may act on the new state knowing a crash cannot roll it back.
 */
export class Ledger {
  private readonly db: Database.Database;
  /** Prepared once: preparing ~15 statements per sale was most of the cost of recording it. */
  private readonly statements = new Map<string, Database.Statement>();
  private readonly checkpointTimer: NodeJS.Timeout | null;

  constructor(
    file: string,
    private readonly cipher: CodeCipher,
    private readonly now: () => number = Date.now,
  ) {
    if (file !== ':memory:') {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // Created empty and private before SQLite opens it: SQLite gives the -wal and -shm files the
      // database file's mode, so the PIN hashes and sales in all three stay readable by the owner only.
      fs.closeSync(fs.openSync(file, 'a', 0o600));
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // SQLite's automatic checkpoint would land on some sale's commit; fold the WAL in between sales.
    this.db.pragma('wal_autocheckpoint = 0');
    migrate(this.db);
    this.checkpointTimer = file === ':memory:' ? null : setInterval(() => this.checkpoint(), 30_000);
    this.checkpointTimer?.unref();
  }

  /** Moves committed pages from the WAL into the database without waiting on readers. */
  checkpoint(): void {
    if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  close(): void {
    if (this.checkpointTimer) clearInterval(this.checkpointTimer);
    this.checkpoint();
    this.db.close();
  }

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      // Dynamic queries (history filters) come in a bounded number of shapes; this is a backstop.
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, st);
    }
    return st;
  }

  insertSale(s: NewSale): SaleRow {
    const at = this.now();
    return this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO sales (state, product_id, product_title, type_id, type_name, quantity, unit_cost_c, unit_retail_c,
             cashier, mode, key_id, created_at, updated_at, expires_at, cashier_id, shift_id, line, entry, client_ref, recipient)
           VALUES ('QUEUED', @product_id, @product_title, @type_id, @type_name, @quantity, @unit_cost_c, @unit_retail_c,
             @cashier, @mode, @key_id, @at, @at, @expires_at, @cashier_id, @shift_id, @line, @entry, @client_ref, @recipient)`,
        )
        .run({ cashier_id: null, shift_id: null, line: DEFAULT_LINE, entry: null, client_ref: null, recipient: null, ...s, at });
      const id = Number(info.lastInsertRowid);
      this.addEvent(id, 'confirmed', null, at);
      return this.mustGet(id);
    })();
  }

  /** Moves a sale to `to` only if it is still in one of `from`; the write and its event commit together. */
  transition(id: number, from: readonly SaleState[], to: SaleState, patch: Patch, event: string, detail?: string, cards?: Card[]): SaleRow {
    const at = this.now();
    return this.db.transaction(() => {
      const current = this.get(id);
      if (!current || !from.includes(current.state)) throw new StaleStateError(id, current?.state ?? null);
      this.applyPatch(id, { ...patch, updated_at: at }, to);
      if (cards) this.insertCards(id, cards);
      this.addEvent(id, event, detail ?? null, at);
      return this.mustGet(id);
    })();
  }

  /**
   * Records that the cashier handed `amountC` back to the customer, once: only while nothing was
   * recorded yet, and with its timeline entry in the same transaction. Returns null if it was already
   * recorded (the caller decides what that means).
   */
  recordRefundHandedBack(id: number, amountC: number, by: string, detail: string): SaleRow | null {
    const at = this.now();
    return this.db.transaction(() => {
      const changed = this.stmt(
        'UPDATE sales SET refund_handed_c = @amountC, refund_handed_at = @at, refund_handed_by = @by, updated_at = @at WHERE id = @id AND refund_handed_at IS NULL',
      ).run({ id, amountC, at, by }).changes;
      if (changed === 0) return null;
      this.addEvent(id, 'refund-handed-back', detail, at);
      return this.mustGet(id);
    })();
  }

  /** A change of bookkeeping fields that does not move the sale (poll times, backoff). */
  touch(id: number, patch: Patch): void {
    this.applyPatch(id, patch, null);
  }

  addEvent(id: number, kind: string, detail: string | null, at = this.now()): void {
    this.stmt('INSERT INTO sale_events (sale_id, at, kind, detail) VALUES (?, ?, ?, ?)').run(id, at, kind, detail);
  }

  get(id: number): SaleRow | null {
    return (this.stmt('SELECT * FROM sales WHERE id = ?').get(id) as SaleRow | undefined) ?? null;
  }

  mustGet(id: number): SaleRow {
    const row = this.get(id);
    if (!row) throw new Error(`sale ${id} not found`);
    return row;
  }

  byStates(states: readonly SaleState[], limit = 1000): SaleRow[] {
    if (states.length === 0) return [];
    const marks = states.map(() => '?').join(',');
    return this.stmt(`SELECT * FROM sales WHERE state IN (${marks}) ORDER BY id LIMIT ?`).all(...states, limit) as SaleRow[];
  }

  recent(limit: number): SaleRow[] {
    return this.stmt('SELECT * FROM sales ORDER BY id DESC LIMIT ?').all(limit) as SaleRow[];
  }

  countByStates(states: readonly SaleState[]): number {
    if (states.length === 0) return 0;
    const marks = states.map(() => '?').join(',');
    return (this.stmt(`SELECT COUNT(*) AS n FROM sales WHERE state IN (${marks})`).get(...states) as { n: number }).n;
  }

  isKnownOrderId(orderId: string): boolean {
    return this.stmt('SELECT 1 FROM sales WHERE order_id = ?').get(orderId) !== undefined;
  }

  cards(id: number): Card[] {
    const rows = this.stmt('SELECT code_enc, serial_enc FROM cards WHERE sale_id = ? ORDER BY idx').all(id) as { code_enc: Buffer; serial_enc: Buffer }[];
    return rows.map((r) => ({ value: this.cipher.decrypt(r.code_enc), serial: this.cipher.decrypt(r.serial_enc) }));
  }

  maskedCards(id: number): { index: number; codeLast4: string; serialLast4: string }[] {
    const rows = this.stmt('SELECT idx, code_last4, serial_last4 FROM cards WHERE sale_id = ? ORDER BY idx').all(id) as {
      idx: number;
      code_last4: string;
      serial_last4: string;
    }[];
    return rows.map((r) => ({ index: r.idx, codeLast4: r.code_last4, serialLast4: r.serial_last4 }));
  }

  events(id: number): SaleEvent[] {
    return this.stmt('SELECT at, kind, detail FROM sale_events WHERE sale_id = ? ORDER BY id').all(id) as SaleEvent[];
  }

  /**
   * A read-only query, for the history search (history.ts) and the reports (reports/); a statement
   * that could write is refused, so every write still goes through the methods above.
   */
  select<T>(sql: string, params: Record<string, unknown> = {}): T[] {
    const stmt = this.stmt(sql);
    if (!stmt.readonly) throw new Error('Ledger.select runs read-only statements only');
    return stmt.all(params) as T[];
  }

  /**
   * A sale that exists at the provider but was not made at this till (found by reconciliation):
   * written directly in its final state with its cards, in one transaction.
   */
  insertFound(
    s: NewSale & { state: SaleState; order_id: string; delivered_quantity: number; fulfilled_amount_c: number; created_at: number },
    cards: Card[],
  ): SaleRow {
    const at = this.now();
    return this.db.transaction(() => {
      const info = this.db
        .prepare(
          `INSERT INTO sales (state, product_id, product_title, type_id, type_name, quantity, unit_cost_c, unit_retail_c,
             cashier, mode, key_id, created_at, updated_at, finished_at, order_id, delivered_quantity, fulfilled_amount_c, line, entry)
           VALUES (@state, @product_id, @product_title, @type_id, @type_name, @quantity, @unit_cost_c, @unit_retail_c,
             @cashier, @mode, @key_id, @created_at, @at, @at, @order_id, @delivered_quantity, @fulfilled_amount_c, @line, @entry)`,
        )
        .run({ line: DEFAULT_LINE, entry: null, ...s, at });
      const id = Number(info.lastInsertRowid);
      this.insertCards(id, cards);
      this.addEvent(id, 'found-at-provider', s.order_id, at);
      return this.mustGet(id);
    })();
  }

  /**
   * Takes back a found sale just written whose order turned out to be another till's (its shop-wide
   * claim was refused) or could not be claimed: only a row nothing else happened to since insertFound
   * (its one event is 'found-at-provider'). AUTOINCREMENT: its id is never given to another sale.
   */
  forgetFound(id: number): void {
    this.db.transaction(() => {
      const events = this.db.prepare('SELECT kind FROM sale_events WHERE sale_id = ?').all(id) as { kind: string }[];
      if (events.length !== 1 || events[0]?.kind !== 'found-at-provider') throw new Error(`sale ${id} is not a found sale nothing happened to`);
      this.db.prepare('DELETE FROM cards WHERE sale_id = ?').run(id);
      this.db.prepare('DELETE FROM sale_events WHERE sale_id = ?').run(id);
      this.db.prepare('DELETE FROM sales WHERE id = ?').run(id);
    })();
  }

  /** An online copy of the whole ledger (SQLite backup API), consistent even while sales go on. */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
  }

  /** One committed write statement (staff, shifts); returns the new row id for an INSERT. */
  write(sql: string, params: Record<string, unknown> = {}): number {
    return Number(this.stmt(sql).run(params).lastInsertRowid);
  }

  /** Several writes that must land together or not at all. */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  kvGet(key: string): string | null {
    return (this.stmt('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
  }

  kvSet(key: string, value: string): void {
    this.stmt('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  private insertCards(id: number, cards: Card[]): void {
    const stmt = this.stmt('INSERT INTO cards (sale_id, idx, code_enc, serial_enc, code_last4, serial_last4) VALUES (?, ?, ?, ?, ?, ?)');
    cards.forEach((c, i) => stmt.run(id, i, this.cipher.encrypt(c.value), this.cipher.encrypt(c.serial), last4(c.value), last4(c.serial)));
  }

  private applyPatch(id: number, patch: Patch, state: SaleState | null): void {
    const keys = (Object.keys(patch) as (keyof Patch)[]).filter((k) => PATCHABLE.has(k));
    const sets = keys.map((k) => `${k} = @${k}`);
    if (state) sets.push('state = @state');
    if (sets.length === 0) return;
    const params: Record<string, unknown> = { id, state };
    for (const k of keys) params[k] = patch[k] ?? null;
    this.stmt(`UPDATE sales SET ${sets.join(', ')} WHERE id = @id`).run(params);
  }
}
