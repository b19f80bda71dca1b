import type { SimMobileTopup, SimTopupStatus } from '../../types';
import { TopupStore, type InsufficientBalance, type TopupRecordBase } from '../topup-book';
import { costOfC } from '../topup-kit';
import { FACTURE_NAME, initialPlans, type MobilePlan } from './plans';
import { MOBILE_TOPUP_NUMBERS, OFFERS_REFUND_MESSAGE, outcomeFor, REFUND_MESSAGE, UNKNOWN_ERROR_MESSAGE, type MobileOutcome } from './scenarios';

export type MobileStatus = Extract<SimTopupStatus, 'PENDING' | 'HANDLING' | 'FULFILLED' | 'REFUNDED' | 'UNKNOWN_ERROR'>;

export interface SuggestedOffer {
  typename: string;
  plan_code: string;
  amount: number;
}

export interface MobileTopupRecord extends TopupRecordBase {
  readonly planCode: string;
  /** Face value, DZD. */
  readonly amount: number;
  readonly outcome: MobileOutcome;
  status: MobileStatus;
  /** When the current status began (UNKNOWN_ERROR resolves this long after). */
  sinceMs: number;
  refundMessage?: string;
  suggestedOffers?: SuggestedOffer[];
}

export type MobileSendResult = { ok: true; topup: MobileTopupRecord } | InsufficientBalance;

/**
 * The mobile line's provider-side state: its plans (enabled or not) and its top-ups, which settle
 * lazily like gift-card orders: PENDING for the first half of the current `handlingMs`, HANDLING for
 * the second, then the outcome the number decided at send.
 */
export class MobileTopupStore extends TopupStore<MobileTopupRecord> {
  private readonly plans: MobilePlan[] = initialPlans();

  allPlans(): readonly MobilePlan[] {
    return this.plans;
  }

  plan(code: string): MobilePlan | undefined {
    return this.plans.find((p) => p.code === code);
  }

  setPlanEnabled(code: string, enabled: boolean): boolean {
    const plan = this.plan(code);
    if (!plan) return false;
    plan.isEnabled = enabled;
    return true;
  }

  /** Input already validated: debits the balance and records the top-up. */
  send(input: { key: string; username: string; plan: MobilePlan; number: string; amount: number; ref: string | null }): MobileSendResult {
    this.settle();
    const amount = input.plan.kind === 'fixed' ? input.plan.amount : input.amount;
    const charge = { type: 'FLEXY' as const, debitC: costOfC(amount, input.plan.cost ?? 1), note: `${input.plan.code} ${amount}` };
    // The documented sandbox answer: the provider keeps its own ref, not the one it was sent.
    const rewritten = input.number === MOBILE_TOPUP_NUMBERS.rewrittenRef;
    const rewrittenRef = rewritten ? (nowMs: number) => `API-${input.username}-test-${nowMs}-success` : null;
    return this.debitAndRecord(input, charge, rewrittenRef, (base, nowMs) => ({
      ...base,
      planCode: input.plan.code,
      amount,
      outcome: outcomeFor(input.number),
      status: 'PENDING',
      sinceMs: nowMs,
    }));
  }

  protected settleOne(t: MobileTopupRecord, nowMs: number): void {
    const { handlingMs } = this.deps.state;
    if (t.status === 'PENDING' || t.status === 'HANDLING') {
      // The current handlingMs applies, so a test parks top-ups by raising it (as for orders).
      const dueMs = t.createdAtMs + handlingMs;
      if (nowMs < dueMs) {
        if (t.status === 'PENDING' && nowMs >= t.createdAtMs + handlingMs / 2) this.enter(t, 'HANDLING', t.createdAtMs + handlingMs / 2);
        return;
      }
      switch (t.outcome) {
        case 'fulfil':
          this.fulfil(t, dueMs);
          return;
        case 'refund':
          this.refund(t, dueMs, REFUND_MESSAGE);
          return;
        case 'refund-with-offers':
          this.refund(t, dueMs, OFFERS_REFUND_MESSAGE, [{ typename: FACTURE_NAME, plan_code: 'FACTURE_DJEZZY', amount: t.amount }]);
          return;
        case 'unknown-error':
          this.enter(t, 'UNKNOWN_ERROR', dueMs);
          t.refundMessage = UNKNOWN_ERROR_MESSAGE;
          break;
      }
    }
    if (t.status === 'UNKNOWN_ERROR') {
      // The provider's support settles it in the end; in the sandbox of this simulator, as delivered.
      const resolvedMs = t.sinceMs + this.deps.timing.unknownErrorResolveMs;
      if (nowMs >= resolvedMs) this.fulfil(t, resolvedMs);
    }
  }

  private enter(t: MobileTopupRecord, status: MobileStatus, atMs: number): void {
    t.status = status;
    t.sinceMs = atMs;
  }

  protected fulfil(t: MobileTopupRecord, atMs: number): void {
    this.enter(t, 'FULFILLED', atMs);
    delete t.refundMessage;
  }

  protected refundByControl(t: MobileTopupRecord, atMs: number): void {
    this.refund(t, atMs, REFUND_MESSAGE);
  }

  private refund(t: MobileTopupRecord, atMs: number, message: string, offers?: SuggestedOffer[]): void {
    this.enter(t, 'REFUNDED', atMs);
    t.refundMessage = message;
    if (offers) t.suggestedOffers = offers;
    this.deps.state.credit('REFUND-FLEXY', t.id, t.debitC, `Refund ${t.planCode} ${t.amount}`, atMs);
  }
}

/** The control's view of a mobile top-up. */
export function simMobileTopup(t: MobileTopupRecord): SimMobileTopup {
  return {
    line: 'mobile-topups',
    id: t.id,
    ref: t.sentRef,
    topupRef: t.topupRef,
    number: t.number,
    planCode: t.planCode,
    amount: t.amount,
    status: t.status,
    createdAt: new Date(t.createdAtMs).toISOString(),
    key: t.key,
    debited: t.debitC / 100,
  };
}
