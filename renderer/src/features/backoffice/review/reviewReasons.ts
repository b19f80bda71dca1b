import type { AppErrorShape } from '../../../../../shared/result';

/**
 * Why the core refused the owner's decision on a sale flagged for review (details.reason of
 * sales:adoptCandidate, sales:dismissReview and sales:reviewCandidates), said by ErrorNote.
 */
export const REVIEW_REASONS = ['NOT_IN_REVIEW', 'NOT_A_CANDIDATE', 'ORDER_TAKEN', 'OTHER_KEY', 'SHOP_UNREACHABLE', 'HELD_FOR_SALE'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

/** The codes these refusals come with: a reason under any other code is not one of them. */
const REVIEW_CODES: readonly string[] = ['INVALID_STATE', 'INVALID_INPUT', 'NOT_FOUND', 'SHOP_UNREACHABLE'];

export function reviewReason(error: AppErrorShape): ReviewReason | null {
  if (!REVIEW_CODES.includes(error.code)) return null;
  const r = error.details?.reason;
  return typeof r === 'string' && (REVIEW_REASONS as readonly string[]).includes(r) ? (r as ReviewReason) : null;
}
