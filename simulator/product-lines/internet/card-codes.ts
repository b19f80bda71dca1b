import { randomBelow, randomDigits, type Rng } from '../../random';

const CODE_DIGITS = 12;

/**
 * Algérie Télécom card codes (12 digits) and transaction numbers (`AT-<year>-<5 digits>`). Codes
 * never repeat within a simulator, so a till test that finds a duplicate knows the till made it.
 */
export class InternetCardIssuer {
  private readonly codes = new Set<string>();

  constructor(private readonly rng: Rng) {}

  code(): string {
    for (;;) {
      const code = randomDigits(this.rng, CODE_DIGITS);
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }

  /** The 5 digits of a transaction number; the year is the processing date's, known only at delivery. */
  transactionDigits(): string {
    return String(randomBelow(this.rng, 100_000)).padStart(5, '0');
  }
}
