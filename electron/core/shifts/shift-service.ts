import type { CashCount, OpenShift, SalesTotals, ShiftReport } from '../../../shared/shop';
import { AppError } from '../../../shared/result';
import type { Ledger, SaleRow } from '../ledger/ledger';
import { expectedCash, salesTotals } from '../reports/totals';

export interface ShiftRow {
  id: number;
  /** Who opened the shift. */
  cashier_id: number;
  opened_by_name: string | null;
  opened_at: number;
  closed_at: number | null;
  opening_cash_c: number | null;
  counted_cash_c: number | null;
  counted_by: number | null;
  counted_by_name: string | null;
  counted_at: number | null;
  /** The expected cash the last count was compared with: closing confirms exactly that. */
  count_expected_c: number | null;
  counts: number;
  closed_by: number | null;
  closed_by_name: string | null;
  report: string | null;
}

/** Who acts on a shift: a signed-in cashier. */
export interface Actor {
  id: number;
  name: string;
}

/**
 * States that keep a shift open: the money of these sales is not settled yet. Two waits of the
 * provider's that last a day or two do not hold the drawer: a top-up TO_VERIFY and an internet
 * card QUEUED at Algérie Télécom. Their money stays in the drawer as pending (the customer paid,
 * nothing is owed back yet); if one later fails, its refund is owed like any other.
 */
const UNSETTLED = ['QUEUED', 'SENDING', 'PLACED', 'UNKNOWN', 'NEEDS_REVIEW', 'EXPIRED', 'AWAITING_OWNER'] as const;
const waitsForDays = (s: { state: string; provider_status: string | null }) => s.state === 'PLACED' && s.provider_status === 'QUEUED';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The till's shift: one drawer, one shift at a time, whoever is signed in. It opens only with a
 * float someone typed, it closes only after a blind count (shift:count), confirmed (close), and it
 * remembers who opened, who counted and who closed.
 */
export class ShiftService {
  constructor(
    private readonly ledger: Ledger,
    private readonly now: () => number,
  ) {}

  /** The till's open shift. Tills upgraded from per-cashier shifts may hold several: the oldest goes first. */
  current(): ShiftRow | null {
    return this.ledger.select<ShiftRow>('SELECT * FROM shifts WHERE closed_at IS NULL ORDER BY id LIMIT 1')[0] ?? null;
  }

  /** A sale belongs to the open shift; with none, nothing is sold (no float, no count). */
  requireOpen(): ShiftRow {
    const shift = this.current();
    if (!shift) throw new AppError('INVALID_STATE', 'No shift is open: count the float and open the till first', { reason: 'NO_SHIFT' });
    return shift;
  }

  get(id: number): ShiftRow | null {
    return this.ledger.select<ShiftRow>('SELECT * FROM shifts WHERE id = @id', { id })[0] ?? null;
  }

  open(who: Actor, openingCashC: number): ShiftRow {
    if (this.current()) throw new AppError('INVALID_STATE', 'A shift is already open on this till', { reason: 'SHIFT_OPEN' });
    const id = this.ledger.write('INSERT INTO shifts (cashier_id, opened_by_name, opened_at, opening_cash_c) VALUES (@id, @name, @now, @openingCashC)', {
      id: who.id,
      name: who.name,
      now: this.now(),
      openingCashC,
    });
    return this.get(id) as ShiftRow;
  }

  sales(shiftId: number): SaleRow[] {
    return this.ledger.select<SaleRow>('SELECT * FROM sales WHERE shift_id = @shiftId ORDER BY id', { shiftId });
  }

  private unsettled(shiftId: number): number[] {
    return this.sales(shiftId)
      .filter((s) => (UNSETTLED as readonly string[]).includes(s.state) && !waitsForDays(s))
      .map((s) => s.id);
  }

  /** Pending sales keep the money unknown: counting or closing now would compare with a guess. */
  private refuseIfPending(shiftId: number): void {
    const ids = this.unsettled(shiftId);
    if (ids.length > 0) throw new AppError('INVALID_STATE', `Sales still pending: ${ids.map((id) => `#${id}`).join(', ')}`, { saleIds: ids });
  }

  private expected(shift: ShiftRow, includeTraining: boolean): number {
    return expectedCash(shift.opening_cash_c ?? 0, salesTotals(this.ledger, { shiftId: shift.id }, { includeTraining }));
  }

  private countOf(shift: ShiftRow): CashCount | null {
    if (shift.counted_cash_c === null || shift.count_expected_c === null || shift.counted_by === null || shift.counted_at === null) return null;
    return {
      shiftId: shift.id,
      countedCashC: shift.counted_cash_c,
      expectedCashC: shift.count_expected_c,
      differenceC: shift.counted_cash_c - shift.count_expected_c,
      countedBy: { id: shift.counted_by, name: shift.counted_by_name ?? '' },
      countedAt: iso(shift.counted_at),
      counts: Math.max(1, shift.counts),
    };
  }

  /** What the counter may see of an open shift: no takings, no expected cash until counted. */
  status(shift: ShiftRow, openerName: string, includeTraining: boolean): OpenShift {
    const totals = salesTotals(this.ledger, { shiftId: shift.id }, { includeTraining });
    return {
      shiftId: shift.id,
      openedAt: iso(shift.opened_at),
      openedBy: { id: shift.cashier_id, name: shift.opened_by_name ?? openerName },
      openingCashC: shift.opening_cash_c ?? 0,
      salesCount: totals.salesCount,
      pendingSaleIds: this.unsettled(shift.id),
    };
  }

  /**
   * Records the counted cash, then (only then) answers what was expected and the difference.
   * Counting again replaces the figure and is numbered, so a recount after seeing the expected
   * figure shows on the report.
   */
  count(who: Actor, countedCashC: number, includeTraining: boolean): CashCount {
    const shift = this.requireOpen();
    this.refuseIfPending(shift.id);
    const expected = this.expected(shift, includeTraining);
    this.ledger.write(
      `UPDATE shifts SET counted_cash_c = @countedCashC, counted_by = @by, counted_by_name = @name, counted_at = @at,
         count_expected_c = @expected, counts = counts + 1 WHERE id = @id AND closed_at IS NULL`,
      { countedCashC, by: who.id, name: who.name, at: this.now(), expected, id: shift.id },
    );
    return this.countOf(this.get(shift.id) as ShiftRow) as CashCount;
  }

  /** Training sales count in a training till's reports, never in a real one's. */
  report(shift: ShiftRow, openerName: string, includeTraining: boolean): ShiftReport {
    return shiftReportOf(shift, openerName, salesTotals(this.ledger, { shiftId: shift.id }, { includeTraining }));
  }

  /**
   * Confirms the recorded count and closes. `countedCashC` must be the figure the counter saw
   * compared; a sale settled since the count changes what was expected, so the count is asked again.
   */
  close(who: Actor, countedCashC: number, openerName: string, includeTraining: boolean): ShiftReport {
    const shift = this.requireOpen();
    if (shift.counted_cash_c === null) throw new AppError('INVALID_STATE', 'Count the cash in the drawer before closing', { reason: 'NOT_COUNTED' });
    if (shift.counted_cash_c !== countedCashC)
      throw new AppError('INVALID_STATE', 'This is not the amount that was counted: count again', { reason: 'COUNT_MISMATCH' });
    this.refuseIfPending(shift.id);
    if (this.expected(shift, includeTraining) !== shift.count_expected_c) {
      throw new AppError('INVALID_STATE', 'Sales changed since the count: count again', { reason: 'COUNT_STALE' });
    }
    const closedAt = this.now();
    const closing: ShiftRow = { ...shift, closed_at: closedAt, closed_by: who.id, closed_by_name: who.name };
    const report = this.report(closing, openerName, includeTraining);
    this.ledger.write(
      'UPDATE shifts SET closed_at = @closedAt, closed_by = @by, closed_by_name = @name, report = @report WHERE id = @id AND closed_at IS NULL',
      { closedAt, by: who.id, name: who.name, report: JSON.stringify(report), id: shift.id },
    );
    return report;
  }

  shiftsOn(from: number, to: number): ShiftRow[] {
    return this.ledger.select<ShiftRow>('SELECT * FROM shifts WHERE opened_at >= @from AND opened_at < @to ORDER BY id', { from, to });
  }
}

/** A shift's report from its row and its sales' totals (pure: the shop-wide report uses it too). */
export function shiftReportOf(shift: ShiftRow, openerName: string, totals: SalesTotals): ShiftReport {
  const opening = shift.opening_cash_c ?? 0;
  const expected = expectedCash(opening, totals);
  return {
    shiftId: shift.id,
    cashierId: shift.cashier_id,
    cashierName: shift.opened_by_name ?? openerName,
    openedAt: iso(shift.opened_at),
    closedAt: shift.closed_at === null ? null : iso(shift.closed_at),
    openingCashC: opening,
    countedCashC: shift.counted_cash_c,
    expectedCashC: expected,
    differenceC: shift.counted_cash_c === null ? null : shift.counted_cash_c - expected,
    totals,
    countedBy: shift.counted_by === null ? null : { id: shift.counted_by, name: shift.counted_by_name ?? '' },
    counts: shift.counts,
    closedBy: shift.closed_by === null ? null : { id: shift.closed_by, name: shift.closed_by_name ?? '' },
  };
}
