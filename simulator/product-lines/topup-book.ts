import type { Centimes } from '../../shared/money';
import type { Rng } from '../random';
import type { SimState } from '../state';
import { inWindow, type PageQuery } from '../validation';

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
