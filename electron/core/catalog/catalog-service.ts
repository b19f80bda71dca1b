import { createHash } from 'node:crypto';
import { z } from 'zod';
import { catalogSchema, type Catalog, type ProductDetail } from '../../../shared/domain';
import { retailFromCost } from '../../../shared/money';
import type { ApiProduct, OneClickDzClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { Ledger } from '../ledger/ledger';

const CATALOG_KEY = 'catalog';
const PRODUCT_KEY = (id: string) => `product:${id}`;
/** The provider asks clients to cache the catalog for at least a day. */
const CATALOG_TTL_MS = 24 * 60 * 60 * 1000;

const cachedProductSchema = z.object({
  productId: z.string(),
  title: z.string(),
  checkedAt: z.string(),
  types: z.array(z.object({ id: z.string(), name: z.string(), costC: z.number().int(), stock: z.number().int() })),
});
type CachedProduct = z.infer<typeof cachedProductSchema>;

const categoryId = (title: string) => createHash('sha256').update(title).digest('hex').slice(0, 12);

/**
 * Catalog and live product checks. The catalog is kept in the ledger's key-value table so the grid
 * appears instantly and stays browsable offline; the last live check of each product is kept too,
 * so a sale can still be queued with known prices while the provider is unreachable.
 */
export class CatalogService {
  constructor(
    private readonly ledger: Ledger,
    private readonly client: () => OneClickDzClient,
    private readonly now: () => number = Date.now,
  ) {}

  async list(refresh: boolean): Promise<Catalog> {
    const cached = this.readCached();
    const fresh = cached && this.now() - Date.parse(cached.fetchedAt) < CATALOG_TTL_MS;
    if (cached && fresh && !refresh) return cached;
    try {
      const api = await this.client().catalog();
      const products: Catalog['products'] = [];
      const categories = api.categories.map((c) => {
        const id = categoryId(c.title);
        for (const p of c.products) products.push({ id: p.id, title: p.title, enabled: p.enabled, region: p.region, categoryId: id });
        return { id, title: c.title, productIds: c.products.map((p) => p.id) };
      });
      const catalog: Catalog = { categories, products, fetchedAt: new Date(this.now()).toISOString(), stale: false };
      this.ledger.kvSet(CATALOG_KEY, JSON.stringify(catalog));
      return catalog;
    } catch (e) {
      if (cached && e instanceof ApiError && e.kind !== 'auth') return { ...cached, stale: true };
      throw e;
    }
  }

  productTitle(productId: string): string | null {
    return this.readCached()?.products.find((p) => p.id === productId)?.title ?? null;
  }

  /**
   * Reads live prices of the products a cashier is likely to sell (favourites, recently sold) in
   * the background, so that if the connection drops they can still be sold into the queue.
   * Sequential and spaced out: it must never compete with a sale for the provider's rate limit.
   */
  async warm(productIds: readonly string[], stop: () => boolean, spacingMs = 1000, maxAgeMs = 60 * 60_000): Promise<number> {
    let fetched = 0;
    for (const id of productIds) {
      if (stop()) break;
      const cached = this.readProduct(id);
      if (cached && this.now() - Date.parse(cached.checkedAt) < maxAgeMs) continue;
      try {
        await this.product(id, 0);
        fetched++;
      } catch (e) {
        if (e instanceof ApiError && (e.kind === 'unsent' || e.kind === 'auth' || e.kind === 'rate_limited')) break;
      }
      await new Promise((r) => setTimeout(r, spacingMs));
    }
    return fetched;
  }

  typeName(productId: string, typeId: string): string | null {
    return this.readProduct(productId)?.types.find((t) => t.id === typeId)?.name ?? null;
  }

  /** Live price and stock; falls back to the last check (live: false) only when the provider is unreachable. */
  async product(productId: string, markupBp: number): Promise<ProductDetail> {
    let p: CachedProduct;
    let live = true;
    try {
      const api: ApiProduct = await this.client().checkProduct(productId);
      p = { productId, title: api.title || this.productTitle(productId) || productId, checkedAt: new Date(this.now()).toISOString(), types: api.types };
      this.ledger.kvSet(PRODUCT_KEY(productId), JSON.stringify(p));
    } catch (e) {
      const cached = this.readProduct(productId);
      if (!cached || !(e instanceof ApiError) || (e.kind !== 'unsent' && e.kind !== 'unknown' && e.kind !== 'server')) throw e;
      p = cached;
      live = false;
    }
    return {
      productId,
      title: p.title,
      markupBp,
      checkedAt: p.checkedAt,
      live,
      denominations: p.types.map((t) => ({ typeId: t.id, name: t.name, costC: t.costC, retailC: retailFromCost(t.costC, markupBp), stock: t.stock })),
    };
  }

  private readCached(): Catalog | null {
    const raw = this.ledger.kvGet(CATALOG_KEY);
    if (!raw) return null;
    try {
      const parsed = catalogSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private readProduct(productId: string): CachedProduct | null {
    const raw = this.ledger.kvGet(PRODUCT_KEY(productId));
    if (!raw) return null;
    try {
      return cachedProductSchema.safeParse(JSON.parse(raw)).data ?? null;
    } catch {
      return null;
    }
  }
}
