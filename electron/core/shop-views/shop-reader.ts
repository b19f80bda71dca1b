import type pg from 'pg';
import { AppError } from '../../../shared/result';
import { isUnreachable } from '../shared-ledger/pool';

/**
 * Read-only queries on the shop's PostgreSQL copy, written with the local ledger's `@name`
 * parameters so the SQL text can be shared with the SQLite reports (totals.ts). Every parameter
 * is bound (`$n`), never spliced into the text.
 */
export interface ShopReader {
  select<T>(sql: string, params?: Record<string, unknown>): Promise<T[]>;
}

/** `@name` → `$n`, each name bound once however often it appears. Names are [A-Za-z0-9_]. */
export function toPositional(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const order = new Map<string, number>();
  const values: unknown[] = [];
  const text = sql.replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
    if (!Object.hasOwn(params, name)) throw new RangeError(`missing query parameter ${name}`);
    let n = order.get(name);
    if (n === undefined) {
      values.push(params[name]);
      n = values.length;
      order.set(name, n);
    }
    return `$${n}`;
  });
  return { text, values };
}

/**
 * The shop-wide views never give a partial answer: a server that cannot be asked is the
 * SHOP_UNREACHABLE error (the owner sees "the shop's server does not answer"), never this till's
 * rows alone. Any other error is a bug and is thrown as it is.
 */
export function shopUnreachable(): AppError {
  return new AppError('SHOP_UNREACHABLE', "The shop's shared ledger cannot be reached: shop-wide views are unavailable until it answers");
}

export function poolReader(pool: pg.Pool): ShopReader {
  return {
    async select<T>(sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
      const { text, values } = toPositional(sql, params);
      try {
        const r = await pool.query(text, values);
        return r.rows as T[];
      } catch (e) {
        if (isUnreachable(e)) throw shopUnreachable();
        throw e;
      }
    },
  };
}
