import type { Ledger } from '../ledger/ledger';
import { CARD_COLUMNS, EVENT_COLUMNS, SALE_COLUMNS, SHIFT_COLUMNS } from './mirror-tables';

type Row = Record<string, unknown>;

/** What one push carries: current snapshots of every row changed, read in one SQLite transaction. */
export interface JournalBatch {
  /** The last outbox entry this batch covers (cleared once the shared server committed it). */
  upToSeq: number;
  /** The outbox's high-water mark when read: every row's version in this push. */
  version: number;
  sales: Row[];
  /** Sales noted in the outbox that no longer exist locally (forgotten found orders): removed from the shared copy. */
  goneSaleIds: number[];
  events: Row[];
  cards: Row[];
  shifts: Row[];
}

const list = (columns: readonly string[]) => columns.join(', ');
const ids = (rows: { tbl: string; row_id: number }[], tbl: string) => [...new Set(rows.filter((r) => r.tbl === tbl).map((r) => r.row_id))];

/**
 * The till's side of the shared ledger: its SQLite ledger read as a journal of changes (the outbox
 * its triggers fill, migration 9) or whole (the first push, the migration command).
 */
export class LedgerJournal {
  constructor(private readonly ledger: Ledger) {}

  /** Starts noting every change for the shared ledger (idempotent). */
  enable(): void {
    this.ledger.kvSet('outbox', 'on');
  }

  enabled(): boolean {
    return this.ledger.kvGet('outbox') === 'on';
  }

  /** Changes not yet pushed. */
  pending(): number {
    return this.ledger.select<{ n: number }>('SELECT COUNT(*) AS n FROM outbox')[0]?.n ?? 0;
  }

  /** The oldest `limit` outbox entries, as the current rows they name; null when nothing waits. */
  nextBatch(limit: number): JournalBatch | null {
    return this.ledger.atomically(() => {
      const entries = this.ledger.select<{ seq: number; tbl: string; row_id: number }>('SELECT seq, tbl, row_id FROM outbox ORDER BY seq LIMIT @limit', {
        limit,
      });
      const last = entries[entries.length - 1];
      if (!last) return null;
      const saleIds = ids(entries, 'sales');
      const cardSaleIds = ids(entries, 'cards');
      const sales = this.rowsById('sales', SALE_COLUMNS, 'id', saleIds);
      const present = new Set(sales.map((s) => s.id as number));
      return {
        upToSeq: last.seq,
        version: this.highWater(),
        sales,
        goneSaleIds: saleIds.filter((id) => !present.has(id)),
        events: this.rowsById('sale_events', EVENT_COLUMNS, 'id', ids(entries, 'sale_events')),
        cards: this.rowsById('cards', CARD_COLUMNS, 'sale_id', cardSaleIds),
        shifts: this.rowsById('shifts', SHIFT_COLUMNS, 'id', ids(entries, 'shifts')),
      };
    });
  }

  /** Forgets the entries a push committed on the shared server. */
  clear(upToSeq: number): void {
    this.ledger.write('DELETE FROM outbox WHERE seq <= @upToSeq', { upToSeq });
  }

  /**
   * The whole ledger, `limit` sales at a time after sale id `afterId` (with their events and
   * cards), for the first push and the migration command. Shifts come with the first page.
   */
  wholePage(afterId: number, limit: number): (JournalBatch & { lastSaleId: number }) | null {
    return this.ledger.atomically(() => {
      const sales = this.ledger.select<Row>(`SELECT ${list(SALE_COLUMNS)} FROM sales WHERE id > @afterId ORDER BY id LIMIT @limit`, { afterId, limit });
      const shifts = afterId === 0 ? this.ledger.select<Row>(`SELECT ${list(SHIFT_COLUMNS)} FROM shifts ORDER BY id`) : [];
      if (sales.length === 0 && shifts.length === 0) return null;
      const saleIds = sales.map((s) => s.id as number);
      return {
        upToSeq: 0,
        version: this.highWater(),
        lastSaleId: saleIds[saleIds.length - 1] ?? afterId,
        sales,
        goneSaleIds: [],
        events: this.rowsById('sale_events', EVENT_COLUMNS, 'sale_id', saleIds),
        cards: this.rowsById('cards', CARD_COLUMNS, 'sale_id', saleIds),
        shifts,
      };
    });
  }

  /** The outbox's last seq ever given (0 before the first): versions only grow. */
  private highWater(): number {
    return this.ledger.select<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")[0]?.seq ?? 0;
  }

  private rowsById(table: string, columns: readonly string[], key: string, wanted: number[]): Row[] {
    if (wanted.length === 0) return [];
    // json_each keeps one statement shape whatever the number of ids (statements are cached).
    return this.ledger.select<Row>(`SELECT ${list(columns)} FROM ${table} WHERE ${key} IN (SELECT value FROM json_each(@ids)) ORDER BY ${key}`, {
      ids: JSON.stringify(wanted),
    });
  }
}
