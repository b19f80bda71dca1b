import { MAX_HISTORY_LIMIT, numberDigits, suffixVariants, type SalesQuery } from '../ledger/sales-search';
import type { ShopReader } from './shop-reader';
import type { ShopSaleRow } from './shop-sale-dto';

/** A history query over the whole shop: the local one, optionally narrowed to one till. */
export type ShopSalesQuery = Omit<SalesQuery, 'cashierId'> & { tillId?: string };

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
const reversed = (s: string) => [...s].reverse().join('');

/**
 * The history search (ledger/sales-search.ts) on the shop's server, newest first, each sale with
 * its till's name. The same filters and the same suffix rules; a sale is keyed by (till_id, id),
 * since every till numbers its own sales. "Ends with" becomes "reversed starts with", served by the
 * reverse() indexes of shared migration 5; the card and number matches are one IN (… UNION ALL …)
 * so PostgreSQL drives the search from those few rows rather than scanning every sale. Every value
 * is a bound parameter.
 */
export async function searchShopSales(reader: ShopReader, q: ShopSalesQuery): Promise<ShopSaleRow[]> {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (clause: string, name: string, value: unknown) => {
    where.push(clause);
    params[name] = value;
  };
  if (q.tillId !== undefined) add('s.till_id = @tillId::uuid', 'tillId', q.tillId);
  if (q.saleId !== undefined) add('s.id = @saleId', 'saleId', q.saleId);
  if (q.from !== undefined) add('s.created_at >= @from', 'from', q.from);
  if (q.to !== undefined) add('s.created_at < @to', 'to', q.to);
  if (q.productId !== undefined) add('s.product_id = @productId', 'productId', q.productId);
  if (q.cashier !== undefined) add('s.cashier = @cashier', 'cashier', q.cashier);
  if (q.states !== undefined) {
    if (q.states.length === 0) return [];
    add('s.state = ANY(@states::text[])', 'states', [...q.states]);
  }
  if (q.codeSuffix !== undefined) {
    const variants = suffixVariants(q.codeSuffix);
    if (variants.length === 0) return [];
    const matches: string[] = [];
    if ((variants[0] as string).length === 4) {
      params.sfx = variants;
      matches.push('SELECT c.till_id, c.sale_id FROM shop_cards c WHERE c.code_last4 = ANY(@sfx::text[])');
      matches.push('SELECT c.till_id, c.sale_id FROM shop_cards c WHERE c.serial_last4 = ANY(@sfx::text[])');
    } else {
      // Shorter than the stored four: their end, case-insensitive as SQLite's LIKE is for ASCII.
      params.sfxRev = `${escapeLike(reversed((variants[0] as string).toLowerCase()))}%`;
      matches.push("SELECT c.till_id, c.sale_id FROM shop_cards c WHERE reverse(lower(c.code_last4)) LIKE @sfxRev ESCAPE '\\'");
      matches.push("SELECT c.till_id, c.sale_id FROM shop_cards c WHERE reverse(lower(c.serial_last4)) LIKE @sfxRev ESCAPE '\\'");
    }
    const digits = numberDigits(q.codeSuffix);
    if (digits) {
      params.rcpRev = `${reversed(digits)}%`;
      matches.push('SELECT r.till_id, r.id FROM shop_sales r WHERE r.recipient IS NOT NULL AND reverse(r.recipient) LIKE @rcpRev');
    }
    where.push(`(s.till_id, s.id) IN (${matches.join(' UNION ALL ')})`);
  }
  params.limit = Math.max(1, Math.min(MAX_HISTORY_LIMIT, Math.floor(q.limit)));
  const sql = `SELECT s.*, t.name AS till_name FROM shop_sales s JOIN tills t ON t.till_id = s.till_id
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY s.created_at DESC, s.till_id DESC, s.id DESC LIMIT @limit`;
  return reader.select<ShopSaleRow>(sql, params);
}
