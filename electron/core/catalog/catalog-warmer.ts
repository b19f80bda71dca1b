import type { ConnectionState } from '../../../shared/domain';
import { isApiError } from '../provider/errors';
import type { Logger } from '../platform/ports';
import { Lane } from '../platform/lane';
import type { CatalogService } from './catalog-service';

export interface WarmerDeps {
  catalog: CatalogService;
  now: () => number;
  /** The warming share of the request budget and its waits (from sales/timing.ts's SaleTiming). */
  timing: { warmSharePercent: number; warmRefreshMs: number; idleMs: number };
  /** The till's whole request budget (settings.apiRequestsPerMinute), read at every step. */
  requestsPerMinute: () => number;
  favourites: () => readonly string[];
  connection: () => ConnectionState;
  noteReachable: (reachable: boolean) => void;
  logger: Logger;
}

/** After a product cannot be read (gone, refused), leave it for this long before trying again. */
const FAILED_RETRY_MS = 10 * 60_000;

/**
 * Keeps the prices and stock of the whole cached catalogue known, so that any product, sold
 * before or not, can be sold into the queue when the provider becomes unreachable. One product at
 * a time, the oldest price first (never read = oldest; favourites first among equals), spaced so
 * that it never uses more than `warmSharePercent` of the request budget: sales keep the rest.
 * It pauses while the provider is unreachable or the key refused; each check lands in the
 * ledger's catalogue cache (CatalogService), so the work survives a restart.
 */
export class CatalogWarmer {
  private readonly lane: Lane;
  private lastRequestAt = -Infinity;
  private readonly failedAt = new Map<string, number>();

  constructor(private readonly d: WarmerDeps) {
    this.lane = new Lane(
      () => this.step(),
      (e) => d.logger.warn('catalogue warming step failed', { error: e instanceof Error ? e.name : 'unknown' }),
      Math.max(d.timing.idleMs, 1),
    );
  }

  kick(): void {
    this.lane.kick();
  }

  close(): Promise<void> {
    return this.lane.close();
  }

  /** Milliseconds between two warming requests: the warmer's share of the budget, spread evenly. */
  spacingMs(): number {
    const perMinute = (this.d.requestsPerMinute() * this.d.timing.warmSharePercent) / 100;
    return perMinute > 0 ? Math.ceil(60_000 / perMinute) : Infinity;
  }

  /** The product whose price is oldest and due for a refresh, or how long until one is due. */
  nextDue(): { productId: string } | { waitMs: number } {
    const now = this.d.now();
    const favourites = new Set(this.d.favourites());
    let best: { id: string; at: number; fav: boolean } | null = null;
    let soonest = Infinity;
    for (const id of this.d.catalog.cachedProductIds()) {
      const checked = this.d.catalog.checkedAtMs(id);
      // A check dated in the future (the clock went back) is not trusted.
      const at = Math.max(checked !== null && checked <= now ? checked : -Infinity, this.failedAt.get(id) ?? -Infinity);
      const dueAt = at + (this.failedAt.get(id) === at ? FAILED_RETRY_MS : this.d.timing.warmRefreshMs);
      if (dueAt > now) {
        soonest = Math.min(soonest, dueAt - now);
        continue;
      }
      const fav = favourites.has(id);
      if (!best || at < best.at || (at === best.at && fav && !best.fav)) best = { id, at, fav };
    }
    return best ? { productId: best.id } : { waitMs: soonest };
  }

  private async step(): Promise<number> {
    const idle = this.d.timing.idleMs;
    const spacing = this.spacingMs();
    if (!Number.isFinite(spacing)) return idle;
    const connection = this.d.connection();
    if (connection === 'offline' || connection === 'auth_failed') return idle;
    const wait = this.lastRequestAt + spacing - this.d.now();
    if (wait > 0) return wait;
    const next = this.nextDue();
    if ('waitMs' in next) return Math.max(1, next.waitMs);
    this.lastRequestAt = this.d.now();
    try {
      await this.d.catalog.refreshProduct(next.productId);
      this.failedAt.delete(next.productId);
      this.d.noteReachable(true);
      return spacing;
    } catch (e) {
      if (!isApiError(e)) throw e;
      switch (e.kind) {
        case 'unsent':
          this.d.noteReachable(false);
          return idle;
        case 'auth':
          return idle;
        case 'rate_limited':
          // The 429 already paused every call through the gate; wait out the rest of it here.
          return Math.max(spacing, e.retryAfterMs ?? spacing);
        default:
          // Gone, refused or unreadable: try the others first.
          this.failedAt.set(next.productId, this.d.now());
          return spacing;
      }
    }
  }
}
