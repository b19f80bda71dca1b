import type { RequestGate } from './request-gate';

/**
 * Keeps the till under the provider's request rate. The provider documents no number, only
 * HTTP 429, so the rate is a setting (requests per minute) and every call, reads and orders alike,
 * passes the gate first. It is a sliding window: never more than the per-minute figure in any
 * 60 s, nor more than a sixtieth of it in any 1 s (less a safety margin), so no window the provider might count in
 * (per second or per minute, fixed or sliding) sees more than it allows. A 429 pauses every call
 * until its Retry-After has passed, so a long queue drains at the rate the provider tolerates.
 */
export class RateGate implements RequestGate {
  /**
   * The gate counts a request when it leaves and the provider when it arrives; set exactly at the
   * limit they disagree now and then, so the till keeps 5 % below it.
   */
  static readonly MARGIN = 0.95;
  private readonly sent: number[] = [];
  private pausedUntil = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  setRate(perMinute: number): void {
    this.perMinute = perMinute;
  }

  /** Gives back the last slot taken, for a request that failed before it reached the provider. */
  release(): void {
    this.sent.pop();
  }

  private get budget(): number {
    return Math.max(1, Math.floor(this.perMinute * RateGate.MARGIN));
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  /** Resolves when the caller may send; callers are served in arrival order. */
  take(): Promise<void> {
    const turn = this.chain.then(() => this.waitForSlot());
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.now();
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      while (this.sent.length > 0 && (this.sent[0] as number) <= now - 60_000) this.sent.shift();
      const wait = Math.max(this.waitFor(now, 60_000, this.budget), this.waitFor(now, 1000, Math.max(1, Math.floor(this.budget / 60))));
      if (wait <= 0) {
        this.sent.push(now);
        return;
      }
      await this.sleep(wait);
    }
  }

  /** How long until fewer than `max` sends fall in the last `windowMs`. */
  private waitFor(now: number, windowMs: number, max: number): number {
    let inWindow = 0;
    for (let i = this.sent.length - 1; i >= 0 && (this.sent[i] as number) > now - windowMs; i--) inWindow++;
    if (inWindow < max) return 0;
    const oldestCounted = this.sent[this.sent.length - max] as number;
    return oldestCounted + windowMs - now + 1;
  }
}
