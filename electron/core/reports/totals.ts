import type { SaleState } from '../../../shared/domain';
import type { SalesTotals } from '../../../shared/shop';
import type { LedgerReader } from '../ledger/sales-search';

/**
 * Sums sales exactly, in integer centimes, with one grouped query (fast on a year of sales).
 * Money follows what the customer got: takings and cost count delivered cards; `refundDueC` is
 * what the cashier handed back (undelivered cards, or the whole of refused and cancelled sales).
 */
export type TotalsScope = { from: number; to: number } | { shiftId: number };

export interface TotalsGroupRow {
  state: SaleState;
  line: string;
  product_id: string;
  type_id: string;
  product_title: string;
  type_name: string;
  n: number;
  delivered: number;
  delivered_retail_c: number;
  delivered_cost_c: number;
  undelivered_retail_c: number;
  handed_back_c: number;
  owed_count: number;
}

/** States whose undelivered cards are owed back to the customer (see money-figures.ts). */
const OWING_STATES: readonly SaleState[] = ['PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'CANCELLED'];

export function emptyTotals(): SalesTotals {
  return {
    salesCount: 0,
    cardsSold: 0,
    retailTotalC: 0,
    costTotalC: 0,
    marginC: 0,
    partial: { count: 0, refundDueC: 0, deliveredRetailC: 0 },
    refunded: { count: 0, refundDueC: 0 },
    rejected: { count: 0, refundDueC: 0 },
    cancelled: { count: 0, refundDueC: 0 },
    pending: { count: 0, retailC: 0 },
    refunds: { dueC: 0, handedBackC: 0, owedC: 0, owedCount: 0 },
    byProduct: [],
    byLine: [],
  };
}

/**
 * The grouped totals query, shared by the till's SQLite ledger and the shop's PostgreSQL copy
 * (shop-views/): the same columns, so one SQL text serves both. `table` is `sales` or `shop_sales`;
 * `where` names its own parameters (`@name`). The shop's report also groups by till (`groupFirstBy`),
 * one query giving each till's totals and, folded together, the shop's. Sums are cast to BIGINT so PostgreSQL answers
 * integers (its SUM of bigint is numeric), which SQLite's integer sums already are.
 */
export function totalsSql(table: string, where: string, includeTraining: boolean, groupFirstBy?: 'till_id'): string {
  const first = groupFirstBy ? `${groupFirstBy}, ` : '';
  return `SELECT ${first}state, line, product_id, type_id, MAX(product_title) AS product_title, MAX(type_name) AS type_name,
            COUNT(*) AS n, CAST(SUM(delivered_quantity) AS BIGINT) AS delivered,
            CAST(SUM(delivered_quantity * unit_retail_c) AS BIGINT) AS delivered_retail_c,
            CAST(SUM(CASE WHEN delivered_quantity = 0 THEN 0 WHEN fulfilled_amount_c > 0 THEN fulfilled_amount_c
                     ELSE delivered_quantity * unit_cost_c END) AS BIGINT) AS delivered_cost_c,
            CAST(SUM((quantity - delivered_quantity) * unit_retail_c) AS BIGINT) AS undelivered_retail_c,
            CAST(SUM(refund_handed_c) AS BIGINT) AS handed_back_c,
            CAST(SUM(CASE WHEN refund_handed_at IS NULL AND quantity > delivered_quantity THEN 1 ELSE 0 END) AS BIGINT) AS owed_count
       FROM ${table}
      WHERE ${where}${includeTraining ? '' : " AND mode <> 'training'"}
      GROUP BY ${first}state, line, product_id, type_id`;
}

export function salesTotals(reader: LedgerReader, scope: TotalsScope, opts: { includeTraining: boolean }): SalesTotals {
  const where = 'shiftId' in scope ? 'shift_id = @shiftId' : 'created_at >= @from AND created_at < @to';
  const rows = reader.select<TotalsGroupRow>(
    totalsSql('sales', where, opts.includeTraining),
    'shiftId' in scope ? { shiftId: scope.shiftId } : { from: scope.from, to: scope.to },
  );
  return foldTotals(rows);
}

/** The money of a set of sales from the grouped rows of `totalsSql` (pure: both ledgers use it). */
export function foldTotals(rows: readonly TotalsGroupRow[]): SalesTotals {
  const t = emptyTotals();
  const lines = new Map<string, SalesTotals['byProduct'][number]>();
  const byLine = new Map<string, SalesTotals['byLine'][number]>();
  for (const r of rows) {
    // The same rule as moneyFigures (sales/money-figures.ts), summed: only settled-without-cards
    // states owe their undelivered cards; a confirmed refund never counts more than was due.
    if (OWING_STATES.includes(r.state) && r.undelivered_retail_c > 0) {
      const handed = Math.min(r.handed_back_c, r.undelivered_retail_c);
      t.refunds.dueC += r.undelivered_retail_c;
      t.refunds.handedBackC += handed;
      t.refunds.owedC += r.undelivered_retail_c - handed;
      t.refunds.owedCount += r.owed_count;
    }
    switch (r.state) {
      case 'FULFILLED':
      case 'PARTIALLY_FILLED': {
        t.salesCount += r.n;
        t.cardsSold += r.delivered;
        t.retailTotalC += r.delivered_retail_c;
        t.costTotalC += r.delivered_cost_c;
        if (r.state === 'PARTIALLY_FILLED') {
          t.partial.count += r.n;
          t.partial.deliveredRetailC += r.delivered_retail_c;
          t.partial.refundDueC += r.undelivered_retail_c;
        }
        const key = `${r.product_id}\u0000${r.type_id}`;
        const line = lines.get(key) ?? {
          productId: r.product_id,
          productTitle: r.product_title,
          typeId: r.type_id,
          typeName: r.type_name,
          sales: 0,
          cards: 0,
          retailC: 0,
          costC: 0,
        };
        line.sales += r.n;
        line.cards += r.delivered;
        line.retailC += r.delivered_retail_c;
        line.costC += r.delivered_cost_c;
        lines.set(key, line);
        const ofLine = byLine.get(r.line) ?? { line: r.line, sales: 0, retailC: 0, costC: 0 };
        ofLine.sales += r.n;
        ofLine.retailC += r.delivered_retail_c;
        ofLine.costC += r.delivered_cost_c;
        byLine.set(r.line, ofLine);
        break;
      }
      case 'REFUNDED':
        t.refunded.count += r.n;
        t.refunded.refundDueC += r.undelivered_retail_c;
        break;
      case 'REJECTED':
        t.rejected.count += r.n;
        t.rejected.refundDueC += r.undelivered_retail_c;
        break;
      case 'CANCELLED':
        t.cancelled.count += r.n;
        t.cancelled.refundDueC += r.undelivered_retail_c;
        break;
      default:
        t.pending.count += r.n;
        t.pending.retailC += r.undelivered_retail_c;
    }
  }
  t.marginC = t.retailTotalC - t.costTotalC;
  t.byProduct = [...lines.values()].sort(
    (a, b) => b.retailC - a.retailC || a.productTitle.localeCompare(b.productTitle) || a.typeName.localeCompare(b.typeName),
  );
  t.byLine = [...byLine.values()].sort((a, b) => a.line.localeCompare(b.line));
  return t;
}

/**
 * Cash the drawer should hold: opening cash plus what customers paid and kept paying for, i.e.
 * delivered cards and sales still pending (their money is held until they settle), plus refunds
 * not yet handed back: that cash has not left the drawer until the cashier confirms it did.
 */
export function expectedCash(openingC: number, totals: SalesTotals): number {
  return openingC + totals.retailTotalC + totals.pending.retailC + totals.refunds.owedC;
}
