import type { Balance } from '../../../shared/domain';
import type { Emit } from '../platform/event-bus';
import type { OneClickDzClient } from '../provider/client';

const BALANCE_FRESH_MS = 15_000;

export interface BalanceDeps {
  client: () => OneClickDzClient;
  /** Below this many centimes the header warns (settings.lowBalanceThresholdC). */
  lowThresholdC: () => number;
  now: () => number;
  emit: Emit;
}

/** The provider account's balance: read at most every 15 s unless asked, pushed as `balance:changed`. */
export class BalanceReader {
  private last: Balance | null = null;
  private lastAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly d: BalanceDeps) {}

  async read(refresh: boolean): Promise<Balance> {
    if (!refresh && this.last && this.d.now() - this.lastAt < BALANCE_FRESH_MS) return this.last;
    const balanceC = await this.d.client().balance();
    const b: Balance = { balanceC, checkedAt: new Date(this.d.now()).toISOString(), low: balanceC < this.d.lowThresholdC() };
    this.last = b;
    this.lastAt = this.d.now();
    this.d.emit('balance:changed', b);
    return b;
  }

  /**
   * After sales finish, one balance read for the lot: draining a queue must not spend a request
   * per sale on the balance.
   */
  refreshSoon(delayMs = 1000): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.read(true).catch(() => undefined);
    }, delayMs);
    this.timer.unref();
  }

  /** Another key: the last figure was another account's. */
  forget(): void {
    this.last = null;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
