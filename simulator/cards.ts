import { randomBelow, randomDigits, type Rng } from './random';
import type { SimCard } from './types';

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SERIAL_DIGITS = 12;

/**
 * Issues fake cards whose codes and serials never repeat during the simulator's lifetime, so a
 * till test that finds a duplicate knows the till duplicated it, not the simulator.
 */
export class CardIssuer {
  private readonly codes = new Set<string>();
  private readonly serials = new Set<string>();

  constructor(private readonly rng: Rng) {}

  issue(count: number): SimCard[] {
    const cards: SimCard[] = [];
    for (let i = 0; i < count; i++) cards.push({ value: this.uniqueCode(), serial: this.uniqueSerial() });
    return cards;
  }

  private uniqueCode(): string {
    for (;;) {
      const groups: string[] = [];
      for (let g = 0; g < 4; g++) {
        let group = '';
        for (let c = 0; c < 4; c++) group += CODE_ALPHABET[randomBelow(this.rng, CODE_ALPHABET.length)];
        groups.push(group);
      }
      const code = groups.join('-');
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }

  private uniqueSerial(): string {
    for (;;) {
      const serial = randomDigits(this.rng, SERIAL_DIGITS);
      if (!this.serials.has(serial)) {
        this.serials.add(serial);
        return serial;
      }
    }
  }
}
