import type { ShiftReport } from '../../../shared/shop';
import { AppError } from '../../../shared/result';
import type { Ledger, SaleRow } from '../ledger/ledger';
import { expectedCash, salesTotals } from '../reports/totals';

export interface ShiftRow {
  id: number;
  cashier_id: number;
  opened_at: number;
  closed_at: number | null;
  opening_cash_c: number | null;
  counted_cash_c: number | null;
  report: string | null;
}

/** States that keep a shift open: the money of these sales is not settled yet. */
const UNSETTLED = ['QUEUED', 'SENDING', 'PLACED', 'UNKNOWN', 'NEEDS_REVIEW', 'EXPIRED'] as const;

export class ShiftService {
  constructor(private readonly ledger: Ledger, private readonly now: () => number) {}

  current(cashierId: number): ShiftRow | null {
    return this.ledger.select<ShiftRow>('SELECT * FROM shifts WHERE cashier_id = @cashierId AND closed_at IS NULL ORDER BY id DESC LIMIT 1', { cashierId })[0] ?? null;
  }

  get(id: number): ShiftRow | null {
    return this.ledger.select<ShiftRow>('SELECT * FROM shifts WHERE id = @id', { id })[0] ?? null;
  }

  open(cashierId: number, openingCashC: number | null): ShiftRow {
    if (this.current(cashierId)) throw new AppError('INVALID_STATE', 'A shift is already open for this cashier');
    const id = this.ledger.write('INSERT INTO shifts (cashier_id, opened_at, opening_cash_c) VALUES (@cashierId, @now, @openingCashC)', { cashierId, now: this.now(), openingCashC });
    return this.get(id) as ShiftRow;
  }

  /** A sale always belongs to a shift; one is opened (with no counted cash) if the cashier has none. */
  ensureOpen(cashierId: number): ShiftRow {
    return this.current(cashierId) ?? this.open(cashierId, null);
  }

  sales(shiftId: number): SaleRow[] {
    return this.ledger.select<SaleRow>('SELECT * FROM sales WHERE shift_id = @shiftId ORDER BY id', { shiftId });
  }

  /** Training sales count in a training till's reports, never in a real one's. */
  report(shift: ShiftRow, cashierName: string, includeTraining: boolean): ShiftReport {
    const totals = salesTotals(this.ledger, { shiftId: shift.id }, { includeTraining });
    const opening = shift.opening_cash_c ?? 0;
    const expected = expectedCash(opening, totals);
    return {
      shiftId: shift.id,
      cashierId: shift.cashier_id,
      cashierName,
      openedAt: new Date(shift.opened_at).toISOString(),
      closedAt: shift.closed_at === null ? null : new Date(shift.closed_at).toISOString(),
      openingCashC: opening,
      countedCashC: shift.counted_cash_c,
      expectedCashC: expected,
      differenceC: shift.counted_cash_c === null ? null : shift.counted_cash_c - expected,
      totals,
    };
  }

  close(cashierId: number, cashierName: string, countedCashC: number, includeTraining: boolean): ShiftReport {
    const shift = this.current(cashierId);
    if (!shift) throw new AppError('INVALID_STATE', 'No shift is open');
    const unsettled = this.sales(shift.id).filter((s) => (UNSETTLED as readonly string[]).includes(s.state));
    if (unsettled.length > 0) {
      throw new AppError('INVALID_STATE', `Sales still pending: ${unsettled.map((s) => `#${s.id}`).join(', ')}`, {
        saleIds: unsettled.map((s) => s.id),
      });
    }
    const closedAt = this.now();
    const report = this.report({ ...shift, closed_at: closedAt, counted_cash_c: countedCashC }, cashierName, includeTraining);
    this.ledger.write('UPDATE shifts SET closed_at = @closedAt, counted_cash_c = @countedCashC, report = @report WHERE id = @id AND closed_at IS NULL', {
      closedAt,
      countedCashC,
      report: JSON.stringify(report),
      id: shift.id,
    });
    return report;
  }

  shiftsOn(from: number, to: number): ShiftRow[] {
    return this.ledger.select<ShiftRow>('SELECT * FROM shifts WHERE opened_at >= @from AND opened_at < @to ORDER BY id', { from, to });
  }
}
