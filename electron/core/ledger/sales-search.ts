import type Database from 'better-sqlite3';
import type { SaleState } from '../../../shared/domain';
import type { SaleRow } from './ledger';

/** Anything that can run a read-only query: the Ledger (its `select`) or a better-sqlite3 connection. */
export interface LedgerReader {
  select<T>(sql: string, params?: Record<string, unknown>): T[];
}

export interface SalesQuery {
  /** Created at or after (ms since epoch). */
  from?: number;
  /** Created before (ms since epoch), exclusive. */
  to?: number;
  productId?: string;
  cashier?: string;
  /** Only this cashier's own sales (the own-sales rule, sales/sale-access.ts). */
  cashierId?: number;
  states?: readonly SaleState[];
  saleId?: number;
  /**
   * The last characters of a card code as the customer reads them from the receipt (1–4; a longer
   * entry keeps its last 4). Four characters use the `cards.code_last4` index; fewer scan it.
   */
  codeSuffix?: string;
  /** At most this many sales, newest first (1–1000). */
  limit: number;
}

export const MAX_HISTORY_LIMIT = 1000;

/** The contract's history filter (ISO dates) as a ledger query (epoch ms). */
export function salesQueryFrom(
  q: { from?: string; to?: string; productId?: string; cashier?: string; states?: readonly SaleState[]; saleId?: number; codeSuffix?: string; limit?: number },
  defaultLimit: number,
): SalesQuery {
  return {
    from: q.from ? Date.parse(q.from) : undefined,
    to: q.to ? Date.parse(q.to) : undefined,
    productId: q.productId,
    cashier: q.cashier,
    states: q.states,
    saleId: q.saleId,
    codeSuffix: q.codeSuffix,
    limit: q.limit ?? defaultLimit,
  };
}

export function asReader(source: LedgerReader | Database.Database): LedgerReader {
  if ('select' in source && typeof source.select === 'function') return source;
  const db = source as Database.Database;
  return { select: <T>(sql: string, params: Record<string, unknown> = {}) => db.prepare(sql).all(params) as T[] };
}

/** The forms of a typed suffix worth looking up: as typed, upper and lower case (codes are usually upper case). */
export function suffixVariants(raw: string): string[] {
  const s = raw.replace(/\s+/g, '').slice(-4);
  return [...new Set([s, s.toUpperCase(), s.toLowerCase()])].filter((v) => v.length > 0);
}

/** The digits of a typed number ending (2 to 12; spaces, dots and dashes ignored), or null when it is not one. */
export function numberDigits(raw: string): string | null {
  const d = raw.replace(/[\s.-]/g, '');
  return /^[0-9]{2,12}$/.test(d) ? d : null;
}

/**
 * Sales history search, newest first. Each filter is added only when given, so SQLite can pick the
 * index that fits: `sales.id` for a sale number, `cards_code_last4` for a code suffix (then the
 * sales by primary key), `sales_created` for a date range.
 */
export function searchSales(source: LedgerReader | Database.Database, q: SalesQuery): SaleRow[] {
  const reader = asReader(source);
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.saleId !== undefined) {
    where.push('s.id = @saleId');
    params.saleId = q.saleId;
  }
  if (q.from !== undefined) {
    where.push('s.created_at >= @from');
    params.from = q.from;
  }
  if (q.to !== undefined) {
    where.push('s.created_at < @to');
    params.to = q.to;
  }
  if (q.productId !== undefined) {
    where.push('s.product_id = @productId');
    params.productId = q.productId;
  }
  if (q.cashier !== undefined) {
    where.push('s.cashier = @cashier');
    params.cashier = q.cashier;
  }
  if (q.cashierId !== undefined) {
    where.push('s.cashier_id = @cashierId');
    params.cashierId = q.cashierId;
  }
  if (q.states !== undefined) {
    if (q.states.length === 0) return [];
    const names = q.states.map((st, i) => {
      params[`st${i}`] = st;
      return `@st${i}`;
    });
    where.push(`s.state IN (${names.join(', ')})`);
  }
  if (q.codeSuffix !== undefined) {
    const variants = suffixVariants(q.codeSuffix);
    if (variants.length === 0) return [];
    let byCard: string;
    if ((variants[0] as string).length === 4) {
      const names = variants.map((v, i) => {
        params[`sfx${i}`] = v;
        return `@sfx${i}`;
      });
      byCard = `s.id IN (SELECT c.sale_id FROM cards c WHERE c.code_last4 IN (${names.join(', ')}) OR c.serial_last4 IN (${names.join(', ')}))`;
    } else {
      // Shorter than the stored last four: match their end (LIKE is case-insensitive for ASCII).
      params.sfxLike = `%${(variants[0] as string).replace(/[\\%_]/g, (ch) => `\\${ch}`)}`;
      byCard = "s.id IN (SELECT c.sale_id FROM cards c WHERE c.code_last4 LIKE @sfxLike ESCAPE '\\' OR c.serial_last4 LIKE @sfxLike ESCAPE '\\')";
    }
    // The same box finds a top-up by the last digits of its number (the customer reads them out);
    // only top-ups have a recipient, and the partial index on it keeps that scan to them.
    const digits = numberDigits(q.codeSuffix);
    if (digits) {
      params.rcpLike = `%${digits}`;
      where.push(`(${byCard} OR s.id IN (SELECT id FROM sales WHERE recipient IS NOT NULL AND recipient LIKE @rcpLike))`);
    } else {
      where.push(byCard);
    }
  }
  params.limit = Math.max(1, Math.min(MAX_HISTORY_LIMIT, Math.floor(q.limit)));
  const sql = `SELECT s.* FROM sales s${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY s.created_at DESC, s.id DESC LIMIT @limit`;
  return reader.select<SaleRow>(sql, params);
}
