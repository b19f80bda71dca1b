import type { AppErrorShape } from '../../../../shared/result';

/** Why the core refused a shift step or a sale for want of a shift (details.reason of INVALID_STATE). */
export const SHIFT_REASONS = ['NO_SHIFT', 'SHIFT_OPEN', 'NOT_COUNTED', 'COUNT_MISMATCH', 'COUNT_STALE'] as const;
export type ShiftReason = (typeof SHIFT_REASONS)[number];

export function shiftReason(error: AppErrorShape): ShiftReason | null {
  if (error.code !== 'INVALID_STATE') return null;
  const r = error.details?.reason;
  return typeof r === 'string' && (SHIFT_REASONS as readonly string[]).includes(r) ? (r as ShiftReason) : null;
}

/** The difference in words: negative is a shortfall, positive a surplus (i18n keys). */
export function differenceKey(differenceC: number): 'shift.shortfall' | 'shift.surplus' | 'shift.exact' {
  if (differenceC < 0) return 'shift.shortfall';
  if (differenceC > 0) return 'shift.surplus';
  return 'shift.exact';
}
