import type pg from 'pg';
import type { Logger } from '../platform/ports';
import { RateGate } from '../provider/rate-gate';
import type { RequestGate } from '../provider/request-gate';
import { pushRequestSlotsBack, registeredTills, requestSlotKey, takeRequestSlot, type SlotResult } from './shop-request-slots';

export interface ShopRateGateOptions {
  /** The till's pool to the shop's server (the shared ledger's). */
  pool: pg.Pool;
  /** Joined to the shop's server (schema there, till registered): until then the till paces alone. */
  joined: () => boolean;
  /** Fingerprint of the key in use; null for a key the shop does not share (the training simulator). */
  keyId: () => string | null;
  /** The shop's request rate (settings.apiRequestsPerMinute, a shop-wide setting). */
  perMinute: () => number;
  logger?: Logger;
  /** Longest a turn waits for the server's answer before the till paces on its own. */
  answerWithinMs?: number;
  /** After the server did not answer, how long the till paces on its own before asking it again. */
  retryServerAfterMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** How often the number of registered tills (the cut-off share) is read again. */
const TILLS_REFRESH_MS = 60_000;

/**
 * The shop's request budget with the provider, for a till joined to the shop's server: the provider
 * counts requests per key (and IP), not per till, so every till of the shop takes its turns from one
 * sequence on the server (shop-request-slots.ts), spaced by the shop's rate less RateGate's 5 %
 * margin. One round trip per request. Strict spacing, no bursts: a burst allowance on a shared
 * sequence would let a window see twice the per-second share.
 *
 * When the server cannot be asked (not joined yet, down, or slower than answerWithinMs) the till
 * paces on its own at the shop's rate divided by the tills registered when it last asked (the full
 * rate before it ever did): a till cut off from the server sends no order anyway (it cannot take the
 * sender lock), and its share keeps its reads from eating the others' budget. A key the shop does
 * not share (training) is paced by the till alone at the full rate.
 *
 * A 429 pauses this till and pushes the key's next slot past the Retry-After, so every till backs off.
 */
export class ShopRateGate implements RequestGate {
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** For a key the shop does not share: the full rate. */
  private readonly own: RateGate;
  /** While the server cannot be asked: the till's share of the shop's rate. */
  private readonly alone: RateGate;
  /** The local gate that gave the last turn (release() gives it back there); null: the shop's. */
  private lastLocal: RateGate | null = null;
  private pausedUntil = 0;
  private askServerAfter = 0;
  private tills = 1;
  private tillsReadAt = Number.NEGATIVE_INFINITY;
  private pacingAlone = false;
  private pushing: Promise<unknown> = Promise.resolve();
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly o: ShopRateGateOptions) {
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.own = new RateGate(o.perMinute(), this.now, this.sleep);
    this.alone = new RateGate(o.perMinute(), this.now, this.sleep);
  }

  take(): Promise<void> {
    const turn = this.chain.then(() => this.turn());
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  /** A shop slot is not given back (one round trip more to save a turn): only a local one is. */
  release(): void {
    this.lastLocal?.release();
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    const keyId = this.o.keyId();
    if (keyId === null || !this.o.joined()) return;
    this.pushing = pushRequestSlotsBack(this.o.pool, requestSlotKey(keyId), ms).catch((e: unknown) => this.failed(e));
  }

  /** Resolves once the last 429's pause has reached the server (or failed to): for tests. */
  async settled(): Promise<void> {
    await this.pushing;
  }

  /** The share this till keeps to while it cannot ask the server (per minute). */
  get aloneRate(): number {
    return Math.max(1, Math.floor(this.o.perMinute() / this.tills));
  }

  private async turn(): Promise<void> {
    this.lastLocal = null;
    const paused = this.pausedUntil - this.now();
    if (paused > 0) await this.sleep(paused);
    const keyId = this.o.keyId();
    if (keyId === null) return this.local(this.own, this.o.perMinute());
    if (!this.o.joined() || this.now() < this.askServerAfter) return this.local(this.alone, this.aloneRate);
    this.readTillsNowAndThen();
    const slot = await this.askServer(requestSlotKey(keyId));
    if (slot === 'unreachable') {
      this.askServerAfter = this.now() + (this.o.retryServerAfterMs ?? 2_000);
      return this.local(this.alone, this.aloneRate);
    }
    if (this.pacingAlone) {
      this.pacingAlone = false;
      this.o.logger?.info('shop request budget: pacing with the shop again');
    }
    if (slot.waitMs > 0) await this.sleep(slot.waitMs);
  }

  private local(gate: RateGate, perMinute: number): Promise<void> {
    if (gate === this.alone && !this.pacingAlone) {
      this.pacingAlone = true;
      this.o.logger?.info('shop request budget: pacing alone', { perMinute });
    }
    gate.setRate(perMinute);
    this.lastLocal = gate;
    return gate.take();
  }

  /** The slot, or 'unreachable' when the server does not answer in time (or fails: pace alone rather than not send). */
  private async askServer(keyHash: number): Promise<SlotResult> {
    const perMinute = Math.max(1, Math.floor(this.o.perMinute() * RateGate.MARGIN));
    const asked = takeRequestSlot(this.o.pool, keyHash, 60_000_000 / perMinute).catch((e: unknown) => {
      this.failed(e);
      return 'unreachable' as const;
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'unreachable'>((r) => {
      timer = setTimeout(() => r('unreachable'), this.o.answerWithinMs ?? 1_000);
    });
    try {
      return await Promise.race([asked, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private readTillsNowAndThen(): void {
    if (this.now() - this.tillsReadAt < TILLS_REFRESH_MS) return;
    this.tillsReadAt = this.now();
    void registeredTills(this.o.pool)
      .then((n) => {
        if (n !== 'unreachable') this.tills = n;
      })
      .catch((e: unknown) => this.failed(e));
  }

  private failed(e: unknown): void {
    this.o.logger?.error('shop request budget failed', { error: e instanceof Error ? e.message.slice(0, 200) : 'unknown' });
  }
}
