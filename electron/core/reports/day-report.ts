import type Database from 'better-sqlite3';
import type { SalesTotals } from '../../../shared/shop';
import { asReader, type LedgerReader } from '../ledger/sales-search';
import { salesTotals } from './totals';

/**
 * The totals of a calendar day. A sale belongs to the day it was confirmed (`created_at`).
 * Training sales are left out unless asked for: their codes are not real.
 */
export type DayTotals = SalesTotals & { from: number; to: number };

/** Local-time bounds of a calendar day given as `YYYY-MM-DD`. */
export function localDayBounds(day: string): { from: number; to: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new RangeError('day must be YYYY-MM-DD');
  const from = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const to = new Date(from);
  to.setDate(to.getDate() + 1);
  return { from: from.getTime(), to: to.getTime() };
}

export function dayReport(source: LedgerReader | Database.Database, range: { from: number; to: number; includeTraining?: boolean }): DayTotals {
  const totals = salesTotals(asReader(source), { from: range.from, to: range.to }, { includeTraining: range.includeTraining ?? false });
  return { from: range.from, to: range.to, ...totals };
}
