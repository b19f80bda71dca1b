import type { CommandHandlers } from '../../../shared/contract';
import type { DayReport, ReconcileReport } from '../../../shared/shop';
import { AppError } from '../../../shared/result';
import { salesQueryFrom, searchSales } from '../ledger/sales-search';
import type { Ledger } from '../ledger/ledger';
import type { SettingsService } from '../settings/settings-service';
import type { ShiftService } from '../shifts/shift-service';
import type { SessionManager } from '../staff/session';
import type { StaffRepo } from '../staff/staff-repo';
import { dayCsv, salesCsv } from './csv';
import { localDayBounds } from './day-report';
import { dayReportHtml, reconcileReportHtml, shiftReportHtml } from './report-html';
import { expectedCash, salesTotals } from './totals';

type ReportCommands = 'reports:day' | 'reports:html' | 'exports:csv';

export interface DayReportDeps {
  ledger: Ledger;
  shifts: ShiftService;
  staff: Pick<StaffRepo, 'get'>;
  /** Training sales count in the reports only while the till trains. */
  training: () => boolean;
}

export interface ReportHandlerDeps extends DayReportDeps {
  settings: SettingsService;
  session: SessionManager;
  /** The provider comparison of a day, for its printable page (reconcile-day.ts). */
  reconcile: (day: string) => Promise<ReconcileReport>;
}

export function buildDayReport(s: DayReportDeps, day: string): DayReport {
  const { from, to } = localDayBounds(day);
  const includeTraining = s.training();
  const totals = salesTotals(s.ledger, { from, to }, { includeTraining });
  const byCashier = s.ledger.select<{ cashier: string; n: number; retail: number }>(
    `SELECT cashier, SUM(delivered_quantity > 0) AS n, SUM(delivered_quantity * unit_retail_c) AS retail
       FROM sales WHERE created_at >= @from AND created_at < @to${includeTraining ? '' : " AND mode <> 'training'"}
      GROUP BY cashier ORDER BY cashier`,
    { from, to },
  );
  const shifts = s.shifts.shiftsOn(from, to).map((sh) => s.shifts.report(sh, s.staff.get(sh.cashier_id)?.name ?? `#${sh.cashier_id}`, includeTraining));
  const openingCashC = shifts.reduce((sum, r) => sum + r.openingCashC, 0);
  const allCounted = shifts.length > 0 && shifts.every((r) => r.countedCashC !== null);
  return {
    day,
    totals,
    byCashier: byCashier.map((c) => ({ cashier: c.cashier, salesCount: c.n ?? 0, retailTotalC: c.retail ?? 0 })),
    shifts,
    openingCashC,
    expectedCashC: expectedCash(openingCashC, totals),
    countedCashC: allCounted ? shifts.reduce((sum, r) => sum + (r.countedCashC ?? 0), 0) : null,
  };
}

export function reportHandlers(s: ReportHandlerDeps): Pick<CommandHandlers, ReportCommands> {
  const training = s.training;
  return {
    'reports:day': async ({ day }) => buildDayReport(s, day),
    'reports:html': async (input) => {
      const settings = s.settings.get();
      if (input.kind === 'shift') {
        const shift = s.shifts.get(input.shiftId);
        if (!shift) throw new AppError('NOT_FOUND', 'Unknown shift', { field: 'shiftId' });
        const who = s.session.require('cashier');
        // A cashier reads the report of a shift they opened, counted or closed, and only once it is
        // counted: before that it would show the expected cash and make the count a copy (blind count).
        const involved = [shift.cashier_id, shift.counted_by, shift.closed_by].includes(who.id);
        if (who.role !== 'owner' && (!involved || shift.counted_cash_c === null))
          throw new AppError('NOT_ALLOWED', 'Only the owner can do this', { reason: 'OWNER_ONLY' });
        const report = s.shifts.report(shift, s.staff.get(shift.cashier_id)?.name ?? '', training());
        return { html: shiftReportHtml(report, settings, training()) };
      }
      s.session.require('owner');
      if (input.kind === 'day') return { html: dayReportHtml(buildDayReport(s, input.day), settings, training()) };
      return { html: reconcileReportHtml(await s.reconcile(input.day), settings, training()) };
    },
    'exports:csv': async (input) => {
      if (input.kind === 'day') {
        const r = buildDayReport(s, input.day);
        return { filename: `rapport-${input.day}.csv`, mime: 'text/csv;charset=utf-8', content: dayCsv(r.totals) };
      }
      const sales = searchSales(s.ledger, salesQueryFrom(input.query, 1000));
      return { filename: 'ventes.csv', mime: 'text/csv;charset=utf-8', content: salesCsv(sales) };
    },
  };
}
