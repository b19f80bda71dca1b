import { SALE_STATES, type SaleState } from '../../../../../shared/domain';
import type { CommandInput } from '../../../../../shared/contract';
import { asciiDigits } from '../../counter/quantity';

export type HistoryQuery = CommandInput<'history:search'>;

/** The history filters as typed. Dates come from <input type="date"> (YYYY-MM-DD, local days). */
export type HistoryFilters = {
  from: string;
  to: string;
  cashier: string;
  productId: string;
  state: '' | SaleState;
  saleNumber: string;
  codeSuffix: string;
};

export const emptyFilters: HistoryFilters = { from: '', to: '', cashier: '', productId: '', state: '', saleNumber: '', codeSuffix: '' };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in the till's local time, as a date input wants it. */
export function localDay(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Local midnight starting `day`, plus `addDays`; null when the text is not a real date. */
export function dayStart(day: string, addDays = 0): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]) - 1;
  const d = Number(m[3]);
  const date = new Date(y, mo, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo || date.getDate() !== d) return null;
  if (addDays) date.setDate(date.getDate() + addDays);
  return date;
}

export type FilterError = 'from' | 'to' | 'range' | 'saleNumber';

/**
 * Turns the filters into a history:search query: "to" includes the whole day (the core's `to` is
 * exclusive), a sale number may be typed "12" or "n° 12", the cashier filter only when allowed.
 */
export function queryFromFilters(f: HistoryFilters, opts: { includeCashier: boolean; limit?: number }): { query: HistoryQuery } | { error: FilterError } {
  const query: HistoryQuery = { limit: opts.limit ?? 200 };
  if (f.from) {
    const from = dayStart(f.from);
    if (!from) return { error: 'from' };
    query.from = from.toISOString();
  }
  if (f.to) {
    const to = dayStart(f.to, 1);
    if (!to) return { error: 'to' };
    query.to = to.toISOString();
  }
  if (query.from && query.to && query.from >= query.to) return { error: 'range' };
  const cashier = f.cashier.trim();
  if (opts.includeCashier && cashier) query.cashier = cashier;
  if (f.productId) query.productId = f.productId;
  if (f.state && (SALE_STATES as readonly string[]).includes(f.state)) query.states = [f.state];
  const number = asciiDigits(f.saleNumber)
    .replace(/^\s*(n°|no\.?|#)?\s*/i, '')
    .trim();
  if (number) {
    if (!/^\d{1,9}$/.test(number) || Number(number) < 1) return { error: 'saleNumber' };
    query.saleId = Number(number);
  }
  const suffix = f.codeSuffix.replace(/\s+/g, '');
  if (suffix) query.codeSuffix = suffix.slice(-40);
  return { query };
}

/** Timeline kinds the core writes; anything else is shown as written. */
export const TIMELINE_KINDS = [
  'confirmed',
  'sending',
  'placed',
  'fulfilled',
  'partially_filled',
  'refunded',
  'rejected',
  'outcome-unknown',
  'reconciled-found',
  'reconciled-ambiguous',
  'reconciled-not-created',
  'not-sent',
  'rate-limited',
  'expired',
  'cancelled',
  'send-now',
  'restart-while-sending',
  'send-interrupted',
  'printed',
  'reprinted',
  'revealed',
  'found-at-provider',
  'review-adopted',
  'review-none',
  'owner-send-anyway',
  'owner-cancelled',
] as const;

export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export function isKnownKind(kind: string): kind is TimelineKind {
  return (TIMELINE_KINDS as readonly string[]).includes(kind);
}

/** A reprint's detail is "<n> <who>": the duplicate number and who asked for it. */
export function reprintDetail(detail: string | null): { n: number; who: string } | null {
  const m = /^(\d+)\s+(.*)$/.exec(detail ?? '');
  return m ? { n: Number(m[1]), who: m[2] ?? '' } : null;
}

/** Exceptions the manager must look at (issue 4). */
// TO_VERIFY: a top-up the provider answered UNKNOWN_ERROR, with what to tell the customer (its hint).
export const EXCEPTION_STATES: SaleState[] = ['UNKNOWN', 'NEEDS_REVIEW', 'EXPIRED', 'REJECTED', 'AWAITING_OWNER', 'TO_VERIFY'];
