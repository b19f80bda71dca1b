/**
 * The numbers that make the mobile simulator do something other than succeed, and the operator
 * rules. 0600000001/2 are the provider's documented sandbox numbers (oneclickdz-topups.md §5); 3 and 4
 * are ours, for the cases the docs describe but give no number for.
 */
import type { Operator } from './plans';

export const MOBILE_TOPUP_NUMBERS = {
  /** REFUNDED with an Arabic refund_message, no offers (documented sandbox number). */
  refunded: '0600000001',
  /** REFUNDED with the documented "send one of these offers" message and a FACTURE_DJEZZY offer. */
  refundedWithOffers: '0600000002',
  /** UNKNOWN_ERROR until the control resolves it or unknownErrorResolveMs passes (then FULFILLED). */
  unknownError: '0600000003',
  /** Succeeds, but the provider stores `API-<username>-test-<ms>-success` instead of the sent ref. */
  rewrittenRef: '0600000004',
} as const;

export type MobileOutcome = 'fulfil' | 'refund' | 'refund-with-offers' | 'unknown-error';

export function outcomeFor(number: string): MobileOutcome {
  switch (number) {
    case MOBILE_TOPUP_NUMBERS.refunded:
      return 'refund';
    case MOBILE_TOPUP_NUMBERS.refundedWithOffers:
      return 'refund-with-offers';
    case MOBILE_TOPUP_NUMBERS.unknownError:
      return 'unknown-error';
    default:
      return 'fulfil';
  }
}

export const MSSIDN_PATTERN = /^0[567][0-9]{8}$/;

/** Sandbox numbers go with any plan (the docs send 0600000001 with a Djezzy plan). */
const SANDBOX_NUMBER = /^06000000[0-9]{2}$/;

/** Common Algerian numbering (not documented by the provider): 05 Ooredoo, 06 Mobilis, 07 Djezzy. */
const PREFIX_OPERATOR: Readonly<Record<string, Operator>> = { '5': 'Ooredoo', '6': 'Mobilis', '7': 'Djezzy' };

/** Whether the provider accepts this number on a plan of this operator. */
export function numberFitsOperator(number: string, operator: Operator): boolean {
  if (operator === 'Pixx' || SANDBOX_NUMBER.test(number)) return true;
  const network = PREFIX_OPERATOR[number.charAt(1)];
  return network === (operator === 'GMobilis' ? 'Mobilis' : operator);
}

export const REFUND_MESSAGE = 'تعذر إتمام عملية الشحن، تم إرجاع المبلغ إلى رصيدك';
/** Verbatim from the provider's list example (sandbox number 0600000002). */
export const OFFERS_REFUND_MESSAGE = 'هذا رقم الهاتف لا يقبل العرض المرسل، الرجاء إرسال أحد العروض التالية';
/** The docs' example starts "هذه العملية حالتها غ…": the operation's state is unknown, wait, do not resend. */
export const UNKNOWN_ERROR_MESSAGE = 'هذه العملية حالتها غير معروفة حاليا، سيتم تأكيدها خلال 24 ساعة، لا تقم بإعادة الإرسال ولا بإرجاع المبلغ';
