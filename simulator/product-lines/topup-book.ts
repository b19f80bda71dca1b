import type { Centimes } from '../../shared/money';
import { objectIdFactory, randomHex, type Rng } from '../random';
import type { DebitType, SimState } from '../state';
import type { SimTopupStatus } from '../types';
import { inWindow, type PageQuery } from '../validation';

/** A ref for a send that came without one, shaped like the provider's (`API-<username>-…`). */
export function generatedRef(username: string, nowMs: number, rng: Rng): string {
  return `API-${username}-${nowMs}-${randomHex(rng, 6)}`;
}

/** The top-up waits that are not `handlingMs`, read at each settlement so that setConfig applies at once. */
export interface TopupTiming {
  unknownErrorResolveMs: number;
  queuedResolveMs: number;
}

/** What a built-in top-up line is made of in one simulator: the shared account, a clock, its own randomness. */
export interface TopupLineDeps {
  /** The account: balance, ledger, `handlingMs`, settlement. */
  state: SimState;
  now: () => Date;
  /** The line's own stream (not the gift cards'), so that adding top-ups changes no seeded card code. */
  rng: Rng;
  timing: TopupTiming;
  /** One counter for every line, so that the control lists top-ups of both lines in creation order. */
  nextSeq: () => number;
}

/** What every top-up record has, whatever its line. */
export interface TopupRecordBase {
  readonly id: string;
  readonly seq: number;
  readonly key: string;
  /** The ref as sent, null if none was. */
  readonly sentRef: string | null;
  /** The ref the provider stores: check-ref finds a top-up by this one only. */
  readonly topupRef: string;
  readonly number: string;
  readonly createdAtMs: number;
  /** Taken from the balance at send. */
  readonly debitC: Centimes;
}

function refKey(key: string, ref: string): string {
  return `${key}\n${ref}`;
}

/**
 * One line's top-ups. Each API key sees only its own (as with gift-card orders), and a ref is
 * "used" on the line once it was sent or stored, even when the provider rewrote it.
 */
export class TopupBook<T extends TopupRecordBase> {
  private readonly list: T[] = [];
  private readonly byId = new Map<string, T>();
  private readonly byStoredRef = new Map<string, T>();
  private readonly usedRefs = new Set<string>();

  add(record: T): void {
    this.list.push(record);
    this.byId.set(record.id, record);
    this.byStoredRef.set(refKey(record.key, record.topupRef), record);
    this.usedRefs.add(refKey(record.key, record.topupRef));
    if (record.sentRef !== null) this.usedRefs.add(refKey(record.key, record.sentRef));
  }

  refUsed(key: string, ref: string): boolean {
    return this.usedRefs.has(refKey(key, ref));
  }

  /** Another key's top-up is indistinguishable from a missing one. */
  byIdFor(key: string, id: string): T | undefined {
    const r = this.byId.get(id);
    return r?.key === key ? r : undefined;
  }

  byRefFor(key: string, ref: string): T | undefined {
    return this.byStoredRef.get(refKey(key, ref));
  }

  /** Any key's, for the control. */
  byIdAny(id: string): T | undefined {
    return this.byId.get(id);
  }

  /** Oldest first. */
  all(): readonly T[] {
    return this.list;
  }

  /** The key's top-ups in the window, newest first (as the provider's lists). */
  history(key: string, q: PageQuery): T[] {
    return this.list.filter((r) => r.key === key && inWindow(r.createdAtMs, q)).reverse();
  }
}

/** A top-up that moves through statuses over time, whatever its line. */
export interface SettlingTopupRecord extends TopupRecordBase {
  status: SimTopupStatus;
  /** When the current status began. */
  sinceMs: number;
}

export type InsufficientBalance = { ok: false; code: 'INSUFFICIENT_BALANCE'; requiredC: Centimes; availableC: Centimes };

const FINAL: ReadonlySet<SimTopupStatus> = new Set(['FULFILLED', 'REFUNDED']);

/**
 * What both lines' stores do alike: ids, the debit and the record of a send, lazy settlement through
 * the account, and the control's resolution. Each line says how its top-ups settle.
 */
export abstract class TopupStore<T extends SettlingTopupRecord> {
  readonly book = new TopupBook<T>();
  private readonly newId: () => string;

  constructor(protected readonly deps: TopupLineDeps) {
    this.newId = objectIdFactory(deps.rng, deps.now);
    deps.state.addSettler(() => this.settleDue());
  }

  /** Settles everything due (every line's, through the account) before the caller reads. */
  settle(): void {
    this.deps.state.settle();
  }

  /** The control's resolution of a top-up that is not final; false if it already is. */
  resolve(topup: T, status: 'FULFILLED' | 'REFUNDED'): boolean {
    this.settle();
    if (FINAL.has(topup.status)) return false;
    const nowMs = this.deps.now().getTime();
    if (status === 'FULFILLED') this.fulfil(topup, nowMs);
    else this.refundByControl(topup, nowMs);
    return true;
  }

  /**
   * Input already judged: debits `charge`, records the top-up `build` completes, and settles it at
   * once (handlingMs 0: final at once, as gift-card orders are). `rewrittenRef` is the provider's own
   * ref for the sandbox numbers that make it keep one, null otherwise.
   */
  protected debitAndRecord(
    input: { key: string; username: string; number: string; ref: string | null },
    charge: { type: DebitType; debitC: Centimes; note: string },
    rewrittenRef: ((nowMs: number) => string) | null,
    build: (base: TopupRecordBase, nowMs: number) => T,
  ): { ok: true; topup: T } | InsufficientBalance {
    const { state, now, rng } = this.deps;
    const nowMs = now().getTime();
    const id = this.newId();
    const debited = state.debit(charge.type, id, charge.debitC, charge.note);
    if (!debited.ok) return { ok: false, code: 'INSUFFICIENT_BALANCE', requiredC: debited.requiredC, availableC: debited.availableC };
    const topupRef = rewrittenRef ? rewrittenRef(nowMs) : (input.ref ?? generatedRef(input.username, nowMs, rng));
    const base: TopupRecordBase = {
      id,
      seq: this.deps.nextSeq(),
      key: input.key,
      sentRef: input.ref,
      topupRef,
      number: input.number,
      createdAtMs: nowMs,
      debitC: charge.debitC,
    };
    const topup = build(base, nowMs);
    this.book.add(topup);
    this.settleOne(topup, nowMs);
    return { ok: true, topup };
  }

  /** Moves a top-up that is not final on as far as `nowMs` allows. */
  protected abstract settleOne(t: T, nowMs: number): void;
  protected abstract fulfil(t: T, atMs: number): void;
  /** A refund the control asked for. */
  protected abstract refundByControl(t: T, atMs: number): void;

  private settleDue(): void {
    const nowMs = this.deps.now().getTime();
    for (const topup of this.book.all()) if (!FINAL.has(topup.status)) this.settleOne(topup, nowMs);
  }
}
