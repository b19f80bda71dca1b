import { describe, expect, it } from 'vitest';
import { REVIEW_REASONS, reviewReason } from '../../renderer/src/features/backoffice/review/reviewReasons';
import { en } from '../../renderer/src/i18n/strings/en';
import { fr } from '../../renderer/src/i18n/strings/fr';
import { ar } from '../../renderer/src/i18n/strings/ar';

/** A refusal of the owner's review is explained in words, in each language; other refusals are not mistaken for one. */
describe('the review of a flagged sale, in words', () => {
  it('reads the reasons the core gives, only under the codes it gives them with', () => {
    expect(reviewReason({ code: 'INVALID_STATE', message: 'x', details: { reason: 'ORDER_TAKEN' } })).toBe('ORDER_TAKEN');
    expect(reviewReason({ code: 'INVALID_INPUT', message: 'x', details: { reason: 'NOT_A_CANDIDATE' } })).toBe('NOT_A_CANDIDATE');
    expect(reviewReason({ code: 'SHOP_UNREACHABLE', message: 'x', details: { reason: 'SHOP_UNREACHABLE' } })).toBe('SHOP_UNREACHABLE');
    expect(reviewReason({ code: 'NOT_ALLOWED', message: 'x', details: { reason: 'ORDER_TAKEN' } })).toBeNull();
    expect(reviewReason({ code: 'INVALID_STATE', message: 'x', details: { reason: 'NO_SHIFT' } })).toBeNull();
    expect(reviewReason({ code: 'INVALID_STATE', message: 'x', details: { reason: { toString: () => 'ORDER_TAKEN' } } })).toBeNull();
    expect(reviewReason({ code: 'INVALID_STATE', message: 'x' })).toBeNull();
  });

  it('has a sentence for every reason in French, Arabic and English', () => {
    for (const dict of [fr, ar, en]) {
      const reasons = (dict as unknown as { reasons: Record<string, string> }).reasons;
      for (const reason of REVIEW_REASONS) expect(reasons[reason], reason).toMatch(/\S{3}/);
    }
  });
});
