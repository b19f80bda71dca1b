import type { DayReport, SalesTotals } from '../../../shared/shop';
import { localDayBounds } from '../reports/day-report';
import { expectedCash, foldTotals, totalsSql, type TotalsGroupRow } from '../reports/totals';
import { shiftReportOf, type ShiftRow } from '../shifts/shift-service';
import type { ShopScope } from './shop-scope';
import { tillNamer } from './shop-tills';

type TillGroupRow = TotalsGroupRow & { till_id: string };

/**
 * The day report of the whole shop (or of one till of it) from the shop's server: the same totals
 * query and the same pure money rules as a till's own report (reports/totals.ts), grouped by till
 * too, so each till's share and the shop's total come from one read. Training sales never count:
 * another till's training is not real money.
 */
export async function buildShopDayReport(scope: ShopScope, day: string): Promise<DayReport> {
  const { from, to } = localDayBounds(day);
  const { reader } = scope;
  const tillFilter = scope.tillId === undefined ? '' : ' AND till_id = @tillId::uuid';
  const params: Record<string, unknown> = { from, to, ...(scope.tillId === undefined ? {} : { tillId: scope.tillId }) };

  const ref = await tillNamer(reader);

  const groups = await reader.select<TillGroupRow>(totalsSql('shop_sales', `created_at >= @from AND created_at < @to${tillFilter}`, false, 'till_id'), params);
  const totals = foldTotals(groups);
  const perTill = new Map<string, TillGroupRow[]>();
  for (const g of groups) perTill.set(g.till_id, [...(perTill.get(g.till_id) ?? []), g]);
  const byTill = [...perTill.entries()]
    .map(([id, rows]) => ({ till: ref(id), totals: foldTotals(rows) }))
    .sort((a, b) => a.till.name.localeCompare(b.till.name))
    .map(({ till, totals: t }) => ({
      till,
      salesCount: t.salesCount,
      cardsSold: t.cardsSold,
      retailTotalC: t.retailTotalC,
      costTotalC: t.costTotalC,
      marginC: t.marginC,
    }));

  const byCashier = await reader.select<{ till_id: string; cashier: string; n: number; retail: number }>(
    `SELECT till_id, cashier, CAST(SUM(CASE WHEN delivered_quantity > 0 THEN 1 ELSE 0 END) AS BIGINT) AS n,
            CAST(SUM(delivered_quantity * unit_retail_c) AS BIGINT) AS retail
       FROM shop_sales WHERE created_at >= @from AND created_at < @to AND mode <> 'training'${tillFilter}
      GROUP BY till_id, cashier`,
    params,
  );

  const shiftRows = await reader.select<ShiftRow & { till_id: string }>(
    `SELECT * FROM shop_shifts WHERE opened_at >= @from AND opened_at < @to${tillFilter} ORDER BY opened_at, id`,
    params,
  );
  // Each shift's totals by the (till_id, shift_id) index (a shift's sales are its own, even those
  // after midnight): one small query per shift (about 1 ms each over 1M sales, bench/shop-report.ts),
  // asked together over the pool.
  const shifts = await Promise.all(
    shiftRows.map(async (sh) => {
      const rows = await reader.select<TotalsGroupRow>(totalsSql('shop_sales', 'till_id = @tillId::uuid AND shift_id = @shiftId', false), {
        tillId: sh.till_id,
        shiftId: sh.id,
      });
      return { ...shiftReportOf(normaliseShift(sh), `#${sh.cashier_id}`, foldTotals(rows)), till: ref(sh.till_id) };
    }),
  );

  const openingCashC = shifts.reduce((sum, r) => sum + r.openingCashC, 0);
  const allCounted = shifts.length > 0 && shifts.every((r) => r.countedCashC !== null);
  return {
    day,
    totals,
    byCashier: byCashier
      .map((c) => ({ cashier: c.cashier, salesCount: c.n ?? 0, retailTotalC: c.retail ?? 0, till: ref(c.till_id) }))
      .sort((a, b) => a.till.name.localeCompare(b.till.name) || a.cashier.localeCompare(b.cashier)),
    shifts,
    byTill,
    scope: 'shop',
    ...(scope.tillId === undefined ? {} : { till: ref(scope.tillId) }),
    openingCashC,
    expectedCashC: expectedCash(openingCashC, totals as SalesTotals),
    countedCashC: allCounted ? shifts.reduce((sum, r) => sum + (r.countedCashC ?? 0), 0) : null,
  };
}

/** The copy's shift columns are nullable where the local ones have defaults. */
function normaliseShift(sh: ShiftRow): ShiftRow {
  return { ...sh, counts: sh.counts ?? 0 };
}
