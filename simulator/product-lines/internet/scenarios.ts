/**
 * Number formats and the numbers that make the internet simulator do something other than deliver
 * a card at once (the docs document no such number: these are ours).
 */
import type { InternetType } from './products';

export const INTERNET_NUMBERS = {
  adsl: {
    /** QUEUED after HANDLING until the control resolves it or queuedResolveMs passes (then FULFILLED). */
    queued: '036000001',
    refunded: '036000002',
    /** Delivered, but stored under `API-<username>-test-internet-<ms>` instead of the sent ref. */
    rewrittenRef: '036000003',
    /** Well formed, but no line: ERR_PHONE. */
    notALine: '036999999',
  },
  fourG: {
    queued: '213000000001',
    refunded: '213000000002',
    notALine: '213999999999',
  },
} as const;

export type InternetOutcome = 'fulfil' | 'queue' | 'refund';

export function outcomeFor(number: string): InternetOutcome {
  switch (number) {
    case INTERNET_NUMBERS.adsl.queued:
    case INTERNET_NUMBERS.fourG.queued:
      return 'queue';
    case INTERNET_NUMBERS.adsl.refunded:
    case INTERNET_NUMBERS.fourG.refunded:
      return 'refund';
    default:
      return 'fulfil';
  }
}

export const rewritesRef = (number: string): boolean => number === INTERNET_NUMBERS.adsl.rewrittenRef;

const FORMAT: Readonly<Record<InternetType, RegExp>> = { ADSL: /^0[0-9]{8}$/, '4G': /^213[0-9]{9}$/ };
const NOT_A_LINE: ReadonlySet<string> = new Set([INTERNET_NUMBERS.adsl.notALine, INTERNET_NUMBERS.fourG.notALine]);

/** Why the provider would refuse this number for this service, or null if it is a line it serves. */
export function phoneProblem(type: InternetType, number: string): string | null {
  if (!FORMAT[type].test(number)) return 'Number does not match required format';
  if (NOT_A_LINE.has(number)) return `Number is not an active ${type} line`;
  return null;
}

/** What check-number says of a served line (masked customer id; the offer for ADSL only). */
export function lineInfo(type: InternetType): Record<string, string> {
  return type === 'ADSL' ? { ncli: '11022*****', offre: 'FTTc-b_10M', type: 'ADSL' } : { ncli: '11034*****', type: '4GLTE' };
}
