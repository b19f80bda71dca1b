import type pg from 'pg';
import type { JournalBatch, LedgerJournal } from './ledger-journal';
import { CARD_COLUMNS, EVENT_COLUMNS, SALE_COLUMNS, SHIFT_COLUMNS } from './mirror-tables';
import { isUnreachable } from './pool';
import { assertTillId } from './tills';

/** An order id the push found owned by another sale: the owner must look (logged, never adopted). */
export interface ClaimConflict {
  orderId: string;
  saleId: number;
}

export type PushResult = { pushed: number; conflicts: ClaimConflict[] } | 'unreachable';

/** Re-encrypts a code from the till's local key to the shop's key (identity when they are one key). */
export type Recrypt = (sealed: Buffer) => Buffer;

const list = (columns: readonly string[]) => columns.join(', ');
const assignments = (columns: readonly string[]) => columns.map((c) => `${c} = EXCLUDED.${c}`).join(', ');

/**
 * jsonb_populate_recordset turns one JSON parameter into rows of the shared table's own type:
 * one statement per table per push, whatever the batch size. bytea travels as '\x…' hex text.
 */
function asJson(rows: Record<string, unknown>[], tillId: string, version: number | null, recrypt?: Recrypt): string {
  return JSON.stringify(
    rows.map((r) => {
      const out: Record<string, unknown> = { ...r, till_id: tillId };
      if (version !== null) out.version = version;
      for (const [k, v] of Object.entries(out)) if (Buffer.isBuffer(v)) out[k] = `\\x${(recrypt ? recrypt(v) : v).toString('hex')}`;
      return out;
    }),
  );
}

/**
 * Pushes the till's journal to the shop's server: each batch in ONE PostgreSQL transaction, and
 * the local outbox cleared only after it committed. A push replayed after a crash between the two
 * changes nothing (events and cards are inserted once, rows keep their highest version), so every
 * change lands once and in order. Claims of provider orders ride along: every pushed sale with an
 * order id claims it (one owner per order: order_owners' primary key).
 */
export class LedgerPusher {
  constructor(private readonly d: { journal: LedgerJournal; pool: pg.Pool; tillId: string; recrypt?: Recrypt; batchSize?: number }) {
    assertTillId(d.tillId);
  }

  /** Pushes the oldest waiting changes (one batch). */
  async pushNext(): Promise<PushResult> {
    const batch = this.d.journal.nextBatch(this.d.batchSize ?? 500);
    if (!batch) return { pushed: 0, conflicts: [] };
    const result = await this.write(batch);
    if (result !== 'unreachable') this.d.journal.clear(batch.upToSeq);
    return result;
  }

  /** Pushes everything waiting, batch after batch; stops at the first unreachable. */
  async drain(): Promise<PushResult> {
    const conflicts: ClaimConflict[] = [];
    let pushed = 0;
    for (;;) {
      const r = await this.pushNext();
      if (r === 'unreachable') return r;
      if (r.pushed === 0) return { pushed, conflicts };
      pushed += r.pushed;
      conflicts.push(...r.conflicts);
    }
  }

  /**
   * Pushes the whole local ledger (the first join, the migration command): safe to run again, and
   * beside the outbox's pushes (versions decide which snapshot of a row stays).
   */
  async pushWhole(pageSize = 2000): Promise<PushResult> {
    const conflicts: ClaimConflict[] = [];
    let pushed = 0;
    for (let afterId = 0; ;) {
      const page = this.d.journal.wholePage(afterId, pageSize);
      if (!page) return { pushed, conflicts };
      const r = await this.write(page);
      if (r === 'unreachable') return r;
      pushed += r.pushed;
      conflicts.push(...r.conflicts);
      if (page.sales.length === 0) return { pushed, conflicts };
      afterId = page.lastSaleId;
    }
  }

  /**
   * One batch as ONE statement (data-modifying CTEs; a statement is its own transaction): one round
   * trip and one commit per push, which is most of what a confirmed sale's push costs. Empty parts
   * are empty JSON arrays and write nothing. Then, only when the batch carries order ids, one read
   * for the claims another sale holds (after the commit, so it sees a concurrent winner's row).
   */
  private async write(batch: JournalBatch): Promise<PushResult> {
    const { pool, tillId, recrypt } = this.d;
    const claims = batch.sales
      .filter((s) => typeof s.order_id === 'string' && s.order_id !== '')
      .map((s) => ({ order_id: s.order_id, sale_id: s.id, line: s.line }));
    try {
      await pool.query(
        `WITH
         sales AS (
           INSERT INTO shop_sales (till_id, version, ${list(SALE_COLUMNS)})
           SELECT till_id, version, ${list(SALE_COLUMNS)} FROM jsonb_populate_recordset(NULL::shop_sales, $3::jsonb)
           ON CONFLICT (till_id, id) DO UPDATE SET version = EXCLUDED.version, ${assignments(SALE_COLUMNS.filter((c) => c !== 'id'))}
           WHERE shop_sales.version <= EXCLUDED.version),
         events AS (
           INSERT INTO shop_sale_events (till_id, ${list(EVENT_COLUMNS)})
           SELECT till_id, ${list(EVENT_COLUMNS)} FROM jsonb_populate_recordset(NULL::shop_sale_events, $4::jsonb)
           ON CONFLICT DO NOTHING),
         cards AS (
           INSERT INTO shop_cards (till_id, ${list(CARD_COLUMNS)})
           SELECT till_id, ${list(CARD_COLUMNS)} FROM jsonb_populate_recordset(NULL::shop_cards, $5::jsonb)
           ON CONFLICT DO NOTHING),
         shifts AS (
           INSERT INTO shop_shifts (till_id, version, ${list(SHIFT_COLUMNS)})
           SELECT till_id, version, ${list(SHIFT_COLUMNS)} FROM jsonb_populate_recordset(NULL::shop_shifts, $6::jsonb)
           ON CONFLICT (till_id, id) DO UPDATE SET version = EXCLUDED.version, ${assignments(SHIFT_COLUMNS.filter((c) => c !== 'id'))}
           WHERE shop_shifts.version <= EXCLUDED.version),
         claims AS (
           INSERT INTO order_owners (order_id, till_id, sale_id, line)
           SELECT c.order_id, $1, c.sale_id, c.line FROM jsonb_to_recordset($7::jsonb) AS c(order_id text, sale_id bigint, line text)
           ON CONFLICT (order_id) DO NOTHING),
         -- A sale the till gave back (a found order another till owns): its copy goes, and its
         -- claim if it was this sale's. Nothing else is ever deleted from the shared copy.
         gone_cards AS (DELETE FROM shop_cards WHERE till_id = $1 AND sale_id = ANY($8::bigint[])),
         gone_events AS (DELETE FROM shop_sale_events WHERE till_id = $1 AND sale_id = ANY($8::bigint[])),
         gone_sales AS (DELETE FROM shop_sales WHERE till_id = $1 AND id = ANY($8::bigint[])),
         gone_claims AS (DELETE FROM order_owners WHERE till_id = $1 AND sale_id = ANY($8::bigint[]))
         UPDATE tills SET pushed_version = GREATEST(pushed_version, $2), last_push_at = now() WHERE till_id = $1`,
        [
          tillId,
          batch.version,
          asJson(batch.sales, tillId, batch.version),
          asJson(batch.events, tillId, null),
          asJson(batch.cards, tillId, null, recrypt),
          asJson(batch.shifts, tillId, batch.version),
          JSON.stringify(claims),
          batch.goneSaleIds,
        ],
      );
      const conflicts = claims.length > 0 ? await this.clashes(claims) : [];
      return { pushed: batch.sales.length + batch.goneSaleIds.length + batch.events.length + batch.cards.length + batch.shifts.length, conflicts };
    } catch (e) {
      if (isUnreachable(e)) return 'unreachable';
      throw e;
    }
  }

  /** The pushed order ids another sale of the shop owns (the claim above left them to their owner). */
  private async clashes(claims: { order_id: unknown; sale_id: unknown }[]): Promise<ClaimConflict[]> {
    const clash = await this.d.pool.query<{ order_id: string; sale_id: string }>(
      `SELECT c.order_id, c.sale_id FROM jsonb_to_recordset($1::jsonb) AS c(order_id text, sale_id bigint)
       JOIN order_owners o ON o.order_id = c.order_id WHERE o.till_id <> $2 OR o.sale_id <> c.sale_id`,
      [JSON.stringify(claims), this.d.tillId],
    );
    return clash.rows.map((r) => ({ orderId: r.order_id, saleId: Number(r.sale_id) }));
  }
}
