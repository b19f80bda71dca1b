import type Database from 'better-sqlite3';
import type { SaleState } from '../../../shared/domain';
import { asReader, type LedgerReader } from '../ledger/history';

/**
 * The end-of-day report, all amounts in integer centimes. A sale belongs to the day it was
 * confirmed (`created_at`). Money follows what the customer got:
 * - takings (`retailTotalC`) and cost count delivered cards only (a partial sale keeps the
 *   delivered part; the provider refunds the rest of the cost);
 * - `refundDueC` is what the cashier handed back: undelivered cards of partial and refunded sales,
 *   the whole amount of rejected and cancelled ones (as sale-dto's refundDue).
 * Training sales are left out unless asked for: their codes are not real.
 */
export interface ProductLine {
  productId: string;
  productTitle: string;
  typeId: string;
  typeName: string;
  /** Sales that delivered at least one card of this denomination. */
  sales: number;
  cards: number;
  retailC: number;
  costC: number;
}

export interface StateTotal {
  count: number;
  /** Retail value of the cards that were not delivered (what was handed back). */
  refundDueC: number;
}

export interface DayReport {
  from: number;
  to: number;
  /** Sales that delivered at least one card (FULFILLED + PARTIALLY_FILLED). */
  salesCount: number;
  cardsSold: number;
  retailTotalC: number;
  costTotalC: number;
  marginC: number;
  partial: StateTotal & { deliveredRetailC: number };
  refunded: StateTotal;
  rejected: StateTotal;
  cancelled: StateTotal;
  /** Confirmed that day but not final yet (queued, placed, unknown, needs review, expired). */
  pending: { count: number; retailC: number };
  byProduct: ProductLine[];
}

interface GroupRow {
  state: SaleState;
  product_id: string;
  type_id: string;
  product_title: string;
  type_name: string;
  n: number;
  quantity: number;
  delivered: number;
  delivered_retail_c: number;
  delivered_cost_c: number;
  undelivered_retail_c: number;
}

/** Local-time bounds of a calendar day given as `YYYY-MM-DD`. */
export function localDayBounds(day: string): { from: number; to: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError('day must be YYYY-MM-DD');
  const from = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const to = new Date(from);
  to.setDate(to.getDate() + 1);
  return { from: from.getTime(), to: to.getTime() };
}

export function dayReport(source: LedgerReader | Database.Database, range: { from: number; to: number; includeTraining?: boolean }): DayReport {
  const rows = asReader(source).select<GroupRow>(
    `SELECT state, product_id, type_id, MAX(product_title) AS product_title, MAX(type_name) AS type_name,
            COUNT(*) AS n, SUM(quantity) AS quantity, SUM(delivered_quantity) AS delivered,
            SUM(delivered_quantity * unit_retail_c) AS delivered_retail_c,
            SUM(delivered_quantity * unit_cost_c) AS delivered_cost_c,
            SUM((quantity - delivered_quantity) * unit_retail_c) AS undelivered_retail_c
       FROM sales
      WHERE created_at >= @from AND created_at < @to${range.includeTraining ? '' : " AND mode <> 'training'"}
      GROUP BY state, product_id, type_id`,
    { from: range.from, to: range.to },
  );
  const report: DayReport = {
    from: range.from,
    to: range.to,
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
    byProduct: [],
  };
  const lines = new Map<string, ProductLine>();
  for (const r of rows) {
    switch (r.state) {
      case 'FULFILLED':
      case 'PARTIALLY_FILLED': {
        report.salesCount += r.n;
        report.cardsSold += r.delivered;
        report.retailTotalC += r.delivered_retail_c;
        report.costTotalC += r.delivered_cost_c;
        if (r.state === 'PARTIALLY_FILLED') {
          report.partial.count += r.n;
          report.partial.deliveredRetailC += r.delivered_retail_c;
          report.partial.refundDueC += r.undelivered_retail_c;
        }
        const key = `${r.product_id}\u0000${r.type_id}`;
        let line = lines.get(key);
        if (!line) {
          line = { productId: r.product_id, productTitle: r.product_title, typeId: r.type_id, typeName: r.type_name, sales: 0, cards: 0, retailC: 0, costC: 0 };
          lines.set(key, line);
        }
        line.sales += r.n;
        line.cards += r.delivered;
        line.retailC += r.delivered_retail_c;
        line.costC += r.delivered_cost_c;
        break;
      }
      case 'REFUNDED':
        report.refunded.count += r.n;
        report.refunded.refundDueC += r.undelivered_retail_c;
        break;
      case 'REJECTED':
        report.rejected.count += r.n;
        report.rejected.refundDueC += r.undelivered_retail_c;
        break;
      case 'CANCELLED':
        report.cancelled.count += r.n;
        report.cancelled.refundDueC += r.undelivered_retail_c;
        break;
      default:
        report.pending.count += r.n;
        report.pending.retailC += r.undelivered_retail_c;
    }
  }
  report.marginC = report.retailTotalC - report.costTotalC;
  report.byProduct = [...lines.values()].sort((a, b) => b.retailC - a.retailC || a.productTitle.localeCompare(b.productTitle) || a.typeName.localeCompare(b.typeName));
  return report;
}
