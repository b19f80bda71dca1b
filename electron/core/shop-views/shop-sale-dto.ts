import type { Sale } from '../../../shared/domain';
import type { SaleRow } from '../ledger/ledger';
import { toSaleDto } from '../sales/sale-dto';
import type { ShopReader } from './shop-reader';

/** A sale as the shop's server holds it: the local row, plus its till and that till's name. */
export type ShopSaleRow = SaleRow & { till_id: string; till_name: string };

type MaskedCard = { index: number; codeLast4: string; serialLast4: string };

/**
 * The renderer's view of other tills' sales: the same DTO as a local sale (sales/sale-dto.ts, so
 * the money is computed by the same rules), with codes masked (only the till that sold a card may
 * reveal or reprint it) and the till named. Cards are read in one query for every row.
 */
export async function toShopSaleDtos(reader: ShopReader, rows: readonly ShopSaleRow[]): Promise<Sale[]> {
  if (rows.length === 0) return [];
  const cards = await reader.select<{ till_id: string; sale_id: number; idx: number; code_last4: string | null; serial_last4: string | null }>(
    `SELECT c.till_id, c.sale_id, c.idx, c.code_last4, c.serial_last4
       FROM shop_cards c JOIN unnest(@tills::uuid[], @ids::bigint[]) AS k(till_id, sale_id) ON c.till_id = k.till_id AND c.sale_id = k.sale_id
      ORDER BY c.till_id, c.sale_id, c.idx`,
    { tills: rows.map((r) => r.till_id), ids: rows.map((r) => r.id) },
  );
  const bySale = new Map<string, MaskedCard[]>();
  for (const c of cards) {
    const key = `${c.till_id}:${c.sale_id}`;
    const list = bySale.get(key) ?? [];
    list.push({ index: c.idx, codeLast4: c.code_last4 ?? '', serialLast4: c.serial_last4 ?? '' });
    bySale.set(key, list);
  }
  return rows.map((row) => {
    const ofSale = bySale.get(`${row.till_id}:${row.id}`) ?? [];
    const local = normalise(row);
    return { ...toSaleDto(local, { maskedCards: () => ofSale }), till: { id: row.till_id, name: row.till_name } };
  });
}

/** Columns NOT NULL locally may be null in the copy's looser schema: the local defaults. */
function normalise(row: ShopSaleRow): SaleRow {
  return {
    ...row,
    delivered_quantity: row.delivered_quantity ?? 0,
    fulfilled_amount_c: row.fulfilled_amount_c ?? 0,
    refund_handed_c: row.refund_handed_c ?? 0,
    unit_retail_c: row.unit_retail_c ?? 0,
    unit_cost_c: row.unit_cost_c ?? 0,
    print_count: row.print_count ?? 0,
    attempts: row.attempts ?? 0,
  };
}
