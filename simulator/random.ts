import { createHash, randomBytes } from 'node:crypto';

/** A source of 32-bit integers: seeded (reproducible test runs) or from the OS (training mode). */
export interface Rng {
  nextUint32(): number;
}

/**
 * mulberry32: tiny and good enough for fake card codes. It is not cryptographic, which is fine
 * because simulated codes are worthless by design.
 */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  return {
    nextUint32() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    },
  };
}

export function cryptoRng(): Rng {
  return { nextUint32: () => randomBytes(4).readUInt32BE(0) };
}

/** Uniform integer in [0, n) by rejection, so that no character of a code is favoured. */
export function randomBelow(rng: Rng, n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const x = rng.nextUint32();
    if (x < limit) return x % n;
  }
}

export function randomHex(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += rng.nextUint32().toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** `count` random digits, the first non-zero so that a spreadsheet never eats a leading zero. */
export function randomDigits(rng: Rng, count: number): string {
  let digits = String(1 + randomBelow(rng, 9));
  for (let i = 1; i < count; i++) digits += String(randomBelow(rng, 10));
  return digits;
}

/** Stable 24-hex id derived from a name, so catalog ids survive restarts and releases. */
export function hashId(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 24);
}

/**
 * Mongo-style ObjectIds: creation second, a per-instance random part and a counter. The counter
 * alone guarantees uniqueness within one simulator, whatever the clock does.
 */
export function objectIdFactory(rng: Rng, now: () => Date): () => string {
  const instance = randomHex(rng, 10);
  let counter = randomBelow(rng, 0x10_0000);
  return () => {
    counter = (counter + 1) % 0x100_0000;
    const seconds = Math.floor(now().getTime() / 1000) >>> 0;
    return seconds.toString(16).padStart(8, '0') + instance + counter.toString(16).padStart(6, '0');
  };
}
